using System.Globalization;
using WedTech.Server.Events;
using WedTech.Server.Guests;
using WedTech.Server.Identity;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Realtime;
using WedTech.Server.Seating;
using WedTech.Server.Tenancy;
using WedTech.Server.Tenancy.Settings;
using WedTech.Server.Weddings;

namespace WedTech.Server.CheckIn;

public sealed record ArrivalListFilter(ArrivalFilter Show, string? Search);

/// <summary>
/// The door of an event: households checked in from their guest pass or picked by name, arrivals undone, and the event's
/// arrivals counted and listed. Every change is told to the wedding's open pages once committed.
/// </summary>
public sealed class CheckInService(
    TenantDbContext db, IEventGuestList guests, IWeddingEvents events, IWeddingDirectory weddings, GuestPasses passes, CurrentUser user,
    AuditLog audit, WeddingChanges changes, TenantContext tenant, IStudioSettings studio, IEventSeating seating, TimeProvider time)
{
    public async Task<CheckInResponse> CheckInAsync(Guid eventId, CheckInRequest request, CancellationToken cancellationToken)
    {
        var (weddingId, wedEvent) = await RequireEventAsync(eventId, cancellationToken);
        var household = await HouseholdAsync(wedEvent, weddingId, request, cancellationToken);
        var chosen = Chosen(household, request.Members);
        for (var attempt = 1; ; attempt++)
        {
            var arrived = await ArrivalsAsync(eventId, household.Id, cancellationToken);
            var coming = chosen.Where(id => !arrived.ContainsKey(id)).ToList();
            if (coming.Count == 0)
            {
                return await ResponseAsync(eventId, household, arrived, CheckInOutcome.AlreadyArrived, chosen, cancellationToken);
            }
            var now = time.GetUtcNow();
            var by = user.Required;
            db.Arrivals.AddRange(coming.Select(id => new Arrival { EventId = eventId, HouseholdId = household.Id, GuestId = id, At = now, ByUserId = by.Id, ByName = by.Name }));
            audit.Record("guest.checked-in", nameof(Household), household.Id,
                string.Create(CultureInfo.InvariantCulture, $"event {eventId}: {coming.Count} of {household.Members.Count} arrived"));
            Changed(weddingId, eventId, household.Id);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException) when (attempt <= chosen.Count)
            {
                // Another coordinator checked some of them in at the same moment (the unique index refused the second row):
                // read again what is in, and add only who is still missing. Each refusal means at least one more of the chosen
                // is in, so one attempt per chosen member and a last one always end; a fixed count lost to three coordinators
                // scanning one pass at once.
                db.ChangeTracker.Clear();
                continue;
            }
            return await ResponseAsync(eventId, household, await ArrivalsAsync(eventId, household.Id, cancellationToken), CheckInOutcome.CheckedIn, chosen, cancellationToken);
        }
    }

    /// <summary>The household at the event's door as it is now, checking in nobody.</summary>
    public async Task<CheckInResponse> GetAsync(Guid eventId, Guid householdId, CancellationToken cancellationToken)
    {
        var (weddingId, wedEvent) = await RequireEventAsync(eventId, cancellationToken);
        var household = await InvitedHouseholdAsync(wedEvent, weddingId, householdId, "householdId", cancellationToken);
        var arrived = await ArrivalsAsync(eventId, householdId, cancellationToken);
        return await ResponseAsync(eventId, household, arrived, arrived.Count > 0 ? CheckInOutcome.AlreadyArrived : CheckInOutcome.NotCheckedIn, [], cancellationToken);
    }

    /// <summary>Undoes the arrival of one member, or of the whole household; undoing what is not there changes nothing.</summary>
    public async Task<CheckInResponse> UndoAsync(Guid eventId, Guid householdId, Guid? guestId, CancellationToken cancellationToken)
    {
        var (weddingId, wedEvent) = await RequireEventAsync(eventId, cancellationToken);
        var household = await InvitedHouseholdAsync(wedEvent, weddingId, householdId, "householdId", cancellationToken);
        if (guestId is { } one && household.Members.All(m => m.Id != one))
        {
            throw new ValidationFailedException("guestId", $"This guest is not a member of {household.DisplayName} invited to the {wedEvent.Name}.");
        }
        var undone = await db.Arrivals.Where(a => a.EventId == eventId && a.HouseholdId == householdId && (guestId == null || a.GuestId == guestId)).ToListAsync(cancellationToken);
        if (undone.Count > 0)
        {
            db.Arrivals.RemoveRange(undone);
            audit.Record("guest.check-in-undone", nameof(Household), householdId,
                string.Create(CultureInfo.InvariantCulture, $"event {eventId}: {undone.Count} no longer arrived"));
            Changed(weddingId, eventId, householdId);
            await db.SaveChangesAsync(cancellationToken);
        }
        var arrived = await ArrivalsAsync(eventId, householdId, cancellationToken);
        return await ResponseAsync(eventId, household, arrived, arrived.Count > 0 ? CheckInOutcome.AlreadyArrived : CheckInOutcome.NotCheckedIn, [], cancellationToken,
            undone.Count > 0 ? $"Arrival undone for {Count(undone.Count)}." : "Nobody was checked in; nothing to undo.");
    }

    /// <summary>Each event of the wedding with its arrivals so far.</summary>
    public async Task<WeddingArrivalsResponse> WeddingAsync(Guid weddingId, CancellationToken cancellationToken)
    {
        if (!await weddings.IsVisibleAsync(weddingId, cancellationToken))
        {
            throw ApiException.NotFound("Wedding");
        }
        var counts = new List<ArrivalCounts>();
        foreach (var wedEvent in await events.OfWeddingAsync(weddingId, cancellationToken))
        {
            counts.Add(await CountsAsync(wedEvent, cancellationToken));
        }
        return new WeddingArrivalsResponse(weddingId, counts);
    }

    /// <summary>The event's counts and a page of its invited households, arrived or not, by name.</summary>
    public async Task<EventArrivalsResponse> EventAsync(Guid eventId, ArrivalListFilter filter, Paging paging, CancellationToken cancellationToken)
    {
        var (_, wedEvent) = await RequireEventAsync(eventId, cancellationToken);
        var invited = guests.InvitedTo(eventId);
        var arrivals = db.Arrivals.Where(a => a.EventId == eventId);
        if (filter.Search.TrimmedOrNull() is { } search)
        {
            var term = search.ToLowerInvariant();
            invited = invited.Where(h => h.SearchText.Contains(term));
        }
        invited = filter.Show switch
        {
            ArrivalFilter.Arrived => invited.Where(h => arrivals.Any(a => a.HouseholdId == h.HouseholdId)),
            ArrivalFilter.NotArrived => invited.Where(h => !arrivals.Any(a => a.HouseholdId == h.HouseholdId)),
            _ => invited,
        };
        var page = await invited.OrderBy(h => h.DisplayName).ThenBy(h => h.HouseholdId).ToPageAsync(paging, h => new
        {
            h.HouseholdId, h.DisplayName, h.Answer, h.Attending,
            Arrived = arrivals.Count(a => a.HouseholdId == h.HouseholdId),
            Last = arrivals.Where(a => a.HouseholdId == h.HouseholdId).Max(a => (DateTimeOffset?)a.At),
        }, cancellationToken);
        var members = await guests.InvitedMembersAsync(eventId, page.Items.Select(h => h.HouseholdId).ToList(), cancellationToken);
        var rows = page.Items.Select(h => new ArrivalRow(h.HouseholdId, h.DisplayName, members.GetValueOrDefault(h.HouseholdId)?.Count ?? 0,
            h.Answer == RsvpAnswer.Attending ? h.Attending : 0, h.Arrived, h.Last)).ToList();
        return new EventArrivalsResponse(await CountsAsync(wedEvent, cancellationToken), new PagedResponse<ArrivalRow>(rows, page.Page, page.PageSize, page.TotalCount));
    }

    /// <summary>The household's guest pass as a PNG; 409 while it has no RSVP link (the pass goes with the link).</summary>
    public async Task<byte[]> PassAsync(Guid weddingId, Guid householdId, CancellationToken cancellationToken)
    {
        if (!await weddings.IsVisibleAsync(weddingId, cancellationToken))
        {
            throw ApiException.NotFound("Wedding");
        }
        var household = await guests.HouseholdAsync(householdId, null, cancellationToken);
        if (household is null || household.WeddingId != weddingId)
        {
            throw ApiException.NotFound("Household");
        }
        return passes.Code(weddingId, householdId, household.RsvpLinkIssuedAt) is { } code ? GuestPasses.Png(code)
            : throw ApiException.Conflict("The household has no RSVP link, so no guest pass: issue its link first (the pass is on the RSVP page and changes with the link).");
    }

    private async Task<ArrivalCounts> CountsAsync(EventOfWedding wedEvent, CancellationToken cancellationToken)
    {
        var invited = guests.InvitedTo(wedEvent.Id);
        var expected = await invited.Where(h => h.Answer == RsvpAnswer.Attending).SumAsync(h => h.Attending, cancellationToken);
        var households = await invited.CountAsync(cancellationToken);
        var arrivals = db.Arrivals.Where(a => a.EventId == wedEvent.Id);
        var arrived = await arrivals.CountAsync(cancellationToken);
        var householdsIn = await arrivals.Select(a => a.HouseholdId).Distinct().CountAsync(cancellationToken);
        return new ArrivalCounts(wedEvent.Id, wedEvent.Name, wedEvent.Start, arrived, expected, households, householdsIn);
    }

    private async Task<(Guid WeddingId, EventOfWedding Event)> RequireEventAsync(Guid eventId, CancellationToken cancellationToken) =>
        await events.FindAsync(eventId, cancellationToken) is { } found && await weddings.IsVisibleAsync(found.WeddingId, cancellationToken)
            ? found
            : throw ApiException.NotFound("Event");

    /// <summary>The household the request names, by its pass's code or its id, invited to the event; else every fault as a field error.</summary>
    private async Task<DoorHousehold> HouseholdAsync(EventOfWedding wedEvent, Guid weddingId, CheckInRequest request, CancellationToken cancellationToken)
    {
        var code = request.Code.TrimmedOrNull();
        if ((code is null) == (request.HouseholdId is null))
        {
            throw new ValidationFailedException("code", code is null
                ? "Scan the guest pass, or pick the household by name."
                : "Send the scanned code or the household picked by name, not both.");
        }
        if (code is null)
        {
            return await InvitedHouseholdAsync(wedEvent, weddingId, request.HouseholdId!.Value, "householdId", cancellationToken);
        }
        // Refusals say nothing of the household a code names: it may be another wedding's, or not a real one.
        if (GuestPasses.Read(code) is not { } reading)
        {
            throw new ValidationFailedException("code", "This is not a guest pass. Find the guest by name instead.");
        }
        if (reading.StudioId != tenant.Current.Id)
        {
            throw new ValidationFailedException("code", "This guest pass is for another studio's wedding, not this one.");
        }
        var household = await guests.HouseholdAsync(reading.HouseholdId, wedEvent.Id, cancellationToken);
        if (household is null || !passes.Verify(reading, household.WeddingId, household.RsvpLinkIssuedAt))
        {
            throw new ValidationFailedException("code", "This guest pass is not valid: it was replaced by a newer one, or it is not genuine. Find the guest by name instead.");
        }
        if (household.WeddingId != weddingId)
        {
            throw new ValidationFailedException("code", "This guest pass is for another wedding, not this one.");
        }
        if (!household.Invited)
        {
            throw new ValidationFailedException("code", $"This household is not invited to the {wedEvent.Name}.");
        }
        return household;
    }

    private async Task<DoorHousehold> InvitedHouseholdAsync(EventOfWedding wedEvent, Guid weddingId, Guid householdId, string field, CancellationToken cancellationToken)
    {
        var household = await guests.HouseholdAsync(householdId, wedEvent.Id, cancellationToken);
        if (household is null || household.WeddingId != weddingId)
        {
            throw ApiException.NotFound("Household");
        }
        return household.Invited ? household : throw new ValidationFailedException(field, $"{household.DisplayName} is not invited to the {wedEvent.Name}.");
    }

    /// <summary>The members asked for (each one invited to the event with the household), or all invited.</summary>
    private static List<Guid> Chosen(DoorHousehold household, IReadOnlyList<Guid>? members)
    {
        if (members is null)
        {
            return household.Members.Count > 0 ? household.Members.Select(m => m.Id).ToList()
                : throw new ValidationFailedException("members", "Nobody of this household is invited to the event by name.");
        }
        var errors = new FieldErrors();
        if (members.Count == 0)
        {
            errors.Add("members", "Choose who arrived, or leave the list out for the whole household.");
        }
        for (var i = 0; i < members.Count; i++)
        {
            if (household.Members.All(m => m.Id != members[i]))
            {
                errors.Add($"members[{i}]", "This guest is not invited to the event with this household.");
            }
        }
        errors.ThrowIfAny();
        return members.Distinct().ToList();
    }

    private Task<Dictionary<Guid, Arrival>> ArrivalsAsync(Guid eventId, Guid householdId, CancellationToken cancellationToken) =>
        db.Arrivals.AsNoTracking().Where(a => a.EventId == eventId && a.HouseholdId == householdId).ToDictionaryAsync(a => a.GuestId, cancellationToken);

    private void Changed(Guid weddingId, Guid eventId, Guid householdId) =>
        changes.AfterCommit(new WeddingChangedMessage(weddingId, WeddingChange.GuestsArrived, null, eventId, householdId));

    private async Task<CheckInResponse> ResponseAsync(Guid eventId, DoorHousehold household, Dictionary<Guid, Arrival> arrived, CheckInOutcome outcome,
        List<Guid> chosen, CancellationToken cancellationToken, string? message = null)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(await studio.TimeZoneAsync(cancellationToken));
        string Clock(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone).ToString("HH:mm", CultureInfo.InvariantCulture);
        var tables = await seating.TablesOfAsync(eventId, [.. household.Members.Select(m => m.Id)], cancellationToken);
        var members = household.Members.Select(m => new ArrivingGuest(m.Id, m.Name, m.Honorific, m.AgeGroup, m.Diet, m.Allergies, m.Answer,
            arrived.GetValueOrDefault(m.Id)?.At, arrived.GetValueOrDefault(m.Id)?.ByName, tables.GetValueOrDefault(m.Id))).ToList();
        var first = arrived.Values.Where(a => chosen.Count == 0 || chosen.Contains(a.GuestId)).OrderBy(a => a.At).FirstOrDefault();
        message ??= outcome switch
        {
            CheckInOutcome.AlreadyArrived when first is not null && arrived.Count == household.Members.Count =>
                $"Already arrived at {Clock(first.At)}, checked in by {first.ByName}. Nothing was changed.",
            CheckInOutcome.AlreadyArrived when first is not null =>
                $"{Count(arrived.Count)} of {household.Members.Count} already arrived (first at {Clock(first.At)}, checked in by {first.ByName}).",
            CheckInOutcome.CheckedIn => arrived.Count == household.Members.Count ? $"Welcome! All {Count(arrived.Count)} checked in."
                : $"Checked in: {arrived.Count} of {household.Members.Count}.",
            _ => "Not checked in yet.",
        };
        return new CheckInResponse(eventId, household.Id, household.DisplayName, outcome, message, household.Attending, members);
    }

    private static string Count(int guests) => guests == 1 ? "1 guest" : string.Create(CultureInfo.InvariantCulture, $"{guests} guests");
}
