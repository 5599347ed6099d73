using System.Globalization;
using WedTech.Server.Identity;
using WedTech.Server.Weddings;

namespace WedTech.Server.Travel;

/// <summary>
/// For those who keep the pickups: guests arriving or leaving today or tomorrow who need a pickup and are on none, and
/// pickups of those days with no vehicle yet. One line a wedding each, opening its travel page.
/// </summary>
internal sealed class TravelAttention(TenantDbContext db, IWeddingDirectory weddings, CurrentUser currentUser) : IAttentionSource
{
    internal const int DaysAhead = 1;

    public async Task<IReadOnlyList<AttentionItem>> ItemsAsync(DateOnly today, CancellationToken cancellationToken)
    {
        if (!currentUser.Can(Permissions.TravelManage))
        {
            return [];
        }
        var (from, to) = (today.ToDateTime(TimeOnly.MinValue), today.AddDays(DaysAhead + 1).ToDateTime(TimeOnly.MinValue));
        var visible = weddings.VisibleIds();
        var waiting = await db.TravelLegs.AsNoTracking()
            .Where(l => l.NeedsPickup && l.TripId == null && l.Time >= from && l.Time < to && visible.Contains(l.WeddingId))
            .GroupBy(l => l.WeddingId).Select(g => new { WeddingId = g.Key, Count = g.Count(), First = g.Min(l => l.Time) })
            .Take(WeddingService.MaxAttention).ToListAsync(cancellationToken);
        var driverless = await db.PickupTrips.AsNoTracking()
            .Where(t => t.VehicleId == null && t.Time >= from && t.Time < to && visible.Contains(t.WeddingId))
            .GroupBy(t => t.WeddingId).Select(g => new { WeddingId = g.Key, Count = g.Count(), First = g.Min(t => t.Time) })
            .Take(WeddingService.MaxAttention).ToListAsync(cancellationToken);
        if (waiting.Count + driverless.Count == 0)
        {
            return [];
        }
        var titles = await weddings.TitlesAsync([.. waiting.Select(w => w.WeddingId).Union(driverless.Select(d => d.WeddingId))], cancellationToken);
        string Count(int count, string one, string many) => count == 1 ? $"1 {one}" : string.Create(CultureInfo.InvariantCulture, $"{count:N0} {many}");
        return [
            .. waiting.Select(w => new AttentionItem(AttentionKind.PickupMissing, $"{Count(w.Count, "arrival or departure has", "arrivals and departures have")} no pickup",
                $"{titles.GetValueOrDefault(w.WeddingId, "A wedding")}: the first at {w.First.ToString("h:mm tt", CultureInfo.GetCultureInfo("en-IN"))}. Plan the pickups.",
                DateOnly.FromDateTime(w.First), $"weddings/{w.WeddingId}/travel")),
            .. driverless.Select(d => new AttentionItem(AttentionKind.PickupMissing, $"{Count(d.Count, "pickup has", "pickups have")} no vehicle",
                $"{titles.GetValueOrDefault(d.WeddingId, "A wedding")}: the first at {d.First.ToString("h:mm tt", CultureInfo.GetCultureInfo("en-IN"))}. Give it a vehicle before telling the guests.",
                DateOnly.FromDateTime(d.First), $"weddings/{d.WeddingId}/travel")),
        ];
    }
}
