using System.Net;

namespace WedTech.App.Platform;

/// <summary>
/// An RFC 9457 problem from the API, or the app's own equivalent for "offline" and "session expired".
/// Field errors are keyed by the request's JSON property names, as the API sends them.
/// </summary>
public sealed class ApiProblemException(int status, string title, string? detail, IReadOnlyDictionary<string, string[]>? errors = null)
    : Exception(detail ?? title)
{
    public const int Offline = 0;

    public int Status { get; } = status;
    public string Title { get; } = title;
    public string? Detail { get; } = detail;
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors ?? new Dictionary<string, string[]>();

    public bool IsConflict => Status == (int)HttpStatusCode.Conflict;

    /// <summary>The message for one field, or null when the problem does not concern it.</summary>
    public string? For(string field) =>
        Errors.FirstOrDefault(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } messages
            ? string.Join(" ", messages)
            : null;

    /// <summary>The same problem with the field errors of a nested object ("wedding.title") keyed as that object's own ("title").</summary>
    public ApiProblemException Inside(string property) => new(Status, Title, Detail, Errors.ToDictionary(
        e => e.Key.StartsWith(property + ".", StringComparison.OrdinalIgnoreCase) ? e.Key[(property.Length + 1)..] : e.Key, e => e.Value, StringComparer.OrdinalIgnoreCase));

    /// <summary>What to tell the person, in one sentence or two.</summary>
    public string Summary => Errors.Count > 0 && Detail is null ? "Some fields need attention." : Detail ?? Title;

    public static ApiProblemException NoConnection(bool write) => new(Offline, "You are offline",
        write ? "You are offline, so this change was not saved. Try again when you are back online." : "You are offline and this page was never loaded on this device.");

    public static ApiProblemException SessionExpired() => new((int)HttpStatusCode.Unauthorized, "Session expired", "Your session has ended. Sign in again.");
}
