namespace WedTech.Server.Files;

/// <summary>
/// Whether the caller of the current scope may see the record <paramref name="ownerId"/>. Files of a record
/// are seen, listed and downloaded exactly by those who may see the record; a record they may not see is
/// reported as not found. In a background job with no user, the rule decides what the job may reach.
/// </summary>
public delegate Task<bool> FileOwnerVisibility(IServiceProvider services, Guid ownerId, CancellationToken cancellationToken);

/// <summary>A kind of record files can be attached to, registered by its module with <see cref="FileOwnerRegistration.AddFileOwner"/>.</summary>
public sealed record FileOwnerType(string Name, FileOwnerVisibility IsVisible);

public static class FileOwnerRegistration
{
    /// <summary>
    /// Lets files be attached to a module's records, e.g.
    /// <c>services.AddFileOwner(FileOwnerTypes.Wedding, (sp, id, ct) => sp.GetRequiredService&lt;WeddingService&gt;().IsVisibleAsync(id, ct));</c>
    /// </summary>
    public static IServiceCollection AddFileOwner(this IServiceCollection services, string name, FileOwnerVisibility isVisible) =>
        services.AddSingleton(new FileOwnerType(name, isVisible));
}
