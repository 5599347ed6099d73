using WedTech.Server.Calendar;
using WedTech.Server.Venues;
using WedTech.Server.Weddings;

namespace WedTech.Server.Events;

public static class EventsModule
{
    /// <summary>Widest date range of the cross-wedding list: a dashboard shows days and weeks, not years.</summary>
    internal const int MaxRangeDays = 92;

    public static IServiceCollection AddEvents(this IServiceCollection services) => services
        .AddScoped<EventService>()
        .AddScoped<RunOfShowService>()
        .AddScoped<IVenueUsage, EventVenueUsage>()
        .AddScoped<ITemplateEvents, TemplateEvents>()
        .AddScoped<IWeddingEvents, WeddingEvents>()
        .AddScoped<IVendorItems, VendorItems>()
        .AddScoped<ICalendarSource, EventCalendarSource>()
        .AddScoped<IAttentionSource, EventAttention>();
}
