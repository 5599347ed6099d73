namespace WedTech.Server.Tenancy.Settings;

/// <summary>A studio's own settings, kept in its database (one row).</summary>
public sealed class TenantSettings : IVersioned
{
    public const int SingletonId = 1;

    public int Id { get; init; } = SingletonId;
    public required string CompanyName { get; set; }
    public string TimeZone { get; set; } = "Asia/Kolkata";
    public string Currency { get; set; } = "INR";
    public string? Gstin { get; set; }
    public long Version { get; set; } = 1;
}

public sealed class TenantSettingsModel : ITenantModel
{
    public void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<TenantSettings>(settings =>
    {
        settings.ToTable("tenant_settings");
        settings.Property(s => s.Id).ValueGeneratedNever();
        settings.Property(s => s.CompanyName).HasMaxLength(100);
        settings.Property(s => s.TimeZone).HasMaxLength(64);
        settings.Property(s => s.Currency).HasMaxLength(3);
        settings.Property(s => s.Gstin).HasMaxLength(15);
        settings.Property(s => s.Version).IsConcurrencyToken();
    });
}

/// <summary>The module's tables, read and written only by the module.</summary>
public static class SettingsTables
{
    extension(TenantDbContext db)
    {
        public DbSet<TenantSettings> Settings => db.Set<TenantSettings>();
    }
}
