using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using WedTech.Contracts;

namespace WedTech.RealtimeBench;

/// <summary>The API as the bench's people call it: X-Tenant on the client, a bearer token and JSON with the API's conventions per call.</summary>
internal sealed class Api(HttpClient http)
{
    public async Task<T> GetAsync<T>(string path, string token) => await SendAsync<T>(HttpMethod.Get, path, null, token);

    public async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, string token, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: ApiJson.Options);
        }
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        return (await response.Content.ReadFromJsonAsync<T>(ApiJson.Options))!;
    }
}

/// <summary>What the bench changes, one update at a time, and how a connection recognises the change it hears.</summary>
internal interface IScenario
{
    /// <summary>One line for the summary: who changes what.</summary>
    string Description { get; }

    /// <summary>The write, for the summary ("PUT", "POST").</summary>
    string Verb { get; }

    /// <summary>Which update a message announces; -1 for anything else.</summary>
    int UpdateOf(WeddingChangedMessage message);

    /// <summary>Makes update <paramref name="k"/> through the API and returns when the API has answered.</summary>
    Task SendAsync(int k);

    /// <summary>Whether watchers fetch what changed when they hear of it.</summary>
    bool Fetches { get; }

    /// <summary>What a watcher fetches on hearing of update <paramref name="k"/>; null when it fetches nothing.</summary>
    string? FetchPath(int k);

    /// <summary>Whether a fetched answer (JSON) already shows update <paramref name="k"/>.</summary>
    bool Shows(int k, string json);
}

/// <summary>The wedding itself changes: the admin PUTs it with a new note each time (the original realtime bench).</summary>
internal sealed class WeddingUpdates(Api api, string adminToken, WeddingResponse wedding) : IScenario
{
    private readonly long _firstVersion = wedding.Version + 1;

    public string Description => $"the admin PUTs /api/v1/weddings/{wedding.Id} ({wedding.Title}) with a new note";

    public string Verb => "PUT";

    public int UpdateOf(WeddingChangedMessage message) =>
        message.WeddingId == wedding.Id && message.Change == WeddingChange.Updated && message.Version is { } v ? (int)(v - _firstVersion) : -1;

    public async Task SendAsync(int k)
    {
        var request = new WeddingRequest(wedding.Title, wedding.BrideName, wedding.GroomName, wedding.PrimaryDate, wedding.City, wedding.Status,
            wedding.EstimatedBudgetPaise, wedding.GuestCountEstimate, $"Realtime bench update {k + 1}",
            wedding.Team.Select(t => new TeamAssignment(t.UserId, t.Role)).ToList());
        wedding = await api.SendAsync<WeddingResponse>(HttpMethod.Put, $"/api/v1/weddings/{wedding.Id}", request, adminToken, $"\"{wedding.Version}\"");
        if (wedding.Version != _firstVersion + k)
        {
            throw new InvalidOperationException($"Expected version {_firstVersion + k} after update {k + 1}, got {wedding.Version}: someone else is writing.");
        }
    }

    public bool Fetches => false;

    public string? FetchPath(int k) => null;

    public bool Shows(int k, string json) => true;
}

/// <summary>
/// The day at the venue: a coordinator taps run-of-show items of one event done and pending again (POST …/status), item after
/// item, and every watcher that hears of a tap fetches what changed: the item (<c>item</c>), the whole event as the app's event
/// page does (<c>event</c>), the wedding's whole schedule as the app's wedding page does (<c>schedule</c>), or nothing.
/// </summary>
internal sealed class RunOfShowTaps : IScenario
{
    private readonly Api _api;
    private readonly string _writerToken;
    private readonly string _writer;
    private readonly Guid _weddingId;
    private readonly EventResponse _event;
    private readonly string _fetch;
    private readonly Dictionary<Guid, long> _versions;
    private readonly ConcurrentDictionary<(Guid Item, long Version), int> _updates = new();
    private readonly ConcurrentDictionary<int, (Guid Item, long Version)> _expected = new();

    private RunOfShowTaps(Api api, string writer, string writerToken, Guid weddingId, EventResponse e, string fetch)
    {
        _api = api;
        _writer = writer;
        _writerToken = writerToken;
        _weddingId = weddingId;
        _event = e;
        _fetch = fetch;
        _versions = e.RunOfShow.ToDictionary(i => i.Id, i => i.Version);
    }

