using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace WedTech.Server.Platform;

/// <summary>Where the server finds its files and which address it listens on, wherever and however it is started.</summary>
public static class ServerStart
{
    public const string DefaultUrl = "http://localhost:5080";

    /// <summary>The settings an address to listen on comes from (<c>--urls</c>, <c>ASPNETCORE_URLS</c>, <c>ASPNETCORE_HTTP_PORTS</c>…).</summary>
    private static readonly string[] AddressKeys = ["urls", "http_ports", "https_ports"];

    /// <summary>
    /// The content root is the folder started from when it holds the server's settings (<c>dotnet run</c> in the project,
    /// the published folder); otherwise the server's own folder, so a server started from elsewhere (a service manager, a
    /// container's working directory) still finds its settings and the app. An explicit content root wins.
    /// </summary>
    public static WebApplicationOptions Options(string[] args)
    {
        var explicitRoot = Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is { Length: > 0 }
            || args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase));
        var startedFromElsewhere = !File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"))
            && File.Exists(Path.Combine(AppContext.BaseDirectory, "appsettings.json"));
        return new WebApplicationOptions { Args = args, ContentRootPath = !explicitRoot && startedFromElsewhere ? AppContext.BaseDirectory : null };
    }

    /// <summary>
    /// Listens on <see cref="DefaultUrl"/> unless told otherwise (<c>--urls</c>, <c>ASPNETCORE_URLS</c>, <c>ASPNETCORE_HTTP_PORTS</c>
    /// or Kestrel endpoints in settings). Not a launch profile's address: that one would override what a person asked for.
    /// </summary>
    public static WebApplicationBuilder ListenOnTheAskedAddress(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var asked = AddressKeys.Any(key => !string.IsNullOrWhiteSpace(configuration[key]))
            || configuration.GetSection("Kestrel:Endpoints").Exists();
        if (!asked)
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
        return builder;
    }

    /// <summary>
    /// The addresses the server listens on, once started (none for an in-memory test server). A wildcard host
    /// (<c>http://+:8080</c>, <c>http://[::]:8080</c>) stands for every name of the machine and is reported as such.
    /// </summary>
    public static IReadOnlyList<Uri> ListeningOn(this IServer server) =>
        (server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
            .Select(address => Uri.TryCreate(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri) ? uri : null)
            .OfType<Uri>()
            .ToList();
}
