// The door of a big Sangeet: GUESTS guests in households of four arrive over a simulated 30 minutes (a bell around the
// middle, compressed SPEED times), checked in by COORDINATORS coordinators at once, each scanning the household's guest
// pass (the studio's PNG read with ZXing, as a phone's camera would) in turn from their own queue; one scan in twenty is
// a household held up a second time. A planner's realtime connection, joined to the wedding, hears each arrival
// (GuestsArrived names the household) and then fetches the counts, as the app's arrivals card does.
// Measured: scan-to-saved (the check-in POST, sent to answered) and, per household, from the scan being sent to the
// planner hearing of it, and to the planner's counts including it.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using WedTech.Contracts;
using ZXing;

var values = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i + 1 < args.Length; i += 2)
{
    values[args[i].TrimStart('-')] = args[i + 1];
}
int Number(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
var baseUrl = new Uri(values.GetValueOrDefault("base", "http://127.0.0.1:5096"));
var tenant = values.GetValueOrDefault("tenant", "demo");
var guests = Number("guests", 500);
var coordinators = Number("coordinators", 10);
var speed = Number("speed", 30);
var perHousehold = 4;

HttpClient Client(string? token)
{
    var client = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
    client.DefaultRequestHeaders.Add("X-Tenant", tenant);
    if (token is not null)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }
    return client;
}
async Task<T> Read<T>(HttpResponseMessage response)
{
    if (!response.IsSuccessStatusCode)
    {
        throw new InvalidOperationException($"{(int)response.StatusCode} {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {await response.Content.ReadAsStringAsync()}");
    }
    return (await response.Content.ReadFromJsonAsync<T>(ApiJson.Options))!;
}

using var anonymous = Client(null);
var login = await Read<TokenResponse>(await anonymous.PostAsJsonAsync("/api/v1/auth/login",
    new LoginRequest(values.GetValueOrDefault("email", "admin@demo.wedtech.test"), values.GetValueOrDefault("password", "Demo-Wedding-2026")), ApiJson.Options));
using var admin = Client(login.AccessToken);

// The wedding, its Sangeet and the guest list: every household invited and coming, with its RSVP link and so its pass.
var clock = Stopwatch.StartNew();
var wedding = await Read<WeddingResponse>(await admin.PostAsJsonAsync("/api/v1/weddings", new WeddingRequest($"Check-in bench {DateTime.UtcNow:HHmmss}", "Bride", "Groom",
    new DateOnly(2027, 2, 14), "Jaipur", WeddingStatus.Booked, null, guests, null, null), ApiJson.Options));
var sangeet = await Read<EventResponse>(await admin.PostAsJsonAsync($"/api/v1/weddings/{wedding.Id}/events", new EventRequest(EventType.Sangeet, "Sangeet",
    new DateTime(2027, 2, 13, 19, 0, 0), new DateTime(2027, 2, 13, 23, 0, 0), null, null, null, guests, null, null, null), ApiJson.Options));
