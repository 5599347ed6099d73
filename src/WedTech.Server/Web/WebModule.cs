using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using WedTech.Server.Identity;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Platform.Persistence;
using WedTech.Server.Tenancy;

namespace WedTech.Server.Web;

/// <summary>
/// What a browser gets: the public pages, server-rendered with no WebAssembly (landing and signup, sign-in,
/// invitation, password reset), and the Blazor WebAssembly app under /app/.
/// </summary>
public static class WebModule
{
    public static IServiceCollection AddWeb(this IServiceCollection services)
    {
        services.AddRazorComponents();
        services.AddServerRejections();
        // Antiforgery tokens and the signup hand-over are sealed with these keys: kept in the data folder so
        // they survive restarts (every node must share the folder, or the keys, to read each other's).
        services.AddDataProtection().SetApplicationName("WedTech");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<PersistenceOptions>, IWebHostEnvironment, ILoggerFactory>((keys, persistence, environment, logs) =>
            keys.XmlRepository = new FileSystemXmlRepository(
                new DirectoryInfo(Path.Combine(persistence.Value.DataPath(environment), "keys", "data-protection")), logs));
        services.AddSingleton<AppShell>();
        return services;
    }

    public static WebApplication MapWeb(this WebApplication app)
    {
        app.UseServerRejections();
        app.MapStaticAssets();
        app.MapRazorComponents<Site>();

        app.MapGet("/auth/handoff", async (string? ticket, HttpContext http, SignInHandoff handoff, TenantDbContext db, TenantContext tenant, TokenService tokens,
            AuditLog audit, CancellationToken ct) =>
        {
            var session = ticket is { Length: <= 2000 } ? await handoff.RedeemAsync(ticket, db, tenant, tokens, audit, ct) : null;
            if (session is null)
            {
                return Results.Redirect("/login");
            }
            BrowserSession.SignIn(http, session);
            return Results.Redirect(AppPaths.Home);
        }).WithMetadata(TenantScopedAttribute.Instance).ExcludeFromDescription();

        // Every address under /app/ that is not a file is a page of the app: its shell, with the app's content policy.
        app.MapFallback("/app/{*path:nonfile}", (HttpContext http, AppShell shell) => shell.Serve(http)).ExcludeFromDescription();
        return app;
    }
}
