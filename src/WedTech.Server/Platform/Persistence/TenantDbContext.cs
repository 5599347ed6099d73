using Microsoft.EntityFrameworkCore;
using WedTech.Server.Calendar;
using WedTech.Server.Events;
using WedTech.Server.Files;
using WedTech.Server.Identity;
using WedTech.Server.Messaging.Push;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Templates;
using WedTech.Server.Tenancy.Settings;
using WedTech.Server.Venues;
using WedTech.Server.Weddings;

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

    public DbSet<User> Users => Set<User>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<OneTimeToken> OneTimeTokens => Set<OneTimeToken>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<TenantSettings> Settings => Set<TenantSettings>();
    public DbSet<Wedding> Weddings => Set<Wedding>();
    public DbSet<WeddingTeamMember> WeddingTeamMembers => Set<WeddingTeamMember>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();

    public DbSet<Messaging.Outbox.OutboxMessage> OutboxMessages => Set<Messaging.Outbox.OutboxMessage>();
    public DbSet<Messaging.Outbox.MessageTemplate> MessageTemplates => Set<Messaging.Outbox.MessageTemplate>();
    public DbSet<Messaging.Outbox.MessagingUsage> MessagingUsage => Set<Messaging.Outbox.MessagingUsage>();
    public DbSet<Messaging.Outbox.MessagingSettings> MessagingSettings => Set<Messaging.Outbox.MessagingSettings>();
    public DbSet<Messaging.Outbox.Notification> Notifications => Set<Messaging.Outbox.Notification>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<PushSubscription> PushSubscriptions => Set<PushSubscription>();

    public DbSet<WedTech.Server.Reports.Report> Reports => Set<WedTech.Server.Reports.Report>();

    public DbSet<WeddingEvent> Events => Set<WeddingEvent>();
    public DbSet<EventTeamMember> EventTeamMembers => Set<EventTeamMember>();
    public DbSet<RunOfShowItem> RunOfShowItems => Set<RunOfShowItem>();
    public DbSet<Venue> Venues => Set<Venue>();
    public DbSet<WeddingTemplate> WeddingTemplates => Set<WeddingTemplate>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        WedTech.Server.Reports.ReportModel.Configure(modelBuilder);
        Messaging.Outbox.OutboxModel.Configure(modelBuilder);
        IdentityModel.Configure(modelBuilder);
        AuditModel.Configure(modelBuilder);
        TenantSettingsModel.Configure(modelBuilder);
        WeddingModel.Configure(modelBuilder);
        CalendarFeedModel.Configure(modelBuilder);
        StoredFileModel.Configure(modelBuilder);
        PushModel.Configure(modelBuilder);
        EventModel.Configure(modelBuilder);
        VenueModel.Configure(modelBuilder);
        WeddingTemplateModel.Configure(modelBuilder);
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
