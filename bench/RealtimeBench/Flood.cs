// Flood benchmark (bench/flood.sh starts the server and runs this with --flood; see bench/README.md, "A flood of live
// connections"). Signs up studios and uses each once, counts the server's descriptors (/proc/<pid>/fd: all, and the tenant
// databases' files), waits for them to go idle and counts again; then opens more WebSocket connections to the hub than the
// server takes, as fast as it can, and counts what was held, what was refused with 503 (+ Retry-After), what failed
// otherwise, whether the API still answered while the hub was full, and whether the server is still up.
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using WedTech.Contracts;

namespace WedTech.RealtimeBench;

internal static class Flood
{
    public static async Task<int> RunAsync(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }
        int Number(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var baseUrl = new Uri(values.GetValueOrDefault("base", "http://127.0.0.1:5093"));
        var studios = Number("studios", 200);
        var connections = Number("connections", 3000);
        var concurrency = Number("connect-concurrency", 50);
        var idleWait = Number("idle-wait-s", 90);
        var pid = Number("server-pid", 0);
        var tenantsDir = Path.GetFullPath(values["data"]) + "/tenants/";
        var server = new ServerProcess(pid, Number("clock-ticks", 100));

        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
        // --- studios, each used once --------------------------------------------------------------------
        var run = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
        var people = new (string Slug, string Token)[studios];
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, studios), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
        {
            var slug = $"flood-{run}-{i}";
            var email = $"admin@{slug}.example.com";
            const string password = "Flood-Bench-2026";
            var signup = await http.PostAsJsonAsync("/api/v1/tenants", new CreateTenantRequest("Flood Studio", slug, "Flood Admin", email, password, TenantPlan.Professional), ApiJson.Options, ct);
            signup.EnsureSuccessStatusCode();
            using var login = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login") { Content = JsonContent.Create(new LoginRequest(email, password), options: ApiJson.Options) };
            login.Headers.Add("X-Tenant", slug);
            var answer = await http.SendAsync(login, ct);
            answer.EnsureSuccessStatusCode();
            var token = (await answer.Content.ReadFromJsonAsync<TokenResponse>(ApiJson.Options, ct))!.AccessToken;
            people[i] = (slug, token);
            (await GetAsync(http, slug, token, "/api/v1/weddings", ct)).EnsureSuccessStatusCode();
        });
        var used = Descriptors(pid, tenantsDir);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"studios:      {studios} signed up, signed in and used once in {clock.Elapsed.TotalSeconds:F0} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"descriptors:  just used: {used.All} open, {used.Tenant} of them tenant database files ({(double)used.Tenant / studios:F1} per studio)"));

        // --- idle -----------------------------------------------------------------------------------------
        clock.Restart();
        var idle = used;
        while (clock.Elapsed.TotalSeconds < idleWait && (idle = Descriptors(pid, tenantsDir)).Tenant > 0)
        {
            await Task.Delay(1000);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"              idle {clock.Elapsed.TotalSeconds:F0} s: {idle.All} open, {idle.Tenant} tenant database files ({(double)idle.Tenant / studios:F2} per studio){(idle.Tenant > 0 ? $" (gave up waiting after {idleWait} s)" : "")}"));

        // --- flood ----------------------------------------------------------------------------------------
        var atStart = Take(server);
        var sockets = new System.Collections.Concurrent.ConcurrentBag<ClientWebSocket>();
        int held = 0, refused = 0, refusedWithRetryAfter = 0;
        var failures = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var handshake = Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e");
        var ping = Encoding.UTF8.GetBytes("{\"type\":6}\u001e");
        using var stop = new CancellationTokenSource();
        // SignalR drops a client it has not heard from in 30 s: every held connection pings every 10 s, as a client does.
        var pinger = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(10_000, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                foreach (var socket in sockets)
                {
                    try
                    {
                        await socket.SendAsync(ping, WebSocketMessageType.Text, true, stop.Token);
                    }
                    catch (Exception e) when (e is WebSocketException or ObjectDisposedException or OperationCanceledException)
                    {
                    }
                }
            }
        });
        clock.Restart();
        await Parallel.ForEachAsync(Enumerable.Range(0, connections), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
        {
            var (slug, token) = people[i % studios];
            var socket = new ClientWebSocket();
            socket.Options.CollectHttpResponseDetails = true;
            socket.Options.SetRequestHeader("X-Tenant", slug);
            var uri = new Uri($"ws://{baseUrl.Authority}{RealtimeProtocol.Path}?access_token={Uri.EscapeDataString(token)}");
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(30));
                await socket.ConnectAsync(uri, timeout.Token);
                await socket.SendAsync(handshake, WebSocketMessageType.Text, true, timeout.Token);
                sockets.Add(socket);
                Interlocked.Increment(ref held);
                return;
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or HttpRequestException or IOException)
            {
                if (socket.HttpStatusCode == System.Net.HttpStatusCode.ServiceUnavailable)
                {
                    Interlocked.Increment(ref refused);
                    if (socket.HttpResponseHeaders?.ContainsKey("Retry-After") == true)
                    {
                        Interlocked.Increment(ref refusedWithRetryAfter);
                    }
                }
                else
                {
                    failures.AddOrUpdate($"{(int)socket.HttpStatusCode} {e.GetType().Name}: {e.Message}", 1, (_, n) => n + 1);
                }
            }
            socket.Dispose();
        });
        var floodSeconds = clock.Elapsed.TotalSeconds;
        var full = Take(server);
        var fullDescriptors = Descriptors(pid, tenantsDir);

        // While the hub is full: the API answers every studio it is asked for (their databases open again), and /health.
        int apiOk = 0, apiAsked = Math.Min(studios, 50);
        for (var i = 0; i < apiAsked; i++)
        {
            try
            {
                if ((await GetAsync(http, people[i].Slug, people[i].Token, "/api/v1/weddings", CancellationToken.None)).IsSuccessStatusCode)
                {
                    apiOk++;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
        }
        var health = await SafeStatusAsync(http, "/health");
        // Held connections are still open after the flood and the API calls (the server closes a connection it drops).
        await Task.Delay(2000);
        var stillOpen = sockets.Count(s => s.State == WebSocketState.Open);
        var after = Take(server);
        var afterDescriptors = Descriptors(pid, tenantsDir);
        var alive = pid <= 0 || File.Exists($"/proc/{pid}/stat");

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"flood:        {connections} WebSockets, {concurrency} at a time, in {floodSeconds:F1} s: {held} held, {refused} refused with 503 ({refusedWithRetryAfter} with Retry-After), {failures.Values.Sum()} failed otherwise"));
        foreach (var (failure, count) in failures.OrderByDescending(f => f.Value).Take(5))
        {
            Console.WriteLine($"              {count} x {failure}");
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"while full:   API {apiOk}/{apiAsked} studios answered 200; /health {health}; {stillOpen}/{held} held connections still open after"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"descriptors:  full: {fullDescriptors.All} open ({fullDescriptors.Tenant} tenant database files); after the API calls: {afterDescriptors.All} ({afterDescriptors.Tenant})"));
        if (server.Available && alive)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"server:       up; RSS {atStart.RssMb:F0} MB before the flood, {full.RssMb:F0} MB full, {after.RssMb:F0} MB after (peak {after.PeakRssMb:F0} MB)"));
        }
        else
        {
            Console.WriteLine("server:       GONE (the process exited)");
        }

        stop.Cancel();
        await pinger;
        await Parallel.ForEachAsync(sockets, async (socket, _) =>
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
            }
            socket.Dispose();
        });
        return alive && health == 200 && apiOk == apiAsked && failures.IsEmpty && held + refused == connections && refusedWithRetryAfter == refused ? 0 : 2;
    }

    /// <summary>A sample of the server, or zeros once it has exited (the flood took it down).</summary>
    private static ServerProcess.Sample Take(ServerProcess server)
    {
        try
        {
            return server.Take();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return default;
        }
    }

    private static Task<HttpResponseMessage> GetAsync(HttpClient http, string slug, string token, string path, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Tenant", slug);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http.SendAsync(request, ct);
    }

    private static async Task<int> SafeStatusAsync(HttpClient http, string path)
    {
        try
        {
            return (int)(await http.GetAsync(path)).StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return 0;
        }
    }

    /// <summary>The server's open descriptors, and how many are tenant database files (.db, -wal, -shm under data/tenants).</summary>
    private static (int All, int Tenant) Descriptors(int pid, string tenantsDir)
    {
        if (pid <= 0)
        {
            return (0, 0);
        }
        int all = 0, tenant = 0;
        try
        {
            foreach (var fd in Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd"))
            {
                all++;
                try
                {
                    if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith(tenantsDir, StringComparison.Ordinal))
                    {
                        tenant++;
                    }
                }
                catch (IOException)
                {
                }
            }
        }
        catch (Exception e) when (e is DirectoryNotFoundException or IOException or UnauthorizedAccessException)
        {
        }
        return (all, tenant);
    }
}
