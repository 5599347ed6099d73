using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using SkiaSharp;
using WedTech.Contracts;

namespace WedTech.Tests.Infrastructure;

/// <summary>Guests' IDs for the hotel, sent as a guest sends them: from their RSVP link's ID page.</summary>
public static class GuestIds
{
    /// <summary>UIDAI's published test Aadhaar numbers: valid by the Verhoeff check, issued to no one.</summary>
    public const string TestAadhaar = "9999 4105 7058";

    public const string OtherTestAadhaar = "999999990019";

    /// <summary>A real photo: a JPEG encoded by SkiaSharp, different for each seed.</summary>
    public static byte[] Photo(int seed)
    {
        using var bitmap = new SKBitmap(64, 40);
        var random = new Random(seed);
        for (var x = 0; x < bitmap.Width; x++)
        {
            for (var y = 0; y < bitmap.Height; y++)
            {
                bitmap.SetPixel(x, y, new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
            }
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }

    /// <summary>A browser on the studio's own host: keeps cookies, does not follow redirects.</summary>
    public static HttpClient Browser(TestServer server, Studio studio) =>
        server.Factory.CreateDefaultClient(new Uri($"http://{studio.Slug}.localhost"), new CookieContainerHandler(new CookieContainer()));

    /// <summary>Posts the ID page's form of a household's link: <paramref name="fields"/> guest, kind, number and consent, and the file.</summary>
    public static Task<HttpResponseMessage> SendAsync(HttpClient browser, string token, Dictionary<string, string> fields, byte[]? file, string? page = null,
        string? tokenFrom = null) =>
        ServerForms.SubmitWithFileAsync(browser, page ?? $"/rsvp/{token}/id", "id", fields, "file", file, "id.jpg", "image/jpeg", tokenFrom);

    /// <summary>Asks a fresh wedding's guests for IDs, and sends an Aadhaar for the household's first member; the document's id.</summary>
    public static async Task<Guid> SendOneAsync(TestServer server, Studio studio, HttpClient admin, Guid weddingId, HouseholdResponse household)
    {
        var api = $"/api/v1/weddings/{weddingId}";
        (await admin.PutJsonAsync($"{api}/guest-settings", new GuestListSettingsRequest(null, null, CollectIds: true), "\"1\"")).EnsureSuccessStatusCode();
        var link = await (await admin.PostAsync($"{api}/households/{household.Id}/rsvp-link", null, TestContext.Current.CancellationToken)).ReadAsync<RsvpLinkResponse>();
        using var browser = Browser(server, studio);
        var fields = new Dictionary<string, string> { ["guest"] = household.Members[0].Id.ToString(), ["kind"] = "Aadhaar", ["number"] = TestAadhaar, ["consent"] = "yes" };
        await ServerForms.TextAsync(await SendAsync(browser, new Uri(link.Url).AbsolutePath["/rsvp/".Length..], fields, Photo(0)));
        return (await admin.GetAsync<IdDocumentsResponse>($"{api}/id-documents")).Documents.Items.Single(d => d.GuestId == household.Members[0].Id).Id;
    }
}
