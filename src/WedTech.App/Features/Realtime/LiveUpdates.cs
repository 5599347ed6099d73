using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace WedTech.App.Features.Realtime;

/// <summary>
/// The app's live line to the server (<see cref="RealtimeProtocol"/>): one hub connection, opened when a page first
/// follows a wedding. It signs in with the session cookie (the negotiate request carries the anti-forgery header like
/// every cookie-authenticated POST), renews the session when the server refuses an expired one, reconnects by itself
/// and joins again the weddings that pages follow. Messages carry ids and versions only: pages fetch what changed
/// through the API, which applies the person's permissions.
/// </summary>
public sealed class LiveUpdates : IAsyncDisposable
{
    /// <summary>Waits before each attempt to connect; the last one repeats until it works.</summary>
    private static readonly TimeSpan[] Backoff = [TimeSpan.Zero, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30)];

    /// <summary>
    /// How long a page waits for an attempt to connect before it loads anyway (and is told to load again once live).
    /// </summary>
    private static readonly TimeSpan JoinWait = TimeSpan.FromSeconds(3);

    private readonly SessionRenewal _renewal;
    private readonly Connectivity _connectivity;
    private readonly Uri _hubUrl;
    private readonly Dictionary<Guid, int> _followed = [];
    private readonly HashSet<Guid> _joined = [];
    private readonly CancellationTokenSource _stopped = new();
    private HubConnection? _hub;
    private Task? _connecting;
    private CancellationTokenSource? _wake;
    private TaskCompletionSource _attempted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _followsAll;
    private bool _missed;

    public LiveUpdates(NavigationManager navigation, SessionRenewal renewal, Connectivity connectivity)
    {
        _renewal = renewal;
        _connectivity = connectivity;
        _hubUrl = new Uri(new Uri(navigation.BaseUri), RealtimeProtocol.Path);
        _connectivity.Changed += OnConnectivityChanged;
    }

    /// <summary>A wedding that a page follows changed: fetch what the message names.</summary>
    public event Action<WeddingChangedMessage>? WeddingChanged;

    /// <summary>The studio's leads changed (<see cref="RealtimeProtocol.LeadsChanged"/>): heard by people who see leads, with no wedding to follow.</summary>
    public event Action<LeadsChangedMessage>? LeadsChanged;

    /// <summary>
    /// The connection is up again after it was down (or came up after a page had loaded without it): changes may have
    /// been missed meanwhile, so pages fetch what they show again.
    /// </summary>
    public event Action? Resumed;

    /// <summary><see cref="IsLive"/> changed.</summary>
    public event Action? StateChanged;

    /// <summary>Connected, and in the groups of the weddings followed: changes arrive as they happen.</summary>
    public bool IsLive { get; private set; }

    /// <summary>
    /// Hears this wedding's changes until the returned handle is disposed. Returns once the wedding is joined, so what the
    /// page fetches next cannot miss a change; or, when the connection is slow to come, after a few seconds, and then
    /// <see cref="Resumed"/> tells the page to fetch again once it is live.
    /// </summary>
    public async Task<IAsyncDisposable> FollowAsync(Guid weddingId)
    {
        _followed[weddingId] = _followed.GetValueOrDefault(weddingId) + 1;
        if (!IsLive)
        {
            // A page opening is a good moment to try again at once rather than after the rest of a wait.
            var attempted = _attempted.Task;
            _wake?.Cancel();
            _ = EnsureConnecting();
            await Task.WhenAny(attempted, Task.Delay(JoinWait, _stopped.Token));
        }
        if (IsLive)
        {
            await JoinAsync(weddingId);
        }
        else
        {
            _missed = true;
        }
        return new Following(this, weddingId);
    }

    /// <summary>Connects (if not yet) for the studio-level changes, which need no wedding followed.</summary>
    public void Connect()
    {
        if (!IsLive)
        {
            _ = EnsureConnecting();
        }
    }

    /// <summary>What the hub's <see cref="RealtimeProtocol.WeddingChanged"/> calls.</summary>
    internal void Deliver(WeddingChangedMessage message) => WeddingChanged?.Invoke(message);

    private Task EnsureConnecting() => _connecting is { IsCompleted: false } ? _connecting : _connecting = ConnectAsync();

    private async Task ConnectAsync()
    {
        _hub ??= Build();
        var renewed = false;
        for (var attempt = 0; !_stopped.IsCancellationRequested; attempt++)
        {
            await WaitAsync(Backoff[Math.Min(attempt, Backoff.Length - 1)]);
            try
            {
                await _hub.StartAsync(_stopped.Token);
                // Answers once the connection is in its groups: what is fetched after it cannot miss a change.
                var session = await _hub.InvokeAsync<RealtimeSession>(RealtimeProtocol.GetSession, _stopped.Token);
                _followsAll = session.FollowsAllWeddings;
                foreach (var weddingId in _followed.Keys.ToList())
                {
                    await JoinAsync(weddingId);
                }
                SetLive(true);
                Attempted();
                if (_missed)
                {
                    _missed = false;
                    Resumed?.Invoke();
                }
                return;
            }
            catch (HttpRequestException refused) when (refused.StatusCode == HttpStatusCode.Unauthorized && !renewed)
            {
                // The access token ran out (the server also closes a connection when it does): renew the session and try
                // again at once. A session that cannot be renewed ends here; the next API call sends the person to sign in.
                if (!await _renewal.TryRenewAsync())
                {
                    Attempted();
                    return;
                }
                renewed = true;
                attempt = -1;
            }
            catch (OperationCanceledException) when (_stopped.IsCancellationRequested)
            {
                return;
            }
            catch (Exception failure) when (failure is HttpRequestException or HubException or InvalidOperationException or IOException
                or OperationCanceledException or System.Net.WebSockets.WebSocketException)
            {
                // Offline, the server restarting, a refused session: try again after a while.
                if (_hub.State != HubConnectionState.Disconnected)
                {
                    await _hub.StopAsync();
                }
                Attempted();
            }
        }
    }

    /// <summary>Tells pages waiting to follow a wedding that an attempt to connect has ended, well or not.</summary>
    private void Attempted()
    {
        var attempted = _attempted;
        _attempted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        attempted.TrySetResult();
    }

    private HubConnection Build()
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(_hubUrl, options =>
            {
                // The browser sends the session cookie; negotiating is a POST, so it needs the anti-forgery header too.
                options.Headers[ApiClient.CsrfHeader] = "1";
                options.Transports = HttpTransportType.WebSockets | HttpTransportType.LongPolling;
            })
            .AddJsonProtocol(json => ApiJson.Configure(json.PayloadSerializerOptions))
            .Build();
        hub.On<WeddingChangedMessage>(RealtimeProtocol.WeddingChanged, Deliver);
        hub.On<LeadsChangedMessage>(RealtimeProtocol.LeadsChanged, message => LeadsChanged?.Invoke(message));
        hub.Closed += OnClosedAsync;
        return hub;
    }

    private async Task JoinAsync(Guid weddingId)
    {
        if (_followsAll || _joined.Contains(weddingId))
        {
            return;
        }
        try
        {
            await _hub!.InvokeAsync(RealtimeProtocol.JoinWedding, weddingId, _stopped.Token);
            _joined.Add(weddingId);
        }
        catch (HubException)
        {
            // Not a wedding this person may see (any more): the page's own fetch says so.
        }
        catch (InvalidOperationException)
        {
            // The connection went down meanwhile; reconnecting joins it again.
            _missed = true;
        }
    }

    private async ValueTask UnfollowAsync(Guid weddingId)
    {
        if (!_followed.TryGetValue(weddingId, out var count))
        {
            return;
        }
        if (count > 1)
        {
            _followed[weddingId] = count - 1;
            return;
        }
        _followed.Remove(weddingId);
        if (_joined.Remove(weddingId) && _hub?.State == HubConnectionState.Connected)
        {
            try
            {
                await _hub.InvokeAsync(RealtimeProtocol.LeaveWedding, weddingId, _stopped.Token);
            }
            catch (Exception failure) when (failure is HubException or InvalidOperationException or OperationCanceledException)
            {
                // The connection went down with its groups.
            }
        }
    }

    private Task OnClosedAsync(Exception? error)
    {
        _joined.Clear();
        SetLive(false);
        if (!_stopped.IsCancellationRequested)
        {
            _missed = true;
            _ = EnsureConnecting();
        }
        return Task.CompletedTask;
    }

    /// <summary>Waits before an attempt; coming back online cuts the wait short.</summary>
    private async Task WaitAsync(TimeSpan delay)
    {
        if (delay == TimeSpan.Zero)
        {
            return;
        }
        _wake?.Dispose();
        _wake = CancellationTokenSource.CreateLinkedTokenSource(_stopped.Token);
        try
        {
            await Task.Delay(delay, _wake.Token);
        }
        catch (OperationCanceledException) when (!_stopped.IsCancellationRequested)
        {
        }
    }

    private void OnConnectivityChanged()
    {
        if (_connectivity.IsOnline)
        {
            _wake?.Cancel();
        }
    }

    private void SetLive(bool live)
    {
        if (IsLive != live)
        {
            IsLive = live;
            StateChanged?.Invoke();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _connectivity.Changed -= OnConnectivityChanged;
        await _stopped.CancelAsync();
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }
        _wake?.Dispose();
        _stopped.Dispose();
    }

    private sealed class Following(LiveUpdates live, Guid weddingId) : IAsyncDisposable
    {
        private bool _disposed;

        public ValueTask DisposeAsync()
        {
            if (_disposed)
            {
                return ValueTask.CompletedTask;
            }
            _disposed = true;
            return live.UnfollowAsync(weddingId);
        }
    }
}
