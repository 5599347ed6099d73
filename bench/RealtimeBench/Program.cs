// Realtime fan-out benchmark (bench/realtime.sh starts the server and runs this; see bench/README.md).
// Opens many WebSocket connections to the hub as the demo studio's four people, who all may see the couple's
// wedding, joins each to it, then changes the wedding through the API again and again (--scenario wedding: the
// admin updates the wedding; run-of-show: a coordinator taps run-of-show items done and pending) and measures,
// for every change and every connection, the time from sending the write to the change arriving and, when the
// watchers fetch what changed (--fetch), to having fetched it.
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using WedTech.Contracts;
using WedTech.RealtimeBench;

// bench/flood.sh: a flood of connections past the server's limit (Flood.cs).
if (args.Contains("--flood"))
{
    return await Flood.RunAsync(args);
}

var settings = Settings.Parse(args);
var invariant = CultureInfo.InvariantCulture;
using var http = new HttpClient { BaseAddress = settings.BaseUrl, Timeout = TimeSpan.FromSeconds(60) };
http.DefaultRequestHeaders.Add("X-Tenant", settings.Tenant);

// --- sign in; find the wedding everyone may see ---------------------------------------------------
var tokens = new List<string>();
foreach (var email in settings.Emails)
{
    var login = await http.PostAsJsonAsync("/api/v1/auth/login", new LoginRequest(email, settings.Password), ApiJson.Options);
    login.EnsureSuccessStatusCode();
    tokens.Add((await login.Content.ReadFromJsonAsync<TokenResponse>(ApiJson.Options))!.AccessToken);
}
// The last person is the couple, who see only their own wedding.
var api = new Api(http);
var theirs = await api.GetAsync<PagedResponse<WeddingSummaryResponse>>("/api/v1/weddings", tokens[^1]);
if (theirs.Items.Count != 1)
{
    throw new InvalidOperationException($"{settings.Emails[^1]} should see exactly one wedding, sees {theirs.Items.Count}.");
}
var weddingId = theirs.Items[0].Id;
var adminToken = tokens[0];
var wedding = await api.GetAsync<WeddingResponse>($"/api/v1/weddings/{weddingId}", adminToken);
Console.WriteLine($"wedding:      {wedding.Title} ({weddingId}), version {wedding.Version}; people: {string.Join(", ", settings.Emails)}");
var writer = settings.Emails.ToList().FindIndex(e => e.StartsWith("coordinator", StringComparison.Ordinal));
IScenario scenario = settings.Scenario switch
{
    "wedding" => new WeddingUpdates(api, adminToken, wedding),
    "run-of-show" => await RunOfShowTaps.CreateAsync(api, adminToken, settings.Emails[Math.Max(0, writer)], tokens[Math.Max(0, writer)], wedding, settings.Events, settings.Items, settings.Fetch),
    _ => throw new ArgumentException("--scenario is wedding or run-of-show."),
};
Console.WriteLine($"scenario:     {scenario.Description}");
// The watchers' fetches: one connection per watcher at most, as each would be a device of its own.
using var fetchHttp = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = settings.Connections }) { BaseAddress = settings.BaseUrl, Timeout = TimeSpan.FromSeconds(60) };
fetchHttp.DefaultRequestHeaders.Add("X-Tenant", settings.Tenant);

// --- connect ---------------------------------------------------------------------------------------
var server = new ServerProcess(settings.ServerPid, settings.ClockTicks);
var beforeIdle = server.Take();
await Task.Delay(TimeSpan.FromSeconds(settings.IdleSeconds));
var atStart = server.Take();
var n = settings.Connections;
// The first updates warm the server up (JIT, caches) and are not counted.
var warmup = settings.Warmup;
var updates = warmup + settings.Updates;
var arrivals = new long[updates * n];          // Stopwatch timestamps; 0 = not (yet) arrived
var fetches = new long[updates * n];           // when the watcher had fetched what changed; 0 = not (yet), or failed
var fetching = scenario.Fetches;
var remaining = new int[updates];
var complete = Enumerable.Range(0, updates).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
long duplicates = 0, strays = 0, fetchErrors = 0, staleFetches = 0;
var connections = new HubConnection?[n];
var connectErrors = new System.Collections.Concurrent.ConcurrentBag<string>();

void Arrived(int connection, WeddingChangedMessage message)
{
    var now = Stopwatch.GetTimestamp();
    var update = scenario.UpdateOf(message);
    if (update < 0 || update >= updates)
    {
        Interlocked.Increment(ref strays);
        return;
    }
    if (Interlocked.CompareExchange(ref arrivals[update * n + connection], now, 0) != 0)
    {
        Interlocked.Increment(ref duplicates);
        return;
    }
    if (fetching)
    {
        _ = FetchAsync(connection, update, scenario.FetchPath(update)!);
    }
    Done(update);
}

