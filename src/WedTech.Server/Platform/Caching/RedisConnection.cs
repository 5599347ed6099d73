using StackExchange.Redis;

namespace WedTech.Server.Platform.Caching;

/// <summary>The node's one Redis connection when `Redis:Connection` is configured; none in the embedded mode.</summary>
public sealed class RedisConnection(IConnectionMultiplexer? multiplexer) : IDisposable
{
    public IConnectionMultiplexer? Multiplexer { get; } = multiplexer;

    public void Dispose() => Multiplexer?.Dispose();
}

public static class CachingModule
{
    /// <summary>HybridCache in memory; with Redis configured, Redis is its second level and carries invalidations between nodes.</summary>
    public static IServiceCollection AddCaching(this IServiceCollection services, IConfiguration configuration)
    {
        var connection = configuration["Redis:Connection"];
        if (string.IsNullOrWhiteSpace(connection))
        {
            services.AddSingleton(new RedisConnection(null));
        }
        else
        {
            services.AddSingleton(_ =>
            {
                var options = ConfigurationOptions.Parse(connection);
                options.AbortOnConnectFail = false;
                return new RedisConnection(ConnectionMultiplexer.Connect(options));
            });
            services.AddStackExchangeRedisCache(options => options.InstanceName = "wedtech:");
            services.AddOptions<Microsoft.Extensions.Caching.StackExchangeRedis.RedisCacheOptions>()
                .Configure<RedisConnection>((options, redis) => options.ConnectionMultiplexerFactory = () => Task.FromResult(redis.Multiplexer!));
        }
        services.AddHybridCache();
        services.AddSingleton<CacheGenerations>();
        services.AddSingleton<CacheInvalidator>();
        return services;
    }
}
