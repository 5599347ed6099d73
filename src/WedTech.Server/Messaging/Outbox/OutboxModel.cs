using WedTech.Server.Tenancy.Catalog;

namespace WedTech.Server.Messaging.Outbox;

/// <summary>One message in a studio's outbox: rendered once when queued, then sent (and retried) by a job.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public MessageChannel Channel { get; init; }
    /// <summary>E-mail address, E.164 number, or user id (push, in-app).</summary>
    public required string Recipient { get; init; }
    public string? RecipientName { get; init; }
    public required string TemplateKey { get; init; }
    public required string Language { get; init; }
    public string? Subject { get; init; }
    public required string Body { get; init; }
    public string? ProviderTemplate { get; init; }
    public List<string> ProviderParameters { get; init; } = [];
    public SmsProvider SmsProvider { get; init; }
    public Guid? WeddingId { get; init; }
    /// <summary>Where in the app the message's subject is (a report, a wedding): what an in-app notification or a push opens.</summary>
    public string? Link { get; init; }
    public string? IdempotencyKey { get; init; }
    /// <summary>Hash of the request, to tell a repeated request from a different one reusing its key.</summary>
    public string? RequestFingerprint { get; init; }
    public Guid? CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    public MessageStatus Status { get; set; } = MessageStatus.Queued;
    public string? Provider { get; set; }
    public string? ProviderMessageId { get; set; }
    public int Attempts { get; set; }
    public string? Error { get; set; }
    /// <summary>A worker holds the message until then; another run of the same job leaves it alone.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
    public DateTimeOffset? FailedAt { get; set; }

    public MessageResponse ToResponse() => new(Id, Channel, Recipient, RecipientName, TemplateKey, Language, Subject, Body, Status,
        Provider, ProviderMessageId, Attempts, Error, WeddingId, CreatedAt, SentAt, DeliveredAt, FailedAt);
}

/// <summary>A studio's own wording of a template (overriding the built-in one).</summary>
public sealed class MessageTemplate : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Key { get; init; }
    public MessageChannel Channel { get; init; }
    public required string Language { get; init; }
    public string? Subject { get; set; }
    public required string Body { get; set; }
    public string? ProviderTemplate { get; set; }
    public List<string> ProviderParameters { get; set; } = [];
    public long Version { get; set; } = 1;
}

/// <summary>Messages counted against a paid channel's daily quota, per day in the studio's time zone.</summary>
public sealed class MessagingUsage
{
    public DateOnly Day { get; init; }
    public MessageChannel Channel { get; init; }
    public int Count { get; set; }
}

/// <summary>The studio's messaging choices (one row).</summary>
public sealed class MessagingSettings : IVersioned
{
    public const int SingletonId = 1;
    public int Id { get; init; } = SingletonId;
    public SmsProvider SmsProvider { get; set; } = SmsProvider.Twilio;
    public long Version { get; set; } = 1;
}

/// <summary>An in-app notification for one user.</summary>
public sealed class Notification
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid UserId { get; init; }
    public Guid? MessageId { get; init; }
    public required string Title { get; init; }
    public required string Body { get; init; }
    public string? Link { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ReadAt { get; set; }

    public NotificationResponse ToResponse() => new(Id, Title, Body, Link, CreatedAt, ReadAt);
}

