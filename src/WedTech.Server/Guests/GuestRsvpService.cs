using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using WedTech.Server.Events;
using WedTech.Server.Identity;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Realtime;
using WedTech.Server.Tenancy;
using WedTech.Server.Tenancy.Settings;
using WedTech.Server.Weddings;

namespace WedTech.Server.Guests;

/// <summary>One invitation as the guest's page shows it: the event, its places, the members invited, and how it is answered.</summary>
public sealed record RsvpEvent(EventOfWedding Event, Invitation Invitation, IReadOnlyList<Guest> Invited)
{
    /// <summary>
    /// Answered per member when the invitation names its members or the household has a member for every place; otherwise
    /// as a number coming ("we are 5" for a household listed by one name).
    /// </summary>
    public bool PerMember => Invitation.Guests.Count > 0 || Invitation.Members.Count > 0 || Invited.Count >= Invitation.Places;
}

/// <summary>What the guest's page of one household shows, and whether it still takes answers.</summary>
/// <param name="CollectIds">The studio asks the guests for an ID for the hotel (<see cref="Documents.IdDocumentService"/>).</param>
public sealed record RsvpHousehold(Household Household, WeddingNames Wedding, IReadOnlyList<RsvpEvent> Events, DateOnly? Deadline, bool Closed, string Contact, bool CollectIds);

/// <summary>The answers a guest sent from the page; what was left unanswered is not in it.</summary>
public sealed class RsvpAnswers
{
    /// <summary>Per event, each member's answer.</summary>
    public Dictionary<Guid, Dictionary<Guid, RsvpAnswer>> Members { get; } = [];

    /// <summary>Per event, the number coming.</summary>
    public Dictionary<Guid, int> Headcounts { get; } = [];

    public Dictionary<Guid, (Diet? Diet, string? Allergies)> Diets { get; } = [];
    public DateTime? ArrivalAt { get; set; }
    public string? ArrivalBy { get; set; }
    public DateTime? DepartureAt { get; set; }
    public string? DepartureBy { get; set; }
    public string? NoteToCouple { get; set; }
}

/// <summary>An event whose answer was refused (more coming than the places), with the rules' message for the guest.</summary>
public sealed record RsvpRefusal(Guid EventId, int Places, string Message);