var households = new ConcurrentBag<(Guid Id, string Code)>();
string? firstLink = null;
await Parallel.ForEachAsync(Enumerable.Range(0, (guests + perHousehold - 1) / perHousehold), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (n, ct) =>
{
    var members = Enumerable.Range(0, Math.Min(perHousehold, guests - n * perHousehold))
        .Select(m => new GuestRequest(null, $"Guest {n}-{m}", null, null, AgeGroup.Adult, (Diet)(m % 5), m == 1 ? "Peanuts" : null, null, null, null)).ToList();
    var household = await Read<HouseholdResponse>(await admin.PostAsJsonAsync($"/api/v1/weddings/{wedding.Id}/households",
        new HouseholdRequest($"Family {n:D3}", GuestSide.Bride, null, null, null, null, null, null, null, null, null, members), ApiJson.Options, ct));
    var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/weddings/{wedding.Id}/households/{household.Id}/invitations")
    {
        Content = JsonContent.Create(new InvitationsRequest([new InvitationRequest(sangeet.Id, members.Count, null)]), options: ApiJson.Options),
    };
    request.Headers.TryAddWithoutValidation("If-Match", $"\"{household.Version}\"");
    household = await Read<HouseholdResponse>(await admin.SendAsync(request, ct));
    await Read<InvitationResponse>(await admin.PostAsJsonAsync($"/api/v1/weddings/{wedding.Id}/households/{household.Id}/invitations/{sangeet.Id}/answer",
        new RsvpRequest(null, members.Count), ApiJson.Options, ct));
    var link = await Read<RsvpLinkResponse>(await admin.PostAsync($"/api/v1/weddings/{wedding.Id}/households/{household.Id}/rsvp-link", null, ct));
    firstLink ??= link.Url;
    var png = await admin.GetByteArrayAsync($"/api/v1/weddings/{wedding.Id}/households/{household.Id}/guest-pass", ct);
    households.Add((household.Id, Decode(png)));
});
// The guests' RSVP page with its pass inline: what the pass adds to a page that is benchmarked for its weight.
using (var guest = new HttpClient())
{
    var url = new Uri(firstLink!);
    using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUrl, url.AbsolutePath));
    request.Headers.Host = url.Authority;
    request.Headers.AcceptEncoding.ParseAdd("gzip");
    using var response = await guest.SendAsync(request);
    var compressed = (await response.Content.ReadAsByteArrayAsync()).Length;
    using var plain = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUrl, url.AbsolutePath));
    plain.Headers.Host = url.Authority;
    var html = await (await guest.SendAsync(plain)).Content.ReadAsStringAsync();
    var svg = html.IndexOf("<svg", StringComparison.Ordinal) is var from and >= 0 ? html.IndexOf("</svg>", from, StringComparison.Ordinal) + 6 - from : 0;
    Console.WriteLine($"rsvp page of a household of four: {html.Length:N0} characters, {compressed:N0} bytes gzip; the pass's inline SVG {svg:N0} characters");
}
Console.Error.WriteLine($"checkin-bench: seeded {households.Count} households ({guests} guests) with their passes in {clock.Elapsed.TotalSeconds:F0} s");

// The planner's screen: a realtime connection joined to the wedding, fetching the counts on each arrival heard.
var heard = new ConcurrentDictionary<Guid, long>();
var counted = new ConcurrentDictionary<Guid, long>();
var sent = new ConcurrentDictionary<Guid, long>();
using var planner = Client(login.AccessToken);
var refresh = new SemaphoreSlim(1, 1);
var connection = new HubConnectionBuilder()
    .WithUrl(new Uri(baseUrl, RealtimeProtocol.Path), HttpTransportType.WebSockets, options =>
    {
        options.SkipNegotiation = true;
        options.Headers["X-Tenant"] = tenant;
        options.AccessTokenProvider = () => Task.FromResult<string?>(login.AccessToken);
    })
    .AddJsonProtocol(options => ApiJson.Configure(options.PayloadSerializerOptions))
    .Build();
var run = Stopwatch.StartNew();
connection.On<WeddingChangedMessage>(RealtimeProtocol.WeddingChanged, message =>
{
    if (message.Change != WeddingChange.GuestsArrived || message.ItemId is not { } household)
    {
        return;
    }
    heard.TryAdd(household, run.ElapsedTicks);
    _ = Task.Run(async () =>
    {
        // One fetch at a time, as the app's LiveResource does; a fetch started after the message covers it.
        await refresh.WaitAsync();
        try
        {
            var counts = await Read<EventArrivalsResponse>(await planner.GetAsync($"/api/v1/events/{sangeet.Id}/arrivals?pageSize=1"));
            counted.TryAdd(household, run.ElapsedTicks);
        }
        finally
        {
            refresh.Release();
        }
    });
});
await connection.StartAsync();
await connection.InvokeAsync<RealtimeSession>(RealtimeProtocol.GetSession);
await connection.InvokeAsync(RealtimeProtocol.JoinWedding, wedding.Id);

