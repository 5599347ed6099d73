namespace WedTech.App.Services;

/// <summary>
/// What someone typed into a form, kept in this tab's session storage when the session ends so it is
/// back in the form after signing in again. A draft is dropped once it is saved or abandoned.
/// </summary>
public sealed class Drafts(BrowserStorage storage)
{
    private const string Prefix = "wt:draft:";

    public Task KeepAsync<T>(string key, T value) => storage.SetAsync(StorageArea.Session, Prefix + key, value);

    /// <summary>Takes the draft out of storage: a draft is restored at most once.</summary>
    public async Task<T?> TakeAsync<T>(string key)
    {
        var draft = await storage.GetAsync<T>(StorageArea.Session, Prefix + key);
        if (draft is not null)
        {
            await storage.RemoveAsync(StorageArea.Session, Prefix + key);
        }
        return draft;
    }
}
