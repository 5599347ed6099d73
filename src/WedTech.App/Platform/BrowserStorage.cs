using System.Text.Json;
using Microsoft.JSInterop;

namespace WedTech.App.Platform;

/// <summary>
/// localStorage (survives restarts: the offline copy of what was last loaded) and sessionStorage
/// (this tab only: drafts kept across a sign-in). Values are JSON.
/// </summary>
public sealed class BrowserStorage(IJSRuntime js)
{
    public async Task<T?> GetAsync<T>(StorageArea area, string key)
    {
        try
        {
            var json = await js.InvokeAsync<string?>("wedtech.storage.get", AreaName(area), key);
            return json is null ? default : JsonSerializer.Deserialize<T>(json, ApiJson.Options);
        }
        catch (JsonException)
        {
            // Written by an older version of the app: treat as absent.
            return default;
        }
        catch (JSException)
        {
            // Storage disabled (some private modes): nothing was kept.
            return default;
        }
    }

    public Task SetAsync<T>(StorageArea area, string key, T value) => SetTextAsync(area, key, JsonSerializer.Serialize(value, ApiJson.Options));

    /// <summary>Keeps <paramref name="json"/> as it is under <paramref name="key"/>, for <see cref="GetAsync{T}"/> to read.</summary>
    public async Task SetTextAsync(StorageArea area, string key, string json)
    {
        try
        {
            await js.InvokeVoidAsync("wedtech.storage.set", AreaName(area), key, json);
        }
        catch (JSException)
        {
            // Storage full or disabled (private browsing): the app still works, only without the offline copy.
        }
    }

    public ValueTask RemoveAsync(StorageArea area, string key) => js.InvokeVoidAsync("wedtech.storage.remove", AreaName(area), key);

    /// <summary>Removes every key that starts with the prefix (all of one user's offline data at sign-out).</summary>
    public ValueTask RemoveAllAsync(StorageArea area, string prefix) => js.InvokeVoidAsync("wedtech.storage.removeAll", AreaName(area), prefix);

    private static string AreaName(StorageArea area) => area == StorageArea.Local ? "localStorage" : "sessionStorage";
}

public enum StorageArea { Local, Session }
