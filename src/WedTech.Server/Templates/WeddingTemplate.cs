namespace WedTech.Server.Templates;

/// <summary>A studio's saved shape of a wedding: its events by day and their run-of-show, and its tasks, with no dates, venues or people.</summary>
[AuditChanges("template")]
public sealed class WeddingTemplate : IVersioned, ITimestamped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public string? Description { get; set; }
    public List<TemplateEvent> Events { get; set; } = [];

    /// <summary>The wedding's tasks, due relative to its day or to its first event of a type; a new wedding gets them.</summary>
    public List<TaskTemplateItem> Tasks { get; set; } = [];
    public long Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class WeddingTemplateModel : ITenantModel
{
    public void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<WeddingTemplate>(template =>
    {
        template.ToTable("wedding_templates");
        template.Property(t => t.Id).ValueGeneratedNever();
        template.Property(t => t.Name).HasMaxLength(100);
        template.Property(t => t.Description).HasMaxLength(500);
        template.Property(t => t.Version).IsConcurrencyToken();
        template.Property(t => t.Events).HasJsonConversion();
        template.Property(t => t.Tasks).HasJsonConversion();
        template.HasIndex(t => t.Name).IsUnique();
    });
}

/// <summary>The module's tables, read and written only by the module.</summary>
public static class TemplateTables
{
    extension(TenantDbContext db)
    {
        public DbSet<WeddingTemplate> WeddingTemplates => db.Set<WeddingTemplate>();
    }
}
