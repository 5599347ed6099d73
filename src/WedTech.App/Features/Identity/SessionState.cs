using Microsoft.AspNetCore.Components;

namespace WedTech.App.Features.Identity;

/// <summary>Who is signed in, from /me; offline, the last known user of this browser.</summary>
public sealed class SessionState(IdentityApi identity, BrowserStorage storage, OfflineCopies copies, Drafts drafts, NavigationManager navigation)
{
    private const string LastUserKey = "wt:me";

    public MeResponse? Me { get; private set; }

    /// <summary>Why nobody could be loaded, when it is not simply a session that ended (an unknown or suspended studio).</summary>
    public ApiProblemException? Problem { get; private set; }

    /// <summary>Raised when the user or their studio was loaded again (e.g. the company name changed).</summary>
    public event Action? Changed;

    public bool Can(string permission) => Me?.Permissions.Contains(permission) == true;

    public bool IsStaff => Me?.Role is Role.Admin or Role.Planner or Role.Coordinator;

    /// <summary>Loads the user; null means there is nobody to show (the sign-in redirect is under way).</summary>
    public async Task<MeResponse?> LoadAsync()
    {
        try
        {
            Me = await identity.MeAsync();
            await storage.SetAsync(StorageArea.Local, LastUserKey, Me);
        }
        catch (ApiProblemException problem) when (problem.Status == ApiProblemException.Offline)
        {
            Me = await storage.GetAsync<MeResponse>(StorageArea.Local, LastUserKey);
        }
        catch (ApiProblemException problem)
        {
            Me = null;
            Problem = problem.Status == 401 ? null : problem;
        }
        copies.Owner = drafts.Owner = Me is null ? null : $"{Me.TenantId}:{Me.Id}";
        Changed?.Invoke();
        return Me;
    }

    /// <summary>Ends the session and removes this user's data from the browser.</summary>
    public async Task SignOutAsync()
    {
        try
        {
            await identity.LogoutAsync();
        }
        catch (ApiProblemException)
        {
            // Offline or already ended: the local data goes regardless.
        }
        await copies.ForgetAllAsync();
        await drafts.ForgetAllAsync();
        await storage.RemoveAsync(StorageArea.Local, LastUserKey);
        Me = null;
        navigation.NavigateTo("/login?signedOut=1", forceLoad: true);
    }
}
