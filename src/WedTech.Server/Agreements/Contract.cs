using WedTech.Server.Platform.Money;

namespace WedTech.Server.Agreements;

/// <summary>A contract template of the studio: a title and a body in the contract markup, with merge fields (<see cref="ContractMarkup"/>).</summary>
[AuditChanges("contract-template")]
public sealed class ContractTemplate : IVersioned, ITimestamped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Title { get; set; }
    public required string Body { get; set; }
    /// <summary>The template a new studio starts with (it may reword it like any other).</summary>
    public bool BuiltIn { get; init; }

    public long Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// A contract for a lead (and, once the lead is won, its wedding): the terms the planner prepares. Sending it freezes them
/// into a <see cref="ContractVersion"/>; a change after that makes the contract a draft again, and the next send a new version.
/// </summary>
[AuditChanges("contract")]
public sealed class Contract : IVersioned, ITimestamped, IDraft
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid LeadId { get; init; }
    /// <summary>The wedding the lead became: the couple (contract:own) see the signed versions there.</summary>
    public Guid? WeddingId { get; set; }
    public Guid? TemplateId { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }

    [Money]
    public long FeePaise { get; set; }

    [Money]
    public List<ScheduleItem> PaymentPlan { get; set; } = [];

    public string? CancellationTerms { get; set; }
    public string? Venues { get; set; }

    public ContractStatus Status { get; set; }

    /// <summary>The number of the last version sent; 0 before the first.</summary>
    public int LastVersionNumber { get; set; }

    public bool IsDraft => Status == ContractStatus.Draft;

    public long Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// A sent version of a contract: never changed once sent but for its signing state. The couple's link is an HMAC token of
/// which only the hash is kept; the one-time code likewise.
/// </summary>
public sealed class ContractVersion
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ContractId { get; init; }
    public Guid LeadId { get; init; }
    public int Number { get; init; }
    public required string Title { get; init; }
    /// <summary>The contract's text with every merge field filled, in the contract markup (the plan as "|" table rows).</summary>
    public required string Text { get; init; }
    public Guid DocumentFileId { get; init; }
    public required string DocumentSha256 { get; init; }
    public DateTimeOffset SentAt { get; init; }
    public Guid? SentBy { get; init; }
    public ContractVersionState State { get; set; }

    public string? TokenHash { get; set; }
    public DateTimeOffset? LinkIssuedAt { get; set; }
    /// <summary>When the couple first opened the link.</summary>
    public DateTimeOffset? ViewedAt { get; set; }

    /// <summary>The one-time code: only its HMAC, where it went (masked), until when it works, and the wrong tries so far.</summary>
    public string? CodeHash { get; set; }
    public MessageChannel? CodeChannel { get; set; }
    public string? CodeDestination { get; set; }
    public DateTimeOffset? CodeSentAt { get; set; }
    public DateTimeOffset? CodeExpiresAt { get; set; }
    public int CodeWrongTries { get; set; }
    /// <summary>Codes asked for since <see cref="CodesWindowStart"/> (at most a few an hour).</summary>
    public int CodesAsked { get; set; }
    public DateTimeOffset? CodesWindowStart { get; set; }

    public Guid? FinalFileId { get; set; }
    public string? FinalSha256 { get; set; }
    public DateTimeOffset? SignedAt { get; set; }
}

/// <summary>A signature on a version, with its evidence. The drawn signature is kept as the PNG the signer drew.</summary>
public sealed class ContractSignature
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid VersionId { get; init; }
    public SignatureParty Party { get; init; }
    public required string Name { get; init; }
    public required byte[] Png { get; init; }
    public Guid? UserId { get; init; }
    public DateTimeOffset? ViewedAt { get; init; }
    public DateTimeOffset? CodeSentAt { get; init; }
    public DateTimeOffset? CodeVerifiedAt { get; init; }
    public DateTimeOffset SignedAt { get; init; }
    public string? Ip { get; init; }
    public string? UserAgent { get; init; }
    public string? OtpChannel { get; init; }
    public string? MaskedDestination { get; init; }
    public required string DocumentSha256 { get; init; }
}

/// <summary>A line of a version's audit trail: what happened, when, from where, and the document's hash at that moment.</summary>
public sealed class ContractEvent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid VersionId { get; init; }
    public DateTimeOffset At { get; init; }
    public required string What { get; init; }
    public string? Ip { get; init; }
    public string? UserAgent { get; init; }
    public string? Channel { get; init; }
    public string? Sha256 { get; init; }
}

