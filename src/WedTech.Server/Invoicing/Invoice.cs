using WedTech.Server.Weddings;

namespace WedTech.Server.Invoicing;

/// <summary>
/// What the studio's documents say of the studio, and its Razorpay account (one row). <see cref="RazorpaySecrets"/> holds
/// the key secret and the webhook secret sealed with the studio's key (<see cref="BillingSettingsService"/>).
/// </summary>
[AuditChanges("billing-settings")]
public sealed class BillingSettings : IVersioned, ITimestamped
{
    public const int SingletonId = 1;

    public int Id { get; init; } = SingletonId;
    public string? LegalName { get; set; }
    public string? Address { get; set; }
    public string? City { get; set; }
    public string? StateCode { get; set; }
    public string? Pincode { get; set; }
    public string DefaultSac { get; set; } = InvoiceLimits.EventManagementSac;
    public string InvoicePrefix { get; set; } = "INV";
    public string EstimatePrefix { get; set; } = "EST";
    public string CreditNotePrefix { get; set; } = "CN";
    public Guid? LogoFileId { get; set; }
    public string? BankDetails { get; set; }
    public string? Terms { get; set; }
    public string? RazorpayKeyId { get; set; }
    public byte[]? RazorpaySecrets { get; set; }
    public bool RazorpayReady { get; set; }
    public long Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A line of a document as stored; its tax is worked out by <see cref="GstRules"/>.</summary>
public sealed record InvoiceItem(string Description, string Sac, int Quantity, long UnitPaise, int GstRateBasisPoints);

/// <summary>
/// An estimate, tax invoice or credit note to the couple. A draft changes freely (its amounts are a draft: see
/// <see cref="IDraft"/>); issuing gives it the next number of its series and freezes it; an issued one is only cancelled.
/// The totals are kept (worked out from the lines at each save) so that the books add them up in the database.
/// </summary>
[AuditChanges("invoice")]
public sealed class Invoice : IVersioned, ITimestamped, IDraft
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WeddingId { get; init; }
    public InvoiceKind Kind { get; init; }
    public InvoiceStatus Status { get; set; }
    public string? Number { get; set; }
    public DateOnly? IssuedOn { get; set; }
    public DateOnly? DueOn { get; set; }
    public required string RecipientName { get; set; }
    public string? RecipientAddress { get; set; }
    public string? RecipientCity { get; set; }
    public string? RecipientStateCode { get; set; }
    public string RecipientCountry { get; set; } = "IN";
    public string? RecipientGstin { get; set; }
    public Guid? EventId { get; set; }
    public string PlaceOfSupply { get; set; } = "";
    public TaxSplit Split { get; set; }
    public bool ReverseCharge { get; set; }

    [Money, PartOfRecord]
    public List<InvoiceItem> Lines { get; set; } = [];

    [Money, NotAudited]
    public long TaxablePaise { get; set; }

    [Money, NotAudited]
    public long CgstPaise { get; set; }

    [Money, NotAudited]
    public long SgstPaise { get; set; }

    [Money, NotAudited]
    public long IgstPaise { get; set; }

    [Money, NotAudited]
    public long RoundOffPaise { get; set; }

    [Money, NotAudited]
    public long TotalPaise { get; set; }

    public Guid? CreditNoteForId { get; set; }
    public Guid? InstalmentId { get; set; }
    public string? Notes { get; set; }
    public Guid? IssuedBy { get; set; }
    public string? CancelReason { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public Guid? CancelledBy { get; set; }
    public long Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsDraft => Status == InvoiceStatus.Draft;
}

/// <summary>The last number given in a series ("INV/26-27"): raised in the same transaction as the document it numbers.</summary>
public sealed class DocumentSerial
{
    public required string Series { get; init; }
    public int Last { get; set; }
}

public sealed class InvoicingModel : ITenantModel
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<BillingSettings>(settings =>
        {
            settings.ToTable("billing_settings");
            settings.Property(s => s.Id).ValueGeneratedNever();
            settings.Property(s => s.LegalName).HasMaxLength(150);
            settings.Property(s => s.Address).HasMaxLength(300);
            settings.Property(s => s.City).HasMaxLength(100);
            settings.Property(s => s.StateCode).HasMaxLength(2);
            settings.Property(s => s.Pincode).HasMaxLength(6);
            settings.Property(s => s.DefaultSac).HasMaxLength(8);
            settings.Property(s => s.InvoicePrefix).HasMaxLength(InvoiceLimits.MaxPrefix);
            settings.Property(s => s.EstimatePrefix).HasMaxLength(InvoiceLimits.MaxPrefix);
            settings.Property(s => s.CreditNotePrefix).HasMaxLength(InvoiceLimits.MaxPrefix);
            settings.Property(s => s.BankDetails).HasMaxLength(500);
            settings.Property(s => s.Terms).HasMaxLength(InvoiceLimits.MaxNotes);
            settings.Property(s => s.RazorpayKeyId).HasMaxLength(40);
            settings.Property(s => s.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<Invoice>(invoice =>
        {
            invoice.ToTable("invoices");
            invoice.Property(i => i.Id).ValueGeneratedNever();
            invoice.Property(i => i.Kind).HasConversion<string>().HasMaxLength(16);
            invoice.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
            invoice.Property(i => i.Split).HasConversion<string>().HasMaxLength(16);
            invoice.Property(i => i.Number).HasMaxLength(16);
            invoice.Property(i => i.RecipientName).HasMaxLength(150);
            invoice.Property(i => i.RecipientAddress).HasMaxLength(300);
            invoice.Property(i => i.RecipientCity).HasMaxLength(100);
            invoice.Property(i => i.RecipientStateCode).HasMaxLength(2);
            invoice.Property(i => i.RecipientCountry).HasMaxLength(2);
            invoice.Property(i => i.RecipientGstin).HasMaxLength(15);
            invoice.Property(i => i.PlaceOfSupply).HasMaxLength(2);
            invoice.Property(i => i.Lines).HasJsonConversion();
            invoice.Property(i => i.Notes).HasMaxLength(InvoiceLimits.MaxNotes);
            invoice.Property(i => i.CancelReason).HasMaxLength(300);
            invoice.Property(i => i.Version).IsConcurrencyToken();
            invoice.Ignore(i => i.IsDraft);
            invoice.HasIndex(i => i.WeddingId);
            invoice.HasIndex(i => i.Number).IsUnique();
            invoice.HasIndex(i => i.IssuedOn);
            invoice.HasOne<Wedding>().WithMany().HasForeignKey(i => i.WeddingId).OnDelete(DeleteBehavior.Restrict);
            invoice.HasOne<Invoice>().WithMany().HasForeignKey(i => i.CreditNoteForId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<DocumentSerial>(serial =>
        {
            serial.ToTable("document_serials");
            serial.HasKey(s => s.Series);
            serial.Property(s => s.Series).HasMaxLength(16);
        });
    }
}

/// <summary>The module's tables, read and written only by the module.</summary>
public static class InvoicingTables
{
    extension(TenantDbContext db)
    {
        public DbSet<BillingSettings> BillingSettings => db.Set<BillingSettings>();
        public DbSet<Invoice> Invoices => db.Set<Invoice>();
        public DbSet<DocumentSerial> DocumentSerials => db.Set<DocumentSerial>();
    }
}
