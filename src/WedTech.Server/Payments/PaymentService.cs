using WedTech.Server.Identity;
using WedTech.Server.Invoicing;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Platform.Money;
using WedTech.Server.Realtime;
using WedTech.Server.Tenancy.Settings;
using WedTech.Server.Weddings;

namespace WedTech.Server.Payments;

/// <summary>
/// The couple's payment plan and the money received from them: payments recorded by staff (never "online": Razorpay
/// records those), refunds, and what is due. Every payment gets the next receipt number in the same transaction as its save.
/// </summary>
public sealed class PaymentService(
    TenantDbContext db, IWeddingDirectory weddings, IStudioSettings studio, IBillingSettings billing, IDocumentNumbers numbers, CurrentUser currentUser,
    AuditLog audit, WeddingChanges changes, TimeProvider time)
{
    public const string ReceiptPrefix = "RCT";
    public const int MaxPaymentsPerWedding = 500;

    public async Task<PaymentPlanResponse> PlanAsync(Guid weddingId, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        return await PlanResponseAsync(weddingId, cancellationToken);
    }

    /// <summary>Replaces the plan's instalments; If-Match is the plan's version (0 before its first save).</summary>
    public async Task<PaymentPlanResponse> SavePlanAsync(Guid weddingId, PaymentPlanRequest request, long expectedVersion, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var plan = await db.PaymentPlans.FirstOrDefaultAsync(p => p.WeddingId == weddingId, cancellationToken);
        if (plan is null)
        {
            if (expectedVersion is not (0 or long.MinValue))
            {
                throw ApiException.Conflict("Someone changed the payment plan since you loaded it. Look at it again and retry.");
            }
            plan = new PaymentPlan { WeddingId = weddingId };
            db.PaymentPlans.Add(plan);
        }
        else
        {
            Concurrency.Expect(plan, expectedVersion, "payment plan");
        }
        var errors = new FieldErrors();
        foreach (var (instalment, index) in request.Instalments!.Select((s, i) => (s, i)).Where(x => x.s.DueOn is { Year: < 2000 or > 2100 }))
        {
            errors.Add($"instalments[{index}].dueOn", "The date must be between the years 2000 and 2100.");
        }
        var schedule = PaymentSchedules.Merge(plan.Schedule, request.Instalments!, errors, "instalments");
        if (!errors.Any && schedule.Aggregate(Int128.Zero, (sum, s) => sum + s.AmountPaise) > VendorLimits.MaxAmountPaise)
        {
            errors.Add("instalments", $"A plan comes to at most {IndianFormat.Rupees(VendorLimits.MaxAmountPaise)}.");
        }
        errors.ThrowIfAny();
        plan.Schedule = schedule;
        Publish(weddingId, plan.Version);
        await db.SaveChangesAsync(cancellationToken);
        return await PlanResponseAsync(weddingId, cancellationToken);
    }

    public async Task<ClientPaymentListResponse> ListAsync(Guid weddingId, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        return new ClientPaymentListResponse(await PaymentsOfAsync(weddingId, cancellationToken));
    }

    public async Task<ClientPaymentResponse> RecordAsync(Guid weddingId, ClientPaymentRequest request, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var today = await studio.TodayAsync(cancellationToken);
        var errors = new FieldErrors();
        if (request.Mode == PaymentMode.Online)
        {
            errors.Add("mode", "Payments made online through Razorpay are recorded by Razorpay itself. Choose how this one was paid: UPI, NEFT, cash, cheque…");
        }
        if (request.PaidOn > today)
        {
            errors.Add("paidOn", "A payment received is dated today or earlier.");
        }
        else if (request.PaidOn is { Year: < 2000 })
        {
            errors.Add("paidOn", "The date must be after the year 2000.");
        }
        errors.ThrowIfAny();
        if (await db.ClientPayments.CountAsync(p => p.WeddingId == weddingId, cancellationToken) >= MaxPaymentsPerWedding)
        {
            throw ApiException.Conflict($"A wedding has at most {MaxPaymentsPerWedding} payments.");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var payment = new ClientPayment
        {
            WeddingId = weddingId, ReceiptNumber = await numbers.NextAsync(ReceiptPrefix, request.PaidOn!.Value, cancellationToken), PaidOn = request.PaidOn.Value,
            Mode = request.Mode!.Value, Reference = request.Reference.TrimmedOrNull(), AmountPaise = request.AmountPaise!.Value, Notes = request.Notes.TrimmedOrNull(),
            RecordedBy = currentUser.Required.Name,
        };
        db.ClientPayments.Add(payment);
        Recorded(audit, payment);
        Publish(weddingId, payment.Version);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ToResponse(payment);
    }

    /// <summary>
    /// Pays back part or all of a payment. One made online is refunded through Razorpay and stays pending until Razorpay says
    /// it is processed; one received otherwise is recorded as paid back at once.
    /// </summary>
    public async Task<ClientPaymentResponse> RefundAsync(Guid weddingId, Guid paymentId, RefundRequest request, OnlinePayments online, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var payment = await db.ClientPayments.Include(p => p.Refunds).FirstOrDefaultAsync(p => p.Id == paymentId && p.WeddingId == weddingId, cancellationToken)
            ?? throw ApiException.NotFound("Payment");
        var left = payment.AmountPaise - payment.RefundedPaise;
        if (request.AmountPaise > left)
        {
            throw new ValidationFailedException("amountPaise", left == 0
                ? $"Receipt {payment.ReceiptNumber} is refunded in full already."
                : $"At most {IndianFormat.Rupees(left)} of receipt {payment.ReceiptNumber} is left to refund.");
        }
        var refund = new ClientRefund
        {
            PaymentId = payment.Id, AmountPaise = request.AmountPaise!.Value, Reason = request.Reason.Trim(), At = time.GetUtcNow(), By = currentUser.Required.Name,
        };
        if (payment.GatewayPaymentId is { } gatewayPayment)
        {
            var gatewayRefund = await online.RefundAsync(gatewayPayment, refund.AmountPaise, refund.Id, cancellationToken);
            refund.GatewayRefundId = gatewayRefund.Id;
            refund.Pending = gatewayRefund.Status != "processed";
        }
        db.ClientRefunds.Add(refund);
        payment.RefundedPaise += refund.AmountPaise;
        audit.Note(payment, $"refunded {IndianFormat.Rupees(refund.AmountPaise)}: {refund.Reason}");
        Publish(weddingId, payment.Version);
        await db.SaveChangesAsync(cancellationToken);
        payment.Refunds.Sort((a, b) => a.At.CompareTo(b.At));
        return ToResponse(payment);
    }

    /// <summary>The couple's billing: documents issued to them, their receipts, their plan and the next instalment due.</summary>
    public async Task<BillingOverviewResponse> OverviewAsync(Guid weddingId, InvoiceService invoices, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var plan = await PlanResponseAsync(weddingId, cancellationToken);
        return new BillingOverviewResponse(weddingId, await invoices.IssuedAsync(weddingId, cancellationToken), await PaymentsOfAsync(weddingId, cancellationToken), plan,
            plan.Instalments.FirstOrDefault(i => i.Instalment.State != InstalmentState.Paid), plan.Instalments.Any(i => i.PayOnline));
    }

    public async Task<ClientPayment> FindAsync(Guid weddingId, Guid paymentId, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        return await db.ClientPayments.AsNoTracking().Include(p => p.Refunds).FirstOrDefaultAsync(p => p.Id == paymentId && p.WeddingId == weddingId, cancellationToken)
            ?? throw ApiException.NotFound("Payment");
    }

    internal async Task<PaymentPlanResponse> PlanResponseAsync(Guid weddingId, CancellationToken cancellationToken)
    {
        var plan = await db.PaymentPlans.AsNoTracking().FirstOrDefaultAsync(p => p.WeddingId == weddingId, cancellationToken);
        var totals = await db.ClientPayments.Where(p => p.WeddingId == weddingId)
            .GroupBy(p => 1).Select(g => new { Received = g.Sum(p => p.AmountPaise), Refunded = g.Sum(p => p.RefundedPaise) }).FirstOrDefaultAsync(cancellationToken);
        var (received, refunded) = (totals?.Received ?? 0, totals?.Refunded ?? 0);
        var today = await studio.TodayAsync(cancellationToken);
        var online = await billing.TakesOnlinePaymentsAsync(cancellationToken);
        var instalments = PaymentSchedules.Apply(plan?.Schedule ?? [], received - refunded, today)
            .Select(i => new PlanInstalment(i, online && i.State != InstalmentState.Paid)).ToList();
        var total = PaymentSchedules.Total(plan?.Schedule ?? []);
        return new PaymentPlanResponse(weddingId, instalments, total, received, refunded, Math.Max(0, total - (received - refunded)), plan?.Version ?? 0);
    }

    /// <summary>A payment received is in the audit log: who recorded it (Razorpay for one made online), from where, and what.</summary>
    internal static void Recorded(AuditLog audit, ClientPayment payment) => audit.Record("client-payment.recorded", nameof(ClientPayment), payment.Id,
        $"receipt {payment.ReceiptNumber}: {IndianFormat.Rupees(payment.AmountPaise)} by {ApiConventions.EnumName(payment.Mode)}{(payment.Reference is { } r ? $" ({r})" : "")}, recorded by {payment.RecordedBy}");

    internal void Publish(Guid weddingId, long version) =>
        changes.AfterCommit(new WeddingChangedMessage(weddingId, WeddingChange.PaymentsChanged, version));

    private async Task<IReadOnlyList<ClientPaymentResponse>> PaymentsOfAsync(Guid weddingId, CancellationToken cancellationToken) =>
        [.. (await db.ClientPayments.AsNoTracking().Include(p => p.Refunds).Where(p => p.WeddingId == weddingId).ToListAsync(cancellationToken))
            .OrderByDescending(p => p.PaidOn).ThenByDescending(p => p.CreatedAt).Select(ToResponse)];

    internal static ClientPaymentResponse ToResponse(ClientPayment p) => new(
        p.Id, p.WeddingId, p.ReceiptNumber, p.PaidOn, p.Mode, p.Method, p.Reference, p.AmountPaise, p.RefundedPaise,
        p.RefundedPaise == 0 ? ClientPaymentState.Received : p.RefundedPaise >= p.AmountPaise ? ClientPaymentState.Refunded : ClientPaymentState.PartlyRefunded,
        p.GatewayPaymentId, p.Notes, p.RecordedBy, p.CreatedAt,
        [.. p.Refunds.OrderBy(r => r.At).Select(r => new RefundResponse(r.Id, r.AmountPaise, r.Reason, r.Pending, r.GatewayRefundId, r.At))], p.Version);
}

/// <summary>What each wedding's couple has paid, net of refunds, for what is still owed on their invoices.</summary>
internal sealed class WeddingReceipts(TenantDbContext db) : IWeddingReceipts
{
    public async Task<Dictionary<Guid, long>> NetReceivedAsync(IReadOnlyCollection<Guid> weddingIds, CancellationToken cancellationToken) =>
        await db.ClientPayments.Where(p => weddingIds.Contains(p.WeddingId)).GroupBy(p => p.WeddingId)
            .Select(g => new { g.Key, Net = g.Sum(p => p.AmountPaise - p.RefundedPaise) }).ToDictionaryAsync(x => x.Key, x => x.Net, cancellationToken);
}
