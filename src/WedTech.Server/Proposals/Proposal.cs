using WedTech.Server.Leads;

namespace WedTech.Server.Proposals;

/// <summary>A line of a package or proposal as stored (see <see cref="ProposalLine"/>).</summary>
public sealed record ProposalItem(
    Guid Id, string Service, string? Description, string Sac, int Quantity, long UnitPaise, int GstRateBasisPoints, bool Optional, bool IncludedByDefault);

/// <summary>A service template of the studio's catalogue: lines a proposal copies.</summary>
[AuditChanges("service-package")]
public sealed class ServicePackage : IVersioned, ITimestamped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public string? Description { get; set; }

    [Money, PartOfRecord]
    public List<ProposalItem> Lines { get; set; } = [];

    public long Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// A proposal to a lead: the working copy the planner edits (always a draft until the couple accepts a version: its amounts
/// are a draft, see <see cref="IDraft"/>), and its sent versions (<see cref="ProposalVersion"/>, frozen). The couple's link is
/// kept as the SHA-256 of its token only (<see cref="ProposalLinks"/>); it shows the latest sent version.
/// </summary>
[AuditChanges("proposal")]
public sealed class Proposal : IVersioned, ITimestamped, IDraft
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid LeadId { get; init; }
    /// <summary>The wedding the lead became, once won.</summary>
    public Guid? WeddingId { get; set; }
    public required string Title { get; set; }
    public string? Intro { get; set; }

    [Money, PartOfRecord]
    public List<ProposalItem> Lines { get; set; } = [];

    public DiscountKind? DiscountKind { get; set; }

    /// <summary>Paise for an amount, basis points for a percentage.</summary>
    [Money]
    public long DiscountValue { get; set; }

    public DateOnly? ValidUntil { get; set; }

    [PartOfRecord]
    public List<ProposalInstalment> Plan { get; set; } = [];

    public ProposalStatus Status { get; set; }

    /// <summary>The number of the latest sent version (0 before the first).</summary>
    public int SentVersions { get; set; }

    /// <summary>The couple's message when they last asked for changes.</summary>
    public string? ChangesAsked { get; set; }

    [NotAudited]
    public string? LinkTokenHash { get; set; }

    [NotAudited]
    public DateTimeOffset? LinkIssuedAt { get; set; }

    public long Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsDraft => Status != ProposalStatus.Accepted;
}

/// <summary>
/// A sent version of a proposal, frozen as it was sent: never changed after, but for its views and the couple's acceptance.
/// </summary>
public sealed class ProposalVersion
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ProposalId { get; init; }
    public int Number { get; init; }
    public required string Title { get; init; }
    public string? Intro { get; init; }

    [Money]
    public List<ProposalItem> Lines { get; init; } = [];

    public DiscountKind? DiscountKind { get; init; }

    [Money]
    public long DiscountValue { get; init; }

    public DateOnly? ValidUntil { get; init; }
    public List<ProposalInstalment> Plan { get; init; } = [];
    public DateTimeOffset SentAt { get; init; }
    public Guid? SentBy { get; init; }

    public int Views { get; set; }
    public DateTimeOffset? FirstViewedAt { get; set; }
    public DateTimeOffset? LastViewedAt { get; set; }

    public string? AcceptedName { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public string? AcceptedIp { get; set; }
    public string? AcceptedUserAgent { get; set; }
    /// <summary>The optional lines the couple took.</summary>
    public List<Guid> AcceptedOptions { get; set; } = [];
}

public sealed class ProposalModel : ITenantModel
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ServicePackage>(package =>
        {
            package.ToTable("service_packages");
            package.Property(p => p.Id).ValueGeneratedNever();
            package.Property(p => p.Name).HasMaxLength(ProposalLimits.MaxTitle);
            package.Property(p => p.Description).HasMaxLength(ProposalLimits.MaxIntro);
            package.Property(p => p.Lines).HasJsonConversion();
            package.Property(p => p.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<Proposal>(proposal =>
        {
            proposal.ToTable("proposals");
            proposal.Property(p => p.Id).ValueGeneratedNever();
            proposal.Property(p => p.Title).HasMaxLength(ProposalLimits.MaxTitle);
            proposal.Property(p => p.Intro).HasMaxLength(ProposalLimits.MaxIntro);
            proposal.Property(p => p.Lines).HasJsonConversion();
            proposal.Property(p => p.Plan).HasJsonConversion();
            proposal.Property(p => p.DiscountKind).HasConversion<string>().HasMaxLength(16);
            proposal.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
            proposal.Property(p => p.ChangesAsked).HasMaxLength(ProposalLimits.MaxMessage);
            proposal.Property(p => p.LinkTokenHash).HasMaxLength(64);
            proposal.Property(p => p.Version).IsConcurrencyToken();
            proposal.Ignore(p => p.IsDraft);
            proposal.HasIndex(p => p.LeadId);
            proposal.HasIndex(p => p.WeddingId);
            proposal.HasIndex(p => p.LinkTokenHash).IsUnique();
            proposal.HasOne<Lead>().WithMany().HasForeignKey(p => p.LeadId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ProposalVersion>(version =>
        {
            version.ToTable("proposal_versions");
            version.Property(v => v.Id).ValueGeneratedNever();
            version.Property(v => v.Title).HasMaxLength(ProposalLimits.MaxTitle);
            version.Property(v => v.Intro).HasMaxLength(ProposalLimits.MaxIntro);
            version.Property(v => v.Lines).HasJsonConversion();
            version.Property(v => v.Plan).HasJsonConversion();
            version.Property(v => v.DiscountKind).HasConversion<string>().HasMaxLength(16);
            version.Property(v => v.AcceptedName).HasMaxLength(ProposalLimits.MaxName);
            version.Property(v => v.AcceptedIp).HasMaxLength(45);
            version.Property(v => v.AcceptedUserAgent).HasMaxLength(300);
            version.Property(v => v.AcceptedOptions).HasJsonConversion();
            version.HasIndex(v => new { v.ProposalId, v.Number }).IsUnique();
            version.HasOne<Proposal>().WithMany().HasForeignKey(v => v.ProposalId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

/// <summary>The module's tables, read and written only by the module.</summary>
public static class ProposalTables
{
    extension(TenantDbContext db)
    {
        public DbSet<ServicePackage> ServicePackages => db.Set<ServicePackage>();
        public DbSet<Proposal> Proposals => db.Set<Proposal>();
        public DbSet<ProposalVersion> ProposalVersions => db.Set<ProposalVersion>();
    }
}
