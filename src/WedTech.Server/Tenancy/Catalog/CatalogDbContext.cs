namespace WedTech.Server.Tenancy.Catalog;

/// <summary>The platform's own database: tenants and their domains.</summary>
public abstract class CatalogDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<CustomDomain> CustomDomains => Set<CustomDomain>();

    private static readonly ICatalogModel[] Models = ModelParts.InAssembly<ICatalogModel>();

    public async Task<IReadOnlyList<(string Status, int Count)>> CountTenantsByStatusAsync(CancellationToken cancellationToken)
    {
        var counts = await Tenants.GroupBy(t => t.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return Enum.GetValues<TenantStatus>()
            .Select(s => (ApiConventions.EnumName(s), counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0))
            .ToList();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Tenant>(tenant =>
        {
            tenant.ToTable("tenants");
            tenant.Property(t => t.Id).ValueGeneratedNever();
            tenant.Property(t => t.Slug).HasMaxLength(40);
            tenant.HasIndex(t => t.Slug).IsUnique();
            tenant.Property(t => t.CompanyName).HasMaxLength(100);
            tenant.Property(t => t.DatabaseName).HasMaxLength(63);
            tenant.Property(t => t.SchemaVersion).HasMaxLength(150);
            tenant.Property(t => t.Plan).HasConversion<string>().HasMaxLength(20);
            tenant.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
            tenant.Property(t => t.PendingAdminName).HasMaxLength(100);
            tenant.Property(t => t.PendingAdminEmail).HasMaxLength(254);
            tenant.Property(t => t.PendingAdminPasswordHash).HasMaxLength(200);
        });
        modelBuilder.Entity<CustomDomain>(domain =>
        {
            domain.ToTable("custom_domains");
            domain.HasKey(d => d.Host);
            domain.Property(d => d.Host).HasMaxLength(253);
            domain.HasOne<Tenant>().WithMany().HasForeignKey(d => d.TenantId).OnDelete(DeleteBehavior.Cascade);
        });
        foreach (var model in Models)
        {
            model.Configure(modelBuilder);
        }
    }
}

/// <summary>A module's part of the catalog database (what it keeps across tenants); the catalog applies every implementation in the assembly.</summary>
public interface ICatalogModel
{
    void Configure(ModelBuilder modelBuilder);
}

public sealed class SqliteCatalogDbContext(DbContextOptions<SqliteCatalogDbContext> options) : CatalogDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => SqliteConventions.Apply(configurationBuilder);
}

public sealed class PostgresCatalogDbContext(DbContextOptions<PostgresCatalogDbContext> options) : CatalogDbContext(options);
