using WedTech.Server.Invoicing;
using WedTech.Server.Messaging.Outbox;
using WedTech.Server.Payments.Razorpay;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Tenancy;
using WedTech.Server.Tenancy.Settings;
using WedTech.Server.Weddings;

namespace WedTech.Server.Payments;

/// <summary>
/// Paying the studio online through its own Razorpay account. An instalment's unpaid part gets a Payment Link (reused while
/// it is open for the same amount); a payment on it is recorded once, with its receipt, whichever way it is reported first:
/// the signed webhook, the couple's browser coming back with a signed return, or the reconciliation that asks Razorpay
/// about every open link. Statuses only move forward, so reports that arrive late or twice change nothing.
/// </summary>
public sealed class OnlinePayments(
    TenantDbContext db, IBillingSettings billing, IRazorpayClient razorpay, IWeddingDirectory weddings, PaymentService payments, IStudioSettings studio,
    IDocumentNumbers numbers, TenantContext tenant, StudioAddresses addresses, UserNotices notices, AuditLog audit, TimeProvider time, ILogger<OnlinePayments> logger)
{
    /// <summary>How long a pay link stays open at Razorpay.</summary>
    public static readonly TimeSpan LinkLife = TimeSpan.FromDays(7);

    public async Task<PayLinkResponse> PayLinkAsync(Guid weddingId, Guid instalmentId, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var plan = await payments.PlanResponseAsync(weddingId, cancellationToken);
        var instalment = plan.Instalments.Select(i => i.Instalment).FirstOrDefault(i => i.Id == instalmentId) ?? throw ApiException.NotFound("Instalment");
        var unpaid = instalment.AmountPaise - instalment.PaidPaise;
        if (unpaid <= 0)
        {
            throw ApiException.Conflict($"The {instalment.Label} is paid in full: there is nothing to pay.");
        }
        if (unpaid < 100)
        {
            throw ApiException.Conflict($"Razorpay takes at least ₹1; {IndianFormat.Rupees(unpaid)} is left of the {instalment.Label}. Settle it another way.");
        }
        var account = await AccountAsync(cancellationToken);
        var now = time.GetUtcNow();
        var open = await db.PayLinks.AsNoTracking()
            .Where(l => l.WeddingId == weddingId && l.InstalmentId == instalmentId && l.Status == PayLinkStatus.Created && l.AmountPaise == unpaid && l.GatewayLinkId != null)
            .ToListAsync(cancellationToken);
        if (open.Where(l => l.ExpiresAt > now.AddHours(1)).OrderByDescending(l => l.ExpiresAt).FirstOrDefault() is { } reusable)
        {
            return new PayLinkResponse(reusable.Url!, reusable.AmountPaise, reusable.GatewayLinkId!);
        }
        var names = await weddings.NamesAsync(weddingId, cancellationToken) ?? throw ApiException.NotFound("Wedding");
        var link = new PayLink { WeddingId = weddingId, InstalmentId = instalmentId, AmountPaise = unpaid, CreatedAt = now, ExpiresAt = now.Add(LinkLife) };
        var created = await CallAsync(() => razorpay.CreateLinkAsync(account, new RazorpayLinkRequest(
            unpaid, link.Id.ToString("N"), $"{names.Title}: {instalment.Label}", $"{names.BrideName} & {names.GroomName}", null, null,
            $"{addresses.For(tenant.Current.Slug)}{AppLinks.Billing(weddingId)}", link.ExpiresAt,
            new Dictionary<string, string> { ["wedding"] = weddingId.ToString(), ["instalment"] = instalmentId.ToString() }), cancellationToken));
        link.GatewayLinkId = created.Id;
        link.Url = created.ShortUrl;
        db.PayLinks.Add(link);
        await db.SaveChangesAsync(cancellationToken);
        return new PayLinkResponse(created.ShortUrl, unpaid, created.Id);
    }

    /// <summary>
    /// The couple's browser back from Razorpay's page: its signature (over the link, reference, status and payment, with the
    /// studio's key secret) is checked, then Razorpay is asked for the link and what was paid on it is recorded.
    /// </summary>
    public async Task<ClientPaymentResponse> ReturnAsync(Guid weddingId, OnlinePaymentReturn back, Func<string, Task> reconcileAsSystem, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var keys = await billing.RazorpayAsync(cancellationToken) ?? throw NotSetUp();
        if (!RazorpaySignatures.IsValidLinkCallback(back.PaymentLinkId, back.ReferenceId, back.Status, back.PaymentId, back.Signature, keys.KeySecret))
        {
            throw ApiException.Forbidden("This payment confirmation is not Razorpay's: its signature does not match. If you paid, your receipt will appear here shortly.");
        }
        var link = await db.PayLinks.AsNoTracking().FirstOrDefaultAsync(l => l.GatewayLinkId == back.PaymentLinkId && l.WeddingId == weddingId, cancellationToken)
            ?? throw ApiException.NotFound("Payment link");
        // Recorded by the system, not by the couple: the amount is Razorpay's, and the money guard lets no client write one.
        await reconcileAsSystem(link.GatewayLinkId!);
        var payment = await db.ClientPayments.AsNoTracking().Include(p => p.Refunds).FirstOrDefaultAsync(p => p.GatewayPaymentId == back.PaymentId, cancellationToken)
            ?? throw ApiException.Conflict("Razorpay has not confirmed this payment yet. Your receipt will appear here as soon as it does.");
        return PaymentService.ToResponse(payment);
    }

    public async Task<RazorpayRefund> RefundAsync(string gatewayPaymentId, long amountPaise, Guid refundId, CancellationToken cancellationToken)
    {
        var account = await AccountAsync(cancellationToken);
        return await CallAsync(() => razorpay.RefundAsync(account, gatewayPaymentId, amountPaise, refundId.ToString("N"), cancellationToken));
    }

    /// <summary>Asks Razorpay about one link and records what was paid on it; the reconciliation and the couple's return use it.</summary>
    public async Task ReconcileAsync(string gatewayLinkId, CancellationToken cancellationToken)
    {
        var account = await AccountAsync(cancellationToken);
        var fetched = await razorpay.FetchLinkAsync(account, gatewayLinkId, cancellationToken);
        await ApplyLinkAsync(fetched, fetched.Payments.Where(p => p.Status == "captured").Select(p => (p.PaymentId, p.AmountPaise, p.Method, p.CreatedAt)), cancellationToken);
    }

    /// <summary>Records the link's captured payments (each once) and moves its status forward.</summary>
    public async Task ApplyLinkAsync(RazorpayLink gatewayLink, IEnumerable<(string PaymentId, long AmountPaise, string? Method, DateTimeOffset At)> captured, CancellationToken cancellationToken)
    {
        var link = await db.PayLinks.FirstOrDefaultAsync(l => l.GatewayLinkId == gatewayLink.Id, cancellationToken);
        if (link is null)
        {
            logger.LogWarning("Razorpay reported payment link {LinkId}, which is not this studio's: ignored", gatewayLink.Id);
            return;
        }
        foreach (var payment in captured)
        {
            await RecordAsync(link, payment.PaymentId, payment.AmountPaise, payment.Method, payment.At, cancellationToken);
        }
        var status = gatewayLink.Status switch
        {
            "paid" => PayLinkStatus.Paid,
            "expired" => PayLinkStatus.Expired,
            "cancelled" => PayLinkStatus.Cancelled,
            _ => PayLinkStatus.Created,
        };
        if (link.Status == PayLinkStatus.Created && status != PayLinkStatus.Created)
        {
            link.Status = status;
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Razorpay's word on a refund: processed ends its wait; failed gives the amount back to refund. Never backwards.</summary>
    public async Task ApplyRefundAsync(RazorpayRefund gatewayRefund, CancellationToken cancellationToken)
    {
        var payment = await db.ClientPayments.Include(p => p.Refunds).FirstOrDefaultAsync(p => p.GatewayPaymentId == gatewayRefund.PaymentId, cancellationToken);
        if (payment is null)
        {
            logger.LogWarning("Razorpay reported a refund of payment {PaymentId}, which is not recorded here: ignored", gatewayRefund.PaymentId);
            return;
        }
        var refund = payment.Refunds.Find(r => r.GatewayRefundId == gatewayRefund.Id);
        if (refund is null && gatewayRefund.Status == "processed" && gatewayRefund.AmountPaise <= payment.AmountPaise - payment.RefundedPaise)
        {
            // A refund made in Razorpay's dashboard (or one whose save here failed after Razorpay took it).
            db.ClientRefunds.Add(new ClientRefund
            {
                PaymentId = payment.Id, AmountPaise = gatewayRefund.AmountPaise, Reason = "Refunded in Razorpay", GatewayRefundId = gatewayRefund.Id, At = time.GetUtcNow(), By = "Razorpay",
            });
            payment.RefundedPaise += gatewayRefund.AmountPaise;
        }
        else if (refund is { Pending: true } && gatewayRefund.Status == "processed")
        {
            refund.Pending = false;
        }
        else if (refund is { Pending: true } && gatewayRefund.Status == "failed")
        {
            db.ClientRefunds.Remove(refund);
            payment.RefundedPaise -= refund.AmountPaise;
        }
        else
        {
            return;
        }
        payments.Publish(payment.WeddingId, payment.Version);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Records a captured payment once, with the next receipt number; a second report of it (or a race with one) finds the first.</summary>
    private async Task RecordAsync(PayLink link, string gatewayPaymentId, long amountPaise, string? method, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (await db.ClientPayments.AnyAsync(p => p.GatewayPaymentId == gatewayPaymentId, cancellationToken))
        {
            return;
        }
        var paidOn = VenueTime.DateIn(at, await studio.TimeZoneAsync(cancellationToken));
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var payment = new ClientPayment
            {
                WeddingId = link.WeddingId, ReceiptNumber = await numbers.NextAsync(PaymentService.ReceiptPrefix, paidOn, cancellationToken), PaidOn = paidOn,
                Mode = PaymentMode.Online, Method = method, Reference = gatewayPaymentId, AmountPaise = amountPaise, GatewayPaymentId = gatewayPaymentId, PayLinkId = link.Id,
                RecordedBy = "Razorpay",
            };
            db.ClientPayments.Add(payment);
            PaymentService.Recorded(audit, payment);
            payments.Publish(link.WeddingId, payment.Version);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            await ThankAsync(payment, cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (!await RecordedMeanwhileAsync(gatewayPaymentId))
            {
                throw;
            }
            logger.LogInformation("Payment {PaymentId} was recorded by another report at the same moment", gatewayPaymentId);
        }
    }

    private async Task<bool> RecordedMeanwhileAsync(string gatewayPaymentId)
    {
        db.ChangeTracker.Clear();
        return await db.ClientPayments.AnyAsync(p => p.GatewayPaymentId == gatewayPaymentId);
    }

    private async Task ThankAsync(ClientPayment payment, CancellationToken cancellationToken)
    {
        var couple = await weddings.ClientsAsync(payment.WeddingId, cancellationToken);
        var names = await weddings.NamesAsync(payment.WeddingId, cancellationToken);
        await notices.TellAsync(couple, "couple-payment-received", new Dictionary<string, string>
        {
            ["amount"] = IndianFormat.Rupees(payment.AmountPaise), ["weddingTitle"] = names?.Title ?? "your wedding", ["paidOn"] = IndianFormat.Date(payment.PaidOn),
            ["receiptNumber"] = payment.ReceiptNumber, ["studioName"] = (await billing.StudioAsync(cancellationToken)).LegalName,
        }, payment.WeddingId, AppLinks.Billing(payment.WeddingId), $"paid:{payment.Id:N}", cancellationToken);
    }

    private async Task<RazorpayAccount> AccountAsync(CancellationToken cancellationToken) =>
        await billing.RazorpayAsync(cancellationToken) is { } keys ? new RazorpayAccount(keys.KeyId, keys.KeySecret) : throw NotSetUp();

    private static ApiException NotSetUp() =>
        ApiException.Conflict("The studio does not take payments online yet (its Razorpay account is not set up). Pay by bank transfer or UPI, and the studio records it.");

    /// <summary>Razorpay's refusal or silence, told as a 502 the person can act on; nothing here is changed.</summary>
    private static async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RazorpayException failed)
        {
            throw new ApiException(StatusCodes.Status502BadGateway, "Razorpay did not answer as expected",
                failed.Status is >= 400 and < 500
                    ? $"Razorpay refused: {failed.Message} Check the studio's Razorpay keys in the billing settings."
                    : "Razorpay could not be reached. Nothing was changed; try again in a minute.");
        }
    }
}
