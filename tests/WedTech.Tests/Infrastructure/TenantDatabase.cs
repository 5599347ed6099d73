using Microsoft.Extensions.DependencyInjection;
using WedTech.Server.Platform.Persistence;
using WedTech.Server.Tenancy;

namespace WedTech.Tests.Infrastructure;

/// <summary>A studio's own database, for checking rows that no API shows.</summary>
public static class TenantDatabase
{
    public static async Task<TenantDbContext> OpenAsync(TestServer server, Studio studio)
    {
        var tenant = await server.Services.GetRequiredService<TenantDirectory>().FindBySlugAsync(studio.Slug, TestContext.Current.CancellationToken)
            ?? throw new InvalidOperationException($"No tenant {studio.Slug}.");
        return server.Services.GetRequiredService<IDatabaseProvider>().CreateTenantContext(tenant.DatabaseName);
    }
}
