using System.Collections.Concurrent;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Connections.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using WedTech.Server.Platform;
using WedTech.Server.Tenancy;

namespace WedTech.Server.Realtime;

/// <summary>
/// Counts the hub's live connections on this node — in all, per client address and per studio — and refuses a new one
/// past any cap with 503, <c>Retry-After</c> and a problem document, so that a flood is turned away before it takes the
/// descriptors and memory the studios already served need. Connections already open and ordinary API requests are
/// never touched.
/// <para>
/// What is counted: a WebSocket connection from its upgrade request until that request ends (it lasts as long as the
/// connection); a long-polling connection from its first poll until the SignalR connection ends (its polls are many short
/// requests of one connection, recognised by the connection token, <c>id</c>). Negotiate requests are refused when
/// full, but reserve nothing: a client that negotiates and never connects holds no slot.
/// </para>
/// </summary>
public sealed class LiveConnectionLimiter
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _byAddress = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, int> _byStudio = [];
    private readonly ConcurrentDictionary<string, Lease> _longPolls = new(StringComparer.Ordinal);
    private readonly int _max;
    private readonly int _maxPerAddress;
    private readonly int _maxPerStudio;
    private int _total;

    public LiveConnectionLimiter(IOptions<RealtimeOptions> options, DescriptorBudget budget)
    {
        var o = options.Value;
        _max = o.MaxConnections > 0 ? o.MaxConnections : budget.MaxLiveConnections;
        _maxPerAddress = o.MaxConnectionsPerAddress > 0 ? o.MaxConnectionsPerAddress : int.MaxValue;
        _maxPerStudio = o.MaxConnectionsPerStudio > 0 ? o.MaxConnectionsPerStudio : int.MaxValue;
        RetryAfter = o.BusyRetryAfter;
    }

    public TimeSpan RetryAfter { get; }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _total;
            }
        }
    }

    public int CountFor(Guid studio)
    {
        lock (_gate)
        {
            return _byStudio.GetValueOrDefault(studio);
        }
    }

    public enum Refusal { None, Node, Address, Studio }

    /// <summary>Why a new connection would be refused now, if it would.</summary>
    public Refusal Check(string address, Guid studio)
    {
        lock (_gate)
        {
            return CheckLocked(address, studio);
        }
    }

    private Refusal CheckLocked(string address, Guid studio) =>
        _total >= _max ? Refusal.Node
        : _byAddress.GetValueOrDefault(address) >= _maxPerAddress ? Refusal.Address
        : _byStudio.GetValueOrDefault(studio) >= _maxPerStudio ? Refusal.Studio
        : Refusal.None;

    /// <summary>Takes a slot for a new connection, or says which cap refuses it.</summary>
    public Refusal TryAcquire(string address, Guid studio, out Lease? lease)
    {
        lock (_gate)
        {
            var refusal = CheckLocked(address, studio);
            if (refusal != Refusal.None)
            {
                lease = null;
                return refusal;
            }
            _total++;
            _byAddress[address] = _byAddress.GetValueOrDefault(address) + 1;
            _byStudio[studio] = _byStudio.GetValueOrDefault(studio) + 1;
        }
        lease = new Lease(this, address, studio);
        return Refusal.None;
    }

    private void Release(string address, Guid studio)
    {
        lock (_gate)
        {
            _total--;
            if (--_byAddress[address] == 0)
            {
                _byAddress.Remove(address);
            }
            if (--_byStudio[studio] == 0)
            {
                _byStudio.Remove(studio);
            }
        }
    }

    /// <summary>One live connection's slot; given back once, however often it is disposed.</summary>
    public sealed class Lease(LiveConnectionLimiter limiter, string address, Guid studio) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                limiter.Release(address, studio);
            }
        }
    }

    /// <summary>Wraps the hub's endpoints (negotiate and connection): runs after tenant resolution and authorization.</summary>
    internal async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var studio = context.RequestServices.GetRequiredService<TenantContext>().Tenant?.Id;
        if (studio is not { } tenantId)
        {
            await next(context);
            return;
        }
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (context.Request.Path.Value?.EndsWith("/negotiate", StringComparison.Ordinal) == true)
        {
            var refusal = Check(address, tenantId);
            if (refusal != Refusal.None)
            {
                await RefuseAsync(context, refusal);
                return;
            }
            await next(context);
            return;
        }
        if (IsWebSocketRequest(context))
        {
            if (TryAcquire(address, tenantId, out var lease) is var refusal and not Refusal.None)
            {
                await RefuseAsync(context, refusal);
                return;
            }
            using (lease)
            {
                await next(context);
            }
            return;
        }
        // Long polling: a poll (GET) of a connection not yet counted starts it.
        if (HttpMethods.IsGet(context.Request.Method) && context.Request.Query["id"] is [{ Length: > 0 } token] && !_longPolls.ContainsKey(token))
        {
            if (TryAcquire(address, tenantId, out var lease) is var refusal and not Refusal.None)
            {
                await RefuseAsync(context, refusal);
                return;
            }
            if (!_longPolls.TryAdd(token, lease!))
            {
                lease!.Dispose(); // a concurrent poll of the same connection counted it
            }
            try
            {
                await next(context);
            }
            finally
            {
                // The poll did not start a connection (unknown or ended token, refused): nothing to hold.
                if (context.Response.StatusCode != StatusCodes.Status200OK && _longPolls.TryRemove(new KeyValuePair<string, Lease>(token, lease!)))
                {
                    lease!.Dispose();
                }
            }
            return;
        }
        await next(context);
    }

    /// <summary>
    /// Read from the request itself: this runs before the hub's own pipeline adds the WebSocket feature on Kestrel.
    /// HTTP/1.1 upgrade, or HTTP/2's extended CONNECT.
    /// </summary>
    private static bool IsWebSocketRequest(HttpContext context) =>
        context.WebSockets.IsWebSocketRequest
        || (HttpMethods.IsGet(context.Request.Method) && context.Request.Headers.Upgrade.ToString().Contains("websocket", StringComparison.OrdinalIgnoreCase))
        || context.Features.Get<IHttpExtendedConnectFeature>()?.IsExtendedConnect == true;

    /// <summary>Runs around each SignalR connection, for its whole life: a long-polling connection's slot is given back when it ends.</summary>
    internal async Task RunConnectionAsync(ConnectionContext connection, ConnectionDelegate next)
    {
        try
        {
            await next(connection);
        }
        finally
        {
            var request = connection.Features.Get<IHttpContextFeature>()?.HttpContext?.Request;
            if (connection.Features.Get<IHttpTransportFeature>()?.TransportType == Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling
                && request?.Query["id"] is [{ Length: > 0 } token] && _longPolls.TryRemove(token, out var lease))
            {
                lease.Dispose();
            }
        }
    }

    private Task RefuseAsync(HttpContext context, Refusal refusal)
    {
        var detail = refusal switch
        {
            Refusal.Address => "The server is busy: too many live connections from your address. Close other tabs or devices, or try again in a minute.",
            Refusal.Studio => "The server is busy: your studio has as many live connections open as it may. Close other tabs or devices, or try again in a minute.",
            _ => "The server is busy: it holds as many live connections as it can. Try again in a minute; everything else keeps working meanwhile.",
        };
        return Problems.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "Too many live connections", detail, RetryAfter);
    }
}
