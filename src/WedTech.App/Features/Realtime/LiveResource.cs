namespace WedTech.App.Features.Realtime;

/// <summary>
/// One resource a page or card shows (an event, a wedding's schedule, a wedding, a venue, a template) and what keeps it
/// right: it loads the resource, offline from the copy kept on this device; follows its wedding's live changes and loads
/// again what a message says changed (one part alone when the message names one); loads again when the live line
/// resumes, as changes may have been missed meanwhile; runs one load at a time, once more when asked meanwhile; and turns
/// a write refused with 409 into the latest version and a message saying why. The component that owns it renders it.
/// </summary>
public sealed class LiveResource<T> : IAsyncDisposable where T : class
{
    private readonly LiveUpdates _live;
    private readonly Connectivity _connectivity;
    private readonly Func<Func<Task>, Task> _dispatch;
    private readonly Action _render;
    private IAsyncDisposable? _following;
    private Guid? _followed;
    private bool _loading;
    private bool _loadAgain;

    /// <param name="dispatch">The owning component's InvokeAsync: live messages arrive outside its renderer.</param>
    /// <param name="render">The owning component's StateHasChanged.</param>
    public LiveResource(LiveUpdates live, Connectivity connectivity, Func<Func<Task>, Task> dispatch, Action render)
    {
        _live = live;
        _connectivity = connectivity;
        _dispatch = dispatch;
        _render = render;
        _live.WeddingChanged += OnWeddingChanged;
        _live.Resumed += OnResumed;
        _live.StateChanged += OnStateChanged;
        _connectivity.Changed += OnStateChanged;
    }

    /// <summary>Loads the resource: a typed API client's read, which falls back on the copy kept on this device.</summary>
    public required Func<Task<Loaded<T>>> Fetch { get; init; }

    /// <summary>Offline, when the resource has no copy of its own: another view kept on this device that holds it.</summary>
    public Func<Task<Loaded<T>?>>? OfflineFallback { get; init; }

    /// <summary>What a change to the followed wedding means for the value shown (null before it first loads).</summary>
    public Func<WeddingChangedMessage, T?, LiveChange<T>> Changes { get; init; } = (_, _) => LiveChange.None<T>();

    /// <summary>The ETag of a value that came without one (inside another view, or a copy of one).</summary>
    public Func<T, string>? ETagOf { get; init; }

    /// <summary>What to say when the resource shown is gone on loading again; without it, the API's problem is shown.</summary>
    public (string Title, string Detail)? Removed { get; init; }

    /// <summary>A failed load leaves the last value on screen under the problem (a card within a page that shows it).</summary>
    public bool KeepsValueOnProblem { get; init; }

    public T? Value { get; private set; }

    /// <summary>The version last read, for the If-Match of a write.</summary>
    public string? ETag { get; private set; }

    /// <summary>When the offline copy shown was loaded; null when the value is fresh.</summary>
    public DateTimeOffset? StaleSince { get; private set; }

    /// <summary>Why the resource cannot be shown, or why the last write was refused.</summary>
    public ApiProblemException? Problem { get; set; }

    /// <summary>Changes arrive as they happen.</summary>
    public bool IsLive => _live.IsLive;

    /// <summary>An offline copy, or no connection: nothing can be changed.</summary>
    public bool ReadOnly => StaleSince is not null || !_connectivity.IsOnline;

    /// <summary>
    /// Shows another resource: follows its wedding's changes (none when <paramref name="weddingId"/> is null) before it
    /// loads, so the load cannot miss a change.
    /// </summary>
    public async Task OpenAsync(Guid? weddingId)
    {
        Value = null;
        ETag = null;
        StaleSince = null;
        Problem = null;
        if (_following is not null)
        {
            await _following.DisposeAsync();
            _following = null;
        }
        _followed = weddingId;
        if (weddingId is { } followed)
        {
            _following = await _live.FollowAsync(followed);
        }
        await LoadAsync();
    }

    /// <summary>Loads the resource; a load asked for while one runs makes it load once more afterwards.</summary>
    public async Task LoadAsync()
    {
        if (_loading)
        {
            _loadAgain = true;
            return;
        }
        _loading = true;
        try
        {
            do
            {
                _loadAgain = false;
                await LoadOnceAsync();
            }
            while (_loadAgain);
        }
        finally
        {
            // Done before the render, so that a change heard once the value shows is fetched on its own.
            _loading = false;
        }
        _render();
    }

