using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using WedTech.Tests.Infrastructure;
using static WedTech.Tests.Infrastructure.OpenApiOperations;

namespace WedTech.Tests;

/// <summary>
/// One rule, checked on every PUT of the OpenAPI document: a PUT that replaces a versioned record (its answer carries a
/// <c>version</c>) requires If-Match, documents it (a required If-Match header, 428), and answers 428 without it, 400 for a
/// value that is not one of this API's ETags, 409 for a stale version — changing nothing each time — and accepts the current
/// one. A PUT whose answer has no version must be named below with the reason it is not versioned, so a new PUT fails this
/// test until someone decides which it is.
/// </summary>
public abstract class IfMatchRuleTests(TestServer server) : ProviderTests(server)
{
    private static readonly Dictionary<string, string> NotVersioned = new()
    {
        ["PUT /api/v1/users/{id}/role"] = "an action on one field, not a replacement of a record: the role is the whole request, a user has no version, "
            + "and what must never be lost (the studio's last active admin) is kept by a serializable transaction, not by the caller's copy",
        ["PUT /api/v1/me/reminder-channels"] = "a person's own three switches, set whole and only by that person: nobody else writes them, so there "
            + "is no one else's change to lose",
        ["PUT /api/v1/pipeline/stages/order"] = "the order of the whole pipeline, not one record: the request names every stage once, so a stage added "
            + "or removed since the caller read the pipeline is a field error and nothing of anyone else's is lost",
    };

    [Fact]
    public async Task Every_put_of_a_versioned_record_requires_a_current_if_match_and_a_refused_one_changes_nothing()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var records = await CreateRecordsAsync(studio, admin);
        var document = JsonNode.Parse(await admin.GetStringAsync("/openapi/v1.json", Cancel))!.AsObject();
        var operations = Operations(document).ToList();
        var puts = operations.Where(o => o.Method == "PUT").ToList();
        Assert.NotEmpty(puts);

        var checkedVersioned = 0;
        foreach (var put in puts)
        {
            var versioned = AnswersWithVersion(put, document);
            if (NotVersioned.TryGetValue(put.ToString(), out var reason))
            {
                Assert.False(versioned, $"{put} is listed as not versioned ({reason}), yet its answer carries a version.");
                continue;
            }
            Assert.True(versioned, $"{put} is new: its answer has no version. Make it a versioned record (RequiresIfMatch) or name it in NotVersioned with the reason.");

            var parameters = put.Spec["parameters"]?.AsArray().Select(p => p!.AsObject()).ToList() ?? [];
            var ifMatch = parameters.SingleOrDefault(p => (string?)p["in"] == "header" && (string?)p["name"] == "If-Match");
            Assert.True(ifMatch?["required"]?.GetValue<bool>() == true, $"{put} does not document a required If-Match header (use RequiresIfMatch).");
            Assert.True(put.Spec["responses"]?["428"] is not null, $"{put} does not document 428 Precondition Required.");

            var url = FillPath(put, parameters, records, overrides: null);
            var readUrl = ReadBackUrl(put.Path, operations, url);
            var body = Sample(put.Spec["requestBody"]!["content"]!["application/json"]!["schema"]!.AsObject(), document, records).ToJsonString();

            // Two accepted replacements, so that there is an older version to be stale with.
            await SendAsync(admin, url, body, "*", HttpStatusCode.OK, put);
            var current = await SendAsync(admin, url, body, "*", HttpStatusCode.OK, put);
            Assert.True(current >= 2, $"{put}: after a replacement the record is still at version {current}; there is no older version to be stale with.");
            var before = await admin.GetStringAsync(readUrl, Cancel);

            foreach (var (header, expected) in new (string?, HttpStatusCode)[]
            {
                (null, HttpStatusCode.PreconditionRequired),
                ("\"abc\"", HttpStatusCode.BadRequest),
                ("W/\"1\"", HttpStatusCode.BadRequest),
                ("abc", HttpStatusCode.BadRequest),
                ($"\"{current - 1}\"", HttpStatusCode.Conflict),
                ($"\"{current + 1}\"", HttpStatusCode.Conflict),
            })
            {
                var response = await admin.SendAsync(Put(url, body, header), Cancel);
                var problem = await Response(response, expected, $"{put} with If-Match {header ?? "(none)"}");
                if (expected == HttpStatusCode.BadRequest)
                {
                    Assert.True(problem.Errors?.ContainsKey("if-match") == true, $"{put} with If-Match {header}: the field error does not name if-match.");
                }
                Assert.True(before == await admin.GetStringAsync(readUrl, Cancel), $"{put} with If-Match {header ?? "(none)"} → {(int)expected}, yet {readUrl} changed.");
            }

            // The current version is accepted (the same body again: a record that skips a change that changes nothing keeps its version).
            var next = await SendAsync(admin, url, body, $"\"{current}\"", HttpStatusCode.OK, put);
            Assert.True(next >= current, $"{put}: the version went back from {current} to {next}.");
            checkedVersioned++;
        }
        Assert.True(checkedVersioned >= 8, $"Only {checkedVersioned} versioned PUTs were checked.");
        Assert.All(NotVersioned.Keys, key => Assert.Contains(key, puts.Select(p => p.ToString())));
    }

    /// <summary>Whether the operation's 200 answer has a version property (the record's ETag).</summary>
    private static bool AnswersWithVersion(Operation put, JsonObject document)
    {
        var schema = put.Spec["responses"]?["200"]?["content"]?["application/json"]?["schema"]?.AsObject();
        while (schema?["$ref"]?.GetValue<string>() is { } reference)
        {
            schema = document["components"]!["schemas"]![reference.Split('/')[^1]]!.AsObject();
        }
        return schema?["properties"]?["version"] is not null;
    }

    /// <summary>Where to see whether a PUT changed anything: GET of the same path, else of the nearest collection above it.</summary>
    private static string ReadBackUrl(string path, List<Operation> operations, string url)
    {
        var segments = path.Split('/');
        var urlSegments = url.Split('/');
        for (var length = segments.Length; length > 1; length--)
        {
            var candidate = string.Join('/', segments[..length]);
            if (operations.Any(o => o.Method == "GET" && o.Path == candidate))
            {
                return string.Join('/', urlSegments[..length]);
            }
        }
        throw new InvalidOperationException($"No GET to read {path} back.");
    }

    private static HttpRequestMessage Put(string url, string body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return request;
    }

    /// <summary>Sends an accepted PUT and returns the version of the record from its ETag (which must be there).</summary>
    private static async Task<long> SendAsync(HttpClient client, string url, string body, string ifMatch, HttpStatusCode expected, Operation put)
    {
        using var response = await client.SendAsync(Put(url, body, ifMatch), Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == expected, $"{put} with If-Match {ifMatch}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        var etag = response.Headers.ETag?.Tag;
        Assert.True(etag is not null, $"{put} answered without an ETag.");
        Assert.Equal((long?)JsonNode.Parse(text)!["version"], long.Parse(etag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture));
        return long.Parse(etag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<Problem> Response(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == expected, $"{what}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        using var _ = response;
        var problem = await new HttpResponseMessage(response.StatusCode) { Content = new StringContent(text, Encoding.UTF8, "application/problem+json") }.ProblemAsync(expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return problem;
    }
}

public sealed class IfMatchRuleTestsOnSqlite(SqliteServer server) : IfMatchRuleTests(server);

public sealed class IfMatchRuleTestsOnPostgres(PostgresServer server) : IfMatchRuleTests(server);
