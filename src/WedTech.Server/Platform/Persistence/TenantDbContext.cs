namespace WedTech.Server.Platform.Persistence;

/// <summary>
/// One tenant's database: the same model for every tenant and both providers. Each module configures
/// its own entities; the provider-specific subclasses exist only so that each provider keeps its own
/// migrations (EF Core's documented "multiple context types" pattern).
/// </summary>
public abstract class TenantDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>Who writes through this context (the request's or job's user), for the guards run at save; null for the system.</summary>
    public IWriteActor? Actor { get; set; }

    /// <summary>The clock of the times stamped at save (<see cref="WritePath"/>).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Where the changes audited at save are recorded: the request's or job's audit log; none outside a scope.</summary>
    public Lazy<Audit.AuditLog>? Audit { get; set; }

    private List<Func<Task>> _afterCommit = [];

    /// <summary>
    /// Work for once this unit of work's changes are committed: dropping cached copies, telling connected clients. Raise
    /// it with the change, before saving; it runs after the commit, and is dropped if the save or its transaction fails.
    /// </summary>
    public void AfterCommit(Func<Task> work) => _afterCommit.Add(work);

    internal async Task RunAfterCommitAsync()
    {
        var work = _afterCommit;
        _afterCommit = [];
        foreach (var step in work)
        {
            await step();
        }
    }

    internal void DropAfterCommit() => _afterCommit = [];

    /// <summary>Every module's part of the model, found once in the assembly.</summary>
    private static readonly ITenantModel[] Models = ModelParts.InAssembly<ITenantModel>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        foreach (var model in Models)
        {
            model.Configure(modelBuilder);
        }
    }
}

public sealed class SqliteTenantDbContext(DbContextOptions<SqliteTenantDbContext> options) : TenantDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => SqliteConventions.Apply(configurationBuilder);
}

public sealed class PostgresTenantDbContext(DbContextOptions<PostgresTenantDbContext> options) : TenantDbContext(options)
{
    /// <summary>Date-times in the model are wall-clock times at a venue (instants are DateTimeOffset): no zone in the column.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTime>().HaveColumnType("timestamp without time zone");
}

internal static class SqliteConventions
{
    /// <summary>
    /// SQLite has no date-time-with-offset type, and EF cannot order or compare DateTimeOffset stored as
    /// text; storing UTC ticks keeps instants sortable and exact.
    /// </summary>
    public static void Apply(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
}
