using WedTech.Server.Tenancy;
using WedTech.Server.Weddings;

namespace WedTech.Server.Demo;

public static class DemoEndpoints
{
    /// <summary>
    /// For bench/ only (Bench:FloorEndpoint): the demo studio's first page of weddings, loaded once and served
    /// from memory through the same pipeline and serializer, so the benchmark can show what tenancy,
    /// authentication and the database add on top of the framework itself.
    /// </summary>
    public static WebApplication MapDemo(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>("Bench:FloorEndpoint"))
        {
            return app;
        }
        var page = new Lazy<Task<PagedResponse<WeddingSummaryResponse>>>(async () =>
        {
            var demo = await app.Services.GetRequiredService<TenantDirectory>().FindBySlugAsync(DemoTenant.Slug, CancellationToken.None)
                ?? throw new InvalidOperationException("Bench:FloorEndpoint needs the demo studio (Demo:Seed).");
            await using var db = app.Services.GetRequiredService<IDatabaseProvider>().CreateTenantContext(demo.DatabaseName);
            var items = await db.Weddings.AsNoTracking().OrderBy(w => w.PrimaryDate).ThenBy(w => w.Id).Take(20).Select(WeddingService.Summary).ToListAsync();
            return new PagedResponse<WeddingSummaryResponse>(items, 1, 20, items.Count);
        });
        app.MapGet("/bench/floor", async () => TypedResults.Ok(await page.Value)).ExcludeFromDescription();
        return app;
    }
}
