using Microsoft.JSInterop;

namespace WedTech.App.Platform;

/// <summary>Whether the API can be reached: the browser's online events, corrected by what requests actually do.</summary>
public sealed class Connectivity(IJSRuntime js) : IAsyncDisposable
{
    private DotNetObjectReference<Connectivity>? _self;

    public bool IsOnline { get; private set; } = true;

    public event Action? Changed;

    public async Task StartAsync()
    {
        _self ??= DotNetObjectReference.Create(this);
        IsOnline = await js.InvokeAsync<bool>("wedtech.watchConnectivity", _self);
    }

    [JSInvokable]
    public void OnBrowserConnectivity(bool online) => Set(online);

    public void Reachable() => Set(true);

    public void Unreachable() => Set(false);

    private void Set(bool online)
    {
        if (IsOnline != online)
        {
            IsOnline = online;
            Changed?.Invoke();
        }
    }

    public ValueTask DisposeAsync()
    {
        _self?.Dispose();
        return ValueTask.CompletedTask;
    }
}