/// <summary>
/// The guest's side of the RSVP: the household behind a personal link (or a pass from "find my invitation"), its answers
/// saved by the same rules as the studio's (<see cref="Rsvp"/>) with the guest as their source, and the search by name and
/// the last digits of a phone. Acts for no signed-in user: the link is the guest's key to their own household only.
/// </summary>
public sealed class GuestRsvpService(
    TenantDbContext db, TenantContext tenant, IWeddingDirectory weddings, IWeddingEvents events, IStudioSettings studio, TimeProvider time,
    GuestsChanged listChanges, AuditLog audit, IDataProtectionProvider protection, RsvpLinks links)
{
    /// <summary>How long a pass from "find my invitation" (to a household that has a link) stays good: a visit, not a link to keep.</summary>
    public static readonly TimeSpan FoundPassLifetime = TimeSpan.FromHours(2);

    /// <summary>Longer than any pass: a longer token is not looked at.</summary>
    public const int MaxTokenLength = 400;

    private const int MaxCandidates = 200;

    private ITimeLimitedDataProtector Passes => protection.CreateProtector("WedTech.Guests.RsvpPass").ToTimeLimitedDataProtector();

    /// <summary>The household behind a link or pass of this studio; null for anything else (unknown, revoked, expired, another studio's).</summary>
    public async Task<RsvpHousehold?> OpenAsync(string token, CancellationToken cancellationToken)
    {
        if (HouseholdOf(token) is not { } households)
        {
            return null;
        }
        // One connection for the page's reads, not one opened and closed for each.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await ReadAsync(households, token, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<RsvpHousehold?> ReadAsync(IQueryable<Household> households, string token, CancellationToken cancellationToken)
    {
        // Found and read in one query, untracked: most visits only look; SaveAsync attaches the household before changing it.
        var household = await households.AsNoTracking().Include(h => h.Members).Include(h => h.Invitations).AsSplitQuery()
            .FirstOrDefaultAsync(cancellationToken);
        if (household is null || await weddings.NamesAsync(household.WeddingId, cancellationToken) is not { } wedding)
        {
            return null;
        }
        if (household.RsvpLinkOpenedAt is null && token.Length == RsvpLinks.TokenLength)
        {
            // "Link opened" on the studio's guest list; not an edit of the household.
            var now = time.GetUtcNow();
            await db.Households.Where(h => h.Id == household.Id && h.RsvpLinkOpenedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(h => h.RsvpLinkOpenedAt, now), cancellationToken);
        }
        var invitations = household.Invitations.ToDictionary(i => i.EventId);
        var members = household.Members.OrderBy(m => m.Position).ToList();
        RsvpEvent Item(EventOfWedding e, Invitation invitation) =>
            new(e, invitation, invitation.Guests.Count > 0 ? members.Where(m => invitation.Guests.Contains(m.Id)).ToList() : members);
        var invited = (await events.OfWeddingAsync(household.WeddingId, cancellationToken))
            .Where(e => e.Status != EventStatus.Cancelled && invitations.ContainsKey(e.Id)).Select(e => Item(e, invitations[e.Id])).ToList();
        var settings = await db.GuestListSettings.AsNoTracking().FirstOrDefaultAsync(s => s.WeddingId == household.WeddingId, cancellationToken);
        var deadline = settings?.RsvpDeadline;
        var closed = deadline is { } last && VenueTime.Today(time, await studio.TimeZoneAsync(cancellationToken)) > last;
        return new RsvpHousehold(household, wedding, invited, deadline, closed, settings?.StudioContact ?? tenant.Current.CompanyName, settings?.CollectIds ?? false);
    }

    /// <summary>
    /// Saves the guest's answers: each changed answer through <see cref="Rsvp.Apply"/> with its history entry, the members'
    /// diets, the travel plan and the note. When any answer is refused nothing is saved, and the refusals are returned.
    /// </summary>
    public async Task<IReadOnlyList<RsvpRefusal>> SaveAsync(RsvpHousehold page, RsvpAnswers answers, CancellationToken cancellationToken)
    {
        if (page.Closed)
        {
            throw ApiException.Conflict($"Answers for this wedding closed on {page.Deadline:d MMM yyyy}. Contact {page.Contact} for a change.");
        }
        var household = page.Household;
        // Read untracked by OpenAsync: tracked from here, as read, so that the changes below are what gets saved.
        db.Attach(household);
        var now = time.GetUtcNow();
        var changes = new List<RsvpChange>();
        var refusals = new List<RsvpRefusal>();
        foreach (var item in page.Events)
        {
            var eventId = item.Event.Id;
            var request = item.PerMember
                ? answers.Members.TryGetValue(eventId, out var given) && given.Count > 0 ? new RsvpRequest(given.Select(a => new MemberAnswer(a.Key, a.Value)).ToList(), null) : null
                : answers.Headcounts.TryGetValue(eventId, out var count) ? new RsvpRequest(null, count) : null;
            if (request is null)
            {
                continue;
            }
            try
            {
                if (Rsvp.Apply(household, item.Invitation, request, now, RsvpSource.Guest, null, $"To bring more people, contact {page.Contact}.") is { } change)
                {
                    changes.Add(change);
                }
            }
            catch (ValidationFailedException refused)
            {
                refusals.Add(new RsvpRefusal(eventId, item.Invitation.Places, refused.Errors.Values.SelectMany(messages => messages).First()));
            }
        }
        if (refusals.Count > 0)
        {
            return refusals;
        }

        foreach (var member in household.Members)
        {
            if (answers.Diets.TryGetValue(member.Id, out var diet))
            {
                (member.Diet, member.Allergies) = (diet.Diet, diet.Allergies.TrimmedOrNull());
            }
        }
        household.ArrivalAt = answers.ArrivalAt;
        household.ArrivalBy = answers.ArrivalBy.TrimmedOrNull();
        household.DepartureAt = answers.DepartureAt;
        household.DepartureBy = answers.DepartureBy.TrimmedOrNull();
        household.NoteToCouple = answers.NoteToCouple.TrimmedOrNull();

        db.RsvpChanges.AddRange(changes);
        foreach (var change in changes)
        {
            audit.Record("household.answered", nameof(Household), household.Id,
                $"event {change.EventId}: {ApiJson.EnumName(change.After)}, {change.AttendingAfter} attending, by the guest");
        }
        if (changes.Count > 0 || WritePath.ChangedFields(db, household) is not null)
        {
            listChanges.AfterCommit(household.WeddingId);
            await db.SaveChangesAsync(cancellationToken);
        }
        return [];
    }

    /// <summary>
    /// "Find my invitation": the household of this studio with a phone (its own or a member's) ending in these digits and
    /// a name like the one given (any member's, in any script, or the household's), as the token of its page: a new link
    /// when it had none, else a time-limited pass; null when there is none. Says nothing of which part did not match.
    /// </summary>
    public async Task<string?> FindAsync(string name, string lastDigits, CancellationToken cancellationToken)
    {
        if (lastDigits.Length != 4 || !lastDigits.All(char.IsAsciiDigit))
        {
            return null;
        }
        var weddingIds = weddings.Ids();
        var endsWithDigits = "%" + lastDigits; // digits only: nothing in it is a LIKE wildcard
        var candidates = await db.Households.AsNoTracking().Include(h => h.Members)
            .Where(h => weddingIds.Contains(h.WeddingId)
                && (EF.Functions.Like(h.Phone, endsWithDigits) || h.Members.Any(m => EF.Functions.Like(m.Phone, endsWithDigits))))
            .OrderBy(h => h.Id).Take(MaxCandidates).ToListAsync(cancellationToken);
        var found = candidates.FirstOrDefault(h => h.Members.SelectMany(m => new[] { m.Name, m.LatinName }).Prepend(h.DisplayName).OfType<string>()
            .Any(known => NamesMatch(name, known)));
        if (found is null)
        {
            return null;
        }
        // A household without a link gets one, to come back to; one with a link gets a pass for this visit (its link was
        // shown once, to the studio, and stays the one the family shares).
        if (await links.IssueAsync(found.Id, onlyIfNone: true, cancellationToken) is { } issued)
        {
            audit.Record("household.rsvp-link-issued", nameof(Household), found.Id, "found by the guest");
            await db.SaveChangesAsync(cancellationToken);
            return issued.Token;
        }
        return Passes.Protect($"{tenant.Current.Id:N}.{found.Id:N}", time.GetUtcNow().Add(FoundPassLifetime));
    }

    /// <summary>Every word of the name given is like a word of the name known ("Chris" finds "Christopher Mehta"; प्रिया finds "Priya").</summary>
    private static bool NamesMatch(string given, string known)
    {
        var givenWords = GuestNames.Key(given).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var knownWords = GuestNames.Key(known).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return givenWords.Length > 0 && givenWords.All(word => knownWords.Any(other => GuestNames.AreSimilar(word, other)));
    }

    /// <summary>The household a link (by the hash kept of it) or a pass of this studio names, as a query; null for a token that can be neither.</summary>
    private IQueryable<Household>? HouseholdOf(string token)
    {
        if (token.Length == RsvpLinks.TokenLength)
        {
            var hash = TokenService.Hash(token);
            return db.Households.Where(h => h.RsvpTokenHash == hash);
        }
        if (token.Length > MaxTokenLength)
        {
            return null;
        }
        try
        {
            var parts = Passes.Unprotect(token, out _).Split('.');
            return parts.Length == 2 && parts[0] == tenant.Current.Id.ToString("N") && Guid.TryParse(parts[1], out var id)
                ? db.Households.Where(h => h.Id == id)
                : null;
        }
        catch (Exception error) when (error is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
