namespace WedTech.Server.Identity;

/// <summary>
/// A path under which the access token may come as the <c>access_token</c> query parameter: browsers cannot set
/// headers on a WebSocket, so SignalR clients send the token there when they have no cookie. The module serving
/// such a path (Realtime's hubs) registers it.
/// </summary>
public sealed record AccessTokenQueryPath(PathString Path)
{
    public static string? Token(HttpRequest request) =>
        request.HttpContext.RequestServices.GetServices<AccessTokenQueryPath>().Any(allowed => request.Path.StartsWithSegments(allowed.Path))
            && request.Query.TryGetValue("access_token", out var token) && token.Count == 1 && !string.IsNullOrEmpty(token[0])
            ? token[0]
            : null;
}
