using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components.Endpoints;

namespace WedTech.Server.Web;

/// <summary>A refusal a person reads in a browser (unknown or suspended studio): the same words as the API's problem, as a page.</summary>
public static class ErrorPage
{
    public static bool IsFor(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null || context.Request.Path.StartsWithSegments("/auth");

    public static Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        var encode = HtmlEncoder.Default;
        return context.Response.WriteAsync(
            $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{encode.Encode(title)} · WedTech</title><link rel="stylesheet" href="/site.css"></head>
            <body><header class="top"><a class="brand" href="/"><span class="mark" aria-hidden="true"></span>WedTech</a></header>
            <main><section class="card narrow"><h1>{encode.Encode(title)}</h1><p>{encode.Encode(detail)}</p></section></main></body></html>
            """);
    }
}
