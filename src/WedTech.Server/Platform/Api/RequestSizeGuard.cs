using Microsoft.AspNetCore.Http.Metadata;

namespace WedTech.Server.Platform.Api;

/// <summary>
/// Refuses a declared body over the limit before anything reads it, with a ProblemDetails answer: the JSON
/// limit, or the endpoint's own (<see cref="IRequestSizeLimitMetadata"/>, e.g. file uploads). Runs after
/// routing so it knows the endpoint; routing applies the same limit to Kestrel's MaxRequestBodySize, which
/// enforces it on chunked bodies as they are read.
/// </summary>
internal sealed class RequestSizeGuard(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? ApiConventions.MaxJsonBodyBytes;
        return context.Request.ContentLength > limit
            ? Problems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "Request body too large", $"Send at most {Describe(limit)}.")
            : next(context);
    }

    private static string Describe(long bytes) => bytes >= 1024 * 1024
        ? $"{bytes / (1024 * 1024)} MB"
        : $"{bytes / 1024} KB";
}
