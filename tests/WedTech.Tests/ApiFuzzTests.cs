using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WedTech.Contracts;
using WedTech.Tests.Infrastructure;
using static WedTech.Tests.Infrastructure.OpenApiOperations;

namespace WedTech.Tests;

/// <summary>
/// Hostile input to every operation of the OpenAPI document: each body field null, of the wrong JSON type, a huge number,
/// 100,000 characters, control characters, a lone surrogate, an unknown enum value; bodies malformed, empty, of the wrong
/// type or too deep; query and path parameters likewise. Every answer must be a 2xx or an RFC 9457 problem (status and
/// title, never a 5xx, never a stack trace), and a refused change must leave the record as it was. A new endpoint is
/// fuzzed as soon as it is in the document: bodies it has no sample for are made from its schema. The operations are dealt
/// out to <c>lanes</c> test classes per provider (<see cref="InLane"/>), which xUnit runs side by side, each with a studio of
/// its own; every operation is in exactly one lane.
/// </summary>
public abstract partial class ApiFuzzTests(TestServer server, int lane, int lanes) : ProviderTests(server)
{
    /// <summary>The lanes of the fuzz on each provider: on PostgreSQL a request waits on the database more than on the CPU.</summary>
    public const int PostgresLanes = 3;

    public const int SqliteLanes = 2;

    /// <summary>The collections of the PostgreSQL lanes, started first (<see cref="LongestCollectionsFirst"/>).</summary>
    public static readonly string[] PostgresCollections = [.. Enumerable.Range(1, PostgresLanes).Select(n => $"API fuzz on PostgreSQL, lane {n}")];

    /// <summary>Raw JSON put in place of one value of a valid body.</summary>
    private static readonly (string Name, string Json)[] ValueVariants =
    [
        ("null", "null"),
        ("string", "\"text\""),
        ("number", "12345"),
        ("fraction", "1.5"),
        ("boolean", "true"),
        ("object", "{}"),
        ("array", "[]"),
        ("array of null", "[null]"),
        ("object with a null value", "{\"key\":null}"),
        ("1e308", "1e308"),
        ("2^63", "9223372036854775808"),
        ("-1", "-1"),
        ("100k characters", "\"" + new string('a', 100_000) + "\""),
        ("NUL", "\"a\\u0000b\""),
        ("escape", "\"\\u001b[31mred\""),
        ("lone surrogate", "\"\\ud800\""),
        ("unknown enum", "\"no-such-value\""),
        ("bad date", "\"2027-13-45\""),
    ];

    /// <summary>Whole bodies in place of a valid one: (name, content type or null for none, bytes).</summary>
    private static readonly (string Name, string? ContentType, byte[] Body)[] BodyVariants =
    [
        ("malformed JSON", "application/json", "{\"a\":"u8.ToArray()),
        ("empty body", "application/json", []),
        ("JSON null", "application/json", "null"u8.ToArray()),
        ("JSON array", "application/json", "[]"u8.ToArray()),
        ("JSON string", "application/json", "\"text\""u8.ToArray()),
        ("JSON 1e308", "application/json", "1e308"u8.ToArray()),
        ("empty object", "application/json", "{}"u8.ToArray()),
        ("nested 1,000 deep", "application/json", Encoding.UTF8.GetBytes(new string('[', 1000) + new string(']', 1000))),
        ("invalid UTF-8", "application/json", [.. "{\"x\":\""u8, 0xff, 0xfe, .. "\"}"u8]),
        ("over 256 KB", "application/json", Encoding.UTF8.GetBytes("{\"x\":\"" + new string('a', 300 * 1024) + "\"}")),
        ("text/plain", "text/plain", "{}"u8.ToArray()),
        ("no content type", null, "{}"u8.ToArray()),
        ("form", "application/x-www-form-urlencoded", "a=1"u8.ToArray()),
        ("broken multipart", "multipart/form-data; boundary=xyz", "--xyz\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc"u8.ToArray()),
    ];

    /// <summary>Query and untyped path values, already escaped for a URL.</summary>
    private static readonly (string Name, string Raw)[] TextVariants =
    [
        ("empty", ""),
        ("text", "abc"),
        ("2^63", "9223372036854775808"),
        ("1e308", "1e308"),
        ("-1", "-1"),
        ("0", "0"),
        ("fraction", "1.5"),
        ("NUL", "a%00b"),
        ("escape", "%1B%5B31m"),
        ("encoded lone surrogate", "%ED%A0%80"),
        ("invalid UTF-8", "%FF%FE"),
        ("unknown enum", "no-such-value"),
        ("2,000 characters", new string('a', 2000)),
        ("bad date", "2027-13-45"),
    ];

