namespace WedTech.Server.Realtime;

/// <summary>Who may follow a wedding's live changes; the Weddings module implements it.</summary>
public interface IWeddingVisibility
{
    /// <summary>Whether the caller may see the wedding.</summary>
    Task<bool> IsVisibleAsync(Guid id, CancellationToken cancellationToken);
}
