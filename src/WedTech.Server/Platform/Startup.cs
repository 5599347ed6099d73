namespace WedTech.Server.Platform;

public static class Startup
{
    /// <summary>Before serving: every module's <see cref="IStartupTask"/> (catalog and tenant schemas, optionally the demo studio).</summary>
    public static async Task PrepareAsync(this WebApplication app)
    {
        var tasks = app.Services.GetServices<IStartupTask>().ToList();
        foreach (var task in tasks)
        {
            await task.RunAsync(CancellationToken.None);
        }
        app.Lifetime.ApplicationStarted.Register(() => PrintBanner(app, tasks));
    }

    private static void PrintBanner(WebApplication app, IReadOnlyList<IStartupTask> tasks)
    {
        var url = app.Urls.FirstOrDefault() ?? ServerStart.DefaultUrl;
        Console.WriteLine();
        Console.WriteLine($"  WedTech is running at {url}   (API docs: {url}/docs)");
        foreach (var line in tasks.SelectMany(task => task.BannerLines()))
        {
            Console.WriteLine(line);
        }
        Console.WriteLine();
    }
}
