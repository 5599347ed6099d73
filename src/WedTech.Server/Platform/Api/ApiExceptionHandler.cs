using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace WedTech.Server.Platform.Api;

/// <summary>Maps every exception that reaches the pipeline to ProblemDetails; never a stack trace.</summary>
internal sealed partial class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ValidationFailedException v => new HttpValidationProblemDetails(v.Errors.ToDictionary()) { Status = v.Status, Title = v.Title },
            ApiException api => new ProblemDetails { Status = api.Status, Title = api.Title, Detail = api.Detail },
            BadHttpRequestException bad => FromBadRequest(bad),
            DbUpdateConcurrencyException => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Conflict",
                Detail = "The record was changed by someone else. Reload it and apply your change again.",
            },
            _ => null,
        };

        if (problem is null)
        {
            if (httpContext.RequestAborted.IsCancellationRequested)
            {
                return true;
            }
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "An unexpected error occurred.",
                Detail = "The error has been logged. Quote the trace id when reporting it.",
            };
        }

        if (exception is ApiException { RetryAfter: { } retryAfter })
        {
            httpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails FromBadRequest(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            var field = JsonPathToField(json.Path);
            var message = field.Length == 0 ? "The request body is not valid JSON." : "The value is not valid for this field.";
            if (json is JsonFieldException refused)
            {
                // Path is the object being read; the field is within it.
                field = field.Length == 0 ? refused.Field : $"{field}.{refused.Field}";
                message = refused.Reason;
            }
            return new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [field] = [message],
            })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "One or more validation errors occurred.",
            };
        }

        if (BindingFailure().Match(bad.Message) is { Success: true } binding)
        {
            var name = binding.Groups["name"].Value;
            return new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [name] = [binding.Groups["value"].Success ? NotValid(name, binding.Groups["type"].Value) : $"{ValidationMessages.FieldName(name)} is required."],
            })
            {
                Status = StatusCodes.Status400BadRequest,
            };
        }

        return new ProblemDetails
        {
            Status = bad.StatusCode,
            Title = bad.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => "Request body too large",
                StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
                _ => "Bad request",
            },
            Detail = bad.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => "The request body is larger than this endpoint accepts.",
                StatusCodes.Status415UnsupportedMediaType => "Send the body as application/json.",
                _ when bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase) && !bad.Message.StartsWith("Failed to bind", StringComparison.Ordinal)
                    => "This request needs a JSON body.",
                _ => SafeMessage(bad.Message),
            },
        };
    }

    // Binding messages name the parameter and the offending value; they never carry internals.
    private static string SafeMessage(string message) => message.Length > 300 ? message[..300] : message;

    /// <summary>A query or route value that is not of its parameter's type, said as what was expected.</summary>
    private static string NotValid(string name, string type)
    {
        var expected = type.Replace("Nullable<", "", StringComparison.Ordinal).TrimEnd('>') switch
        {
            "Guid" => "an id (like 0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b)",
            "int" or "long" or "short" => "a whole number",
            "decimal" or "double" or "float" => "a number",
            "bool" => "true or false",
            "DateOnly" => "a date (yyyy-mm-dd)",
            "DateTime" or "DateTimeOffset" => "a date and time (ISO 8601)",
            "TimeOnly" => "a time (hh:mm)",
            _ => "a valid value",
        };
        return $"{ValidationMessages.FieldName(name)} must be {expected}.";
    }

    /// <summary>ASP.NET Core's "Failed to bind parameter \"Nullable&lt;Guid&gt; id\" from \"x\"." and "Required parameter \"int page\" was not provided…".</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:Failed to bind parameter ""(?<type>[^""]+) (?<name>\w+)"" from ""(?<value>.*)""\.|Required parameter ""(?<type>[^""]+) (?<name>\w+)"" was not provided from .*)$", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex BindingFailure();

    private static string JsonPathToField(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "";
        }
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return field.Length == 0 ? "" : char.ToLowerInvariant(field[0]) + field[1..];
    }
}
