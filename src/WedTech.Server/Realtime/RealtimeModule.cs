using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using WedTech.Server.Identity;

namespace WedTech.Server.Realtime;

public sealed class RealtimeOptions
{
    /// <summary>Prefix of the backplane's Redis channels, so deployments that share a Redis never hear each other.</summary>
    public string ChannelPrefix { get; set; } = "wedtech";

    /// <summary>Live connections this node holds at most; 0: a little below Kestrel's upgraded-connection limit (from the open-files limit).</summary>
    public int MaxConnections { get; set; }

    /// <summary>Live connections from one client address at most (an office behind one NAT shares it); 0: no cap.</summary>
    public int MaxConnectionsPerAddress { get; set; } = 1000;

    /// <summary>Live connections of one studio on this node at most; 0: no cap.</summary>
    public int MaxConnectionsPerStudio { get; set; } = 1000;

    /// <summary>The <c>Retry-After</c> of a refused connection.</summary>
    public TimeSpan BusyRetryAfter { get; set; } = TimeSpan.FromSeconds(30);
}

public static class RealtimeModule
{
    internal const string HubsPath = "/hubs";

    /// <summary>
    /// SignalR with the API's JSON conventions. With <c>Redis:Connection</c> (a StackExchange.Redis configuration
    /// string) every node publishes through Redis, so a change made on one node reaches clients connected to another;
    /// without it, messages stay in the process (one node).
    /// </summary>
    public static IServiceCollection AddRealtime(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RealtimeOptions>(configuration.GetSection("Realtime"));
        var signalR = services.AddSignalR().AddJsonProtocol(options => ApiJson.Configure(options.PayloadSerializerOptions));
        if (configuration["Redis:Connection"] is { Length: > 0 } redis)
        {
            signalR.AddStackExchangeRedis(redis);
            services.AddOptions<RedisOptions>().Configure<IOptions<RealtimeOptions>>((options, realtime) =>
            {
                options.Configuration.ChannelPrefix = RedisChannel.Literal(realtime.Value.ChannelPrefix);
                // Keep serving while Redis is away (messages to other nodes are lost meanwhile); reconnect when it is back.
                options.Configuration.AbortOnConnectFail = false;
            });
        }
        services.AddSingleton<IRealtimePublisher, RealtimePublisher>();
        services.AddScoped<WeddingChanges>();
        services.AddSingleton<LiveConnectionLimiter>();
        services.AddSingleton(new AccessTokenQueryPath(HubsPath));
        return services;
    }
}
