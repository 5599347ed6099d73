namespace WedTech.Server.Automations;

/// <summary>A studio's rule: when <see cref="Trigger"/> happens and every condition holds, do the actions.</summary>
[AuditChanges("automation")]
public sealed class AutomationRule : IVersioned, ITimestamped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public AutomationTrigger Trigger { get; set; }
    /// <summary>The stage a stage-changed trigger waits for; null: any.</summary>
    public Guid? StageId { get; set; }
    /// <summary>N of the triggers that have one.</summary>
    public int? Days { get; set; }
    public List<AutomationCondition> Conditions { get; set; } = [];
    public List<AutomationAction> Actions { get; set; } = [];
    public bool Paused { get; set; }
    /// <summary>When the rule was created or last resumed: it fires only for what happens, or falls due, from then on.</summary>
    public DateTimeOffset ActiveSince { get; set; }
    /// <summary>The built-in recipe it was made from, if any.</summary>
    public string? RecipeKey { get; set; }

    public long Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// A rule fired for a subject (a lead or a wedding) and an occurrence (a timeline line's id; a due date, an event's start, a
/// deadline): unique on the three, so a rule fires once per occurrence however many sweeps run, and a moved date is a new
/// occurrence. Written in the same transaction as what the actions did (the messages queued, the follow-up, the move).
/// </summary>
public sealed class AutomationFiring
{
    public const int MaxOccurrence = 120;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid RuleId { get; init; }
    public AutomationSubjectKind SubjectKind { get; init; }
    public Guid SubjectId { get; init; }
    public required string Occurrence { get; init; }
    /// <summary>The couple's names or the wedding's title when it fired, for the history.</summary>
    public required string SubjectName { get; init; }
    public DateTimeOffset At { get; init; }
    public AutomationOutcome Outcome { get; init; }
    /// <summary>Why it was skipped or failed, written for the studio's admin. Never a phone number or an address.</summary>
    public string? Reason { get; set; }
    /// <summary>It moved a lead to another stage (counted to stop a chain of automatic moves).</summary>
    public bool MovedLead { get; init; }
}

public sealed class AutomationModel : ITenantModel
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AutomationRule>(rule =>
        {
            rule.ToTable("automation_rules");
            rule.Property(r => r.Id).ValueGeneratedNever();
            rule.Property(r => r.Name).HasMaxLength(100);
            rule.Property(r => r.Trigger).HasConversion<string>().HasMaxLength(24);
            rule.Property(r => r.Conditions).HasJsonConversion();
            rule.Property(r => r.Actions).HasJsonConversion();
            rule.Property(r => r.RecipeKey).HasMaxLength(60);
            rule.Property(r => r.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<AutomationFiring>(firing =>
        {
            firing.ToTable("automation_firings");
            firing.Property(f => f.Id).ValueGeneratedNever();
            firing.Property(f => f.SubjectKind).HasConversion<string>().HasMaxLength(10);
            firing.Property(f => f.Occurrence).HasMaxLength(AutomationFiring.MaxOccurrence);
            firing.Property(f => f.SubjectName).HasMaxLength(200);
            firing.Property(f => f.Outcome).HasConversion<string>().HasMaxLength(10);
            firing.Property(f => f.Reason).HasMaxLength(500);
            firing.HasOne<AutomationRule>().WithMany().HasForeignKey(f => f.RuleId).OnDelete(DeleteBehavior.Cascade);
            // Exactly once: a second insert for the same rule, subject and occurrence fails, and its transaction rolls back.
            firing.HasIndex(f => new { f.RuleId, f.SubjectId, f.Occurrence }).IsUnique();
            firing.HasIndex(f => new { f.RuleId, f.At });
            firing.HasIndex(f => f.At);
            firing.HasIndex(f => new { f.SubjectId, f.At });
        });
    }
}

/// <summary>The module's tables, read and written only by the module.</summary>
public static class AutomationTables
{
    extension(TenantDbContext db)
    {
        public DbSet<AutomationRule> AutomationRules => db.Set<AutomationRule>();
        public DbSet<AutomationFiring> AutomationFirings => db.Set<AutomationFiring>();
    }
}
