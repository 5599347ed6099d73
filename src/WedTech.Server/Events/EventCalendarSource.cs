using Microsoft.Extensions.Options;
using WedTech.Server.Calendar;
using WedTech.Server.Identity;
using WedTech.Server.Tenancy;
using WedTech.Server.Web;

namespace WedTech.Server.Events;

/// <summary>
/// Each event of the weddings the feed's user may see, at its venue-local times in its own zone (a Dubai reception
/// shows at 19:30 Dubai time in any calendar). The description carries the dress code and the venue's map link; a
/// feed for the couple leaves out internal notes.
/// </summary>
public sealed class EventCalendarSource(EventService events, CurrentUser currentUser, TenantContext tenant, StudioAddresses addresses) : ICalendarSource
{
    public async Task<IReadOnlyList<CalendarItem>> ItemsAsync(CalendarScope scope, CancellationToken cancellationToken)
    {
        var since = scope.Since.ToDateTime(TimeOnly.MinValue);
        var query = events.Visible().AsNoTracking().Where(e => e.End >= since);
        if (scope.WeddingId is { } weddingId)
        {
            query = query.Where(e => e.WeddingId == weddingId);
        }
        var rows = await query.OrderBy(e => e.StartsAt).ThenBy(e => e.Id)
            .Select(e => new
            {
                e.Id, e.WeddingId, e.Name, WeddingTitle = e.Wedding!.Title, e.Start, e.End, e.TimeZone, e.Status, e.DressCode, e.Notes, e.UpdatedAt,
                Venue = e.Venue == null ? null : new { e.Venue.Name, e.Venue.Address, e.Venue.City, e.Venue.MapUrl },
            })
            .ToListAsync(cancellationToken);
        var internalNotes = currentUser.Can(Permissions.WeddingInternal);
        var app = $"{addresses.For(tenant.Current.Slug)}{AppPaths.Home}weddings/";
        return rows.Select(e =>
        {
            var link = new Uri($"{app}{e.WeddingId}/events/{e.Id}");
            var description = string.Join('\n', new[]
            {
                e.WeddingTitle,
                e.DressCode is null ? null : $"Dress code: {e.DressCode}",
                e.Venue?.MapUrl,
                internalNotes ? e.Notes : null,
                link.ToString(),
            }.Where(line => !string.IsNullOrWhiteSpace(line)));
            var location = e.Venue is null ? null : string.Join(", ", new[] { e.Venue.Name, e.Venue.Address, e.Venue.City }.Where(p => !string.IsNullOrWhiteSpace(p)));
            return new CalendarItem(e.Id, $"{e.Name} · {e.WeddingTitle}", description, location,
                new CalendarTime.Local(e.Start, e.End, e.TimeZone), Status(e.Status), e.UpdatedAt, link);
        }).ToList();
    }

    private static CalendarItemStatus Status(EventStatus status) => status switch
    {
        EventStatus.Planned => CalendarItemStatus.Tentative,
        EventStatus.Cancelled => CalendarItemStatus.Cancelled,
        _ => CalendarItemStatus.Confirmed,
    };
}
