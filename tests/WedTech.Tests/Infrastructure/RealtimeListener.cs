using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using WedTech.Contracts;
using WedTech.Server.Identity;

namespace WedTech.Tests.Infrastructure;

/// <summary>One realtime connection and what it has heard so far.</summary>
public sealed class RealtimeListener : IAsyncDisposable
{
    private readonly Channel<JsonElement> _changes = Channel.CreateUnbounded<JsonElement>();
    private readonly Channel<JsonElement> _notifications = Channel.CreateUnbounded<JsonElement>();
    private readonly HubConnection _connection;

    private RealtimeListener(HubConnection connection)
    {
        _connection = connection;
        connection.On<JsonElement>(RealtimeProtocol.WeddingChanged, message => _changes.Writer.TryWrite(message));
        connection.On<JsonElement>(RealtimeProtocol.Notification, message => _notifications.Writer.TryWrite(message));
    }

    /// <summary>Bound of every wait for a message that must come; messages that must not come are checked against a later one that must.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public RealtimeSession? Session { get; private set; }

    public bool HasMoreChanges => _changes.Reader.TryPeek(out _);

    public bool HasNotifications => _notifications.Reader.TryPeek(out _);

    /// <summary>
    /// WebSockets connect as a browser does: the studio from the host name, the token in the query (a browser cannot
    /// put headers on a WebSocket). Long polling connects as an API client: X-Tenant and bearer headers.
    /// </summary>
    public static async Task<RealtimeListener> ConnectAsync(WebApplicationFactory<Program> node, string slug, string? accessToken,
        HttpTransportType transport = HttpTransportType.WebSockets, bool skipNegotiation = false, string? sessionCookie = null, bool csrfHeader = true)
    {
        var cookie = sessionCookie is null ? null : $"{BrowserSession.AccessCookie}={sessionCookie}";
        var server = node.Server;
        var byHost = transport == HttpTransportType.WebSockets;
        var url = byHost ? new Uri($"http://{slug}.localhost{RealtimeProtocol.Path}") : new Uri(server.BaseAddress, RealtimeProtocol.Path);
        var connection = new HubConnectionBuilder()
            .WithUrl(url, transport, options =>
            {
                options.SkipNegotiation = skipNegotiation;
                options.HttpMessageHandlerFactory = _ => server.CreateHandler();
                if (!byHost)
                {
                    options.Headers["X-Tenant"] = slug;
                }
                if (accessToken is not null)
                {
                    options.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
                }
                if (cookie is not null)
                {
                    options.Headers["Cookie"] = cookie;
                    if (csrfHeader)
                    {
                        options.Headers[BrowserSession.CsrfHeader] = "1";
                    }
                }
                options.WebSocketFactory = async (context, ct) =>
                {
                    var query = context.Uri.Query.TrimStart('?');
                    if (accessToken is not null)
                    {
                        query += (query.Length > 0 ? "&" : "") + "access_token=" + Uri.EscapeDataString(accessToken);
                    }
                    var client = server.CreateWebSocketClient();
                    client.ConfigureRequest = request => request.Headers.Cookie = cookie;
                    return await client.ConnectAsync(new UriBuilder(context.Uri) { Query = query }.Uri, ct);
                };
            })
            .AddJsonProtocol(options => ApiJson.Configure(options.PayloadSerializerOptions))
            .Build();
        var listener = new RealtimeListener(connection);
        try
        {
            await connection.StartAsync(Cancel);
            // As an app does: the answer comes once the connection is in its groups.
            listener.Session = await connection.InvokeAsync<RealtimeSession>(RealtimeProtocol.GetSession, Cancel);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        return listener;
    }

    public Task JoinAsync(Guid weddingId) => _connection.InvokeAsync(RealtimeProtocol.JoinWedding, weddingId, Cancel);

    public async Task<WeddingChangedMessage> NextChangeAsync() => (await NextRawChangeAsync()).Deserialize<WeddingChangedMessage>(ApiJson.Options)!;

    /// <summary>The next change as it came over the wire.</summary>
    public Task<JsonElement> NextRawChangeAsync() => NextAsync(_changes, "wedding change");

    public Task<JsonElement> NextNotificationAsync() => NextAsync(_notifications, "notification");

    private static async Task<JsonElement> NextAsync(Channel<JsonElement> inbox, string what)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        timeout.CancelAfter(Patience);
        try
        {
            return await inbox.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!Cancel.IsCancellationRequested)
        {
            throw new TimeoutException($"No {what} arrived within {Patience.TotalSeconds} s.");
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
