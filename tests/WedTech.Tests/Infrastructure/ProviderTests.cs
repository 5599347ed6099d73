using Microsoft.Extensions.DependencyInjection;
using WedTech.Server.Platform.Api;
using WedTech.Server.Tenancy;

[assembly: AssemblyFixture(typeof(WedTech.Tests.Infrastructure.SqliteServer))]
[assembly: AssemblyFixture(typeof(WedTech.Tests.Infrastructure.PostgresServer))]

namespace WedTech.Tests.Infrastructure;

/// <summary>
/// Base of every integration test class: each test class exists once per provider (a sealed
/// subclass per provider), so the same suite runs on SQLite and on PostgreSQL.
/// </summary>
public abstract class ProviderTests(TestServer server) : IAsyncDisposable
{
    private readonly List<Studio> _studios = [];

    protected TestServer Server { get; } = server;

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A new studio, deleted (with its database and files) when the test ends.</summary>
    protected async Task<Studio> NewStudioAsync(string? slug = null)
    {
        var studio = await Studio.CreateAsync(Server, slug);
        lock (_studios)
        {
            _studios.Add(studio);
        }
        return studio;
    }

    protected HttpClient AnonymousClient() => Server.Factory.CreateClient();

    /// <summary>
    /// The operator's way out for a studio: suspend, then delete. A run makes hundreds of studios, each a database; kept to
    /// the end of the run they filled the CI machine's disk.
    /// </summary>
    protected async Task DeleteStudioAsync(Studio studio)
    {
        var operations = Server.Services.GetRequiredService<TenantOperations>();
        try
        {
            await operations.SetSuspendedAsync(studio.Slug, suspended: true, CancellationToken.None);
            await operations.DeleteAsync(studio.Slug, CancellationToken.None);
        }
        catch (ApiException)
        {
            // Deleted by the test itself, or a signup the test left unfinished on purpose: the run's end drops it.
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var studio in _studios)
        {
            await DeleteStudioAsync(studio);
        }
        GC.SuppressFinalize(this);
    }
}