    [GeneratedRegex(@"(\n\s+at [\w.`<>$]+[.(])|(\.cs:line \d+)|(\bSystem\.[A-Za-z.]*Exception\b)|(\bMicrosoft\.[A-Za-z.]*Exception\b)")]
    private static partial Regex StackTraceLike();

    private sealed class Run(HttpClient client, CancellationToken cancel)
    {
        public List<string> Failures { get; } = [];
        public int Requests { get; private set; }
        public Dictionary<string, int> ReadBacks { get; } = [];

        /// <summary>
        /// A record as read back after a refused change, by its URL: what it holds before the next variant of the same operation,
        /// which then need not read it again. Dropped when a variant is accepted (the record may have changed) and between operations.
        /// </summary>
        public Dictionary<string, string> KnownRecords { get; } = [];

        public async Task<(HttpStatusCode Status, string Body)> SendAsync(Operation op, string variant, string url, HttpContent? content,
            Func<HttpRequestMessage, bool>? prepare = null)
        {
            using var request = new HttpRequestMessage(new HttpMethod(op.Method), url) { Content = content };
            request.Headers.TryAddWithoutValidation("If-Match", "*");
            prepare?.Invoke(request);
            Requests++;
            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request, cancel);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancel.IsCancellationRequested)
            {
                Failures.Add($"{op} [{variant}] {Short(url)}: the request failed: {e.GetType().Name}: {e.Message}");
                return (0, "");
            }
            using (response)
            {
                var body = await response.Content.ReadAsStringAsync(cancel);
                Check(op, variant, url, response, body);
                return (response.StatusCode, body);
            }
        }

        private void Check(Operation op, string variant, string url, HttpResponseMessage response, string body)
        {
            var status = (int)response.StatusCode;
            var where = $"{op} [{variant}] {Short(url)} → {status}";
            if (StackTraceLike().Match(body) is { Success: true } trace)
            {
                Failures.Add($"{where}: stack-trace-like text \"{trace.Value.Trim()}\" in {Snippet(body)}");
            }
            if (status >= 500)
            {
                Failures.Add($"{where}: server error {Snippet(body)}");
                return;
            }
            if (status < 400)
            {
                return;
            }
            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                Failures.Add($"{where}: not a problem (content type {response.Content.Headers.ContentType?.MediaType ?? "none"}) {Snippet(body)}");
                return;
            }
            try
            {
                var problem = JsonNode.Parse(body)!.AsObject();
                if (problem["status"]?.GetValue<int>() != status || string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>()))
                {
                    Failures.Add($"{where}: a problem without its status or title {Snippet(body)}");
                }
                var messages = new[] { problem["title"], problem["detail"] }
                    .Concat(problem["errors"]?.AsObject().SelectMany(e => e.Value?.AsArray() ?? []) ?? [])
                    .Select(m => m?.GetValue<string>()).OfType<string>();
                foreach (var message in messages.Where(m => !ProblemText.IsForPeople(m)))
                {
                    Failures.Add($"{where}: \"{message}\" is worded for programmers, not for the person reading it");
                }
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
            {
                Failures.Add($"{where}: a problem body that is not JSON {Snippet(body)}");
            }
        }

        private static string Short(string url) => url.Length > 160 ? url[..160] + "…" : url;

        private static string Snippet(string body) => body.Length > 300 ? body[..300] + "…" : body;
    }

    [Fact]
    public async Task Every_operation_answers_hostile_input_with_a_problem_never_a_server_error_and_changes_nothing()
    {
        var clock = Stopwatch.StartNew();
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var records = await CreateRecordsAsync(studio, admin);
        var document = JsonNode.Parse(await admin.GetStringAsync("/openapi/v1.json", Cancel))!.AsObject();
        var all = Operations(document).ToList();
        var dealt = Enumerable.Range(0, lanes).Select(l => InLane(all, document, records, l, lanes)).ToList();
        Assert.Equal(all.Select(o => o.ToString()).Order(StringComparer.Ordinal), dealt.SelectMany(l => l).Select(o => o.ToString()).Order(StringComparer.Ordinal));
        var operations = dealt[lane];
        var run = new Run(admin, Cancel);

        var withInput = 0;
        var covered = 0;
        foreach (var op in operations)
        {
            run.KnownRecords.Clear();
            var parameters = op.Spec["parameters"]?.AsArray().Select(p => p!.AsObject()).ToList() ?? [];
            var query = parameters.Where(p => (string?)p["in"] == "query").ToList();
            var bodyContent = op.Spec["requestBody"]?["content"]?.AsObject();
            if (bodyContent is not null || query.Count > 0)
            {
                withInput++;
            }
            var fuzzed = false;
            var url = FillPath(op, parameters, records, overrides: null);
            var baseQuery = string.Join('&', query.Select(q => $"{q["name"]}={Uri.EscapeDataString(QueryBase((string)q["name"]!, records))}"));
            var fullUrl = baseQuery.Length == 0 ? url : $"{url}?{baseQuery}";
            // A refused change must leave the record as it was: compared with what GET answers, where the path has a GET.
            var readBack = op.Method == "PUT" && all.Any(o => o.Method == "GET" && o.Path == op.Path) ? url : null;

            if (bodyContent?["application/json"]?["schema"] is JsonObject schema)
            {
                var sample = Sample(schema, document, records);
                foreach (var path in Paths(sample))
                {
                    foreach (var (name, json) in ValueVariants)
                    {
                        var text = Replace(sample, path, json);
                        await SendCheckedAsync(run, op, $"{string.Join('.', path)} = {name}", fullUrl, Json(text), readBack);
                    }
                }
                fuzzed = true;
            }
            if (bodyContent is not null)
            {
                foreach (var (name, contentType, bytes) in BodyVariants)
                {
                    var content = new ByteArrayContent(bytes);
                    if (contentType is not null)
                    {
                        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                    }
                    await SendCheckedAsync(run, op, name, fullUrl, content, readBack);
                }
                fuzzed = true;
            }
            foreach (var parameter in query)
            {
                var name = (string)parameter["name"]!;
                var others = query.Where(q => q != parameter).Select(q => $"{q["name"]}={Uri.EscapeDataString(QueryBase((string)q["name"]!, records))}").ToList();
                foreach (var (variant, raw) in TextVariants.Append(("repeated", "1&" + name + "=2")))
                {
                    var q = string.Join('&', others.Append($"{name}={raw}"));
                    await SendCheckedAsync(run, op, $"?{name} = {variant}", $"{url}?{q}", SampleContent(bodyContent, document, records), readBack);
                }
                fuzzed = true;
            }
            foreach (var parameter in parameters.Where(p => (string?)p["in"] == "path"))
            {
                var name = (string)parameter["name"]!;
                var typed = (string?)parameter["schema"]?["format"] == "uuid";
                IEnumerable<(string, string)> values = typed
                    ? [("unknown id", Guid.CreateVersion7().ToString()), ("not an id", "not-an-id")]
                    // An empty segment is another route; NUL in a path is refused by the host before the app (Kestrel: 400),
                    // and the in-memory test host throws on it instead of answering.
                    : TextVariants.Where(v => v.Raw.Length > 0 && !v.Raw.Contains("%00", StringComparison.Ordinal));
                foreach (var (variant, raw) in values)
                {
                    var pathUrl = FillPath(op, parameters, records, new Dictionary<string, string> { [name] = raw });
                    await SendCheckedAsync(run, op, $"{{{name}}} = {variant}", pathUrl, SampleContent(bodyContent, document, records), readBack: null);
                }
            }
            foreach (var parameter in parameters.Where(p => (string?)p["in"] == "header"))
            {
                var name = (string)parameter["name"]!;
                foreach (var (variant, value) in new[] { ("empty", ""), ("300 characters", new string('a', 300)), ("spaces", "a b c"), ("non-ASCII", "clé") })
                {
                    await SendCheckedAsync(run, op, $"{name}: {variant}", fullUrl, SampleContent(bodyContent, document, records), readBack,
                        request => request.Headers.TryAddWithoutValidation(name, value));
                }
            }
            if (fuzzed)
            {
                covered++;
            }
        }

        var allWithInput = all.Count(op => op.Spec["requestBody"] is not null || op.Spec["parameters"]?.AsArray().Any(p => (string?)p!["in"] == "query") == true);
        Assert.True(allWithInput > 20, $"The document lists only {allWithInput} operations with a body or query; is it the right document?");
        Assert.True(covered >= withInput, $"Fuzzed {covered} of the {withInput} operations with a body or query.");
        TestContext.Current.SendDiagnosticMessage($"{Server.Provider}, lane {lane + 1} of {lanes}: {run.Requests} requests to {operations.Count} of {all.Count} operations ({covered} with a body or query) in {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(run.Failures.Count == 0,
            $"{run.Failures.Count} answers broke the rules (of {run.Requests} requests):\n" + string.Join('\n', run.Failures.Take(80)));
        // The negative check was made where it matters most: refused replacements of the wedding left it as it was.
        if (operations.Any(o => o.ToString() == "PUT /api/v1/weddings/{id}"))
        {
            Assert.True(run.ReadBacks.GetValueOrDefault("PUT /api/v1/weddings/{id}") > 100, "PUT /api/v1/weddings/{id} was not checked for changing nothing.");
        }
    }

    /// <summary>
    /// The operations of one lane, in the document's order: all of them dealt out by the requests each will take, the costliest
    /// first, each to the lane with the fewest so far, so that the lanes take about as long. Every lane deals alike (the
    /// estimate depends only on the document), so each operation is in exactly one lane.
    /// </summary>
    private static List<Operation> InLane(List<Operation> operations, JsonObject document, Records records, int lane, int lanes)
    {
        var load = new long[lanes];
        var mine = new HashSet<Operation>();
        foreach (var (op, cost) in operations.Select(op => (op, Cost(op, operations, document, records)))
            .OrderByDescending(x => x.Item2).ThenBy(x => x.op.ToString(), StringComparer.Ordinal))
        {
            var to = Array.IndexOf(load, load.Min());
            load[to] += cost;
            if (to == lane)
            {
                mine.Add(op);
            }
        }
        return [.. operations.Where(mine.Contains)];
    }

    /// <summary>About how many requests the fuzz sends an operation (a refused replacement is read back once more).</summary>
    private static long Cost(Operation op, List<Operation> operations, JsonObject document, Records records)
    {
        var parameters = op.Spec["parameters"]?.AsArray().Select(p => p!.AsObject()).ToList() ?? [];
        var bodyContent = op.Spec["requestBody"]?["content"]?.AsObject();
        long cost = 1;
        if (bodyContent?["application/json"]?["schema"] is JsonObject schema)
        {
            cost += Paths(Sample(schema, document, records)).Count() * ValueVariants.Length;
        }
        if (bodyContent is not null)
        {
            cost += BodyVariants.Length;
        }
        cost += parameters.Sum(p => (string?)p["in"] switch
        {
            "query" => TextVariants.Length + 1,
            "path" => (string?)p["schema"]?["format"] == "uuid" ? 2 : TextVariants.Length,
            "header" => 4,
            _ => 0,
        });
        return op.Method == "PUT" && operations.Any(o => o.Method == "GET" && o.Path == op.Path) ? cost * 2 : cost;
    }

    /// <summary>Sends one variant; for a PUT with a GET, checks that a refused one left the record as it was.</summary>
    private static async Task SendCheckedAsync(Run run, Operation op, string variant, string url, HttpContent? content, string? readBack,
        Func<HttpRequestMessage, bool>? prepare = null)
    {
        string? before = null;
        if (readBack is not null && !run.KnownRecords.Remove(readBack, out before))
        {
            before = await ReadAsync(run, op, readBack);
        }
        var (status, _) = await run.SendAsync(op, variant, url, content, prepare);
        if (readBack is null || (int)status < 400)
        {
            return;
        }
        var after = await ReadAsync(run, op, readBack);
        run.KnownRecords[readBack] = after;
        run.ReadBacks[op.ToString()] = run.ReadBacks.GetValueOrDefault(op.ToString()) + 1;
        if (before != after)
        {
            run.Failures.Add($"{op} [{variant}] → {(int)status}, yet the record changed:\n  before {before}\n  after  {after}");
        }
    }

    private static async Task<string> ReadAsync(Run run, Operation op, string url)
    {
        var (status, body) = await run.SendAsync(op with { Method = "GET" }, "read back", url, null);
        return $"{(int)status} {body}";
    }

    private static StringContent? SampleContent(JsonObject? bodyContent, JsonObject document, Records records) =>
        bodyContent?["application/json"]?["schema"] is JsonObject schema ? Json(Sample(schema, document, records).ToJsonString()) : null;

    protected static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static string QueryBase(string name, Records records) => name switch
    {
        "page" => "1",
        "pageSize" => "10",
        "ownerType" => "wedding",
        "ownerId" or "weddingId" => records.Wedding.ToString(),
        "from" => "2027-01-01",
        "to" => "2027-12-31",
        "endpoint" => "https://push.example.com/send/abc",
        _ => "x",
    };

    /// <summary>Every value of a body, as a path of property names and array indexes.</summary>
    private static IEnumerable<string[]> Paths(JsonNode? node, string[]? prefix = null)
    {
        prefix ??= [];
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    string[] path = [.. prefix, name];
                    yield return path;
                    foreach (var nested in Paths(child, path))
                    {
                        yield return nested;
                    }
                }
                break;
            case JsonArray array when array.Count > 0:
                string[] first = [.. prefix, "0"];
                yield return first;
                foreach (var nested in Paths(array[0], first))
                {
                    yield return nested;
                }
                break;
        }
    }

    /// <summary>The sample body as text, with the value at the path replaced by raw JSON.</summary>
    private static string Replace(JsonNode sample, string[] path, string json)
    {
        const string marker = "\"__fuzz_value__\"";
        var copy = sample.DeepClone();
        JsonNode parent = copy;
        foreach (var segment in path[..^1])
        {
            parent = parent is JsonArray a ? a[int.Parse(segment, System.Globalization.CultureInfo.InvariantCulture)]! : parent[segment]!;
        }
        if (parent is JsonArray array)
        {
            array[int.Parse(path[^1], System.Globalization.CultureInfo.InvariantCulture)] = "__fuzz_value__";
        }
        else
        {
            parent[path[^1]] = "__fuzz_value__";
        }
        return copy.ToJsonString().Replace(marker, json, StringComparison.Ordinal);
    }

}

