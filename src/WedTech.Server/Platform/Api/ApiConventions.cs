using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace WedTech.Server.Platform.Api;

public static class ApiConventions
{
    /// <summary>Largest JSON body any API endpoint accepts; file uploads set their own limit.</summary>
    public const long MaxJsonBodyBytes = 256 * 1024;

    public static readonly JsonNamingPolicy EnumNaming = ApiJson.EnumNaming;

    public static IServiceCollection AddApiConventions(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            ProblemWording.ForPeople(context.ProblemDetails);
            context.ProblemDetails.Extensions["traceId"] = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
            if (context.ProblemDetails is HttpValidationProblemDetails validation)
            {
                validation.Errors = validation.Errors.ToDictionary(e => JsonFieldName(e.Key), e => e.Value.Select(ValidationMessages.ForPeople).ToArray());
            }
        });
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddValidation();
        services.Configure<JsonOptions>(options =>
        {
            ConfigureJson(options.SerializerOptions);
            options.SerializerOptions.TypeInfoResolver = (options.SerializerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver())
                .WithAddedModifier(RequestNullability.Modify);
        });
        // Binding failures throw so that ApiExceptionHandler can report the field at fault.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        // Modules add their own policies; every refusal is the same problem answer.
        services.AddRateLimiter(options => options.OnRejected = async (context, _) =>
        {
            var retryAfter = context.Lease.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
            await Problems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
                "Too many attempts from your address; wait a moment and try again.", retryAfter);
        });
        // Connections past these are closed by Kestrel at once; the realtime hub refuses new live connections with a 503
        // before its upgraded limit is reached (Realtime:MaxConnections). Both leave descriptors for the databases.
        services.AddOptions<KestrelServerOptions>().Configure<DescriptorBudget>((options, budget) =>
        {
            options.Limits.MaxRequestBodySize = MaxJsonBodyBytes;
            options.Limits.MaxConcurrentConnections = budget.MaxConnections;
            options.Limits.MaxConcurrentUpgradedConnections = budget.MaxUpgradedConnections;
            options.AddServerHeader = false;
        });
        return services;
    }

    /// <summary>Error keys name fields as the JSON does: "Team[0].UserId" → "team[0].userId".</summary>
    public static string JsonFieldName(string path) =>
        string.Join('.', path.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));

    public static void ConfigureJson(JsonSerializerOptions options)
    {
        ApiJson.Configure(options);
        options.Converters.Add(new PlainTextConverter());
    }

    /// <summary>Parses an enum the way the API writes it ("in-progress"), for query strings.</summary>
    public static bool TryParseEnum<T>(string? value, out T result) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(EnumNaming.ConvertName(candidate.ToString()), value, StringComparison.OrdinalIgnoreCase))
            {
                result = candidate;
                return true;
            }
        }
        result = default;
        return false;
    }

    public static string EnumName<T>(T value) where T : struct, Enum => ApiJson.EnumName(value);

    /// <summary>The names the API writes for an enum's members.</summary>
    public static IEnumerable<string> EnumNames(Type enumType) => Enum.GetNames(enumType).Select(EnumNaming.ConvertName);

    /// <summary>The field error for a value that names no member.</summary>
    public static string EnumChoices(Type enumType) => "Use one of: " + string.Join(", ", EnumNames(enumType)) + ".";

    /// <summary>The member a query-string or path value names; null for an empty value; otherwise a field error.</summary>
    public static T? ParseEnum<T>(string? value, string field) where T : struct, Enum =>
        string.IsNullOrEmpty(value) ? null
        : TryParseEnum<T>(value, out var parsed) ? parsed
        : throw new ValidationFailedException(field, EnumChoices(typeof(T)));
}
