using System.Text.Json;

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

    /// <summary>Keeps <paramref name="json"/>, an answer's text as the server sent it, as the copy of <paramref name="url"/>.</summary>
    public async Task SaveAsync(string url, string json, string? etag)
    {
        if (Owner is null || json is "null")
        {
            return;
        }
        // The copy's envelope is written around the answer's own text: reading it back is the same as reading a Copy<T>.
        using var buffer = new MemoryStream(json.Length + 128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("value");
            writer.WriteRawValue(json, skipInputValidation: true);
            writer.WriteString("eTag", etag);
            writer.WriteString("savedAt", time.GetUtcNow());
            writer.WriteEndObject();
        }
        await storage.SetTextAsync(StorageArea.Local, Key(url), System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
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
