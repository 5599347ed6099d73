using WedTech.Server.Events;
using WedTech.Server.Identity;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Tenancy.Settings;
using WedTech.Server.Weddings;

namespace WedTech.Server.Leads;

/// <summary>
/// "Won": the lead becomes a wedding in one transaction — the wedding (the assignee as its lead planner, or whoever marks an
/// unassigned lead won), its events from the
/// lead's dates and the events the couple asked for (the studio's time zone, no venue yet), the couple invited as client
/// users on its team, then every <see cref="ILeadConversionStep"/> in order, and the lead moved to Won with the wedding's id.
/// Anything failing undoes all of it; the invitations are e-mailed only once it is committed.
/// </summary>
public sealed class LeadWon(
    TenantDbContext db, LeadStages stages, LeadService leads, WeddingService weddings, ITemplateEvents events, UserService users,
    IStudioSettings studio, IEnumerable<ILeadConversionStep> steps, AuditLog audit, TimeProvider time, LeadsChanged changes, CurrentUser user)
{
    public async Task<LeadWonResponse> WinAsync(Guid id, CancellationToken cancellationToken)
    {
        var all = await stages.AllAsync(cancellationToken);
        var lead = await db.Leads.FirstOrDefaultAsync(l => l.Id == id, cancellationToken) ?? throw ApiException.NotFound("Lead");
        var from = all.First(s => s.Id == lead.StageId);
        if (lead.WeddingId is not null || from.Kind == PipelineStageKind.Won)
        {
            throw ApiException.Conflict("This lead is already won: it is a wedding now.");
        }
        if (from.Kind == PipelineStageKind.Lost)
        {
            throw ApiException.Conflict("This lead is lost. Reopen it before marking it won.");
        }
        if (lead.Dates.Count == 0)
        {
            throw new ValidationFailedException("dates", "Give the couple's dates first: the wedding's events are made from them.");
        }
        var zone = await studio.TimeZoneAsync(cancellationToken);
        var plan = Plan(lead.Dates, lead.Events, lead.GuestEstimate);
        var firstDay = lead.Dates[0];
        events.Check(plan, firstDay, zone);
        var won = all.First(s => s.Kind == PipelineStageKind.Won);
        var (bride, groom) = Partners(lead);
        var primary = plan.FirstOrDefault(e => e.Type == EventType.Ceremony) is { } ceremony ? firstDay.AddDays(ceremony.Day) : lead.Dates[^1];

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var clients = new List<Guid>();
        foreach (var (email, name) in new[] { (lead.Email, lead.ContactName), (lead.PartnerEmail, lead.PartnerName ?? groom) })
        {
            if (email is not null && await users.InviteClientAsync(email, name, cancellationToken) is { } client && !clients.Contains(client))
            {
                clients.Add(client);
            }
        }
        List<TeamAssignment> team = [.. clients.Select(c => new TeamAssignment(c, TeamRole.Client))];
        // A wedding always has a planner: an unassigned lead's goes to whoever wins it (lead:manage is staff only).
        if ((lead.AssigneeId ?? user.User?.Id) is { } planner)
        {
            team.Insert(0, new TeamAssignment(planner, TeamRole.LeadPlanner));
        }
        var eventIds = new List<Guid>();
        WeddingResponse wedding;
        try
        {
            wedding = await weddings.CreateAsync(new WeddingRequest(Clip(lead.Names, 200), bride, groom, primary, lead.City, WeddingStatus.Booked, null,
                lead.GuestEstimate, null, team), created =>
            {
                var before = db.ChangeTracker.Entries<WeddingEvent>().Select(e => e.Entity.Id).ToHashSet();
                events.Add(plan, created.Id, firstDay, zone, time.GetUtcNow());
                eventIds.AddRange(db.ChangeTracker.Entries<WeddingEvent>().Select(e => e.Entity.Id).Where(e => !before.Contains(e)));
            }, cancellationToken);
        }
        catch (ValidationFailedException e)
        {
            throw new ValidationFailedException(e.Errors.ToDictionary(error => "wedding." + error.Key, error => error.Value));
        }
        var conversion = new LeadConversion(lead.Id, wedding.Id, clients, eventIds);
        foreach (var step in steps.OrderBy(s => s.Order))
        {
            await step.ConvertAsync(conversion, cancellationToken);
        }
        lead.StageId = won.Id;
        lead.StageChangedAt = time.GetUtcNow();
        lead.Position = 0;
        lead.WeddingId = wedding.Id;
        leads.Record(lead.Id, LeadActivityKind.Won, $"Won: the wedding {wedding.Title} is made, with {eventIds.Count} {(eventIds.Count == 1 ? "event" : "events")}"
            + (clients.Count == 0 ? "." : $" and {clients.Count} of the couple invited."), stageId: won.Id, subjectId: wedding.Id);
        audit.Record("lead.won", nameof(Lead), lead.Id, $"wedding {wedding.Id}");
        changes.AfterCommit(lead.Id, "won");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new LeadWonResponse(lead.Id, wedding.Id);
    }

    /// <summary>The usual order of a wedding's functions, and their usual hours.</summary>
    private static readonly (EventType Type, string[] Names, TimeOnly Start, int Minutes)[] Usual =
    [
        (EventType.Roka, ["roka"], new(11, 0), 180),
        (EventType.Engagement, ["engagement", "sagai", "ring ceremony"], new(18, 0), 240),
        (EventType.Haldi, ["haldi"], new(10, 0), 180),
        (EventType.Mehendi, ["mehendi", "mehndi"], new(12, 0), 300),
        (EventType.Sangeet, ["sangeet"], new(19, 0), 240),
        (EventType.Cocktail, ["cocktail", "cocktails"], new(19, 30), 240),
        (EventType.WelcomeDinner, ["welcome dinner"], new(20, 0), 180),
        (EventType.Baraat, ["baraat"], new(17, 0), 120),
        (EventType.Ceremony, ["wedding", "ceremony", "pheras", "shaadi", "vivah", "nikah", "anand karaj"], new(19, 0), 240),
        (EventType.Brunch, ["brunch"], new(11, 0), 180),
        (EventType.Reception, ["reception"], new(19, 30), 240),
    ];

    /// <summary>
    /// The couple's events over their dates: in the usual order (an event not known goes before the wedding), spread evenly so
    /// that the first date has the first and the last date the last. With no events named, the wedding on the last date.
    /// </summary>
    public static List<TemplateEvent> Plan(IReadOnlyList<DateOnly> dates, IReadOnlyList<string> wanted, int? guests)
    {
        var known = wanted.Select(name =>
        {
            var match = Array.FindIndex(Usual, u => u.Names.Contains(name.Trim().ToLowerInvariant()));
            return (Name: name.Trim(), Rank: match < 0 ? Array.FindIndex(Usual, u => u.Type == EventType.Baraat) - 0.5 : match, Index: match);
        }).OrderBy(e => e.Rank).ToList();
        if (known.Count == 0)
        {
            known.Add(("Wedding", Array.FindIndex(Usual, u => u.Type == EventType.Ceremony), Array.FindIndex(Usual, u => u.Type == EventType.Ceremony)));
        }
        var first = dates[0];
        return [.. known.Select((e, i) =>
        {
            var date = known.Count == 1 ? dates[^1] : dates[(int)Math.Round((double)i * (dates.Count - 1) / (known.Count - 1))];
            var usual = e.Index >= 0 ? Usual[e.Index] : (Type: EventType.Custom, Names: Array.Empty<string>(), Start: new TimeOnly(18, 0), Minutes: 240);
            return new TemplateEvent(date.DayNumber - first.DayNumber, usual.Type, Clip(e.Name, 100), usual.Start, usual.Minutes, null, guests, null, []);
        })];
    }

    /// <summary>"Aanya &amp; Rohan" → Aanya, Rohan; one name alone → that name and the partner's (or the contact's).</summary>
    private static (string Bride, string Groom) Partners(Lead lead)
    {
        var parts = lead.Names.Split(['&', '+', ','], 2, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2)
        {
            parts = lead.Names.Split(" and ", 2, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        }
        return parts.Length == 2 ? (Clip(parts[0], 100), Clip(parts[1], 100))
            : (Clip(lead.Names, 100), Clip(lead.PartnerName ?? lead.ContactName, 100));
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];
}
