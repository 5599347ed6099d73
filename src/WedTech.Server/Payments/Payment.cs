using WedTech.Server.Platform.Money;
using WedTech.Server.Weddings;

namespace WedTech.Server.Payments;

/// <summary>The couple's payment plan for a wedding: what they pay the studio, and when. Made on its first save.</summary>
[AuditChanges("payment-plan")]
public sealed class PaymentPlan : IVersioned, ITimestamped
{
    public Guid WeddingId { get; init; }

    [Money, PartOfRecord]
    public List<ScheduleItem> Schedule { get; set; } = [];

    public long Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// Money received from the couple, with its receipt number: recorded by staff (cash, cheque, a transfer's reference), or by
/// Razorpay's webhook or the reconciliation for one paid online (<see cref="GatewayPaymentId"/>, unique: it is recorded once
/// however many times it is reported). <see cref="RefundedPaise"/> only grows.
/// </summary>
[AuditChanges("client-payment")]
public sealed class ClientPayment : IVersioned, ITimestamped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WeddingId { get; init; }
    public required string ReceiptNumber { get; init; }
    public DateOnly PaidOn { get; init; }
    public PaymentMode Mode { get; init; }
    public string? Method { get; init; }
    public string? Reference { get; init; }

    [Money]
    public long AmountPaise { get; init; }

    [Money]
    public long RefundedPaise { get; set; }

    public string? GatewayPaymentId { get; init; }
    public Guid? PayLinkId { get; init; }
    public string? Notes { get; init; }
    public required string RecordedBy { get; init; }
    public List<ClientRefund> Refunds { get; init; } = [];
    public long Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Money paid back to the couple from a payment; pending until Razorpay says it is processed (at once for money received otherwise).</summary>
public sealed class ClientRefund
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PaymentId { get; init; }

    [Money]
    public long AmountPaise { get; init; }

    public required string Reason { get; init; }
    public string? GatewayRefundId { get; set; }
    public bool Pending { get; set; }
    public DateTimeOffset At { get; init; }
    public string? By { get; init; }
}

/// <summary>Where a pay link stands, only ever forward: created, then paid, expired or cancelled.</summary>
public enum PayLinkStatus { Created, Paid, Expired, Cancelled }

/// <summary>
/// A Razorpay Payment Link for an instalment's unpaid part. Its id is the link's reference id at Razorpay, so a payment
/// reported for it is found again whichever way it arrives (webhook, the couple's return, the reconciliation).
/// </summary>
public sealed class PayLink
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WeddingId { get; init; }
    public Guid InstalmentId { get; init; }

    [ComputedMoney]
    public long AmountPaise { get; init; }
    public string? GatewayLinkId { get; set; }
    public string? Url { get; set; }
    public PayLinkStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
}

/// <summary>A webhook Razorpay delivered, kept by its event id: a replay is recognised and does nothing.</summary>
public sealed class GatewayEvent
{
    public required string EventId { get; init; }
    public required string Event { get; init; }
    public required string Body { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public DateTimeOffset? AppliedAt { get; set; }
}

public sealed class PaymentsModel : ITenantModel
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PaymentPlan>(plan =>
        {
            plan.ToTable("payment_plans");
            plan.HasKey(p => p.WeddingId);
            plan.Property(p => p.Schedule).HasJsonConversion();
            plan.Property(p => p.Version).IsConcurrencyToken();
            plan.HasOne<Wedding>().WithOne().HasForeignKey<PaymentPlan>(p => p.WeddingId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ClientPayment>(payment =>
        {
            payment.ToTable("client_payments");
            payment.Property(p => p.Id).ValueGeneratedNever();
            payment.Property(p => p.ReceiptNumber).HasMaxLength(16);
            payment.Property(p => p.Mode).HasConversion<string>().HasMaxLength(16);
            payment.Property(p => p.Method).HasMaxLength(20);
            payment.Property(p => p.Reference).HasMaxLength(60);
            payment.Property(p => p.GatewayPaymentId).HasMaxLength(40);
            payment.Property(p => p.Notes).HasMaxLength(500);
            payment.Property(p => p.RecordedBy).HasMaxLength(200);
            payment.Property(p => p.Version).IsConcurrencyToken();
            payment.HasIndex(p => p.WeddingId);
            payment.HasIndex(p => p.PaidOn);
            payment.HasIndex(p => p.ReceiptNumber).IsUnique();
            payment.HasIndex(p => p.GatewayPaymentId).IsUnique();
            payment.HasMany(p => p.Refunds).WithOne().HasForeignKey(r => r.PaymentId).OnDelete(DeleteBehavior.Cascade);
            // Receipts are the studio's accounts: they stay with a (hidden) deleted wedding.
            payment.HasOne<Wedding>().WithMany().HasForeignKey(p => p.WeddingId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<ClientRefund>(refund =>
        {
            refund.ToTable("client_refunds");
            refund.Property(r => r.Id).ValueGeneratedNever();
            refund.Property(r => r.Reason).HasMaxLength(300);
            refund.Property(r => r.GatewayRefundId).HasMaxLength(40);
            refund.Property(r => r.By).HasMaxLength(200);
            refund.HasIndex(r => r.GatewayRefundId).IsUnique();
        });
        modelBuilder.Entity<PayLink>(link =>
        {
            link.ToTable("pay_links");
            link.Property(l => l.Id).ValueGeneratedNever();
            link.Property(l => l.GatewayLinkId).HasMaxLength(40);
            link.Property(l => l.Url).HasMaxLength(300);
            link.Property(l => l.Status).HasConversion<string>().HasMaxLength(16);
            link.HasIndex(l => l.GatewayLinkId).IsUnique();
            link.HasIndex(l => new { l.Status, l.WeddingId });
            link.HasOne<Wedding>().WithMany().HasForeignKey(l => l.WeddingId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<GatewayEvent>(e =>
        {
            e.ToTable("gateway_events");
            e.HasKey(x => x.EventId);
            e.Property(x => x.EventId).HasMaxLength(40);
            e.Property(x => x.Event).HasMaxLength(60);
        });
    }
}

public static class PaymentsTables
{
    extension(TenantDbContext db)
    {
        public DbSet<PaymentPlan> PaymentPlans => db.Set<PaymentPlan>();
        public DbSet<ClientPayment> ClientPayments => db.Set<ClientPayment>();
        public DbSet<ClientRefund> ClientRefunds => db.Set<ClientRefund>();
        public DbSet<PayLink> PayLinks => db.Set<PayLink>();
        public DbSet<GatewayEvent> GatewayEvents => db.Set<GatewayEvent>();
    }
}
