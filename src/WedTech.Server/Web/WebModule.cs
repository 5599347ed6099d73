using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace WedTech.Server.Web;

/// <summary>
/// What a browser gets: the public pages, server-rendered with no WebAssembly (landing and signup, sign-in,
/// invitation, password reset), and the Blazor WebAssembly app under /app/.
/// </summary>
public static class WebModule
{
    public static IServiceCollection AddWeb(this IServiceCollection services)
    {
        services.AddRazorComponents();
        services.AddServerRejections();
        // Antiforgery tokens and the signup hand-over are sealed with these keys: kept in the data folder so
        // they survive restarts (every node must share the folder, or the keys, to read each other's).
        services.AddDataProtection().SetApplicationName("WedTech");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<PersistenceOptions>, IWebHostEnvironment, ILoggerFactory>((keys, persistence, environment, logs) =>
            keys.XmlRepository = new FileSystemXmlRepository(
                new DirectoryInfo(Path.Combine(persistence.Value.DataPath(environment), "keys", "data-protection")), logs));
        services.AddSingleton<AppShell>();
        // The pages marked CompressedPage and the API's answers to bearer-token reads (see MapWeb); static files are served precompressed.
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.MimeTypes = ["text/html", "application/json", "application/problem+json"];
        });
        return services;
    }

    /// <summary>First in the pipeline, so every response carries them (<see cref="SecurityHeaders"/>).</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.UseMiddleware<SecurityHeaders>();
}
