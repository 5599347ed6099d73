namespace WedTech.Server.Leads;

/// <summary>
/// A couple who may become a wedding: from the studio's inquiry form, or entered by a planner. The phone and e-mail are
/// personal data, kept only while the lead is worth following (never logged; the audit names the fields only).
/// </summary>
[AuditChanges("lead")]
public sealed class Lead : IVersioned, ITimestamped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>How the studio names the couple: "Aanya &amp; Rohan".</summary>
    public required string Names { get; set; }

    /// <summary>The person who wrote or called (a parent, often), and how to reach them. At least one of phone and e-mail.</summary>
    public required string ContactName { get; set; }
    /// <summary>E.164.</summary>
    public string? Phone { get; set; }
    public string? Email { get; set; }

    /// <summary>The other partner, invited as a client user too when the lead is won.</summary>
    public string? PartnerName { get; set; }
    public string? PartnerEmail { get; set; }

    /// <summary>The dates the couple gave, first to last (one or more; the wedding's events are made from them when won).</summary>
    public List<DateOnly> Dates { get; set; } = [];
    /// <summary>The events they want: "Mehendi", "Sangeet", "Wedding", "Reception"…</summary>
    public List<string> Events { get; set; } = [];
    public string? City { get; set; }
    public int? GuestEstimate { get; set; }
    public BudgetBand? Budget { get; set; }
    public LeadSource Source { get; set; }
    /// <summary>The inquiry's message, as written.</summary>
    public string? Message { get; set; }

    public Guid StageId { get; set; }
    /// <summary>The order within its stage's column on the board (smaller first; a move between two takes the midpoint).</summary>
    public double Position { get; set; }
    public DateTimeOffset StageChangedAt { get; set; }
    /// <summary>The planner who follows the lead.</summary>
    public Guid? AssigneeId { get; set; }
    public string? LostReason { get; set; }
    /// <summary>The wedding the lead became when won.</summary>
    public Guid? WeddingId { get; set; }

    /// <summary>Names, contact name, e-mail, phone and city, lower-cased, for search and for finding duplicates.</summary>
    [NotAudited]
    public string SearchText { get; private set; } = "";

    public long Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    public void RefreshSearchText() =>
        SearchText = string.Join('\n', Names, ContactName, PartnerName, Email, PartnerEmail, Phone, City).ToLowerInvariant();
}

/// <summary>A column of the studio's pipeline, which the studio may rename and order.</summary>
[AuditChanges("pipeline-stage")]
public sealed class PipelineStage : IVersioned, ITimestamped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public int Position { get; set; }
    public PipelineStageKind Kind { get; set; }

    public long Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A line of a lead's timeline (see <see cref="LeadActivityKind"/>), with a follow-up when one is asked for.</summary>
public sealed class LeadActivity
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid LeadId { get; set; }
    public LeadActivityKind Kind { get; init; }
    public DateTimeOffset At { get; init; }
    /// <summary>Who did it; null for the product itself (an inquiry, the couple, an automation).</summary>
    public Guid? ByUserId { get; init; }
    /// <summary>What happened, for the person reading the timeline. Never a phone number or an address.</summary>
    public string? Text { get; set; }
    /// <summary>The stage moved to, for <see cref="LeadActivityKind.StageChanged"/>.</summary>
    public Guid? StageId { get; init; }
    /// <summary>The record it is about (a proposal, a contract), for the kinds that have one.</summary>
    public Guid? SubjectId { get; init; }

    /// <summary>A follow-up: when to act next and who.</summary>
    public DateTimeOffset? FollowUpAt { get; set; }
    public Guid? FollowUpUserId { get; set; }
    public DateTimeOffset? FollowUpDoneAt { get; set; }
}

public sealed class LeadModel : ITenantModel
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Lead>(lead =>
        {
            lead.ToTable("leads");
            lead.Property(l => l.Id).ValueGeneratedNever();
            lead.Property(l => l.Names).HasMaxLength(200);
            lead.Property(l => l.ContactName).HasMaxLength(200);
            lead.Property(l => l.Phone).HasMaxLength(16);
            lead.Property(l => l.Email).HasMaxLength(254);
            lead.Property(l => l.PartnerName).HasMaxLength(200);
            lead.Property(l => l.PartnerEmail).HasMaxLength(254);
            lead.Property(l => l.Dates).HasJsonConversion();
            lead.Property(l => l.Events).HasJsonConversion();
            lead.Property(l => l.City).HasMaxLength(100);
            lead.Property(l => l.Budget).HasConversion<string>().HasMaxLength(24);
            lead.Property(l => l.Source).HasConversion<string>().HasMaxLength(24);
            lead.Property(l => l.Message).HasMaxLength(4000);
            lead.Property(l => l.LostReason).HasMaxLength(500);
            lead.Property(l => l.SearchText).HasMaxLength(1400);
            lead.Property(l => l.Version).IsConcurrencyToken();
            lead.HasIndex(l => new { l.StageId, l.Position });
            lead.HasIndex(l => l.Phone);
            lead.HasIndex(l => l.Email);
            lead.HasIndex(l => l.AssigneeId);
            lead.HasIndex(l => l.CreatedAt);
        });
        modelBuilder.Entity<PipelineStage>(stage =>
        {
            stage.ToTable("pipeline_stages");
            stage.Property(s => s.Id).ValueGeneratedNever();
            stage.Property(s => s.Name).HasMaxLength(60);
            stage.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
            stage.Property(s => s.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<LeadActivity>(activity =>
        {
            activity.ToTable("lead_activities");
            activity.Property(a => a.Id).ValueGeneratedNever();
            activity.Property(a => a.Kind).HasConversion<string>().HasMaxLength(24);
            activity.Property(a => a.Text).HasMaxLength(4000);
            activity.HasOne<Lead>().WithMany().HasForeignKey(a => a.LeadId).OnDelete(DeleteBehavior.Cascade);
            activity.HasIndex(a => new { a.LeadId, a.At });
            // Automations read the timeline forward by kind; the id (a version 7 Guid) orders lines made in the same moment.
            activity.HasIndex(a => new { a.Kind, a.At, a.Id });
            activity.HasIndex(a => new { a.FollowUpUserId, a.FollowUpAt });
        });
    }
}

/// <summary>The module's tables, read and written only by the module.</summary>
public static class LeadTables
{
    extension(TenantDbContext db)
    {
        public DbSet<Lead> Leads => db.Set<Lead>();
        public DbSet<PipelineStage> PipelineStages => db.Set<PipelineStage>();
        public DbSet<LeadActivity> LeadActivities => db.Set<LeadActivity>();
    }
}
