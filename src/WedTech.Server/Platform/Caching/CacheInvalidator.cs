using Microsoft.Extensions.Caching.Hybrid;
using StackExchange.Redis;

namespace WedTech.Server.Platform.Caching;

/// <summary>
/// Drops a cached data set everywhere: its generation (see <see cref="CacheGenerations"/>) and its tag
/// on this node and, when Redis is configured, on every other node at once through a Redis channel —
/// HybridCache's own tag invalidation leaves other nodes' in-memory copies alive until they expire, too
/// long for a disabled user or a changed role.
/// </summary>
public sealed class CacheInvalidator : IDisposable
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("wedtech:cache-invalidate");
    private readonly HybridCache _cache;
    private readonly CacheGenerations _generations;
    private readonly ISubscriber? _subscriber;
    private readonly string _node = Guid.NewGuid().ToString("N");

    public CacheInvalidator(HybridCache cache, CacheGenerations generations, RedisConnection redis)
    {
        _cache = cache;
        _generations = generations;
        if (redis.Multiplexer is { } multiplexer)
        {
            _subscriber = multiplexer.GetSubscriber();
            _subscriber.Subscribe(Channel, (_, message) =>
            {
                var text = (string?)message;
                if (text?.Split('|', 2) is [var node, var tag] && node != _node)
                {
                    // Not awaited: Redis delivers messages in order on one thread, which must not block.
                    InvalidateHereAsync(tag, CancellationToken.None).AsTask()
                        .ContinueWith(static task => task.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
                }
            });
        }
    }

    /// <summary>The cache key of a data set's current generation, with a suffix for the entry within it.</summary>
    public string Key(string tag, string? entry = null) => entry is null ? $"{tag}:{_generations.Current(tag)}" : $"{tag}:{_generations.Current(tag)}:{entry}";

    public async ValueTask InvalidateAsync(string tag, CancellationToken cancellationToken = default)
    {
        await InvalidateHereAsync(tag, cancellationToken);
        if (_subscriber is not null)
        {
            await _subscriber.PublishAsync(Channel, $"{_node}|{tag}");
        }
    }

    private ValueTask InvalidateHereAsync(string tag, CancellationToken cancellationToken)
    {
        _generations.Bump(tag);
        return _cache.RemoveByTagAsync(tag, cancellationToken);
    }

    public void Dispose() => _subscriber?.UnsubscribeAll();
}
