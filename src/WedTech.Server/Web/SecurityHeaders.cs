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

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            if (context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
            {
                headers.ContentSecurityPolicy = PagePolicy;
            }
            return Task.CompletedTask;
        });
        return next(context);
    }
}
