using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.OpenApi;

namespace WedTech.Server.Platform.Api;

/// <summary>A record edited with optimistic concurrency: its version is its ETag.</summary>
public interface IVersioned
{
    long Version { get; set; }
}

/// <summary>
/// A versioned record's answer: the result, with the record's version as its ETag, the value a later If-Match sends back.
/// The OpenAPI document lists the ETag header on the operation's answer.
/// </summary>
public sealed class ETagged<TResult>(TResult result, long version) : IResult, IEndpointMetadataProvider
    where TResult : IResult, IEndpointMetadataProvider
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.ETag = $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";
        return result.ExecuteAsync(httpContext);
    }

    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        TResult.PopulateMetadata(method, builder);
        builder.Metadata.Add(ETagResponse.Instance);
    }
}

/// <summary>Endpoint metadata: the successful answer carries an ETag header.</summary>
public sealed class ETagResponse
{
    public static readonly ETagResponse Instance = new();

    private ETagResponse() { }
}

/// <summary>ETag / If-Match handling shared by every endpoint that reads or edits a versioned record.</summary>
public static class Concurrency
{
    /// <summary>The answer with the record's version as its ETag: <c>TypedResults.Ok(wedding).WithETag(wedding.Version)</c>.</summary>
    public static ETagged<TResult> WithETag<TResult>(this TResult result, long version) where TResult : IResult, IEndpointMetadataProvider =>
        new(result, version);

    /// <summary>
    /// The version the client last read, from If-Match: null when the header is absent; <see cref="long.MinValue"/>
    /// for "*" (any version). Only this API's strong ETags are accepted.
    /// </summary>
    public static long? IfMatch(HttpContext http)
    {
        var header = http.Request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0)
        {
            return null;
        }
        if (header == "*")
        {
            return long.MinValue;
        }
        return header.Length > 2 && header[0] == '"' && header[^1] == '"'
            && long.TryParse(header.AsSpan(1, header.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new ValidationFailedException("if-match", "Send the ETag exactly as this API gave it, like \"3\".");
    }

    /// <summary>If-Match is required to replace a record, so that nobody's change is overwritten unseen.</summary>
    public static long RequireIfMatch(HttpContext http) => IfMatch(http) ?? throw new ApiException(StatusCodes.Status428PreconditionRequired,
        "If-Match required", "Send the If-Match header with the ETag you last read, so that nobody's change is overwritten unseen.");

    /// <summary>
    /// The rule for every endpoint that replaces a versioned record: If-Match is required (428 without it, 400 when it is not
    /// an ETag of this API) before the handler runs, and the OpenAPI document says so (a required If-Match header; 428, 409),
    /// so that a test can check every such operation the document lists. The handler reads the version with
    /// <see cref="RequireIfMatch"/> and refuses a stale one with <see cref="Expect"/> (409).
    /// </summary>
    public static RouteHandlerBuilder RequiresIfMatch(this RouteHandlerBuilder builder) => builder
        .AddEndpointFilter(async (context, next) =>
        {
            RequireIfMatch(context.HttpContext);
            return await next(context);
        })
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status428PreconditionRequired)
        .AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-Match",
                In = ParameterLocation.Header,
                Required = true,
                Description = "The ETag of the version you read (\"3\"), or * to replace whatever is there. 428 without it; 409 when the record changed since.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
            return Task.CompletedTask;
        });

    /// <summary>
    /// Refuses a stale write. A write that lands between this check and the save is refused by the
    /// database: the version is the entity's concurrency token, so EF updates only the row it read.
    /// </summary>
    public static void Expect(IVersioned entity, long? expectedVersion, string what)
    {
        if (expectedVersion is { } expected && expected != long.MinValue && entity.Version != expected)
        {
            throw ApiException.Conflict($"The {what} was changed by someone else (now version {entity.Version}). Reload it and apply your change again.");
        }
    }
}
