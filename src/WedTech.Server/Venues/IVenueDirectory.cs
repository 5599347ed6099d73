namespace WedTech.Server.Venues;

/// <summary>What other modules read of the venue book.</summary>
public interface IVenueDirectory
{
    /// <summary>The venue's time zone; null when the venue book has no such venue.</summary>
    Task<string?> TimeZoneAsync(Guid venueId, CancellationToken cancellationToken);

    /// <summary>The venue's name and city; null when the venue book has no such venue.</summary>
    Task<VenueName?> NameAsync(Guid venueId, CancellationToken cancellationToken);
}

public sealed record VenueName(string Name, string City);

internal sealed class VenueDirectory(TenantDbContext db) : IVenueDirectory
{
    public Task<string?> TimeZoneAsync(Guid venueId, CancellationToken cancellationToken) =>
        db.Venues.Where(v => v.Id == venueId).Select(v => v.TimeZone).FirstOrDefaultAsync(cancellationToken);

    public Task<VenueName?> NameAsync(Guid venueId, CancellationToken cancellationToken) =>
        db.Venues.Where(v => v.Id == venueId).Select(v => new VenueName(v.Name, v.City)).FirstOrDefaultAsync(cancellationToken);
}
