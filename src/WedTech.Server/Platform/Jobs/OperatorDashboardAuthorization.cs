using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Hangfire.Dashboard;

namespace WedTech.Server.Platform.Jobs;

/// <summary>
/// Operators only: HTTP Basic with the configured credentials (compared in constant time), and never on a
/// studio's host, so no tenant user's session can reach it. Serve it over TLS in production.
/// </summary>
internal sealed class OperatorDashboardAuthorization(JobsOptions.DashboardOptions options) : IDashboardAsyncAuthorizationFilter
{
    public async Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (await http.RequestServices.GetRequiredService<ITenantRequests>().IsForTenantAsync(http))
        {
            return false;
        }
        if (AuthenticationHeaderValue.TryParse(http.Request.Headers.Authorization, out var header)
            && header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) && header.Parameter is { } parameter
            && Matches(parameter))
        {
            return true;
        }
        http.Response.Headers.WWWAuthenticate = "Basic realm=\"WedTech operators\", charset=\"UTF-8\"";
        return false;
    }

    private bool Matches(string parameter)
    {
        Span<byte> given = stackalloc byte[32];
        Span<byte> expected = stackalloc byte[32];
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(parameter));
        }
        catch (FormatException)
        {
            return false;
        }
        SHA256.HashData(Encoding.UTF8.GetBytes(decoded), given);
        SHA256.HashData(Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}"), expected);
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }
}
