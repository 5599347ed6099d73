namespace WedTech.Server.Weddings;

/// <summary>
/// Dates of other modules that count from a wedding's main day (a task due 90 days before it): told when the day moves,
/// before the wedding is saved, so that they change in the same save.
/// </summary>
public interface IWeddingDateFollower
{
    Task WeddingMovedAsync(Guid weddingId, DateOnly primaryDate, CancellationToken cancellationToken);
}
