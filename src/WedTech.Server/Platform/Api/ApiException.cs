namespace WedTech.Server.Platform.Api;

/// <summary>
/// An expected failure of a request (not found, conflict, forbidden, …). The exception handler turns
/// it into an RFC 9457 ProblemDetails response; nothing about the server's internals leaks.
/// </summary>
public class ApiException(int status, string title, string? detail = null) : Exception(detail ?? title)
{
    public int Status { get; } = status;
    public string Title { get; } = title;
    public string? Detail { get; } = detail;
    public TimeSpan? RetryAfter { get; init; }

    public static ApiException NotFound(string what) => new(StatusCodes.Status404NotFound, $"{what} not found");
    public static ApiException Conflict(string detail) => new(StatusCodes.Status409Conflict, "Conflict", detail);
    public static ApiException Forbidden(string detail) => new(StatusCodes.Status403Forbidden, "Not allowed", detail);
}

/// <summary>Input that is well-formed JSON but breaks a rule; reported per field like binding errors.</summary>
public sealed class ValidationFailedException(IReadOnlyDictionary<string, string[]> errors)
    : ApiException(StatusCodes.Status400BadRequest, "One or more validation errors occurred.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public ValidationFailedException(string field, string message) : this(new Dictionary<string, string[]> { [field] = [message] }) { }
}
