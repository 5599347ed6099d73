using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using WedTech.Server.Tenancy;

namespace WedTech.Server.Realtime;

public static class RealtimeEndpoints
{
    /// <summary>
    /// The hub resolves its tenant (host or X-Tenant) like the API and needs a signed-in user. New live connections past
    /// the node's, the address's or the studio's cap are refused (<see cref="LiveConnectionLimiter"/>). This is what
    /// <c>MapHub</c> does, with the limiter around each connection as well as around each request.
    /// </summary>
    public static WebApplication MapRealtime(this WebApplication app)
    {
        var limiter = app.Services.GetRequiredService<LiveConnectionLimiter>();
        var options = new HttpConnectionDispatcherOptions
        {
            // Role changes, disabled users and ended sessions are checked at connect and on every hub call; messages
            // the server pushes are not, so a connection lives no longer than the access token it started with.
            CloseOnAuthenticationExpiration = true,
            Transports = HttpTransportType.WebSockets | HttpTransportType.LongPolling,
        };
        var hubAttributes = typeof(RealtimeHub).GetCustomAttributes(inherit: true);
        app.MapConnections(RealtimeProtocol.Path, options, connection =>
        {
            connection.Use(next => context => limiter.RunConnectionAsync(context, next));
            connection.UseHub<RealtimeHub>();
        }).Add(endpoint =>
        {
            foreach (var attribute in hubAttributes)
            {
                endpoint.Metadata.Add(attribute);
            }
            endpoint.Metadata.Add(new HubMetadata(typeof(RealtimeHub)));
            endpoint.Metadata.Add(TenantScopedAttribute.Instance);
            var inner = endpoint.RequestDelegate!;
            endpoint.RequestDelegate = context => limiter.InvokeAsync(context, inner);
        });
        return app;
    }
}
