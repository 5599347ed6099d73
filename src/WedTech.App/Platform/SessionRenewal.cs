using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace WedTech.App.Platform;

/// <summary>
/// Renews the cookie session when the access token has run out, and when that is no longer possible
/// sends the person to sign in, after every open form has kept what was typed (see <see cref="Drafts"/>).
/// </summary>
public sealed class SessionRenewal(IJSRuntime js, NavigationManager navigation)
{
    private readonly List<Func<Task>> _beforeLeaving = [];
    private bool _leaving;

    /// <summary>Renews the session; across tabs only one renewal runs at a time (Web Locks), the others reuse it.</summary>
    public async Task<bool> TryRenewAsync() => await js.InvokeAsync<bool>("wedtech.renewSession");

    /// <summary>Registers work to do before the page is left for the sign-in page; dispose to unregister.</summary>
    public IDisposable BeforeLeaving(Func<Task> keep)
    {
        _beforeLeaving.Add(keep);
        return new Registration(() => _beforeLeaving.Remove(keep));
    }

    public async Task SessionEndedAsync()
    {
        if (_leaving)
        {
            return;
        }
        _leaving = true;
        foreach (var keep in _beforeLeaving.ToList())
        {
            await keep();
        }
        navigation.NavigateTo(SignInUrl(navigation), forceLoad: true);
    }

    /// <summary>The server-rendered sign-in page, saying the session ended, coming back to where the person was.</summary>
    public static string SignInUrl(NavigationManager navigation) =>
        "/login?ended=true&returnUrl=" + Uri.EscapeDataString(new Uri(navigation.Uri).PathAndQuery);

    private sealed class Registration(Action remove) : IDisposable
    {
        public void Dispose() => remove();
    }
}
