using WedTech.Server.Events;
using WedTech.Server.Platform.Money;
using WedTech.Server.Weddings;

namespace WedTech.Server.Vendors;

/// <summary>
/// A vendor of the studio's vendor book, shared by all its weddings. <see cref="Bank"/> holds the bank account and UPI id
/// sealed with the studio's key (<see cref="BankDetails"/>); the masked parts beside it are what every answer shows.
/// </summary>
[AuditChanges("vendor")]
public sealed class Vendor : IVersioned, ITimestamped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public List<string> Categories { get; set; } = [];
    public List<VendorContact> Contacts { get; set; } = [];
    public string? Gstin { get; set; }
    public string? Pan { get; set; }
    public string? Address { get; set; }
    public string? City { get; set; }
    public string? StateCode { get; set; }

    /// <summary>The account number and UPI id, sealed (AES-GCM) with the studio's bank-details key; the vendor's id is the associated data.</summary>
    public byte[]? Bank { get; set; }

    public string? BankAccountName { get; set; }
    public string? BankIfsc { get; set; }

    /// <summary>"••••5678" and "sh•••@okhdfcbank": what is shown.</summary>
    public string? BankAccountMasked { get; set; }

    public string? BankUpiMasked { get; set; }
    public DateTimeOffset? BankChangedAt { get; set; }
    public int? Rating { get; set; }
    public string? Notes { get; set; }

    /// <summary>Lower-case name, categories, city, GSTIN and phone digits: what the vendor book's search looks in.</summary>
    [NotAudited]
    public string SearchText { get; set; } = "";

    public long Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A line of a quote as stored: priced when read, a per-guest line by the event's attending headcount then.</summary>
public sealed record QuoteItem(string Description, int Quantity, long UnitPaise, bool PerGuest, int GstRateBasisPoints);

/// <summary>
/// A vendor booked for a wedding and perhaps one of its events. Its quote and schedule are money: writing them is guarded
/// like every amount. <see cref="PaidTotal"/> (paise) is the sum of its payments (and TDS), kept with the booking so that two
/// payments recorded at once cannot both pass the overpayment check (the second meets a new version).
/// </summary>
[AuditChanges("booking")]
public sealed class VendorBooking : IVersioned, ITimestamped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WeddingId { get; init; }
    public Guid? EventId { get; set; }
    public Guid VendorId { get; set; }
    public required string Service { get; set; }
    public required string Category { get; set; }
    public BookingStatus Status { get; set; }

    [Money]
    public List<QuoteItem> Lines { get; set; } = [];

    [Money]
    public List<ScheduleItem> Schedule { get; set; } = [];

    /// <summary>When the vendor arrives, on the event's wall clock; the run-of-show item that says so is <see cref="ArrivalItemId"/>.</summary>
    public DateTime? ArrivalTime { get; set; }

    [NotAudited]
    public Guid? ArrivalItemId { get; set; }

    public string? DayContactName { get; set; }

    /// <summary>E.164.</summary>
    public string? DayContactPhone { get; set; }

    public string? Notes { get; set; }

    [NotAudited]
    public long PaidTotal { get; set; }

    /// <summary>The SHA-256 of the vendor's day link token; null when none was sent or it was revoked.</summary>
    [NotAudited]
    public string? DayLinkHash { get; set; }

    [NotAudited]
    public DateTimeOffset? DayLinkSentAt { get; set; }

    [NotAudited]
    public MessageChannel? DayLinkSentBy { get; set; }

    public ArrivalAnswer ArrivalAnswer { get; set; }
    public DateTime? ProposedTime { get; set; }
    public string? AnswerNote { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }

    public long Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A payment to a vendor against a booking: paid, and TDS withheld; both settle the vendor's bill.</summary>
