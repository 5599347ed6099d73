using Microsoft.AspNetCore.Components.Endpoints;

namespace WedTech.Server.Web;

/// <summary>
/// Headers every response carries. Links with secrets in them (invitations, resets, the signup hand-over)
/// must not leak through Referer, so no page sends one; no page may be framed (but the inquiry form a studio embeds).
/// Server-rendered pages run no script, but the product's own file where a page needs one (<see cref="PageScriptAttribute"/>:
/// drawing a signature; <see cref="EmbeddablePageAttribute"/>: telling the frame its height).
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    private const string PagePolicy = "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    /// <summary>
    /// A page a studio embeds in its own website (<see cref="EmbeddablePageAttribute"/>) when asked for as such (<c>embed=1</c>):
    /// any site may frame it, and it runs its one script of the product's own (telling the frame its height).
    /// </summary>
    private const string EmbeddedPagePolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors *";
    /// <summary>A page that runs a script of the product's own (<see cref="PageScriptAttribute"/>), never framed.</summary>
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
            var metadata = context.GetEndpoint()?.Metadata;
            if (metadata?.GetMetadata<ComponentTypeMetadata>() is not null)
            {
                if (metadata.GetMetadata<EmbeddablePageAttribute>() is not null && EmbeddablePageAttribute.IsEmbedded(context.Request))
                {
                    headers.ContentSecurityPolicy = EmbeddedPagePolicy;
                    headers.Remove("X-Frame-Options");
                }
                else
                {
                    headers.ContentSecurityPolicy = metadata.GetMetadata<PageScriptAttribute>() is null ? PagePolicy : ScriptedPagePolicy;
                }
            }
            return Task.CompletedTask;
        });
        return next(context);
    }
}

/// <summary>A server-rendered page that a studio may embed in its own website, when asked for with <c>embed=1</c>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class EmbeddablePageAttribute : Attribute
{
    public static bool IsEmbedded(HttpRequest request) => request.Query["embed"] == "1";
}
