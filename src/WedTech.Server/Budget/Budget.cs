using WedTech.Server.Events;
using WedTech.Server.Weddings;

namespace WedTech.Server.Budget;

/// <summary>A wedding's budget settings: the studio's fee model and whether the couple sees the budget. Made on first change.</summary>
[AuditChanges("budget")]
public sealed class WeddingBudget : IVersioned, ITimestamped
{
    public Guid WeddingId { get; init; }
    public FeeModel FeeModel { get; set; }

    [Money]
    public long FeeFixedPaise { get; set; }

    /// <summary>The percentage of spend or the markup, in basis points (1000 = 10%): money, so guarded as an amount.</summary>
    [Money]
    public int FeeBasisPoints { get; set; }

    public bool SharedWithCouple { get; set; }
    public long Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A planned amount of a budget category: fixed, or per guest of an event (its attending headcount × the amount).</summary>
[AuditChanges("budget-line")]
public sealed class BudgetLine : IVersioned, ITimestamped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WeddingId { get; init; }
    public required string Category { get; set; }
    public required string Description { get; set; }

    [Money]
    public long? AmountPaise { get; set; }

    public Guid? EventId { get; set; }

    [Money]
    public long? PerGuestPaise { get; set; }

    public bool SharedWithCouple { get; set; } = true;
    public string? Notes { get; set; }
    public long Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class BudgetModel : ITenantModel
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<WeddingBudget>(budget =>
        {
            budget.ToTable("wedding_budgets");
            budget.HasKey(b => b.WeddingId);
            budget.Property(b => b.FeeModel).HasConversion<string>().HasMaxLength(16);
            budget.Property(b => b.Version).IsConcurrencyToken();
            budget.HasOne<Wedding>().WithOne().HasForeignKey<WeddingBudget>(b => b.WeddingId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<BudgetLine>(line =>
        {
            line.ToTable("budget_lines");
            line.Property(l => l.Id).ValueGeneratedNever();
            line.Property(l => l.Category).HasMaxLength(VendorLimits.MaxCategory);
            line.Property(l => l.Description).HasMaxLength(200);
            line.Property(l => l.Notes).HasMaxLength(VendorLimits.MaxNotes);
            line.Property(l => l.Version).IsConcurrencyToken();
            line.HasIndex(l => l.WeddingId);
            line.HasOne<Wedding>().WithMany().HasForeignKey(l => l.WeddingId).OnDelete(DeleteBehavior.Cascade);
            // A per-guest line of a removed event keeps its amount per guest, with no headcount to multiply.
            line.HasOne<WeddingEvent>().WithMany().HasForeignKey(l => l.EventId).OnDelete(DeleteBehavior.SetNull);
        });
    }
}

public static class BudgetTables
{
    extension(TenantDbContext db)
    {
        public DbSet<WeddingBudget> WeddingBudgets => db.Set<WeddingBudget>();
        public DbSet<BudgetLine> BudgetLines => db.Set<BudgetLine>();
    }
}