/// <summary>In the catalog: which tenant's message a provider's id belongs to, for delivery-status webhooks.</summary>
public sealed class MessageRoute
{
    public required string Provider { get; init; }
    public required string ProviderMessageId { get; init; }
    public Guid TenantId { get; init; }
    public Guid MessageId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

public sealed class OutboxModel : ITenantModel
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(message =>
        {
            message.ToTable("outbox_messages");
            message.Property(m => m.Id).ValueGeneratedNever();
            message.Property(m => m.Channel).HasConversion<string>().HasMaxLength(20);
            message.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
            message.Property(m => m.SmsProvider).HasConversion<string>().HasMaxLength(20);
            message.Property(m => m.Recipient).HasMaxLength(254);
            message.Property(m => m.RecipientName).HasMaxLength(100);
            message.Property(m => m.TemplateKey).HasMaxLength(60);
            message.Property(m => m.Language).HasMaxLength(5);
            message.Property(m => m.Subject).HasMaxLength(300);
            message.Property(m => m.Body).HasMaxLength(8000);
            message.Property(m => m.ProviderTemplate).HasMaxLength(100);
            message.Property(m => m.Link).HasMaxLength(500);
            message.Property(m => m.IdempotencyKey).HasMaxLength(100);
            message.Property(m => m.RequestFingerprint).HasMaxLength(64);
            message.Property(m => m.Provider).HasMaxLength(20);
            message.Property(m => m.ProviderMessageId).HasMaxLength(200);
            message.Property(m => m.Error).HasMaxLength(500);
            message.HasIndex(m => m.IdempotencyKey).IsUnique();
            message.HasIndex(m => new { m.Status, m.CreatedAt });
            message.HasIndex(m => m.WeddingId);
        });
        modelBuilder.Entity<MessageTemplate>(template =>
        {
            template.ToTable("message_templates");
            template.Property(t => t.Id).ValueGeneratedNever();
            template.Property(t => t.Key).HasMaxLength(60);
            template.Property(t => t.Channel).HasConversion<string>().HasMaxLength(20);
            template.Property(t => t.Language).HasMaxLength(5);
            template.Property(t => t.Subject).HasMaxLength(200);
            template.Property(t => t.Body).HasMaxLength(4000);
            template.Property(t => t.ProviderTemplate).HasMaxLength(100);
            template.Property(t => t.Version).IsConcurrencyToken();
            template.HasIndex(t => new { t.Key, t.Channel, t.Language }).IsUnique();
        });
        modelBuilder.Entity<MessagingUsage>(usage =>
        {
            usage.ToTable("messaging_usage");
            usage.HasKey(u => new { u.Day, u.Channel });
            usage.Property(u => u.Channel).HasConversion<string>().HasMaxLength(20);
        });
        modelBuilder.Entity<MessagingSettings>(settings =>
        {
            settings.ToTable("messaging_settings");
            settings.Property(s => s.Id).ValueGeneratedNever();
            settings.Property(s => s.SmsProvider).HasConversion<string>().HasMaxLength(20);
            settings.Property(s => s.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<Notification>(notification =>
        {
            notification.ToTable("notifications");
            notification.Property(n => n.Id).ValueGeneratedNever();
            notification.Property(n => n.Title).HasMaxLength(300);
            notification.Property(n => n.Body).HasMaxLength(4000);
            notification.Property(n => n.Link).HasMaxLength(500);
            notification.HasIndex(n => new { n.UserId, n.CreatedAt });
        });
    }

}

public sealed class MessageRouteModel : ICatalogModel
{
    public void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<MessageRoute>(route =>
    {
        route.ToTable("message_routes");
        route.HasKey(r => new { r.Provider, r.ProviderMessageId });
        route.Property(r => r.Provider).HasMaxLength(20);
        route.Property(r => r.ProviderMessageId).HasMaxLength(200);
    });
}

/// <summary>The module's catalog table, read and written only by the module.</summary>
public static class MessagingCatalogTables
{
    extension(CatalogDbContext catalog)
    {
        public DbSet<MessageRoute> MessageRoutes => catalog.Set<MessageRoute>();
    }
}

/// <summary>The module's tables, read and written only by the module.</summary>
public static class MessagingTables
{
    extension(TenantDbContext db)
    {
        public DbSet<OutboxMessage> OutboxMessages => db.Set<OutboxMessage>();
        public DbSet<MessageTemplate> MessageTemplates => db.Set<MessageTemplate>();
        public DbSet<MessagingUsage> MessagingUsage => db.Set<MessagingUsage>();
        public DbSet<MessagingSettings> MessagingSettings => db.Set<MessagingSettings>();
        public DbSet<Notification> Notifications => db.Set<Notification>();
    }
}
