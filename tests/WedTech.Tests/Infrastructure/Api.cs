using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using WedTech.Contracts;
using WedTech.Server.Platform.Api;

namespace WedTech.Tests.Infrastructure;

/// <summary>JSON over HTTP the way the API speaks it (kebab-case enums, camelCase names).</summary>
public static class Api
{
    public static readonly JsonSerializerOptions Json = CreateJson();

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiConventions.ConfigureJson(options);
        return options;
    }

    public static Task<HttpResponseMessage> PostJsonAsync<T>(this HttpClient client, string url, T body) =>
        client.PostAsJsonAsync(url, body, Json, TestContext.Current.CancellationToken);

    public static Task<HttpResponseMessage> PostJsonAsync<T>(this HttpClient client, string url, T body, string ifMatch) => client.SendJsonAsync(HttpMethod.Post, url, body, ifMatch);

    public static Task<HttpResponseMessage> PutJsonAsync<T>(this HttpClient client, string url, T body, string? ifMatch = null) => client.SendJsonAsync(HttpMethod.Put, url, body, ifMatch);

    private static Task<HttpResponseMessage> SendJsonAsync<T>(this HttpClient client, HttpMethod method, string url, T body, string? ifMatch)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body, options: Json) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Json)!;
    }

    /// <summary>Creates a booked wedding with this title (and no team) through the API.</summary>
    public static async Task<WeddingResponse> CreateWeddingAsync(this HttpClient client, string title, DateOnly? date = null) =>
        await (await client.PostJsonAsync("/api/v1/weddings", new WeddingRequest(title, "Bride", "Groom", date ?? new DateOnly(2027, 2, 14), "Jaipur",
            WeddingStatus.Booked, null, 200, null, null))).ReadAsync<WeddingResponse>(System.Net.HttpStatusCode.Created);

    public static async Task<T> GetAsync<T>(this HttpClient client, string url) =>
        await (await client.GetAsync(url, TestContext.Current.CancellationToken)).ReadAsync<T>();

    /// <summary>Asserts an RFC 9457 problem with the status, and returns it.</summary>
    public static async Task<Problem> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<Problem>(body, Json)!;
        Assert.Equal((int)expected, problem.Status);
        Assert.False(string.IsNullOrEmpty(problem.Title));
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal); // never a stack trace
        return problem;
    }

    public static void UseBearer(this HttpClient client, string accessToken) =>
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
}

public sealed record Problem(string? Type, string Title, int Status, string? Detail, Dictionary<string, string[]>? Errors);
