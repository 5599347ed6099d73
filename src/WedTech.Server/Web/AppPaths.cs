namespace WedTech.Server.Web;

public static class AppPaths
{
    public const string Home = "/app/";

    /// <summary>Where to go after signing in: only a place inside the app, never another site (open redirect).</summary>
    public static string SafeReturn(string? returnUrl) =>
        returnUrl is not null && returnUrl.StartsWith(Home, StringComparison.Ordinal) && !returnUrl.Contains('\\', StringComparison.Ordinal)
            && Uri.TryCreate(returnUrl, UriKind.Relative, out _)
            ? returnUrl
            : Home;
}
