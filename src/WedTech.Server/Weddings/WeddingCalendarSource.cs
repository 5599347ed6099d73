using Microsoft.Extensions.Options;
using WedTech.Server.Calendar;
using WedTech.Server.Tenancy;
using WedTech.Server.Web;

namespace WedTech.Server.Weddings;

/// <summary>
/// Each wedding the feed's user may see, as an all-day event on its date. A cancelled wedding stays in the feed
/// marked STATUS:CANCELLED, so a subscribed calendar shows the date as called off instead of the event just
/// vanishing; an inquiry is TENTATIVE.
/// </summary>
public sealed class WeddingCalendarSource(WeddingService weddings, TenantContext tenant, StudioAddresses addresses) : ICalendarSource
{
    public async Task<IReadOnlyList<CalendarItem>> ItemsAsync(CalendarScope scope, CancellationToken cancellationToken)
    {
        var query = weddings.Visible().AsNoTracking().Where(w => w.PrimaryDate >= scope.Since);
        if (scope.WeddingId is { } weddingId)
        {
            query = query.Where(w => w.Id == weddingId);
        }
        var rows = await query.OrderBy(w => w.PrimaryDate).ThenBy(w => w.Id)
            .Select(w => new { w.Id, w.Title, w.BrideName, w.GroomName, w.PrimaryDate, w.City, w.Status, w.UpdatedAt })
            .ToListAsync(cancellationToken);
        var app = $"{addresses.For(tenant.Current.Slug)}{AppPaths.Home}weddings/";
        return rows.Select(w =>
        {
            var link = new Uri(app + w.Id);
            return new CalendarItem(w.Id, $"Wedding: {w.BrideName} & {w.GroomName}", $"{w.Title}\n{link}", w.City,
                new CalendarTime.Days(w.PrimaryDate, w.PrimaryDate), Status(w.Status), w.UpdatedAt, link);
        }).ToList();
    }

    private static CalendarItemStatus Status(WeddingStatus status) => status switch
    {
        WeddingStatus.Inquiry => CalendarItemStatus.Tentative,
        WeddingStatus.Cancelled => CalendarItemStatus.Cancelled,
        _ => CalendarItemStatus.Confirmed,
    };
}