// Arrival times: a bell (sum of three uniforms) over 30 simulated minutes; a few households scan twice, a minute later.
var random = new Random(42);
var span = TimeSpan.FromMinutes(30) / speed;
var scans = households.OrderBy(h => h.Id).Select(h => (h.Id, h.Code, At: span * ((random.NextDouble() + random.NextDouble() + random.NextDouble()) / 3), Again: false)).ToList();
scans.AddRange(scans.Where((_, i) => i % 20 == 0).Select(s => (s.Id, s.Code, At: s.At + TimeSpan.FromMinutes(1) / speed, Again: true)).ToList());
var queues = scans.OrderBy(s => s.At).Select((s, i) => (Scan: s, Coordinator: i % coordinators)).GroupBy(x => x.Coordinator).ToList();
var saved = new ConcurrentBag<double>();
var outcomes = new ConcurrentDictionary<CheckInOutcome, int>();
var late = new ConcurrentBag<double>();
var errors = new ConcurrentBag<string>();
run.Restart();
await Task.WhenAll(queues.Select(async queue =>
{
    using var door = Client(login.AccessToken);
    foreach (var (scan, _) in queue)
    {
        var wait = scan.At - run.Elapsed;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
        else
        {
            late.Add(-wait.TotalMilliseconds);
        }
        var start = run.ElapsedTicks;
        if (!scan.Again)
        {
            sent[scan.Id] = start;
        }
        try
        {
            var card = await Read<CheckInResponse>(await door.PostAsJsonAsync($"/api/v1/events/{sangeet.Id}/check-ins", new CheckInRequest(scan.Code, null, null), ApiJson.Options));
            saved.Add(Stopwatch.GetElapsedTime(0, run.ElapsedTicks - start).TotalMilliseconds);
            outcomes.AddOrUpdate(card.Outcome, 1, (_, n) => n + 1);
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or TaskCanceledException)
        {
            errors.Add(e.Message);
        }
    }
}));
var deadline = Stopwatch.StartNew();
while ((counted.Count < households.Count) && deadline.Elapsed < TimeSpan.FromSeconds(30))
{
    await Task.Delay(100);
}
await connection.DisposeAsync();
var final = await Read<EventArrivalsResponse>(await planner.GetAsync($"/api/v1/events/{sangeet.Id}/arrivals?pageSize=1"));

static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
static string P(IEnumerable<double> values, double p)
{
    var sorted = values.Order().ToList();
    return sorted.Count == 0 ? "-" : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)].ToString("F1", CultureInfo.InvariantCulture);
}
var hearing = sent.Where(s => heard.ContainsKey(s.Key)).Select(s => Ms(heard[s.Key] - s.Value)).ToList();
var counting = sent.Where(s => counted.ContainsKey(s.Key)).Select(s => Ms(counted[s.Key] - s.Value)).ToList();
Console.WriteLine($"guests {guests} in {households.Count} households; {coordinators} coordinators; 30 simulated minutes in {span.TotalSeconds:F0} s (speed {speed}); scans {scans.Count} ({scans.Count(s => s.Again)} repeated)");
Console.WriteLine($"outcomes: {string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{ApiJson.EnumName(o.Key)} {o.Value}"))}; errors {errors.Count}{(errors.IsEmpty ? "" : " (first: " + errors.First() + ")")}");
Console.WriteLine($"arrived at the end: {final.Counts.Arrived} of {final.Counts.Expected} expected (households {final.Counts.HouseholdsArrived} of {final.Counts.Households})");
Console.WriteLine($"scan to saved (POST check-in), ms:            p50 {P(saved, 0.5)}  p99 {P(saved, 0.99)}  max {P(saved, 1)}  (n {saved.Count})");
Console.WriteLine($"scan to the planner hearing of it, ms:        p50 {P(hearing, 0.5)}  p99 {P(hearing, 0.99)}  max {P(hearing, 1)}  (n {hearing.Count} of {sent.Count})");
Console.WriteLine($"scan to the planner's counts including it, ms: p50 {P(counting, 0.5)}  p99 {P(counting, 0.99)}  max {P(counting, 1)}  (n {counting.Count} of {sent.Count})");
Console.WriteLine($"scans started behind their time (queue busy): {late.Count}, p50 {P(late, 0.5)} ms, max {P(late, 1)} ms");
return errors.IsEmpty && final.Counts.Arrived == guests && hearing.Count == sent.Count ? 0 : 2;

static string Decode(byte[] png)
{
    using var bitmap = SKBitmap.Decode(png).Copy(SKColorType.Bgra8888);
    var reader = new BarcodeReaderGeneric { Options = { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true } };
    return reader.Decode(new RGBLuminanceSource(bitmap.Bytes, bitmap.Width, bitmap.Height, RGBLuminanceSource.BitmapFormat.BGRA32))?.Text
        ?? throw new InvalidOperationException("A guest pass could not be read.");
}
