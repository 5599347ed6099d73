using WedTech.Tests.Browser;
using Xunit.Sdk;
using Xunit.v3;

[assembly: TestCollectionOrderer(typeof(WedTech.Tests.Infrastructure.LongestCollectionsFirst))]

namespace WedTech.Tests.Infrastructure;

/// <summary>
/// Starts the collections that run longest one test after another first, so that they run alongside the rest of the suite
/// instead of after it: the two lanes of browser scenarios (minutes each), the publish check (a trimmed publish) and the
/// lanes of the API fuzz and of the access matrices on PostgreSQL.
/// The rest keep xUnit's default order.
/// </summary>
public sealed class LongestCollectionsFirst : ITestCollectionOrderer
{
    private static readonly string[] Longest = [BrowserServer.Collection, BrowserServer.SecondLane, PublishTests.Collection, .. ApiFuzzTests.PostgresCollections, .. AccessTests.PostgresCollections];

    public IReadOnlyCollection<TTestCollection> OrderTestCollections<TTestCollection>(IReadOnlyCollection<TTestCollection> testCollections)
        where TTestCollection : ITestCollection =>
        DefaultTestCollectionOrderer.Instance.OrderTestCollections(testCollections)
            .OrderBy(collection => Array.IndexOf(Longest, collection.TestCollectionDisplayName) is var rank and >= 0 ? rank : Longest.Length)
            .ToList();
}
