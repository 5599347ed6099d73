using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace WedTech.Server.Platform.Api;

/// <summary>A tag of the API document and what it groups; each module's endpoints file declares its own.</summary>
public sealed record ApiTag(string Name, string Description);

/// <summary>
/// What every operation of the OpenAPI document gets without anyone writing it per endpoint, so that clients generated from
/// the document name each call and handle each refusal: an operationId derived from its method and path, the 4xx problems it
/// can answer (from its route, authorization, rate limit and If-Match rule), its tag's description. The document lints clean
/// with Redocly's recommended rules (OpenApiLintTests).
/// </summary>
public static partial class ApiDocument
{
    private const string ProblemJson = "application/problem+json";

    /// <summary>Puts the endpoints under <paramref name="tag"/>, whose description the document lists.</summary>
    public static TBuilder WithApiTag<TBuilder>(this TBuilder builder, ApiTag tag) where TBuilder : IEndpointConventionBuilder =>
        builder.WithTags(tag.Name).WithMetadata(tag);

    public static OpenApiOptions AddOperationConventions(this OpenApiOptions options) => options
        .AddOperationTransformer(async (operation, context, cancellationToken) =>
        {
            operation.OperationId ??= OperationId(context.Description.HttpMethod ?? "GET", context.Description.RelativePath ?? "");
            await AddProblemResponsesAsync(operation, context, cancellationToken);
            if (context.Description.ActionDescriptor.EndpointMetadata.Contains(ETagResponse.Instance))
            {
                DocumentETag(operation);
            }
        })
        .AddDocumentTransformer((document, context, _) =>
        {
            DescribeTags(document, context);
            RequireUniqueOperationIds(document);
            foreach (var server in document.Servers ?? [])
            {
                server.Url = server.Url?.TrimEnd('/');
            }
            return Task.CompletedTask;
        });

    /// <summary>
    /// The method and the path after /api/v1, in camel case, a path parameter as "By{Name}":
    /// GET /api/v1/weddings/{id} → getWeddingsById, PUT /api/v1/events/{eventId}/run-of-show/{itemId} → putEventsByEventIdRunOfShowByItemId.
    /// </summary>
    public static string OperationId(string method, string path)
    {
        var words = new StringBuilder(method.ToLowerInvariant());
        var relative = RoutePrefix().Replace(path.TrimStart('/'), "");
        foreach (var word in Words().Matches(PathParameter().Replace(relative, " by $1 ")).Select(m => m.Value))
        {
            words.Append(char.ToUpperInvariant(word[0])).Append(word.AsSpan(1));
        }
        return words.ToString();
    }

    private static async Task AddProblemResponsesAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var authorization = metadata.OfType<IAuthorizeData>().ToList();
        var signedIn = authorization.Count > 0 && !metadata.OfType<IAllowAnonymous>().Any();
        var problems = new List<(int Status, Type Schema)>();
        // Any input can be refused per field; under /api so can any query string (QueryTextGuard), even where none is expected.
        if (description.ParameterDescriptions.Count > 0 || description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true)
        {
            problems.Add((StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails)));
        }
        if (signedIn)
        {
            problems.Add((StatusCodes.Status401Unauthorized, typeof(ProblemDetails)));
        }
        if (signedIn && authorization.Any(a => a.Policy is not null || a.Roles is not null))
        {
            problems.Add((StatusCodes.Status403Forbidden, typeof(ProblemDetails)));
        }
        if (description.ParameterDescriptions.Any(p => p.Source == BindingSource.Path))
        {
            problems.Add((StatusCodes.Status404NotFound, typeof(ProblemDetails)));
        }
        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            problems.Add((StatusCodes.Status429TooManyRequests, typeof(ProblemDetails)));
        }

        operation.Responses ??= [];
        foreach (var (status, type) in problems)
        {
            var key = status.ToString(CultureInfo.InvariantCulture);
            if (!operation.Responses.ContainsKey(key))
            {
                operation.Responses[key] = new OpenApiResponse
                {
                    Description = ReasonPhrases.GetReasonPhrase(status),
                    Content = new Dictionary<string, OpenApiMediaType> { [ProblemJson] = new() { Schema = await SchemaAsync(type, context, cancellationToken) } },
                };
            }
        }
    }

    private static void DocumentETag(OpenApiOperation operation)
    {
        foreach (var response in (operation.Responses ?? []).Where(r => r.Key.StartsWith('2')).Select(r => r.Value).OfType<OpenApiResponse>())
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers["ETag"] = new OpenApiHeader
            {
                Description = "The record's version (\"3\"): send it back as If-Match to change or delete the record.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            };
        }
    }

    /// <summary>A reference to the problem schema, registered in the document's components the first time.</summary>
    private static async Task<IOpenApiSchema> SchemaAsync(Type type, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document!;
        if (document.Components?.Schemas?.ContainsKey(type.Name) != true)
        {
            document.AddComponent(type.Name, await context.GetOrCreateSchemaAsync(type, cancellationToken: cancellationToken));
        }
        return new OpenApiSchemaReference(type.Name, document);
    }

    private static void DescribeTags(OpenApiDocument document, OpenApiDocumentTransformerContext context)
    {
        var descriptions = new Dictionary<string, string>();
        foreach (var tag in context.DescriptionGroups.SelectMany(g => g.Items).SelectMany(d => d.ActionDescriptor.EndpointMetadata.OfType<ApiTag>()))
        {
            if (descriptions.TryGetValue(tag.Name, out var known) && known != tag.Description)
            {
                throw new InvalidOperationException($"The tag {tag.Name} is described twice, differently: declare it once, in its module's endpoints.");
            }
            descriptions[tag.Name] = tag.Description;
        }
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            tag.Description ??= descriptions.GetValueOrDefault(tag.Name ?? "");
        }
    }

    private static void RequireUniqueOperationIds(OpenApiDocument document)
    {
        var clashes = document.Paths.SelectMany(path => (path.Value.Operations ?? []).Select(op => (Id: op.Value.OperationId, Where: $"{op.Key} {path.Key}")))
            .GroupBy(op => op.Id).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(op => op.Where))}").ToList();
        if (clashes.Count > 0)
        {
            throw new InvalidOperationException("Operations share an operationId; name one of them (WithName): " + string.Join("; ", clashes));
        }
    }

    [GeneratedRegex("^api/v[0-9]+/?")]
    private static partial Regex RoutePrefix();

    /// <summary>A route parameter, with its constraints if any: {id:guid}.</summary>
    [GeneratedRegex(@"\{([A-Za-z0-9_]+)[^}]*\}")]
    private static partial Regex PathParameter();

    [GeneratedRegex("[A-Za-z0-9]+")]
    private static partial Regex Words();
}
