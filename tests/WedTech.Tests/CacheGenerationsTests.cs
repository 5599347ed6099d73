using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
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

    /// <summary>
    /// Nodes share the second level: a node that has just started, or has bumped as often as another, must not ask for the
    /// key under which another node stored what it read from an older catalog.
    /// </summary>
    [Fact]
    public void Two_nodes_never_ask_for_the_same_generation_of_a_data_set()
    {
        var (first, second) = (new CacheGenerations(), new CacheGenerations());
        first.Current("tenants").ShouldNotBe(second.Current("tenants"));
        first.Bump("tenants");
        second.Bump("tenants");
        first.Current("tenants").ShouldNotBe(second.Current("tenants"));
        var before = first.Current("tenants");
        first.Bump("tenants");
        first.Current("tenants").ShouldBe(before + 1);
    }
}
