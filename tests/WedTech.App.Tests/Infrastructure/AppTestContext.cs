using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using WedTech.App.Features.Identity;
using WedTech.Contracts;

namespace WedTech.App.Tests.Infrastructure;

/// <summary>
/// A bUnit context with the app's services as Program.cs registers them (MudBlazor, AddWedTechApp),
/// loose JS interop, and an HttpClient whose server is a <see cref="FakeApi"/>.
/// </summary>
public abstract class AppTestContext : BunitContext
{
    /// <summary>
    /// A wait is for a condition and returns when it holds; its bound only decides when to give up. bUnit's default of one
    /// second gave up on a loaded two-core machine (builds and the server suite beside it) before the renderer ran the check.
    /// </summary>
    static AppTestContext() => DefaultWaitTimeout = TimeSpan.FromSeconds(15);

    protected AppTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddWedTechApp();
        Services.AddScoped(_ => new HttpClient(Api, disposeHandler: false) { BaseAddress = new Uri("http://localhost/") });
    }

    internal FakeApi Api { get; } = new();

    protected BunitNavigationManager Navigation => Services.GetRequiredService<BunitNavigationManager>();

    /// <summary>Cancelled when the test is (xUnit's per-test token).</summary>
    protected static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    protected SessionState Session => Services.GetRequiredService<SessionState>();

    protected static MeResponse MeAs(Role role, string studioZone = "Asia/Kolkata") => new(
        Guid.Parse("11111111-1111-7111-8111-111111111111"), $"{role.ToString().ToLowerInvariant()}@shaadi.example", $"Test {role}", role,
        Guid.Parse("22222222-2222-7222-8222-222222222222"), "shaadi", "Shaadi Studio", [.. Permissions.ByRole[role]], studioZone);

    /// <summary>Signs in as someone with the role, of a studio in this zone: /me answers with the role's permissions and the session loads it.</summary>
    protected async Task<MeResponse> SignInAsAsync(Role role, string studioZone = "Asia/Kolkata")
    {
        Api.Returns("/api/v1/me", MeAs(role, studioZone));
        var me = await Session.LoadAsync();
        return me ?? throw new InvalidOperationException("The session did not load the signed-in user.");
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Api.Dispose();
        }
        base.Dispose(disposing);
    }
}
