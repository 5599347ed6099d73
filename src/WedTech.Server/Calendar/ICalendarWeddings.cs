namespace WedTech.Server.Calendar;

/// <summary>The weddings a wedding's feed follows, as the caller may see them; the Weddings module implements it.</summary>
public interface ICalendarWeddings
{
    /// <summary>The titles of those of these weddings the caller may see.</summary>
    Task<Dictionary<Guid, string>> TitlesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);
}
