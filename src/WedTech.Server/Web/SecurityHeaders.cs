using Microsoft.AspNetCore.Components.Endpoints;

namespace WedTech.Server.Web;

/// <summary>
/// Headers every response carries. Links with secrets in them (invitations, resets, the signup hand-over)
/// must not leak through Referer, so no page sends one; no page may be framed. Server-rendered pages run
/// no script at all.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    private const string PagePolicy = "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    private const string ScriptedPagePolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    private const string PermissionsPolicy =
        "accelerometer=(), autoplay=(), camera=(self), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=()";

    /// <summary>The headers of every response, also written by <see cref="ServerRejections"/> on the server's own refusals.</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> Always =
    [
        new("X-Content-Type-Options", "nosniff"),
        new("Referrer-Policy", "no-referrer"),
        new("X-Frame-Options", "DENY"),
        // Powerful browser features: none but the camera, which the app's own pages may use (scanning at the venue).
        new("Permissions-Policy", PermissionsPolicy),
    ];

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            foreach (var (name, value) in Always)
            {
                headers[name] = value;
            }
            if (context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
            {
                headers.ContentSecurityPolicy = context.GetEndpoint()?.Metadata.GetMetadata<PageScriptAttribute>() is null ? PagePolicy : ScriptedPagePolicy;
            }
            return Task.CompletedTask;
        });
        return next(context);
    }
}
