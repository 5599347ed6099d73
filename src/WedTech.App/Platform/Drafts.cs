namespace WedTech.App.Platform;

/// <summary>
/// What someone typed into a form, kept in this tab's session storage when the session ends so it is
/// back in the form after signing in again — for the same person only: drafts are kept per user and
/// removed at sign-out. A draft is restored at most once.
/// </summary>
public sealed class Drafts(BrowserStorage storage)
{
    public const string Prefix = "wt:draft:";

    /// <summary>"{tenant id}:{user id}" once the user is known; nothing is kept or restored before that.</summary>
    public string? Owner { get; set; }

    public Task KeepAsync<T>(string key, T value) => Owner is null ? Task.CompletedTask : storage.SetAsync(StorageArea.Session, Key(key), value);

    public async Task<T?> TakeAsync<T>(string key)
    {
        if (Owner is null)
        {
            return default;
        }
        var draft = await storage.GetAsync<T>(StorageArea.Session, Key(key));
        if (draft is not null)
        {
            await storage.RemoveAsync(StorageArea.Session, Key(key));
        }
        return draft;
    }

    public ValueTask ForgetAllAsync() => storage.RemoveAllAsync(StorageArea.Session, Prefix);

    private string Key(string key) => $"{Prefix}{Owner}:{key}";
}
