using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;
using WedTech.Server.Platform;

namespace WedTech.Server.Tenancy;

/// <summary>
/// A studio's address in the links the product makes: signup's hand-over, invitation and password e-mails, calendar feeds,
/// signed file links. <c>Tenancy:TenantUrlTemplate</c> when set (a real domain, a proxy in front); otherwise the address
/// this server listens on with the studio in front, so a server started on port 5099 links to
/// <c>http://{slug}.localhost:5099</c>. A request's Host header never decides it: whoever asks for a password reset
/// must not be able to point the e-mailed link elsewhere.
/// </summary>
public sealed class StudioAddresses(IOptions<TenancyOptions> options, IServer server)
{
    private string? _served;

    public string For(string slug) => Template().Replace("{slug}", slug, StringComparison.Ordinal);

    private string Template()
    {
        if (options.Value.TenantUrlTemplate is { Length: > 0 } configured)
        {
            return configured;
        }
        if (_served is { } known)
        {
            return known;
        }
        var listening = server.ListeningOn();
        var address = listening.FirstOrDefault(uri => uri.Scheme == Uri.UriSchemeHttps) ?? (listening.Count > 0 ? listening[0] : null);
        var template = $"{address?.Scheme ?? Uri.UriSchemeHttp}://{{slug}}.{options.Value.BaseDomain}{(address is { IsDefaultPort: false } ? $":{address.Port}" : "")}";
        // Before the server listens (never for a request) the port is not known yet: not remembered.
        return address is null ? template : _served = template;
    }
}
