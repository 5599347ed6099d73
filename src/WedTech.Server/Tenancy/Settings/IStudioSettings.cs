namespace WedTech.Server.Tenancy.Settings;

/// <summary>What other modules read of the studio's settings: its time zone and its name.</summary>
public interface IStudioSettings
{
    Task<string> TimeZoneAsync(CancellationToken cancellationToken);

    Task<string> CompanyNameAsync(CancellationToken cancellationToken);

    /// <summary>Today in the studio's zone.</summary>
    Task<DateOnly> TodayAsync(CancellationToken cancellationToken);
}

internal sealed class StudioSettings(TenantDbContext db, TimeProvider time) : IStudioSettings
{
    public async Task<DateOnly> TodayAsync(CancellationToken cancellationToken) => VenueTime.Today(time, await TimeZoneAsync(cancellationToken));

    public Task<string> TimeZoneAsync(CancellationToken cancellationToken) =>
        db.Settings.AsNoTracking().Select(s => s.TimeZone).FirstAsync(cancellationToken);

    public Task<string> CompanyNameAsync(CancellationToken cancellationToken) =>
        db.Settings.AsNoTracking().Select(s => s.CompanyName).FirstAsync(cancellationToken);
}