/// <summary>The first lane of the fuzz, and what the fuzz found, kept as tests of their own (once per provider).</summary>
public abstract class ApiFuzzTestsFirstLane(TestServer server, int lanes) : ApiFuzzTests(server, 0, lanes)
{
    [Fact]
    public async Task A_null_variable_or_list_element_is_a_field_error()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        foreach (var url in new[] { "/api/v1/messaging/templates/preview", "/api/v1/messages" })
        {
            var response = await admin.PostAsync(url, Json("""
                {"channel":"email","recipient":"guest@example.com","templateKey":"announcement","language":"en","variables":{"title":null,"text":"x"}}
                """), Cancel);
            var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Equal(["variables.title"], problem.Errors!.Keys);
        }
        var template = await admin.PutJsonAsync("/api/v1/messaging/templates/announcement/whatsapp/en",
            new MessageTemplateRequest(null, "{{title}}", "announcement", ["title", null!]), ifMatch: "*");
        Assert.Equal(["providerParameters[1]"], (await template.ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        var wedding = await admin.PostJsonAsync("/api/v1/weddings", new WeddingRequest("Null team", "A", "B", new DateOnly(2027, 2, 14), null, null, null, null, null, [null!]));
        Assert.Equal(["team[0]"], (await wedding.ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        Assert.Equal(0, (await admin.GetAsync<PagedResponse<WeddingSummaryResponse>>("/api/v1/weddings")).TotalCount);
    }

    [Fact]
    public async Task A_control_character_in_a_query_string_is_a_field_error()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        // PostgreSQL cannot take NUL in text: found by the fuzz as a 500 from DELETE /api/v1/push/subscriptions?endpoint=a%00b.
        foreach (var url in new[] { "/api/v1/push/subscriptions?endpoint=a%00b", "/api/v1/venues?q=a%1Bb" })
        {
            var method = url.Contains("push", StringComparison.Ordinal) ? HttpMethod.Delete : HttpMethod.Get;
            var problem = await (await admin.SendAsync(new HttpRequestMessage(method, url), Cancel)).ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Single(problem.Errors!.Keys, key => key is "endpoint" or "q");
        }
    }
}

public sealed class ApiFuzzTestsOnSqlite(SqliteServer server) : ApiFuzzTestsFirstLane(server, SqliteLanes);

public sealed class ApiFuzzTestsOnSqliteLane2(SqliteServer server) : ApiFuzzTests(server, 1, SqliteLanes);

[Collection("API fuzz on PostgreSQL, lane 1")]
public sealed class ApiFuzzTestsOnPostgres(PostgresServer server) : ApiFuzzTestsFirstLane(server, PostgresLanes);

[Collection("API fuzz on PostgreSQL, lane 2")]
public sealed class ApiFuzzTestsOnPostgresLane2(PostgresServer server) : ApiFuzzTests(server, 1, PostgresLanes);

[Collection("API fuzz on PostgreSQL, lane 3")]
public sealed class ApiFuzzTestsOnPostgresLane3(PostgresServer server) : ApiFuzzTests(server, 2, PostgresLanes);
