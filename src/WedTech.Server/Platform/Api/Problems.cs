using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Mvc;

namespace WedTech.Server.Platform.Api;

/// <summary>
/// Writes a refusal from middleware, where no endpoint result exists yet: a ProblemDetails document for
/// programs, and the same words as a page for a person on a server-rendered page (unknown studio, too many
/// sign-in attempts).
/// </summary>
public static class Problems
{
    public static async Task WriteAsync(HttpContext context, int status, string title, string? detail = null, TimeSpan? retryAfter = null)
    {
        context.Response.StatusCode = status;
        if (retryAfter is { } after)
        {
            context.Response.Headers.RetryAfter = ((int)after.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (IsForPeople(context))
        {
            await WritePageAsync(context, title, detail);
            return;
        }
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    /// <summary>Server-rendered pages, and the sign-in hand-over a browser follows.</summary>
    private static bool IsForPeople(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null || context.Request.Path.StartsWithSegments("/auth");

    private static Task WritePageAsync(HttpContext context, string title, string? detail)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        var encode = HtmlEncoder.Default;
        return context.Response.WriteAsync(
            $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{encode.Encode(title)} · WedTech</title><link rel="stylesheet" href="/site.css"></head>
            <body><header class="top"><a class="brand" href="/"><span class="mark" aria-hidden="true"></span>WedTech</a></header>
            <main><section class="card narrow"><h1>{encode.Encode(title)}</h1><p>{encode.Encode(detail ?? "")}</p></section></main></body></html>
            """);
    }
}