    /// <summary>Shows a value the owner already has (the answer to its own write), fresh.</summary>
    public void Show(T value, string? etag)
    {
        Set(value, etag, staleSince: null);
        _render();
    }

    /// <summary>Changes the value shown in place (one item's answer to a write).</summary>
    public void Update(Func<T, T> change)
    {
        if (Value is { } shown)
        {
            Value = change(shown);
        }
        _render();
    }

    /// <summary>
    /// A write was refused. A 409 means someone changed the resource since it was loaded: the latest version is loaded
    /// and the problem says so in <paramref name="changedMeanwhile"/>'s words; any other problem is shown as it is.
    /// </summary>
    public async Task RefusedAsync(ApiProblemException problem, string changedMeanwhile)
    {
        if (problem.IsConflict)
        {
            await LoadAsync();
        }
        Problem = problem.IsConflict ? new ApiProblemException(problem.Status, "Changed by someone else", changedMeanwhile) : problem;
        _render();
    }

    private async Task LoadOnceAsync()
    {
        try
        {
            Set(await Fetch());
        }
        catch (ApiProblemException problem)
        {
            if (problem.Status == ApiProblemException.Offline && OfflineFallback is not null && await OfflineFallback() is { } copy)
            {
                Set(copy);
                return;
            }
            Problem = problem.Status == 404 && Value is not null && Removed is { } removed ? new ApiProblemException(problem.Status, removed.Title, removed.Detail) : problem;
            if (!KeepsValueOnProblem)
            {
                Value = null;
            }
        }
    }

    private void Set(Loaded<T> loaded) => Set(loaded.Value!, loaded.ETag, loaded.StaleSince);

    private void Set(T value, string? etag, DateTimeOffset? staleSince)
    {
        Value = value;
        ETag = etag ?? ETagOf?.Invoke(value);
        StaleSince = staleSince;
        Problem = null;
    }

    private void OnWeddingChanged(WeddingChangedMessage message)
    {
        if (message.WeddingId != _followed || Changes(message, Value) is not { Concerns: true } change)
        {
            return;
        }
        _ = _dispatch(change.FetchPart is { } fetchPart && Value is not null && !_loading ? () => ApplyPartAsync(fetchPart) : LoadAsync);
    }

    /// <summary>Fetches the part a message names and puts it into the value shown; loads it all when that fails.</summary>
    private async Task ApplyPartAsync(Func<Task<Func<T, T>>> fetchPart)
    {
        try
        {
            Update(await fetchPart());
        }
        catch (ApiProblemException)
        {
            await LoadAsync();
        }
    }

    private void OnResumed()
    {
        if (_following is not null)
        {
            _ = _dispatch(LoadAsync);
        }
    }

    private void OnStateChanged() => _ = _dispatch(() =>
    {
        _render();
        return Task.CompletedTask;
    });

    public async ValueTask DisposeAsync()
    {
        _live.WeddingChanged -= OnWeddingChanged;
        _live.Resumed -= OnResumed;
        _live.StateChanged -= OnStateChanged;
        _connectivity.Changed -= OnStateChanged;
        if (_following is not null)
        {
            await _following.DisposeAsync();
        }
    }
}

/// <summary>What a live message means for a resource shown.</summary>
public readonly record struct LiveChange<T>(bool Concerns, Func<Task<Func<T, T>>>? FetchPart);

/// <summary>The meanings a live message can have for a resource shown.</summary>
public static class LiveChange
{
    /// <summary>Not a change to what is shown, or one it already has.</summary>
    public static LiveChange<T> None<T>() => new(Concerns: false, FetchPart: null);

    /// <summary>Load the resource again.</summary>
    public static LiveChange<T> Whole<T>() => new(Concerns: true, FetchPart: null);

    /// <summary>Fetch the part the message names, and put it in with the function the fetch returns.</summary>
    public static LiveChange<T> Part<T>(Func<Task<Func<T, T>>> fetch) => new(Concerns: true, FetchPart: fetch);
}
