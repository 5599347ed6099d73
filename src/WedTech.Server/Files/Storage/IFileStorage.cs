using System.Text.RegularExpressions;

namespace WedTech.Server.Files.Storage;

/// <summary>
/// Where file contents live: a folder (default) or an S3-compatible bucket. Keys are relative paths
/// like <c>tenants/{tenantId}/files/{fileId}</c>; works without an HTTP request (background jobs).
/// </summary>
public interface IFileStorage
{
    Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken);

    /// <summary>The content, or null when nothing is stored under the key.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes the content; nothing happens when there is none.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Whether contents can be written and read right now (readiness).</summary>
    Task<bool> IsReachableAsync(CancellationToken cancellationToken);
}

public static partial class StorageKeys
{
    /// <summary>Where a tenant's stored file lives; every key of a tenant starts with <c>tenants/{tenantId}/</c>.</summary>
    public static string ForFile(Guid tenantId, Guid fileId) => $"{TenantPrefix(tenantId)}files/{fileId}";

    public static string TenantPrefix(Guid tenantId) => $"tenants/{tenantId}/";

    /// <summary>
    /// Segments of letters, digits, dot, dash and underscore, each starting with a letter or digit: no empty,
    /// "." or ".." segment, no leading slash, no backslash, so a key can never leave the storage root.
    /// </summary>
    public static void Validate(string key)
    {
        if (key.Length > 512 || !KeyPattern().IsMatch(key))
        {
            throw new ArgumentException($"'{key}' is not a valid storage key.", nameof(key));
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