public sealed class ContractModel : ITenantModel
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ContractTemplate>(template =>
        {
            template.ToTable("contract_templates");
            template.Property(t => t.Id).ValueGeneratedNever();
            template.Property(t => t.Title).HasMaxLength(ContractLimits.MaxTitle);
            template.Property(t => t.Body).HasMaxLength(ContractLimits.MaxBody);
            template.Property(t => t.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<Contract>(contract =>
        {
            contract.ToTable("contracts");
            contract.Property(c => c.Id).ValueGeneratedNever();
            contract.Property(c => c.Title).HasMaxLength(ContractLimits.MaxTitle);
            contract.Property(c => c.Body).HasMaxLength(ContractLimits.MaxBody);
            contract.Property(c => c.PaymentPlan).HasJsonConversion();
            contract.Property(c => c.CancellationTerms).HasMaxLength(ContractLimits.MaxTerms);
            contract.Property(c => c.Venues).HasMaxLength(ContractLimits.MaxVenues);
            contract.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
            contract.Property(c => c.Version).IsConcurrencyToken();
            contract.Ignore(c => c.IsDraft);
            contract.HasIndex(c => c.LeadId);
            contract.HasIndex(c => c.WeddingId);
        });
        modelBuilder.Entity<ContractVersion>(version =>
        {
            version.ToTable("contract_versions");
            version.Property(v => v.Id).ValueGeneratedNever();
            version.Property(v => v.Title).HasMaxLength(ContractLimits.MaxTitle);
            version.Property(v => v.Text).HasMaxLength(ContractLimits.MaxBody * 2);
            version.Property(v => v.DocumentSha256).HasMaxLength(64);
            version.Property(v => v.State).HasConversion<string>().HasMaxLength(20);
            version.Property(v => v.TokenHash).HasMaxLength(64);
            version.Property(v => v.CodeHash).HasMaxLength(64);
            version.Property(v => v.CodeChannel).HasConversion<string>().HasMaxLength(16);
            version.Property(v => v.CodeDestination).HasMaxLength(80);
            version.Property(v => v.FinalSha256).HasMaxLength(64);
            version.HasOne<Contract>().WithMany().HasForeignKey(v => v.ContractId).OnDelete(DeleteBehavior.Cascade);
            version.HasIndex(v => new { v.ContractId, v.Number }).IsUnique();
            version.HasIndex(v => v.TokenHash).IsUnique();
        });
        modelBuilder.Entity<ContractSignature>(signature =>
        {
            signature.ToTable("contract_signatures");
            signature.Property(s => s.Id).ValueGeneratedNever();
            signature.Property(s => s.Party).HasConversion<string>().HasMaxLength(10);
            signature.Property(s => s.Name).HasMaxLength(ContractLimits.MaxName);
            signature.Property(s => s.Ip).HasMaxLength(64);
            signature.Property(s => s.UserAgent).HasMaxLength(400);
            signature.Property(s => s.OtpChannel).HasMaxLength(40);
            signature.Property(s => s.MaskedDestination).HasMaxLength(80);
            signature.Property(s => s.DocumentSha256).HasMaxLength(64);
            signature.HasOne<ContractVersion>().WithMany().HasForeignKey(s => s.VersionId).OnDelete(DeleteBehavior.Cascade);
            signature.HasIndex(s => new { s.VersionId, s.Party }).IsUnique();
        });
        modelBuilder.Entity<ContractEvent>(line =>
        {
            line.ToTable("contract_events");
            line.Property(e => e.Id).ValueGeneratedNever();
            line.Property(e => e.What).HasMaxLength(300);
            line.Property(e => e.Ip).HasMaxLength(64);
            line.Property(e => e.UserAgent).HasMaxLength(400);
            line.Property(e => e.Channel).HasMaxLength(80);
            line.Property(e => e.Sha256).HasMaxLength(64);
            line.HasOne<ContractVersion>().WithMany().HasForeignKey(e => e.VersionId).OnDelete(DeleteBehavior.Cascade);
            line.HasIndex(e => new { e.VersionId, e.At });
        });
    }
}

/// <summary>The module's tables, read and written only by the module.</summary>
public static class ContractTables
{
    extension(TenantDbContext db)
    {
        public DbSet<ContractTemplate> ContractTemplates => db.Set<ContractTemplate>();
        public DbSet<Contract> Contracts => db.Set<Contract>();
        public DbSet<ContractVersion> ContractVersions => db.Set<ContractVersion>();
        public DbSet<ContractSignature> ContractSignatures => db.Set<ContractSignature>();
        public DbSet<ContractEvent> ContractEvents => db.Set<ContractEvent>();
    }
}