    /// <summary>
    /// Adds <paramref name="events"/> events to the wedding, three a day, with <paramref name="items"/> items each, all shared so that
    /// the couple's connections see them too; the taps go to the first event's items.
    /// </summary>
    public static async Task<RunOfShowTaps> CreateAsync(Api api, string adminToken, string writer, string writerToken, WeddingResponse wedding, int events, int items, string fetch)
    {
        if (fetch is not ("item" or "event" or "schedule" or "none"))
        {
            throw new ArgumentException("--fetch is item, event, schedule or none.");
        }
        EventResponse? tapped = null;
        for (var n = 0; n < events; n++)
        {
            var start = wedding.PrimaryDate.AddDays(n / 3).ToDateTime(new TimeOnly(8 + n % 3 * 5, 0));
            var e = await api.SendAsync<EventResponse>(HttpMethod.Post, $"/api/v1/weddings/{wedding.Id}/events",
                new EventRequest(EventType.Sangeet, $"Realtime bench event {n + 1}", start, start.AddHours(4.5), null, null, null, null, null, EventStatus.Confirmed, null),
                adminToken);
            for (var i = 0; i < items; i++)
            {
                await api.SendAsync<RunOfShowItemResponse>(HttpMethod.Post, $"/api/v1/events/{e.Id}/run-of-show",
                    new RunOfShowItemRequest(start.AddMinutes(i * 270.0 / items), 10, $"Bench item {i + 1}", null, "DJ Aman", "Main lawn", null, false, true, null),
                    adminToken);
            }
            tapped ??= await api.GetAsync<EventResponse>($"/api/v1/events/{e.Id}", adminToken);
        }
        return new RunOfShowTaps(api, writer, writerToken, wedding.Id, tapped ?? throw new ArgumentException("--events is at least 1."), fetch);
    }

    public string Description =>
        $"{_writer} POSTs /api/v1/events/{_event.Id}/run-of-show/{{item}}/status, done and pending again in turn over {_versions.Count} items of one event; " +
        $"each watcher then fetches {_fetch switch { "item" => "the item (GET …/run-of-show/{item})", "event" => "the event (GET /api/v1/events/{id})", "schedule" => "the wedding's schedule (GET /api/v1/weddings/{id}/schedule)", _ => "nothing" }}";

    public string Verb => "POST";

    public int UpdateOf(WeddingChangedMessage message) =>
        message.WeddingId == _weddingId && message.Change == WeddingChange.RunOfShowChanged && message.ItemId is { } item && message.Version is { } version
            && _updates.TryGetValue((item, version), out var k) ? k : -1;

    public async Task SendAsync(int k)
    {
        var item = _event.RunOfShow[k % _event.RunOfShow.Count].Id;
        // Every tap changes the item (a tap that changes nothing tells no one): done on even rounds, pending again on odd ones.
        var status = k / _event.RunOfShow.Count % 2 == 0 ? RunOfShowStatus.Done : RunOfShowStatus.Pending;
        var version = _versions[item] + 1;
        // Known before the POST is sent: the message may arrive before the answer does.
        _updates[(item, version)] = k;
        _expected[k] = (item, version);
        var tapped = await _api.SendAsync<RunOfShowItemResponse>(HttpMethod.Post, $"/api/v1/events/{_event.Id}/run-of-show/{item}/status",
            new RunOfShowStatusRequest(status), _writerToken);
        if (tapped.Version != version || tapped.Status != status)
        {
            throw new InvalidOperationException($"Expected {item} at version {version} ({status}), got {tapped.Version} ({tapped.Status}): someone else is writing.");
        }
        _versions[item] = version;
    }

    public bool Fetches => _fetch != "none";

    public string? FetchPath(int k) => _fetch switch
    {
        "item" => $"/api/v1/events/{_event.Id}/run-of-show/{_expected[k].Item}",
        "event" => $"/api/v1/events/{_event.Id}",
        "schedule" => $"/api/v1/weddings/{_weddingId}/schedule",
        _ => null,
    };

    public bool Shows(int k, string json)
    {
        var (id, version) = _expected[k];
        var item = _fetch switch
        {
            "item" => JsonSerializer.Deserialize<RunOfShowItemResponse>(json, ApiJson.Options),
            "event" => JsonSerializer.Deserialize<EventResponse>(json, ApiJson.Options)!.RunOfShow.FirstOrDefault(i => i.Id == id),
            _ => JsonSerializer.Deserialize<WeddingScheduleResponse>(json, ApiJson.Options)!.Events.SelectMany(e => e.RunOfShow).FirstOrDefault(i => i.Id == id),
        };
        return item is not null && item.Id == id && item.Version >= version;
    }
}
