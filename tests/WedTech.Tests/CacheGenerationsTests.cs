using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using WedTech.Server.Platform;
using WedTech.Server.Platform.Caching;

namespace WedTech.Tests;

/// <summary>Why cache keys carry a generation: a read in flight during a write must not be served afterwards.</summary>
public sealed class CacheGenerationsTests
{
    private static HybridCache NewCache() => new ServiceCollection().AddHybridCache().Services.BuildServiceProvider().GetRequiredService<HybridCache>();

    private static async Task<string> ReadAfterWriteDuringSlowReadAsync(HybridCache cache, Func<string> key, Action write)
    {
        var readStarted = new TaskCompletionSource();
        var releaseRead = new TaskCompletionSource();
        var slowRead = cache.GetOrCreateAsync(key(), async _ =>
        {
            readStarted.SetResult();
            await releaseRead.Task;
            return "stale"; // read from the database before the write committed
        }, tags: ["data"]).AsTask();
        await readStarted.Task;

        write();
        await cache.RemoveByTagAsync("data");
        releaseRead.SetResult();
        await slowRead;

        return await cache.GetOrCreateAsync(key(), _ => ValueTask.FromResult("fresh"), tags: ["data"]);
    }

    [Fact]
    public async Task Tag_invalidation_alone_keeps_a_result_read_before_the_write()
    {
        // The behaviour CacheGenerations exists for; if HybridCache ever changes it, this test says so.
        Assert.Equal("stale", await ReadAfterWriteDuringSlowReadAsync(NewCache(), () => "list", () => { }));
    }

    [Fact]
    public async Task With_the_generation_in_the_key_the_next_read_is_fresh()
    {
        var generations = new CacheGenerations();
        var result = await ReadAfterWriteDuringSlowReadAsync(NewCache(), () => $"list:{generations.Current("data")}", () => generations.Bump("data"));
        Assert.Equal("fresh", result);
    }
}
