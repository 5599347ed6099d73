namespace WedTech.Server.Identity;

/// <summary>
/// The browser's session: the same access and refresh tokens API clients get, but held in HttpOnly
/// cookies that page scripts cannot read, so an injected script has no token to steal.
/// <list type="bullet">
/// <item>Both cookies are host-only and SameSite=Strict: no other site, and no other studio's host, gets them.</item>
/// <item>The refresh cookie is sent only to the session endpoints (its path), never with ordinary API calls.</item>
/// <item>A cookie authenticates a state-changing request only together with the <see cref="CsrfHeader"/>
/// header, which a cross-site form cannot send and a cross-site script cannot add without a CORS
/// preflight the server never grants.</item>
/// </list>
/// </summary>
public static class BrowserSession
{
    public const string AccessCookie = "wedtech_session";
    public const string RefreshCookie = "wedtech_refresh";
    public const string RefreshPath = "/api/v1/auth/session";
    public const string CsrfHeader = "X-WedTech-Csrf";

    /// <summary>
    /// Says only that this browser signed in and may still renew its session (it lives as long as the refresh cookie, which
    /// app pages never receive). Without it and without an access cookie, an app address goes straight to the sign-in page
    /// instead of downloading the whole app to find out. It proves nothing (the tokens do), so it may be SameSite=Lax: it
    /// comes along when a link in an e-mail or the signup's hand-over opens the app, where the strict cookies do not.
    /// </summary>
    public const string SignedInCookie = "wedtech_signed_in";

    public static void SignIn(HttpContext http, TokenResponse tokens)
    {
        http.Response.Cookies.Append(AccessCookie, tokens.AccessToken, CookieOptions(http, "/", tokens.AccessTokenExpiresAt));
        http.Response.Cookies.Append(RefreshCookie, tokens.RefreshToken, CookieOptions(http, RefreshPath, tokens.RefreshTokenExpiresAt));
        http.Response.Cookies.Append(SignedInCookie, "1", CookieOptions(http, "/", tokens.RefreshTokenExpiresAt, SameSiteMode.Lax));
    }

    public static void SignOut(HttpContext http)
    {
        http.Response.Cookies.Delete(AccessCookie, CookieOptions(http, "/", expires: null));
        http.Response.Cookies.Delete(RefreshCookie, CookieOptions(http, RefreshPath, expires: null));
        http.Response.Cookies.Delete(SignedInCookie, CookieOptions(http, "/", expires: null, SameSiteMode.Lax));
    }

    /// <summary>The browser has a session, or had one it may renew.</summary>
    public static bool MayHaveSession(HttpRequest request) =>
        request.Cookies.ContainsKey(AccessCookie) || request.Cookies.ContainsKey(SignedInCookie);

    public static string? RefreshToken(HttpRequest request) => request.Cookies[RefreshCookie];

    /// <summary>The access token from the cookie, when the request may be authenticated by it.</summary>
    public static string? AccessToken(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HasCsrfHeader(request) ? request.Cookies[AccessCookie] : null;

    public static bool HasCsrfHeader(HttpRequest request) => request.Headers.ContainsKey(CsrfHeader);

    private static CookieOptions CookieOptions(HttpContext http, string path, DateTimeOffset? expires, SameSiteMode sameSite = SameSiteMode.Strict) => new()
    {
        HttpOnly = true,
        Secure = http.Request.IsHttps,
        SameSite = sameSite,
        Path = path,
        Expires = expires,
        IsEssential = true,
    };
}