// What the watcher's app does on hearing of a change: fetch it, as the person whose connection it is.
async Task FetchAsync(int connection, int update, string path)
{
    try
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[connection % tokens.Count]);
        using var response = await fetchHttp.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var now = Stopwatch.GetTimestamp();
        if (!response.IsSuccessStatusCode)
        {
            Interlocked.Increment(ref fetchErrors);
        }
        else if (!scenario.Shows(update, body))
        {
            Interlocked.Increment(ref staleFetches);
        }
        else
        {
            fetches[update * n + connection] = now;
        }
    }
    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
    {
        Interlocked.Increment(ref fetchErrors);
    }
    finally
    {
        Done(update);
    }
}

void Done(int update)
{
    if (Interlocked.Decrement(ref remaining[update]) == 0)
    {
        complete[update].TrySetResult();
    }
}

var connectClock = Stopwatch.StartNew();
await Parallel.ForEachAsync(Enumerable.Range(0, n), new ParallelOptions { MaxDegreeOfParallelism = settings.ConnectConcurrency }, async (i, ct) =>
{
    var token = tokens[i % tokens.Count];
    var connection = new HubConnectionBuilder()
        .WithUrl(new Uri(settings.BaseUrl, RealtimeProtocol.Path), HttpTransportType.WebSockets, options =>
        {
            // Straight to the WebSocket: the connections measured are the ones held, with no negotiate requests beside them.
            options.SkipNegotiation = true;
            options.Headers["X-Tenant"] = settings.Tenant;
            options.AccessTokenProvider = () => Task.FromResult<string?>(token);
        })
        .AddJsonProtocol(options => ApiJson.Configure(options.PayloadSerializerOptions))
        .Build();
    connection.On<WeddingChangedMessage>(RealtimeProtocol.WeddingChanged, message => Arrived(i, message));
    try
    {
        await connection.StartAsync(ct);
        await connection.InvokeAsync<RealtimeSession>(RealtimeProtocol.GetSession, ct);
        await connection.InvokeAsync(RealtimeProtocol.JoinWedding, weddingId, ct);
        connections[i] = connection;
    }
    catch (Exception e) when (e is HttpRequestException or InvalidOperationException or System.Net.WebSockets.WebSocketException or IOException)
    {
        connectErrors.Add(e.GetType().Name + ": " + e.Message);
        await connection.DisposeAsync();
    }
});
connectClock.Stop();
var connected = connections.Count(c => c is not null);
var afterConnect = server.Take();
Console.WriteLine($"connect:      {connected}/{n} connected and joined in {connectClock.Elapsed.TotalSeconds:F1} s ({settings.ConnectConcurrency} at a time)");
foreach (var error in connectErrors.GroupBy(e => e).OrderByDescending(g => g.Count()).Take(5))
{
    Console.WriteLine($"              {error.Count()} x {error.Key}");
}

// Held idle: what the connections cost at rest (keep-alive pings).
await Task.Delay(TimeSpan.FromSeconds(settings.IdleSeconds));
var afterIdle = server.Take();

// --- update, measure -------------------------------------------------------------------------------
// Only the connections that opened are waited for: their messages and, when they fetch, their fetches.
Array.Fill(remaining, fetching ? 2 * connected : connected);
var sent = new long[updates];
var apiMs = new double[updates];
var timedOut = 0;
var clientCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
for (var k = 0; k < updates; k++)
{
    sent[k] = Stopwatch.GetTimestamp();
    await scenario.SendAsync(k);
    apiMs[k] = Stopwatch.GetElapsedTime(sent[k]).TotalMilliseconds;
    try
    {
        await complete[k].Task.WaitAsync(TimeSpan.FromSeconds(settings.TimeoutSeconds));
    }
    catch (TimeoutException)
    {
        timedOut++;
    }
    await Task.Delay(settings.IntervalMs);
}
var afterUpdates = server.Take();
var clientCpu = Process.GetCurrentProcess().TotalProcessorTime - clientCpuBefore;
var stillConnected = connections.Count(c => c?.State == HubConnectionState.Connected);

