using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using WedTech.Contracts;
using WedTech.Server.Platform;
using WedTech.Server.Platform.Persistence;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

/// <summary>
/// A flood of live connections is refused, not served to death (issue 11, item 9): past the caps on live connections per
/// client address and per studio a new connection gets 503 with Retry-After and a problem document, while connections
/// already open keep receiving and the API keeps answering; a slot frees when a connection ends. Real sockets: each test
/// runs its own server on Kestrel on a loopback port, with small caps.
/// </summary>
public abstract class LiveConnectionLimitTests(TestServer server) : ProviderTests(server)
{
    [Fact]
    public async Task Past_the_cap_of_an_address_new_live_connections_get_503_while_those_open_keep_receiving()
    {
        await using var node = await StartAsync(perAddress: 3, perStudio: 100);
        var studio = await Studio.CreateAsync(node);
        using var admin = await studio.AdminAsync();
        var wedding = await admin.CreateWeddingAsync("Watched");
        var token = (await studio.LoginAsync(studio.AdminEmail)).AccessToken;

        // Three live connections: two WebSockets and a long-polling one (counted from its first poll to its end).
        await using var first = await Listener.ConnectAsync(node, studio.Slug, token);
        await using var second = await Listener.ConnectAsync(node, studio.Slug, token);
        var polling = await Listener.ConnectAsync(node, studio.Slug, token, HttpTransportType.LongPolling);

        // The fourth is refused: the WebSocket upgrade, the negotiate request, and so a SignalR client's start.
        var refused = await UpgradeAsync(node, studio.Slug, token);
        refused.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        int.Parse(refused.RetryAfter.ShouldNotBeNull(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        var problem = await NegotiateRefusedAsync(node, studio.Slug, token);
        problem.Detail.ShouldNotBeNull().ShouldContain("too many live connections from your address");
        await Should.ThrowAsync<Exception>(() => Listener.ConnectAsync(node, studio.Slug, token, HttpTransportType.LongPolling));

        // Those open still hear every change (the admin's connections hear every wedding of the studio); the API still answers.
        var created = await admin.CreateWeddingAsync("Made while full");
        (await first.NextChangeAsync()).WeddingId.ShouldBe(created.Id);
        (await second.NextChangeAsync()).WeddingId.ShouldBe(created.Id);
        (await polling.NextChangeAsync()).WeddingId.ShouldBe(created.Id);
        (await admin.GetAsync<PagedResponse<WeddingSummaryResponse>>("/api/v1/weddings")).Items.Select(w => w.Id).ShouldBe([wedding.Id, created.Id], ignoreOrder: true);

        // The long-polling connection ends: its slot frees, and a new connection gets in; then the cap holds again.
        await polling.DisposeAsync();
        await using var third = await EventuallyConnectAsync(node, studio.Slug, token);
        (await UpgradeAsync(node, studio.Slug, token)).Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task Past_the_cap_of_a_studio_its_new_live_connections_get_503_and_other_studios_still_connect()
    {
        await using var node = await StartAsync(perAddress: 100, perStudio: 2);
        var studio = await Studio.CreateAsync(node);
        var other = await Studio.CreateAsync(node);
        var token = (await studio.LoginAsync(studio.AdminEmail)).AccessToken;
        var otherToken = (await other.LoginAsync(other.AdminEmail)).AccessToken;

        await using var first = await Listener.ConnectAsync(node, studio.Slug, token);
        var second = await Listener.ConnectAsync(node, studio.Slug, token);
        var refused = await UpgradeAsync(node, studio.Slug, token);
        refused.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        refused.RetryAfter.ShouldNotBeNull();
        (await NegotiateRefusedAsync(node, studio.Slug, token)).Detail.ShouldNotBeNull().ShouldContain("your studio");

        // Another studio, from the same address, is not affected.
        await using var others = await Listener.ConnectAsync(node, other.Slug, otherToken);
        (await UpgradeAsync(node, other.Slug, otherToken)).Status.ShouldBe(HttpStatusCode.SwitchingProtocols);

        // A WebSocket closes: the studio may connect again.
        await second.DisposeAsync();
        await using var again = await EventuallyConnectAsync(node, studio.Slug, token);
    }

    [Fact]
    public void The_connection_limits_leave_descriptors_for_the_databases_and_the_reserve()
    {
        var budget = new DescriptorBudget(new LimitsOptions(), new PersistenceOptions(), openFilesLimit: 20_000);
        var sockets = budget.MaxConnections + budget.MaxUpgradedConnections;
        (sockets + budget.Reserved + budget.MaxOpenTenantDatabases * budget.DescriptorsPerDatabase).ShouldBeLessThanOrEqualTo(20_000);
        budget.MaxLiveConnections.ShouldBeLessThan(budget.MaxUpgradedConnections);
        // The flood of the issue: 15,000 live connections on a 20,000 limit are more than this node takes.
        budget.MaxLiveConnections.ShouldBeLessThan(15_000);
        budget.MaxOpenTenantDatabases.ShouldBeGreaterThan(0);

        var configured = new DescriptorBudget(new LimitsOptions { MaxConnections = 7, MaxUpgradedConnections = 40 }, new PersistenceOptions(), openFilesLimit: 20_000);
        (configured.MaxConnections, configured.MaxUpgradedConnections).ShouldBe((7, 40));
        configured.MaxLiveConnections.ShouldBeLessThan(40);
    }

    private async Task<TestServer> StartAsync(int perAddress, int perStudio)
    {
        _ = Server.Factory; // skips when the provider is not available here
        var node = Server.AnotherWithTemplate(new()
        {
            ["Realtime:MaxConnectionsPerAddress"] = perAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Realtime:MaxConnectionsPerStudio"] = perStudio.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Auth:LoginPermitsPerMinute"] = "1000",
        });
        node.KestrelPort = Ports.Free();
        await node.InitializeAsync();
        return node;
    }

    /// <summary>A live connection once a slot is free: the server gives a slot back when it has seen the connection end.</summary>
    private static async Task<Listener> EventuallyConnectAsync(TestServer node, string slug, string token)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await Listener.ConnectAsync(node, slug, token);
            }
            catch (Exception) when (attempt < 60)
            {
                await Task.Delay(250, Cancel);
            }
        }
    }

    private sealed record Upgrade(HttpStatusCode Status, string? RetryAfter);

    /// <summary>A bare WebSocket upgrade to the hub, as a browser sends it (token in the query).</summary>
    private static async Task<Upgrade> UpgradeAsync(TestServer node, string slug, string token)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("X-Tenant", slug);
        var uri = new Uri($"ws://127.0.0.1:{node.KestrelPort}{RealtimeProtocol.Path}?access_token={Uri.EscapeDataString(token)}");
        try
        {
            await socket.ConnectAsync(uri, Cancel);
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, Cancel);
        }
        catch (WebSocketException)
        {
        }
        return new Upgrade(socket.HttpStatusCode, socket.HttpResponseHeaders?.TryGetValue("Retry-After", out var after) == true ? after.FirstOrDefault() : null);
    }

    private static async Task<Problem> NegotiateRefusedAsync(TestServer node, string slug, string token)
    {
        using var client = node.CreateClient();
        client.DefaultRequestHeaders.Add("X-Tenant", slug);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.PostAsync($"{RealtimeProtocol.Path}/negotiate?negotiateVersion=1", null, Cancel);
        response.Headers.RetryAfter.ShouldNotBeNull();
        return await response.ProblemAsync(HttpStatusCode.ServiceUnavailable);
    }

    /// <summary>A SignalR client of the server on Kestrel, as an API client connects (X-Tenant, bearer token).</summary>
    private sealed class Listener : IAsyncDisposable
    {
        private readonly Channel<WeddingChangedMessage> _changes = Channel.CreateUnbounded<WeddingChangedMessage>();
        private readonly HubConnection _connection;
        private bool _disposed;

        private Listener(HubConnection connection)
        {
            _connection = connection;
            connection.On<WeddingChangedMessage>(RealtimeProtocol.WeddingChanged, m => _changes.Writer.TryWrite(m));
        }

        public static async Task<Listener> ConnectAsync(TestServer node, string slug, string token, HttpTransportType transport = HttpTransportType.WebSockets)
        {
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(node.KestrelAddress!, RealtimeProtocol.Path), transport, options =>
                {
                    options.Headers["X-Tenant"] = slug;
                    options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                })
                .AddJsonProtocol(options => ApiJson.Configure(options.PayloadSerializerOptions))
                .Build();
            var listener = new Listener(connection);
            try
            {
                await connection.StartAsync(Cancel);
                await connection.InvokeAsync<RealtimeSession>(RealtimeProtocol.GetSession, Cancel);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
            return listener;
        }

        public async Task<WeddingChangedMessage> NextChangeAsync()
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
            timeout.CancelAfter(TimeSpan.FromSeconds(15));
            return await _changes.Reader.ReadAsync(timeout.Token);
        }

        public async ValueTask DisposeAsync()
        {
            if (!_disposed)
            {
                _disposed = true;
                await _connection.DisposeAsync();
            }
        }
    }
}

public sealed class LiveConnectionLimitTestsOnSqlite(SqliteServer server) : LiveConnectionLimitTests(server);

public sealed class LiveConnectionLimitTestsOnPostgres(PostgresServer server) : LiveConnectionLimitTests(server);
