using WedTech.Server.Identity;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Tenancy;

namespace WedTech.Server.Web;

public static class WebEndpoints
{
    public static WebApplication MapWeb(this WebApplication app)
    {
        app.UseServerRejections();
        // Only the pages marked for it and the API's reads: every other response passes by untouched.
        app.UseWhen(http => http.GetEndpoint()?.Metadata.GetMetadata<CompressedPageAttribute>() is not null || IsBearerRead(http), page => page.UseResponseCompression());
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

        // Every address under /app/ that is not a file is a page of the app: its shell, with the app's content policy. A visitor
        // of a studio with no session goes to sign in at once, coming back here after.
        app.MapFallback("/app/{*path:nonfile}", async (HttpContext http, AppShell shell, TenantLocator studios) =>
            !BrowserSession.MayHaveSession(http.Request) && await studios.FromHostAsync(http) is not null
                ? Results.Redirect("/login?returnUrl=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString))
                : shell.Serve(http)).ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// A GET of the API with a bearer token (a board of 2,000 leads is 627 KB of JSON, 72 KB compressed). BREACH needs a
    /// victim's browser to send the secret-bearing request for an attacker's page, as it does with cookies; it never attaches
    /// a bearer token by itself, so these answers may be compressed. Sign-in and refresh, which answer with tokens, are POSTs.
    /// </summary>
    private static bool IsBearerRead(HttpContext http) =>
        HttpMethods.IsGet(http.Request.Method) && http.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal)
        && http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal);
}
