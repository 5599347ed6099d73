using System.Collections;
using System.Text.RegularExpressions;

namespace WedTech.Server.Platform.Observability;

/// <summary>
/// Every log line of a request carries the request's path in its scope, and some paths are secrets: a guest's RSVP
/// link, a calendar feed's address, a signed download. This wraps the log's writer (the console) so that it writes the
/// path with any segment that looks like a token (20 or more URL-safe characters, not an id) as "{secret}": a log never
/// holds a link that opens someone's data.
/// </summary>
internal sealed partial class SecretPathRedaction<TProvider>(TProvider writer) : ILoggerProvider, ISupportExternalScope
    where TProvider : ILoggerProvider, ISupportExternalScope
{
    public const string Secret = "{secret}";

    public ILogger CreateLogger(string categoryName) => writer.CreateLogger(categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => writer.SetScopeProvider(new RedactingScopes(scopeProvider));

    public void Dispose() => writer.Dispose();

    /// <summary>The path with each token-like segment replaced (an id, a slug or a file name is kept).</summary>
    public static string Redact(string path) => TokenSegment().Replace(path, match => Guid.TryParse(match.Value, out _) ? match.Value : Secret);

    // A segment (or a segment's name before ".ics") of 20+ URL-safe characters with at least one digit or capital: a slug is lower-case words.
    [GeneratedRegex(@"(?<=/)(?=[A-Za-z0-9_-]*[0-9A-Z_])[A-Za-z0-9_-]{20,}(?=/|\.|$)")]
    private static partial Regex TokenSegment();

    private sealed class RedactingScopes(IExternalScopeProvider inner) : IExternalScopeProvider
    {
        public void ForEachScope<TState>(Action<object?, TState> callback, TState state) =>
            inner.ForEachScope((scope, s) => callback(Redacted(scope), s), state);

        public IDisposable Push(object? state) => inner.Push(state);

        private static object? Redacted(object? scope) =>
            scope is IReadOnlyList<KeyValuePair<string, object?>> pairs && pairs.Any(p => p.Key == "RequestPath" && p.Value is string)
                ? new RedactedScope(pairs.Select(p => p.Key == "RequestPath" && p.Value is string path ? new KeyValuePair<string, object?>(p.Key, Redact(path)) : p).ToList())
                : scope;
    }

    /// <summary>The scope's pairs with the path redacted; written as the hosting scope writes itself.</summary>
    private sealed class RedactedScope(List<KeyValuePair<string, object?>> pairs) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public KeyValuePair<string, object?> this[int index] => pairs[index];

        public int Count => pairs.Count;

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => pairs.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => string.Join(' ', pairs.Select(p => $"{p.Key}:{p.Value}"));
    }
}
