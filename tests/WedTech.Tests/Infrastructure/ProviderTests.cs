[assembly: AssemblyFixture(typeof(WedTech.Tests.Infrastructure.SqliteServer))]
[assembly: AssemblyFixture(typeof(WedTech.Tests.Infrastructure.PostgresServer))]

namespace WedTech.Tests.Infrastructure;

/// <summary>
/// Base of every integration test class: each test class exists once per provider (a sealed
/// subclass per provider), so the same suite runs on SQLite and on PostgreSQL.
/// </summary>
public abstract class ProviderTests(TestServer server)
{
    protected TestServer Server { get; } = server;

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    protected Task<Studio> NewStudioAsync(string? slug = null) => Studio.CreateAsync(Server, slug);

    protected HttpClient AnonymousClient() => Server.Factory.CreateClient();
}
