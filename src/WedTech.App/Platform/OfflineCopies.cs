namespace WedTech.App.Platform;

/// <summary>
/// The last copy of each list and record this user loaded, kept in the browser so the app can show it
/// offline, marked with when it was loaded. Kept per tenant and user, and removed at sign-out.
/// </summary>
public sealed class OfflineCopies(BrowserStorage storage, TimeProvider time)
{
    public const string Prefix = "wt:copy:";

    /// <summary>"{tenant id}:{user id}" once the user is known; nothing is kept before that.</summary>
    public string? Owner { get; set; }

    public async Task SaveAsync<T>(string url, T? value, string? etag)
    {
        if (Owner is not null && value is not null)
        {
            await storage.SetAsync(StorageArea.Local, Key(url), new Copy<T>(value, etag, time.GetUtcNow()));
        }
    }

    public async Task<Loaded<T>?> LoadAsync<T>(string url)
    {
        if (Owner is null)
        {
            return null;
        }
        var copy = await storage.GetAsync<Copy<T>>(StorageArea.Local, Key(url));
        return copy is null ? null : new Loaded<T>(copy.Value, copy.ETag, copy.SavedAt);
    }

    public ValueTask ForgetAllAsync() => storage.RemoveAllAsync(StorageArea.Local, Prefix);

    private string Key(string url) => $"{Prefix}{Owner}:{url}";

    private sealed record Copy<T>(T Value, string? ETag, DateTimeOffset SavedAt);
}
