namespace WedTech.Server.Weddings;

/// <summary>
/// A module's lines in the dashboard's "needs you": what the caller should act on soon, of the weddings they see. Register
/// one per module (<c>services.AddScoped&lt;IAttentionSource, XxxAttention&gt;()</c>); it runs as the caller, so the module's
/// own visibility and permission rules decide what it raises. <paramref name="today"/> is today in the studio's zone.
/// </summary>
public interface IAttentionSource
{
    Task<IReadOnlyList<AttentionItem>> ItemsAsync(DateOnly today, CancellationToken cancellationToken);
}
