namespace WedTech.Server.Platform.Api;

/// <summary>
/// Refuses a declared body over the JSON limit before anything reads it, with a ProblemDetails answer.
/// Kestrel's MaxRequestBodySize enforces the same limit on chunked bodies as they are read.
/// </summary>
internal sealed class RequestSizeGuard(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context) =>
        context.Request.ContentLength > ApiConventions.MaxJsonBodyBytes
            ? Problems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "Request body too large",
                $"Send at most {ApiConventions.MaxJsonBodyBytes / 1024} KB.")
            : next(context);
}
