using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WedTech.Contracts;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

/// <summary>
/// Hostile input to every operation of the OpenAPI document: each body field null, of the wrong JSON type, a huge number,
/// 100,000 characters, control characters, a lone surrogate, an unknown enum value; bodies malformed, empty, of the wrong
/// type or too deep; query and path parameters likewise. Every answer must be a 2xx or an RFC 9457 problem (status and
/// title, never a 5xx, never a stack trace), and a refused change must leave the record as it was. A new endpoint is
/// fuzzed as soon as it is in the document: bodies it has no sample for are made from its schema.
/// </summary>
public abstract partial class ApiFuzzTests(TestServer server) : ProviderTests(server)
{
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

    private sealed record Operation(string Method, string Path, JsonObject Spec)
    {
        public override string ToString() => $"{Method} {Path}";
    }

    private sealed class Run(HttpClient client, CancellationToken cancel)
    {
        public List<string> Failures { get; } = [];
        public int Requests { get; private set; }
        public Dictionary<string, int> ReadBacks { get; } = [];

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
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
            {
                Failures.Add($"{where}: a problem body that is not JSON {Snippet(body)}");
            }
        }

        private static string Short(string url) => url.Length > 160 ? url[..160] + "…" : url;

        private static string Snippet(string body) => body.Length > 300 ? body[..300] + "…" : body;
    }

    /// <summary>Records of a fresh studio that operations take in their path and bodies.</summary>
    private sealed record Records(Guid Admin, Guid Planner, Guid Wedding, Guid Event, Guid Item, Guid Venue, Guid Template, string Slug);

    [Fact]
    public async Task Every_operation_answers_hostile_input_with_a_problem_never_a_server_error_and_changes_nothing()
    {
        var clock = Stopwatch.StartNew();
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var records = await CreateRecordsAsync(studio, admin);
        var document = JsonNode.Parse(await admin.GetStringAsync("/openapi/v1.json", Cancel))!.AsObject();
        var operations = Operations(document).ToList();
        var run = new Run(admin, Cancel);

        var withInput = 0;
        var covered = 0;
        foreach (var op in operations)
        {
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
            var readBack = op.Method == "PUT" && operations.Any(o => o.Method == "GET" && o.Path == op.Path) ? url : null;

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

        Assert.True(withInput > 20, $"The document lists only {withInput} operations with a body or query; is it the right document?");
        Assert.True(covered >= withInput, $"Fuzzed {covered} of the {withInput} operations with a body or query.");
        TestContext.Current.SendDiagnosticMessage($"{Server.Provider}: {run.Requests} requests to {operations.Count} operations ({covered} with a body or query) in {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(run.Failures.Count == 0,
            $"{run.Failures.Count} answers broke the rules (of {run.Requests} requests):\n" + string.Join('\n', run.Failures.Take(80)));
        // The negative check was made where it matters most: refused replacements of the wedding left it as it was.
        Assert.True(run.ReadBacks.GetValueOrDefault("PUT /api/v1/weddings/{id}") > 100, "PUT /api/v1/weddings/{id} was not checked for changing nothing.");
    }

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

    /// <summary>Sends one variant; for a PUT with a GET, checks that a refused one left the record as it was.</summary>
    private static async Task SendCheckedAsync(Run run, Operation op, string variant, string url, HttpContent? content, string? readBack,
        Func<HttpRequestMessage, bool>? prepare = null)
    {
        var before = readBack is null ? null : await ReadAsync(run, op, readBack);
        var (status, _) = await run.SendAsync(op, variant, url, content, prepare);
        if (readBack is null || (int)status < 400)
        {
            return;
        }
        var after = await ReadAsync(run, op, readBack);
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

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static IEnumerable<Operation> Operations(JsonObject document)
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, spec) in item!.AsObject())
            {
                if (spec is JsonObject op && method is "get" or "post" or "put" or "patch" or "delete")
                {
                    yield return new Operation(method.ToUpperInvariant(), path, op);
                }
            }
        }
    }

    /// <summary>The operation's URL with real records in its path (a wedding for /weddings/{id}…), or the given raw values.</summary>
    private static string FillPath(Operation op, List<JsonObject> parameters, Records records, Dictionary<string, string>? overrides)
    {
        var url = op.Path;
        foreach (var parameter in parameters.Where(p => (string?)p["in"] == "path"))
        {
            var name = (string)parameter["name"]!;
            var value = overrides?.GetValueOrDefault(name) ?? PathValue(op.Path, name, records);
            url = url.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }
        return url;
    }

    private static string PathValue(string path, string name, Records records)
    {
        var segments = path.Split('/');
        var index = Array.IndexOf(segments, "{" + name + "}");
        var resource = index > 0 ? segments[index - 1] : "";
        Guid? id = (name, resource) switch
        {
            ("weddingId", _) or ("id", "weddings") => records.Wedding,
            ("eventId", _) or ("id", "events") => records.Event,
            ("itemId", _) => records.Item,
            ("id", "venues") => records.Venue,
            ("id", "templates") => records.Template,
            ("id", "users") => records.Planner,
            _ => null,
        };
        return id?.ToString() ?? name switch
        {
            "key" => "announcement",
            "channel" => "email",
            "language" => "en",
            _ => Guid.CreateVersion7().ToString(),
        };
    }

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

    /// <summary>A valid body for the schema: a written sample where there is one, else one made from the schema.</summary>
    private static JsonNode Sample(JsonObject schema, JsonObject document, Records records)
    {
        var name = (schema["$ref"]?.GetValue<string>() ?? "").Split('/')[^1];
        var wedding = new WeddingRequest("Fuzz wedding", "Meera", "Sahil", new DateOnly(2027, 11, 20), "Jaipur", WeddingStatus.Booked, 10_000_00, 300,
            "Notes", [new TeamAssignment(records.Planner, TeamRole.Coordinator)]);
        object? known = name switch
        {
            nameof(CreateTenantRequest) => new CreateTenantRequest("Fuzz Studio", records.Slug, "Fuzz Admin", "fuzz-signup@example.com", "Correct-Horse-42", TenantPlan.Starter),
            nameof(LoginRequest) => new LoginRequest("nobody@example.com", "Not-The-Password-1"),
            nameof(RefreshRequest) => new RefreshRequest("not-a-refresh-token"),
            nameof(AcceptInvitationRequest) => new AcceptInvitationRequest("not-an-invitation", "Long-Enough-Password-1"),
            nameof(PasswordResetRequest) => new PasswordResetRequest("nobody@example.com"),
            nameof(PasswordResetConfirmRequest) => new PasswordResetConfirmRequest("not-a-reset-token", "Long-Enough-Password-1"),
            nameof(InviteUserRequest) => new InviteUserRequest("fuzz-invitee@example.com", "Fuzz Invitee", Role.Coordinator),
            nameof(ChangeRoleRequest) => new ChangeRoleRequest(Role.Planner),
            nameof(UpdateTenantSettingsRequest) => new UpdateTenantSettingsRequest("Shaadi Studio", "Asia/Kolkata", null),
            nameof(WeddingRequest) => wedding,
            nameof(EventRequest) => new EventRequest(EventType.Sangeet, "Sangeet", new DateTime(2027, 11, 19, 19, 0, 0), new DateTime(2027, 11, 19, 23, 0, 0),
                "Asia/Kolkata", records.Venue, "Festive", 250, "Notes", EventStatus.Planned, [new TeamAssignment(records.Planner, TeamRole.Coordinator)]),
            nameof(RunOfShowItemRequest) => new RunOfShowItemRequest(new DateTime(2027, 11, 19, 20, 0, 0), 15, "First dance", records.Planner, "DJ", "Lawn", "Notes",
                false, true, RunOfShowStatus.Pending),
            nameof(RunOfShowStatusRequest) => new RunOfShowStatusRequest(RunOfShowStatus.Done),
            nameof(RunOfShowShiftRequest) => new RunOfShowShiftRequest(records.Item, 10),
            nameof(VenueRequest) => new VenueRequest("Samode Palace", "Samode village", "Jaipur", "08", "IN", "https://maps.example.com/samode", 400,
                [new VenueContact("Manager", "Events", "+919876543210", "events@samode.example.com")], "Notes", "Asia/Kolkata"),
            nameof(WeddingTemplateRequest) => new WeddingTemplateRequest("Saved by fuzz", "Description", records.Wedding),
            nameof(WeddingTemplateUpdate) => new WeddingTemplateUpdate("Renamed by fuzz", "Description"),
            nameof(WeddingFromTemplateRequest) => new WeddingFromTemplateRequest(wedding with { Team = null }, new DateOnly(2027, 11, 18), "Asia/Kolkata"),
            nameof(SendMessageRequest) => new SendMessageRequest(MessageChannel.Email, "guest@example.com", "Guest", "announcement", "en",
                new Dictionary<string, string> { ["title"] = "Hello", ["text"] = "See you soon." }, records.Wedding),
            nameof(MessageTemplateRequest) => new MessageTemplateRequest("{{title}}", "{{text}}", "announcement", ["title", "text"]),
            nameof(PreviewMessageRequest) => new PreviewMessageRequest(MessageChannel.Email, "announcement", "en",
                new Dictionary<string, string> { ["title"] = "Hello", ["text"] = "See you soon." }),
            nameof(MessagingSettingsRequest) => new MessagingSettingsRequest(SmsProvider.Msg91),
            nameof(PushSubscriptionRequest) => new PushSubscriptionRequest("https://push.example.com/send/abc",
                new PushSubscriptionKeys("BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM", "tBHItJI5svbpez7KI4CCXg")),
            nameof(ReportRequest) => new ReportRequest(ReportKind.WeddingsList, ReportFormat.Csv, records.Wedding, records.Event),
            nameof(CreateCalendarFeedRequest) => new CreateCalendarFeedRequest(CalendarFeedKind.Wedding, records.Wedding),
            _ => null,
        };
        return known is not null ? JsonSerializer.SerializeToNode(known, known.GetType(), Api.Json)! : FromSchema(schema, document, depth: 0) ?? new JsonObject();
    }

    /// <summary>A plausible value for a schema nobody wrote a sample for (a new endpoint).</summary>
    private static JsonNode? FromSchema(JsonObject schema, JsonObject document, int depth)
    {
        if (depth > 5)
        {
            return null;
        }
        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            return FromSchema(document["components"]!["schemas"]![reference.Split('/')[^1]]!.AsObject(), document, depth + 1);
        }
        if ((schema["oneOf"] ?? schema["anyOf"]) is JsonArray choices)
        {
            var choice = choices.AsArray().Select(c => c!.AsObject()).FirstOrDefault(c => (string?)c["type"] != "null");
            return choice is null ? null : FromSchema(choice, document, depth + 1);
        }
        if (schema["enum"] is JsonArray values)
        {
            return values.FirstOrDefault(v => v is not null)?.DeepClone();
        }
        var types = schema["type"] switch
        {
            JsonArray many => many.Select(t => (string)t!).ToList(),
            JsonValue one => [(string)one!],
            _ => schema["properties"] is not null ? ["object"] : ["string"],
        };
        var type = types.FirstOrDefault(t => t != "null") ?? "null";
        return type switch
        {
            "object" => new JsonObject((schema["properties"]?.AsObject() ?? [])
                .Select(p => KeyValuePair.Create(p.Key, FromSchema(p.Value!.AsObject(), document, depth + 1)))
                .Concat(schema["additionalProperties"] is JsonObject values2 ? [KeyValuePair.Create("key", FromSchema(values2, document, depth + 1))] : [])),
            "array" => schema["items"] is JsonObject items ? new JsonArray(FromSchema(items, document, depth + 1)) : new JsonArray(),
            "integer" or "number" => 1,
            "boolean" => true,
            "null" => null,
            _ => (string?)schema["format"] switch
            {
                "uuid" => Guid.CreateVersion7().ToString(),
                "date" => "2027-02-14",
                "date-time" => "2027-02-14T18:00:00",
                "time" => "18:00:00",
                "email" => "someone@example.com",
                "uri" => "https://example.com/",
                _ => "Sample",
            },
        };
    }

    private static async Task<Records> CreateRecordsAsync(Studio studio, HttpClient admin)
    {
        var me = await admin.GetAsync<MeResponse>("/api/v1/me");
        var planner = await studio.AddMemberAsync(Role.Planner, admin);
        var venue = await (await admin.PostJsonAsync("/api/v1/venues", new VenueRequest("Samode Palace", null, "Jaipur", "08", null, null, 400, null, null, null)))
            .ReadAsync<VenueResponse>(HttpStatusCode.Created);
        var wedding = await (await admin.PostJsonAsync("/api/v1/weddings", new WeddingRequest("Fuzz wedding", "Meera", "Sahil", new DateOnly(2027, 11, 20), "Jaipur",
            WeddingStatus.Booked, 10_000_00, 300, null, [new TeamAssignment(planner.Id, TeamRole.Coordinator)]))).ReadAsync<WeddingResponse>(HttpStatusCode.Created);
        var @event = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/events", new EventRequest(EventType.Sangeet, "Sangeet",
            new DateTime(2027, 11, 19, 19, 0, 0), new DateTime(2027, 11, 19, 23, 0, 0), null, venue.Id, null, null, null, null, null))).ReadAsync<EventResponse>(HttpStatusCode.Created);
        var item = await (await admin.PostJsonAsync($"/api/v1/events/{@event.Id}/run-of-show", new RunOfShowItemRequest(new DateTime(2027, 11, 19, 20, 0, 0), 15,
            "First dance", null, null, null, null, null, true, null))).ReadAsync<RunOfShowItemResponse>(HttpStatusCode.Created);
        var template = await (await admin.PostJsonAsync("/api/v1/templates", new WeddingTemplateRequest("Fuzz template", null, wedding.Id)))
            .ReadAsync<WeddingTemplateResponse>(HttpStatusCode.Created);
        return new Records(me.Id, planner.Id, wedding.Id, @event.Id, item.Id, venue.Id, template.Id, studio.Slug);
    }
}

public sealed class ApiFuzzTestsOnSqlite(SqliteServer server) : ApiFuzzTests(server);

public sealed class ApiFuzzTestsOnPostgres(PostgresServer server) : ApiFuzzTests(server);
