using Microsoft.Extensions.Options;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Platform.Jobs;

namespace WedTech.Server.Guests;

/// <summary>
/// India's DPDP Act: personal data goes when its purpose ends. Guests gave their phones, e-mails, cities, travel and
/// allergies for one wedding; <see cref="GuestDataOptions.ContactDaysAfterWedding"/> days after its last day they are
/// erased, with the personal RSVP links. Names, sides, diets and the answers stay: the studio's record of who came, with
/// nothing left to reach anyone by.
/// </summary>
public sealed class GuestContactRetention(
    TenantDbContext db, WeddingEnds ends, GuestsChanged changes, AuditLog audit, IOptions<GuestDataOptions> options, TimeProvider time) : IDailyDuty
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var holding = await db.Households.Where(h => h.Phone != null || h.Email != null || h.City != null || h.State != null || h.ArrivalAt != null
                || h.ArrivalBy != null || h.DepartureAt != null || h.DepartureBy != null || h.RsvpTokenHash != null
                || h.Members.Any(m => m.Phone != null || m.Email != null || m.Allergies != null))
            .Select(h => h.WeddingId).Distinct().ToListAsync(cancellationToken);
        if (holding.Count == 0)
        {
            return;
        }
        var lastDays = await ends.LastDaysAsync(holding, cancellationToken);
        var erasedBefore = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(-options.Value.ContactDaysAfterWedding);
        foreach (var weddingId in lastDays.Where(last => last.Value < erasedBefore).Select(last => last.Key))
        {
            var households = await db.Households.Include(h => h.Members).Where(h => h.WeddingId == weddingId).ToListAsync(cancellationToken);
            foreach (var household in households)
            {
                Erase(household);
            }
            audit.Record("guest.contacts-erased", "Wedding", weddingId, $"{households.Count} households, {options.Value.ContactDaysAfterWedding} days after the wedding");
            changes.AfterCommit(weddingId);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    private static void Erase(Household household)
    {
        (household.Phone, household.Email, household.City, household.State) = (null, null, null, null);
        (household.ArrivalAt, household.ArrivalBy, household.DepartureAt, household.DepartureBy) = (null, null, null, null);
        (household.RsvpTokenHash, household.RsvpLinkIssuedAt, household.RsvpLinkOpenedAt) = (null, null, null);
        foreach (var member in household.Members)
        {
            (member.Phone, member.Email, member.Allergies) = (null, null, null);
        }
    }
}

/// <summary>How long guests' personal data is kept, section <c>Guests</c>.</summary>
public sealed class GuestDataOptions
{
    /// <summary>Days after a wedding's last day before its guests' contact details, travel and allergies are erased.</summary>
    [System.ComponentModel.DataAnnotations.Range(0, 3650)]
    public int ContactDaysAfterWedding { get; set; } = 30;

    /// <summary>Days after a wedding's last day before its guests' ID documents are deleted: the hotel has checked them out by then.</summary>
    [System.ComponentModel.DataAnnotations.Range(0, 365)]
    public int IdDocumentDaysAfterWedding { get; set; } = 7;
}
