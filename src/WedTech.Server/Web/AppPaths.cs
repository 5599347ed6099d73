namespace WedTech.Server.Web;

public static class AppPaths
{
    public const string Home = AppLinks.Home;

    /// <summary>Where to go after signing in: only a place inside the app, never another site (open redirect).</summary>
    public static string SafeReturn(string? returnUrl) => AppLinks.IsInApp(returnUrl) ? returnUrl! : Home;
}
