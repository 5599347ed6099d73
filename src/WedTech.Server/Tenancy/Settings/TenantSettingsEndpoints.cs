using WedTech.Server.Platform.Audit;

namespace WedTech.Server.Tenancy.Settings;

public static class TenantSettingsEndpoints
{
    public static readonly ApiTag Tag = new("Settings", "The studio's settings: company name, time zone and GSTIN.");

    public static RouteGroupBuilder MapTenantSettings(this RouteGroupBuilder api)
    {
        var settings = api.MapGroup("/settings").WithApiTag(Tag);
        settings.MapGet("/", async (TenantDbContext db, CancellationToken ct) =>
        {
            var current = await LoadAsync(db, ct);
            return TypedResults.Ok(ToResponse(current)).WithETag(current.Version);
        })
            .RequireAuthorization(Permissions.SettingsView).WithSummary("Get settings");
        settings.MapPut("/", async (UpdateTenantSettingsRequest request, TenantDbContext db, AuditLog audit, TenantContext tenant,
            IDatabaseProvider databases, TenantDirectory directory, HttpContext http, CancellationToken ct) =>
        {
            var expected = Concurrency.RequireIfMatch(http);
            var errors = new FieldErrors();
            var timeZone = VenueTime.CanonicalZone(request.TimeZone);
            if (timeZone is null)
            {
                errors.Add("timeZone", "Use an IANA time zone such as Asia/Kolkata.");
            }
            if (request.CompanyName.Trim().Length < 2)
            {
                errors.Add("companyName", "Use at least 2 characters.");
            }
            var gstin = string.IsNullOrWhiteSpace(request.Gstin) ? null : IndianTaxIds.Normalize(request.Gstin);
            if (gstin is not null && IndianTaxIds.CheckGstin(gstin) is { } wrongGstin)
            {
                errors.Add("gstin", wrongGstin);
            }
            errors.ThrowIfAny();

            var current = await LoadAsync(db, ct);
            Concurrency.Expect(current, expected, "settings");
            current.CompanyName = request.CompanyName.Trim();
            current.TimeZone = timeZone!;
            current.Gstin = gstin;
            // Every save is a new version, even of the same settings.
            db.Entry(current).State = EntityState.Modified;
            audit.Record("settings.updated", "TenantSettings", tenant.Current.Id, $"company name, time zone {current.TimeZone}, GSTIN {gstin ?? "none"}");
            await db.SaveChangesAsync(ct);

            // The catalog keeps the company name for e-mails and the tenant list.
            await using var catalog = databases.CreateCatalogContext();
            await catalog.Tenants.Where(t => t.Id == tenant.Current.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.CompanyName, current.CompanyName), ct);
            await directory.InvalidateAsync(ct);
            return TypedResults.Ok(ToResponse(current)).WithETag(current.Version);
        }).RequireAuthorization(Permissions.SettingsEdit).RequiresIfMatch().WithSummary("Update settings").WithDescription("Change the studio's name, time zone and GSTIN.");
        return api;
    }

    private static async Task<TenantSettings> LoadAsync(TenantDbContext db, CancellationToken ct) =>
        await db.Settings.FirstOrDefaultAsync(s => s.Id == TenantSettings.SingletonId, ct) ?? throw ApiException.NotFound("Settings");

    private static TenantSettingsResponse ToResponse(TenantSettings s) => new(s.CompanyName, s.TimeZone, s.Currency, s.Gstin, s.Version);
}
