namespace WedTech.Server.Tenancy.Settings;

/// <summary>What other modules read of the studio's settings: its time zone and its name.</summary>
public interface IStudioSettings
{
    Task<string> TimeZoneAsync(CancellationToken cancellationToken);

    Task<string> CompanyNameAsync(CancellationToken cancellationToken);
}

internal sealed class StudioSettings(TenantDbContext db) : IStudioSettings
{
    public Task<string> TimeZoneAsync(CancellationToken cancellationToken) =>
        db.Settings.AsNoTracking().Select(s => s.TimeZone).FirstAsync(cancellationToken);

    public Task<string> CompanyNameAsync(CancellationToken cancellationToken) =>
        db.Settings.AsNoTracking().Select(s => s.CompanyName).FirstAsync(cancellationToken);
}
