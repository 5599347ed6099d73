using Microsoft.Extensions.Options;
using WedTech.Server.Tenancy;

namespace WedTech.Server.Platform;

public static class Startup
{
    /// <summary>Before serving: catalog schema, optionally tenant schemas, optionally the demo studio.</summary>
    public static async Task PrepareAsync(this WebApplication app)
    {
        var operations = app.Services.GetRequiredService<TenantOperations>();
        await operations.MigrateCatalogAsync(CancellationToken.None);
        if (app.Services.GetRequiredService<IOptions<TenancyOptions>>().Value.MigrateTenantsOnStartup)
        {
            foreach (var failed in (await operations.MigrateAllAsync(maxParallelism: 4, CancellationToken.None)).Where(r => !r.Succeeded))
            {
                app.Logger.LogError("Tenant {TenantSlug} could not be migrated and is not served: {Error}", failed.Slug, failed.Error);
            }
        }
        var demo = app.Configuration.GetValue<bool>("Demo:Seed");
        if (demo)
        {
            await app.Services.GetRequiredService<DemoTenant>().EnsureAsync(CancellationToken.None);
        }
        app.Lifetime.ApplicationStarted.Register(() => PrintBanner(app, demo));
    }

    private static void PrintBanner(WebApplication app, bool demo)
    {
        var url = app.Urls.FirstOrDefault() ?? "http://localhost:5080";
        var port = new Uri(url).Port;
        Console.WriteLine();
        Console.WriteLine($"  WedTech is running at {url}   (API docs: {url}/docs)");
        if (demo)
        {
            Console.WriteLine($"  Demo studio: http://{DemoTenant.Slug}.localhost:{port}   (API clients: header X-Tenant: {DemoTenant.Slug})");
            foreach (var (role, _, email) in DemoTenant.People)
            {
                Console.WriteLine($"    {role,-12} {email,-32} password {DemoTenant.Password}");
            }
        }
        Console.WriteLine();
    }
}