// --- report ----------------------------------------------------------------------------------------
var latencies = new List<double>(updates * n);
var fetched = new List<double>(fetching ? updates * n : 0);
var spreads = new List<double>(updates);     // first to last delivery of one update: the fan-out itself
var lines = new List<string>(updates * n + 1) { "update,connection,latency_ms,fetched_ms" };
for (var k = warmup; k < updates; k++)
{
    var first = double.MaxValue;
    var last = double.MinValue;
    for (var i = 0; i < n; i++)
    {
        var at = arrivals[k * n + i];
        if (at != 0)
        {
            var ms = Stopwatch.GetElapsedTime(sent[k], at).TotalMilliseconds;
            latencies.Add(ms);
            (first, last) = (Math.Min(first, ms), Math.Max(last, ms));
            var fetchedMs = fetches[k * n + i] is var f and not 0 ? Stopwatch.GetElapsedTime(sent[k], f).TotalMilliseconds : double.NaN;
            if (!double.IsNaN(fetchedMs))
            {
                fetched.Add(fetchedMs);
            }
            lines.Add(string.Create(invariant, $"{k + 1},{i},{ms:F3},{(double.IsNaN(fetchedMs) ? "" : fetchedMs.ToString("F3", invariant))}"));
        }
    }
    if (last >= first)
    {
        spreads.Add(last - first);
    }
}
latencies.Sort();
fetched.Sort();
spreads.Sort();
var expected = (long)settings.Updates * connected;
Console.WriteLine($"held:         {stillConnected}/{n} connections still open after the updates");
Console.WriteLine($"deliveries:   {latencies.Count}/{expected} ({expected - latencies.Count} missing, {duplicates} duplicates, {strays} unexpected); " +
    $"{timedOut} of {updates} updates (warm-up included) not fully delivered within {settings.TimeoutSeconds} s");
Console.WriteLine(string.Create(invariant,
    $"latency ms:   p50 {Percentile(latencies, 0.50):F1}  p95 {Percentile(latencies, 0.95):F1}  p99 {Percentile(latencies, 0.99):F1}  max {(latencies.Count > 0 ? latencies[^1] : double.NaN):F1}  ({scenario.Verb} sent → message handled, {latencies.Count} samples)"));
if (fetching)
{
    Console.WriteLine($"fetches:      {fetched.Count}/{expected} showed the change ({fetchErrors} failed, {staleFetches} did not show it yet)");
    Console.WriteLine(string.Create(invariant,
        $"fetched ms:   p50 {Percentile(fetched, 0.50):F1}  p95 {Percentile(fetched, 0.95):F1}  p99 {Percentile(fetched, 0.99):F1}  max {(fetched.Count > 0 ? fetched[^1] : double.NaN):F1}  ({scenario.Verb} sent → message handled → GET answered, {fetched.Count} samples)"));
}
Console.WriteLine(string.Create(invariant,
    $"spread ms:    p50 {Percentile(spreads, 0.50):F1}  max {(spreads.Count > 0 ? spreads[^1] : double.NaN):F1}  (first to last connection, per update)"));
var apiSorted = apiMs.Skip(warmup).Order().ToList();
Console.WriteLine(string.Create(invariant,
    $"{scenario.Verb} ms:{new string(' ', 10 - scenario.Verb.Length)}p50 {Percentile(apiSorted, 0.50):F1}  p99 {Percentile(apiSorted, 0.99):F1}  max {apiSorted[^1]:F1}  ({settings.Updates} updates after {warmup} for warm-up, {settings.IntervalMs} ms apart once each is delivered)"));
if (server.Available)
{
    Console.WriteLine(string.Create(invariant,
        $"server RSS:   {atStart.RssMb:F0} MB before connecting, {afterConnect.RssMb:F0} MB with {connected} connections, {afterUpdates.RssMb:F0} MB after the updates (peak {afterUpdates.PeakRssMb:F0} MB)"));
    Console.WriteLine(string.Create(invariant,
        $"server CPU:   idle {ServerProcess.CpuPercent(beforeIdle, atStart):F1} %, connecting {ServerProcess.CpuPercent(atStart, afterConnect):F0} %, idle holding them {ServerProcess.CpuPercent(afterConnect, afterIdle):F1} %, " +
        $"updates {ServerProcess.CpuPercent(afterIdle, afterUpdates):F0} % of one core ({(afterUpdates.Cpu - afterIdle.Cpu).TotalSeconds:F2} s CPU over {(afterUpdates.At - afterIdle.At).TotalSeconds:F1} s)"));
}
Console.WriteLine(string.Create(invariant,
    $"bench CPU:    {clientCpu.TotalSeconds:F2} s during the updates (this client shares the machine with the server)"));
if (settings.OutDirectory is { } outDirectory)
{
    await File.WriteAllLinesAsync(Path.Combine(outDirectory, "latencies.csv"), lines);
}

await Parallel.ForEachAsync(connections, async (connection, _) =>
{
    if (connection is not null)
    {
        await connection.DisposeAsync();
    }
});
return latencies.Count == expected && connected == n && (!fetching || fetched.Count == expected) ? 0 : 2;

static double Percentile(List<double> sorted, double p) =>
    sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
