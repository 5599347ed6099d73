namespace WedTech.Server.Tenancy.Settings;

/// <summary>What other modules read of the studio's settings: its time zone, its name and its GSTIN.</summary>
public interface IStudioSettings
{
    Task<string> TimeZoneAsync(CancellationToken cancellationToken);

    Task<string> CompanyNameAsync(CancellationToken cancellationToken);

    /// <summary>Today in the studio's zone.</summary>
    Task<DateOnly> TodayAsync(CancellationToken cancellationToken);

    /// <summary>The studio's GSTIN; null when it has not given one.</summary>
    Task<string?> GstinAsync(CancellationToken cancellationToken);
}

internal sealed class StudioSettings(TenantDbContext db, TimeProvider time) : IStudioSettings
{
    public async Task<DateOnly> TodayAsync(CancellationToken cancellationToken) => VenueTime.Today(time, await TimeZoneAsync(cancellationToken));

    public Task<string> TimeZoneAsync(CancellationToken cancellationToken) =>
        db.Settings.AsNoTracking().Select(s => s.TimeZone).FirstAsync(cancellationToken);

    public Task<string> CompanyNameAsync(CancellationToken cancellationToken) =>
        db.Settings.AsNoTracking().Select(s => s.CompanyName).FirstAsync(cancellationToken);

    public Task<string?> GstinAsync(CancellationToken cancellationToken) =>
        db.Settings.AsNoTracking().Select(s => s.Gstin).FirstAsync(cancellationToken);
}
