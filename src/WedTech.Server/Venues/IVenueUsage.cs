namespace WedTech.Server.Venues;

/// <summary>
/// Which events use a venue; the Events module implements it. Only events of weddings that are not deleted count:
/// nobody is stopped by events they cannot see.
/// </summary>
public interface IVenueUsage
{
    /// <summary>One venue id per event that uses it; composes into the venue list's query (counted per venue, one round trip).</summary>
    IQueryable<Guid> VenueIdsInUse();

    Task<int> CountAsync(Guid venueId, CancellationToken cancellationToken);

    /// <summary>Takes the venue off the events of deleted weddings; saved with the caller's next save.</summary>
    Task ReleaseFromDeletedWeddingsAsync(Guid venueId, CancellationToken cancellationToken);
}
