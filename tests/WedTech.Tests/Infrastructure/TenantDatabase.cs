using Microsoft.Extensions.DependencyInjection;
using WedTech.Contracts;
using WedTech.Server.Events;
using WedTech.Server.Platform.Api;
using WedTech.Server.Platform.Persistence;
using WedTech.Server.Tenancy;

namespace WedTech.Tests.Infrastructure;

/// <summary>A studio's own database, for arranging and checking rows directly.</summary>
public static class TenantDatabase
{
    public static async Task<TenantDbContext> OpenAsync(TestServer server, Studio studio)
    {
        var tenant = await server.Services.GetRequiredService<TenantDirectory>().FindBySlugAsync(studio.Slug, TestContext.Current.CancellationToken)
            ?? throw new InvalidOperationException($"No tenant {studio.Slug}.");
        return server.Services.GetRequiredService<IDatabaseProvider>().CreateTenantContext(tenant.DatabaseName);
    }

    /// <summary>An event as the events API stores it: venue-local times in a zone, and the same moments as instants.</summary>
    public static WeddingEvent Event(Guid weddingId, EventType type, string name, DateTime start, DateTime end, string zone = "Asia/Kolkata",
        Guid? venueId = null, EventStatus status = EventStatus.Planned) => new()
    {
        WeddingId = weddingId,
        Type = type,
        Name = name,
        Start = start,
        End = end,
        TimeZone = zone,
        StartsAt = VenueTime.ToInstant(start, zone, "start"),
        EndsAt = VenueTime.ToInstant(end, zone, "end"),
        VenueId = venueId,
        Status = status,
        CreatedAt = DateTimeOffset.UtcNow,
        UpdatedAt = DateTimeOffset.UtcNow,
    };

    public static RunOfShowItem Item(WeddingEvent owner, DateTime start, int minutes, string title, bool isFixed = false, bool isShared = false,
        string? ownerName = null, string? location = null, string? notes = null) => new()
    {
        EventId = owner.Id,
        WeddingId = owner.WeddingId,
        Start = start,
        DurationMinutes = minutes,
        Title = title,
        OwnerName = ownerName,
        Location = location,
        Notes = notes,
        IsFixed = isFixed,
        IsShared = isShared,
        Status = RunOfShowStatus.Pending,
        CreatedAt = DateTimeOffset.UtcNow,
        UpdatedAt = DateTimeOffset.UtcNow,
    };
}