[AuditChanges("vendor-payment")]
public sealed class VendorPayment : IVersioned, ITimestamped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WeddingId { get; init; }
    public Guid BookingId { get; init; }
    public DateOnly PaidOn { get; set; }
    public PaymentMode Mode { get; set; }
    public string? Reference { get; set; }

    [Money]
    public long AmountPaise { get; set; }

    [Money]
    public long TdsPaise { get; set; }

    public string? Notes { get; set; }
    public Guid? RecordedById { get; init; }
    public required string RecordedBy { get; init; }
    public long Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class VendorModel : ITenantModel
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Vendor>(vendor =>
        {
            vendor.ToTable("vendors");
            vendor.Property(v => v.Id).ValueGeneratedNever();
            vendor.Property(v => v.Name).HasMaxLength(VendorLimits.MaxName);
            vendor.Property(v => v.Categories).HasJsonConversion();
            vendor.Property(v => v.Contacts).HasJsonConversion();
            vendor.Property(v => v.Gstin).HasMaxLength(15);
            vendor.Property(v => v.Pan).HasMaxLength(10);
            vendor.Property(v => v.Address).HasMaxLength(VendorLimits.MaxAddress);
            vendor.Property(v => v.City).HasMaxLength(80);
            vendor.Property(v => v.StateCode).HasMaxLength(2);
            vendor.Property(v => v.BankAccountName).HasMaxLength(100);
            vendor.Property(v => v.BankIfsc).HasMaxLength(11);
            vendor.Property(v => v.BankAccountMasked).HasMaxLength(30);
            vendor.Property(v => v.BankUpiMasked).HasMaxLength(110);
            vendor.Property(v => v.Notes).HasMaxLength(VendorLimits.MaxNotes);
            vendor.Property(v => v.SearchText).HasMaxLength(1000);
            vendor.Property(v => v.Version).IsConcurrencyToken();
            vendor.HasIndex(v => v.Name);
        });
        modelBuilder.Entity<VendorBooking>(booking =>
        {
            booking.ToTable("vendor_bookings");
            booking.Property(b => b.Id).ValueGeneratedNever();
            booking.Property(b => b.Service).HasMaxLength(120);
            booking.Property(b => b.Category).HasMaxLength(VendorLimits.MaxCategory);
            booking.Property(b => b.Status).HasConversion<string>().HasMaxLength(10);
            booking.Property(b => b.Lines).HasJsonConversion();
            booking.Property(b => b.Schedule).HasJsonConversion();
            booking.Property(b => b.DayContactName).HasMaxLength(100);
            booking.Property(b => b.DayContactPhone).HasMaxLength(20);
            booking.Property(b => b.Notes).HasMaxLength(VendorLimits.MaxNotes);
            booking.Property(b => b.DayLinkHash).HasMaxLength(64);
            booking.Property(b => b.DayLinkSentBy).HasConversion<string>().HasMaxLength(10);
            booking.Property(b => b.ArrivalAnswer).HasConversion<string>().HasMaxLength(10);
            booking.Property(b => b.AnswerNote).HasMaxLength(500);
            booking.Property(b => b.Version).IsConcurrencyToken();
            booking.HasIndex(b => b.WeddingId);
            booking.HasIndex(b => b.EventId);
            booking.HasIndex(b => b.VendorId);
            booking.HasIndex(b => b.DayLinkHash).IsUnique();
            booking.HasOne<Wedding>().WithMany().HasForeignKey(b => b.WeddingId).OnDelete(DeleteBehavior.Cascade);
            // A booking outlives its event (the vendor was still booked and paid); it is then for the wedding as a whole.
            booking.HasOne<WeddingEvent>().WithMany().HasForeignKey(b => b.EventId).OnDelete(DeleteBehavior.SetNull);
            booking.HasOne<Vendor>().WithMany().HasForeignKey(b => b.VendorId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<VendorPayment>(payment =>
        {
            payment.ToTable("vendor_payments");
            payment.Property(p => p.Id).ValueGeneratedNever();
            payment.Property(p => p.Mode).HasConversion<string>().HasMaxLength(10);
            payment.Property(p => p.Reference).HasMaxLength(60);
            payment.Property(p => p.Notes).HasMaxLength(500);
            payment.Property(p => p.RecordedBy).HasMaxLength(120);
            payment.Property(p => p.Version).IsConcurrencyToken();
            payment.HasIndex(p => p.BookingId);
            payment.HasIndex(p => p.WeddingId);
            payment.HasOne<VendorBooking>().WithMany().HasForeignKey(p => p.BookingId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

public static class VendorTables
{
    extension(TenantDbContext db)
    {
        public DbSet<Vendor> Vendors => db.Set<Vendor>();
        public DbSet<VendorBooking> VendorBookings => db.Set<VendorBooking>();
        public DbSet<VendorPayment> VendorPayments => db.Set<VendorPayment>();
    }
}
