using WedTech.Server.Events;
using WedTech.Server.Weddings;

namespace WedTech.Server.Guests;

/// <summary>When weddings end, for what is kept until some days after: the day of the last event, or the main date when later.</summary>
public sealed class WeddingEnds(IWeddingDirectory weddings, IWeddingEvents events)
{
    public async Task<Dictionary<Guid, DateOnly>> LastDaysAsync(IReadOnlyCollection<Guid> weddingIds, CancellationToken cancellationToken)
    {
        var lastDays = await weddings.PrimaryDatesAsync(weddingIds, cancellationToken);
        foreach (var (weddingId, day) in await events.LastDaysAsync(weddingIds, cancellationToken))
        {
            if (lastDays.TryGetValue(weddingId, out var primary) && day > primary)
            {
                lastDays[weddingId] = day;
            }
        }
        return lastDays;
    }
}
