using System.Globalization;
using WedTech.Server.Events;
using WedTech.Server.Identity;
using Microsoft.Extensions.Caching.Hybrid;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Platform.Caching;
using WedTech.Server.Platform.Email;
using WedTech.Server.Realtime;
using WedTech.Server.Tenancy;
using WedTech.Server.Weddings;

namespace WedTech.Server.Guests;

public sealed record HouseholdFilter(string? Search, GuestSide? Side, string? Tag, Guid? EventId, RsvpAnswer? Answer, Diet? Diet);

/// <summary>
/// A wedding's guest list: households, their members and their invitations to the wedding's events. Whoever may see the
/// wedding may see its list; the couple never sees the studio's notes.
/// </summary>
public sealed class GuestService(
    TenantDbContext db, CurrentUser currentUser, AuditLog audit, IWeddingDirectory weddings, IWeddingEvents events, UserDirectory users,
    TenantContext tenant, TimeProvider time, HybridCache cache, IDatabaseProvider databases, RsvpLinks links, GuestsChanged changes)
{
    public const int MaxHouseholdsPerWedding = 5_000;

    private static readonly HybridCacheEntryOptions CountsCacheOptions = new() { Expiration = TimeSpan.FromMinutes(10), LocalCacheExpiration = TimeSpan.FromMinutes(10) };

    private bool SeesInternal => currentUser.Can(Permissions.WeddingInternal);

    public async Task<PagedResponse<HouseholdResponse>> ListAsync(Guid weddingId, HouseholdFilter filter, Paging paging, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var query = db.Households.AsNoTracking().Where(h => h.WeddingId == weddingId);
        if (filter.Search.TrimmedOrNull() is { } search)
        {
            var term = search.ToLowerInvariant();
            query = query.Where(h => h.SearchText.Contains(term));
        }
        if (filter.Side is { } side)
        {
            query = query.Where(h => h.Side == side);
        }
        if (filter.Tag.TrimmedOrNull() is { } tag)
        {
            var line = Household.TagLine(tag);
            query = query.Where(h => h.SearchText.Contains(line));
        }
        if (filter.EventId is { } eventId)
        {
            query = filter.Answer is { } answer
                ? query.Where(h => h.Invitations.Any(i => i.EventId == eventId && i.Answer == answer))
                : query.Where(h => h.Invitations.Any(i => i.EventId == eventId));
        }
        else if (filter.Answer is { } answer)
        {
            query = query.Where(h => h.Invitations.Any(i => i.Answer == answer));
        }
        if (filter.Diet is { } diet)
        {
            query = query.Where(h => h.Members.Any(m => m.Diet == diet));
        }
        var page = await query.Include(h => h.Members).Include(h => h.Invitations).AsSplitQuery()
            .OrderBy(h => h.DisplayName).ThenBy(h => h.Id).ToPageAsync(paging, h => h, cancellationToken);
        return new PagedResponse<HouseholdResponse>(page.Items.Select(ToResponse).ToList(), page.Page, page.PageSize, page.TotalCount);
    }

    public async Task<HouseholdResponse> GetAsync(Guid weddingId, Guid id, CancellationToken cancellationToken) =>
        ToResponse(await LoadAsync(weddingId, id, tracked: false, cancellationToken));

    public async Task<HouseholdResponse> CreateAsync(Guid weddingId, HouseholdRequest request, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        if (await db.Households.CountAsync(h => h.WeddingId == weddingId, cancellationToken) >= MaxHouseholdsPerWedding)
        {
            throw ApiException.Conflict(string.Create(CultureInfo.InvariantCulture, $"A wedding's guest list holds at most {MaxHouseholdsPerWedding:N0} households."));
        }
        var household = new Household { WeddingId = weddingId, DisplayName = "" };
        Apply(household, request);
        db.Households.Add(household);
        audit.Record("household.created", nameof(Household), household.Id, $"wedding {weddingId}");
        Publish(household);
        await db.SaveChangesAsync(cancellationToken);
        return ToResponse(household);
    }

    public async Task<HouseholdResponse> UpdateAsync(Guid weddingId, Guid id, HouseholdRequest request, long expectedVersion, CancellationToken cancellationToken)
    {
        var household = await LoadAsync(weddingId, id, tracked: true, cancellationToken);
        Concurrency.Expect(household, expectedVersion, "household");
        Apply(household, request);
        ForgetRemovedMembers(household);
        if (WritePath.ChangedFields(db, household) is not null)
        {
            Publish(household);
            await db.SaveChangesAsync(cancellationToken);
        }
        return ToResponse(household);
    }

    /// <summary>Deletes the household with its members, invitations and answer history: the guests' personal data goes with it.</summary>
    public async Task DeleteAsync(Guid weddingId, Guid id, long? expectedVersion, CancellationToken cancellationToken)
    {
        var household = await LoadAsync(weddingId, id, tracked: true, cancellationToken);
        Concurrency.Expect(household, expectedVersion, "household");
        db.Households.Remove(household);
        audit.Record("household.deleted", nameof(Household), household.Id, $"wedding {weddingId}");
        Publish(household);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Makes the household's invitations what the request says; answers of events still invited stay.</summary>
    public async Task<HouseholdResponse> SetInvitationsAsync(Guid weddingId, Guid id, InvitationsRequest request, long expectedVersion, CancellationToken cancellationToken)
    {
        var household = await LoadAsync(weddingId, id, tracked: true, cancellationToken);
        Concurrency.Expect(household, expectedVersion, "household");
        var weddingEvents = (await events.OfWeddingAsync(weddingId, cancellationToken)).ToDictionary(e => e.Id);
        var memberIds = household.Members.Select(m => m.Id).ToHashSet();
        var errors = new FieldErrors();
        var seen = new HashSet<Guid>();
        for (var i = 0; i < request.Events.Count; i++)
        {
            var field = $"events[{i}]";
            var wanted = request.Events[i];
            if (wanted is null)
            {
                errors.Add(field, "Give the event and its places.");
                continue;
            }
            if (!weddingEvents.ContainsKey(wanted.EventId!.Value))
            {
                errors.Add(field + ".eventId", "This wedding has no such event.");
            }
            else if (!seen.Add(wanted.EventId.Value))
            {
                errors.Add(field + ".eventId", "This event is already in the list; give each event once.");
            }
            var named = wanted.Guests ?? [];
            if (named.Any(g => !memberIds.Contains(g)))
            {
                errors.Add(field + ".guests", "Name only members of this household.");
            }
            else if (named.Distinct().Count() > wanted.Places)
            {
                errors.Add(field + ".places", $"You named {named.Distinct().Count()} members; give at least as many places.");
            }
            var existing = household.Invitations.Find(x => x.EventId == wanted.EventId);
            if (existing is not null && existing.Attending > wanted.Places)
            {
                errors.Add(field + ".places", string.Create(CultureInfo.InvariantCulture,
                    $"{existing.Attending} people of this household have said they are coming; give at least {existing.Attending} places, or record their new answer first."));
            }
        }
        errors.ThrowIfAny();

        household.Invitations.RemoveAll(invitation => !seen.Contains(invitation.EventId));
        foreach (var wanted in request.Events)
        {
            var guests = (wanted.Guests ?? []).Distinct().ToList();
            var invitation = household.Invitations.Find(x => x.EventId == wanted.EventId);
            if (invitation is null)
            {
                household.Invitations.Add(new Invitation { HouseholdId = household.Id, WeddingId = weddingId, EventId = wanted.EventId!.Value, Places = wanted.Places!.Value, Guests = guests });
            }
            else
            {
                invitation.Places = wanted.Places!.Value;
                invitation.Guests = guests;
            }
        }
        // The invitations are part of the household's plan: a new version, so that a stale copy cannot undo them.
        db.Entry(household).State = EntityState.Modified;
        audit.Record("household.invitations-changed", nameof(Household), household.Id, string.Create(CultureInfo.InvariantCulture, $"{request.Events.Count} events"));
        Publish(household);
        await db.SaveChangesAsync(cancellationToken);
        return ToResponse(household);
    }

    /// <summary>Records an answer given to a member of the studio (or by the couple) for one event.</summary>
    public async Task<InvitationResponse> AnswerAsync(Guid weddingId, Guid id, Guid eventId, RsvpRequest request, long? expectedVersion, CancellationToken cancellationToken)
    {
        var household = await LoadAsync(weddingId, id, tracked: true, cancellationToken);
        var invitation = household.Invitations.Find(i => i.EventId == eventId) ?? throw ApiException.NotFound("Invitation");
        Concurrency.Expect(invitation, expectedVersion, "invitation");
        var change = Rsvp.Apply(household, invitation, request, time.GetUtcNow(), RsvpSource.Staff, currentUser.User?.Id,
            "Raise the places of this invitation first.");
        if (change is not null)
        {
            db.RsvpChanges.Add(change);
            audit.Record("household.answered", nameof(Household), household.Id, $"event {eventId}: {ApiJson.EnumName(change.After)}, {change.AttendingAfter} attending");
            Publish(household);
            await db.SaveChangesAsync(cancellationToken);
        }
        return ToResponse(invitation);
    }

    public async Task<IReadOnlyList<RsvpChangeResponse>> HistoryAsync(Guid weddingId, Guid id, CancellationToken cancellationToken)
    {
        var household = await LoadAsync(weddingId, id, tracked: false, cancellationToken);
        var changes = await db.RsvpChanges.AsNoTracking().Where(c => c.HouseholdId == household.Id)
            .OrderByDescending(c => c.At).ThenByDescending(c => c.Id).ToListAsync(cancellationToken);
        var names = new Dictionary<Guid, string?>();
        foreach (var userId in changes.Select(c => c.ByUserId).OfType<Guid>().Distinct())
        {
            names[userId] = (await users.FindAsync(userId, cancellationToken))?.Name;
        }
        return changes.Select(c => new RsvpChangeResponse(c.EventId, c.At, c.Source, c.ByUserId is { } by ? names[by] : null,
            c.Before, c.AttendingBefore, c.After, c.AttendingAfter)).ToList();
    }

    /// <summary>
    /// Issues the household's personal RSVP link, replacing any it had (the old one stops working). The token is in the
    /// answer only; the household keeps its hash. Not an edit of the household: its version stays.
    /// </summary>
    public async Task<RsvpLinkResponse> IssueRsvpLinkAsync(Guid weddingId, Guid id, CancellationToken cancellationToken)
    {
        var household = await LoadAsync(weddingId, id, tracked: false, cancellationToken);
        var (token, issuedAt) = await links.IssueAsync(household.Id, onlyIfNone: false, cancellationToken)
            ?? throw ApiException.NotFound("Household");
        audit.Record("household.rsvp-link-issued", nameof(Household), household.Id, $"wedding {weddingId}");
        await db.SaveChangesAsync(cancellationToken);
        return new RsvpLinkResponse(links.Url(token), issuedAt);
    }

    /// <summary>Revokes the household's RSVP link: it answers as an unknown link from now on.</summary>
    public async Task RevokeRsvpLinkAsync(Guid weddingId, Guid id, CancellationToken cancellationToken)
    {
        var household = await LoadAsync(weddingId, id, tracked: false, cancellationToken);
        await db.Households.Where(h => h.Id == household.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(h => h.RsvpTokenHash, (string?)null).SetProperty(h => h.RsvpLinkIssuedAt, (DateTimeOffset?)null)
                .SetProperty(h => h.RsvpLinkOpenedAt, (DateTimeOffset?)null), cancellationToken);
        audit.Record("household.rsvp-link-revoked", nameof(Household), household.Id, $"wedding {weddingId}");
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<GuestListSettingsResponse> GetSettingsAsync(Guid weddingId, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        return ToResponse(await db.GuestListSettings.AsNoTracking().FirstOrDefaultAsync(s => s.WeddingId == weddingId, cancellationToken)
            ?? new GuestListSettings { WeddingId = weddingId });
    }

    /// <summary>Replaces the wedding's guest-list settings; a wedding without saved settings has the defaults at version 1.</summary>
    public async Task<GuestListSettingsResponse> SaveSettingsAsync(Guid weddingId, GuestListSettingsRequest request, long expectedVersion, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var settings = await db.GuestListSettings.FirstOrDefaultAsync(s => s.WeddingId == weddingId, cancellationToken);
        if (settings is null)
        {
            // The defaults are saved as version 1 first, so that this change is version 2 as for any other record.
            settings = new GuestListSettings { WeddingId = weddingId };
            Concurrency.Expect(settings, expectedVersion, "guest-list settings");
            db.GuestListSettings.Add(settings);
            await db.SaveChangesAsync(cancellationToken);
        }
        Concurrency.Expect(settings, expectedVersion, "guest-list settings");
        settings.RsvpDeadline = request.RsvpDeadline;
        settings.StudioContact = request.StudioContact.TrimmedOrNull();
        settings.CollectIds = request.CollectIds;
        if (WritePath.ChangedFields(db, settings) is not null)
        {
            changes.AfterCommit(weddingId);
            await db.SaveChangesAsync(cancellationToken);
        }
        return ToResponse(settings);
    }

    /// The counts of the list come from the cache, computed once after each change of the list (a tag per wedding); the
    /// events they are shown under are read as they are now.
    /// </summary>
    public async Task<HeadcountsResponse> HeadcountsAsync(Guid weddingId, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var weddingEvents = await events.OfWeddingAsync(weddingId, cancellationToken);
        return Headcounts.For(weddingId, weddingEvents, await CountsAsync(weddingId, cancellationToken));
    }

    /// <summary>The counts of the wedding's list, from the cache, whoever asks (the caller checks the wedding).</summary>
    internal async Task<Headcounts.ListCounts> CountsAsync(Guid weddingId, CancellationToken cancellationToken) =>
        // The read may outlive this request (others wait on it), so it uses a context of its own.
        await cache.GetOrCreateAsync(changes.CountsKey(weddingId), (databases, tenant.Current.DatabaseName, weddingId), static async (state, ct) =>
        {
            await using var context = state.databases.CreateTenantContext(state.DatabaseName);
            return await CountAsync(context, state.weddingId, ct);
        }, CountsCacheOptions, [changes.Tag(weddingId)], cancellationToken);

    private static async Task<Headcounts.ListCounts> CountAsync(TenantDbContext context, Guid weddingId, CancellationToken cancellationToken)
    {
        var households = await context.Households.AsNoTracking().Where(h => h.WeddingId == weddingId)
            .Select(h => new Headcounts.HouseholdRow(h.Id, h.Side)).ToListAsync(cancellationToken);
        var guests = await context.Guests.AsNoTracking().Where(g => context.Set<Household>().Any(h => h.Id == g.HouseholdId && h.WeddingId == weddingId))
            .Select(g => new Headcounts.GuestRow(g.Id, g.AgeGroup, g.Diet)).ToListAsync(cancellationToken);
        var invitations = await context.Invitations.AsNoTracking().Where(i => i.WeddingId == weddingId)
            .Select(i => new Headcounts.InvitationRow(i.HouseholdId, i.EventId, i.Places, i.Answer, i.Attending, i.Members)).ToListAsync(cancellationToken);
        return Headcounts.Count(households, guests, invitations);
    }

    private async Task<Household> LoadAsync(Guid weddingId, Guid id, bool tracked, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var query = db.Households.Include(h => h.Members).Include(h => h.Invitations).AsSplitQuery();
        return await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(h => h.Id == id && h.WeddingId == weddingId, cancellationToken)
            ?? throw ApiException.NotFound("Household");
    }

    private void Publish(Household household) => changes.AfterCommit(household.WeddingId);

    /// <summary>A member who left the household leaves the invitations too: their answers go and the headcount follows.</summary>
    private static void ForgetRemovedMembers(Household household)
    {
        var members = household.Members.Select(m => m.Id).ToHashSet();
        foreach (var invitation in household.Invitations)
        {
            if (invitation.Guests.Any(g => !members.Contains(g)))
            {
                invitation.Guests = invitation.Guests.Where(members.Contains).ToList();
            }
            if (invitation.Members.Any(m => !members.Contains(m.GuestId)))
            {
                invitation.Members = invitation.Members.Where(m => members.Contains(m.GuestId)).ToList();
                Rsvp.Settle(household, invitation);
            }
        }
    }

    /// <summary>Checks the whole request and reports every field at fault at once.</summary>
    private void Apply(Household household, HouseholdRequest request)
    {
        var errors = new FieldErrors();
        var country = request.Country.TrimmedOrNull()?.ToUpperInvariant() ?? Messaging.PhoneNumbers.DefaultRegion;
        if (!(country.Length == 2 && country.All(char.IsAsciiLetterUpper)))
        {
            errors.Add("country", "Use the two-letter ISO country code, like IN or AE.");
            country = Messaging.PhoneNumbers.DefaultRegion;
        }
        var phone = request.Phone.TrimmedOrNull() is { } number ? errors.Check(() => Messaging.PhoneNumbers.ToE164(number, "phone", country)) : null;
        var email = request.Email.TrimmedOrNull();
        if (email is not null)
        {
            errors.Check(() => EmailAddresses.Check(email, "email"));
        }
        var tags = new List<string>();
        foreach (var given in request.Tags ?? [])
        {
            var tag = given.TrimmedOrNull();
            if (tag is null)
            {
                continue;
            }
            if (tag.Length > GuestTags.MaxLength || tag.Contains('\n', StringComparison.Ordinal) || tag.Contains('#', StringComparison.Ordinal))
            {
                errors.Add("tags", $"Keep each tag to one line of at most {GuestTags.MaxLength} characters, without #.");
                break;
            }
            if (!tags.Contains(tag, StringComparer.OrdinalIgnoreCase))
            {
                tags.Add(tag);
            }
        }
        var travel = request.Travel;
        var arrival = travel?.ArrivalAt;
        var departure = travel?.DepartureAt;
        if ((arrival is { } arrives && !errors.Check(() => VenueTime.RequireLocal(arrives, "travel.arrivalAt")))
            | (departure is { } departs && !errors.Check(() => VenueTime.RequireLocal(departs, "travel.departureAt"))))
        {
            (arrival, departure) = (null, null);
        }
        else if (departure < arrival)
        {
            errors.Add("travel.departureAt", "The departure is before the arrival.");
        }

        var members = new List<Guest>();
        var keptIds = new HashSet<Guid>();
        for (var i = 0; i < request.Members.Count; i++)
        {
            var field = $"members[{i}]";
            var given = request.Members[i];
            if (given is null)
            {
                errors.Add(field, "Give the member's name, or who they come with.");
                continue;
            }
            var name = given.Name.TrimmedOrNull();
            var guestOf = given.GuestOf.TrimmedOrNull();
            if (name is null && guestOf is null)
            {
                errors.Add(field + ".name", "Give the member's name, or, for an unnamed place, whose guest they are.");
            }
            Guest? existing = null;
            if (given.Id is { } memberId)
            {
                existing = household.Members.Find(m => m.Id == memberId);
                if (existing is null || !keptIds.Add(memberId))
                {
                    errors.Add(field + ".id", "This household has no such member; leave the id out to add one.");
                }
            }
            var memberPhone = given.Phone.TrimmedOrNull() is { } own ? errors.Check(() => Messaging.PhoneNumbers.ToE164(own, field + ".phone", country)) : null;
            var memberEmail = given.Email.TrimmedOrNull();
            if (memberEmail is not null)
            {
                errors.Check(() => EmailAddresses.Check(memberEmail, field + ".email"));
            }
            var guest = existing ?? new Guest { HouseholdId = household.Id };
            guest.Position = i;
            guest.Name = name;
            guest.LatinName = given.LatinName.TrimmedOrNull();
            guest.Honorific = given.Honorific.TrimmedOrNull();
            guest.AgeGroup = given.AgeGroup ?? AgeGroup.Adult;
            guest.Diet = given.Diet;
            guest.Allergies = given.Allergies.TrimmedOrNull();
            guest.Phone = memberPhone;
            guest.Email = memberEmail;
            guest.GuestOf = name is null ? guestOf : null;
            members.Add(guest);
        }
        errors.ThrowIfAny();

        household.DisplayName = request.DisplayName.Trim();
        household.Side = request.Side!.Value;
        household.Group = request.Group.TrimmedOrNull();
        household.Phone = phone;
        household.Email = email;
        household.City = request.City.TrimmedOrNull();
        household.State = request.State.TrimmedOrNull();
        household.Country = country;
        household.Tags = tags;
        if (SeesInternal)
        {
            household.Notes = request.Notes.TrimmedOrNull();
        }
        household.ArrivalAt = arrival;
        household.ArrivalBy = travel?.ArrivalBy.TrimmedOrNull();
        household.DepartureAt = departure;
        household.DepartureBy = travel?.DepartureBy.TrimmedOrNull();
        household.Members.RemoveAll(m => !members.Contains(m));
        foreach (var member in members.Where(m => !household.Members.Contains(m)))
        {
            household.Members.Add(member);
        }
        household.Members.Sort((a, b) => a.Position.CompareTo(b.Position));
        household.RefreshSearchText();
    }

    private HouseholdResponse ToResponse(Household h) => new(
        h.Id, h.WeddingId, h.DisplayName, h.Side, h.Group, h.Phone, h.Email, h.City, h.State, h.Country, h.Tags,
        SeesInternal ? h.Notes : null,
        h.ArrivalAt is null && h.DepartureAt is null && h.ArrivalBy is null && h.DepartureBy is null ? null : new TravelPlan(h.ArrivalAt, h.ArrivalBy, h.DepartureAt, h.DepartureBy),
        h.NoteToCouple,
        h.Members.OrderBy(m => m.Position).Select(m => new GuestResponse(m.Id, m.Name, m.LatinName, m.Honorific, m.AgeGroup, m.Diet, m.Allergies, m.Phone, m.Email, m.GuestOf)).ToList(),
        h.Invitations.OrderBy(i => i.Id).Select(ToResponse).ToList(),
        h.Version, h.UpdatedAt);

    private static GuestListSettingsResponse ToResponse(GuestListSettings s) => new(s.WeddingId, s.RsvpDeadline, s.StudioContact, s.CollectIds, s.Version);

    private static InvitationResponse ToResponse(Invitation i) => new(
        i.Id, i.EventId, i.Places, i.Guests, i.Answer, i.Attending, i.Members.Select(m => new MemberAnswer(m.GuestId, m.Answer)).ToList(), i.AnsweredAt, i.Version);
}
