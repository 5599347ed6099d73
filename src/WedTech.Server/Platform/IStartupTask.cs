namespace WedTech.Server.Platform;

/// <summary>
/// Work a module does before the server serves (schemas, seed data), run in the order the modules are added; and the
/// lines it adds to the banner printed once the server listens.
/// </summary>
public interface IStartupTask
{
    Task RunAsync(CancellationToken cancellationToken);

    IEnumerable<string> BannerLines() => [];
}
