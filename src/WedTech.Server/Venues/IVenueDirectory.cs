namespace WedTech.Server.Venues;

/// <summary>What other modules read of the venue book.</summary>
public interface IVenueDirectory
{
    /// <summary>The venue's time zone; null when the venue book has no such venue.</summary>
    Task<string?> TimeZoneAsync(Guid venueId, CancellationToken cancellationToken);
}

internal sealed class VenueDirectory(TenantDbContext db) : IVenueDirectory
{
    public Task<string?> TimeZoneAsync(Guid venueId, CancellationToken cancellationToken) =>
        db.Venues.Where(v => v.Id == venueId).Select(v => v.TimeZone).FirstOrDefaultAsync(cancellationToken);
}
