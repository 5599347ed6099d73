using WedTech.Server.Invoicing;
using WedTech.Server.Messaging.Webhooks;
using WedTech.Server.Payments.Razorpay;
using WedTech.Server.Platform.Jobs;

namespace WedTech.Server.Payments;

/// <summary>What became of a webhook: taken (its work queued), or a replay of one taken before.</summary>
public sealed record WebhookTaken(string EventId, bool Replay);

/// <summary>
/// Razorpay's webhooks for the studio. Each is believed only after its signature (X-Razorpay-Signature, HMAC-SHA256 of the
/// exact bytes with the studio's webhook secret) checks out, kept once by its event id (X-Razorpay-Event-Id), and answered at
/// once: the work is done by <see cref="RazorpayEventJob"/>. A webhook about a link or payment that is not this studio's is
/// refused and kept nowhere.
/// </summary>
public sealed class RazorpayWebhookIntake(TenantDbContext db, IBillingSettings billing, TenantJobs jobs, TimeProvider time)
{
    public const string SignatureHeader = "X-Razorpay-Signature";
    public const string EventIdHeader = "X-Razorpay-Event-Id";

    public async Task<WebhookTaken> TakeAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var keys = await billing.RazorpayAsync(cancellationToken)
            ?? throw new ApiException(StatusCodes.Status404NotFound, "Webhook not configured", "This studio has not set up Razorpay; it accepts no webhooks it cannot verify.");
        WebhookRequests.RequireMediaType(request, "application/json");
        var body = await WebhookRequests.ReadBodyAsync(request, cancellationToken);
        WebhookRequests.RequireSignature(request, SignatureHeader, signature => RazorpaySignatures.IsValidWebhook(body, signature, keys.WebhookSecret));
        var eventId = request.Headers[EventIdHeader].ToString();
        if (eventId.Length is 0 or > 40)
        {
            throw new ValidationFailedException(EventIdHeader, "A Razorpay webhook carries its event id.");
        }
        RazorpayWebhookEvent parsed;
        try
        {
            parsed = RazorpayWebhookEvent.Parse(body);
        }
        catch (FormatException wrong)
        {
            throw new ValidationFailedException("", $"This is not a Razorpay webhook: {wrong.Message}");
        }
        if (!await IsOursAsync(parsed, cancellationToken))
        {
            throw ApiException.NotFound("Payment of this studio");
        }
        if (await db.GatewayEvents.AnyAsync(e => e.EventId == eventId, cancellationToken))
        {
            return new WebhookTaken(eventId, Replay: true);
        }
        db.GatewayEvents.Add(new GatewayEvent { EventId = eventId, Event = parsed.Event, Body = System.Text.Encoding.UTF8.GetString(body), ReceivedAt = time.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same event delivered twice at the same moment: the first one is kept.
            return new WebhookTaken(eventId, Replay: true);
        }
        jobs.Enqueue<RazorpayEventJob, string>(eventId);
        return new WebhookTaken(eventId, Replay: false);
    }

    /// <summary>Whether the webhook is about a pay link, or a payment, of this studio's.</summary>
    private async Task<bool> IsOursAsync(RazorpayWebhookEvent parsed, CancellationToken cancellationToken)
    {
        if (parsed.Link is { } link)
        {
            return await db.PayLinks.AnyAsync(l => l.GatewayLinkId == link.Id, cancellationToken);
        }
        var paymentId = parsed.Refund?.PaymentId ?? parsed.Payment?.Id;
        return paymentId is not null && await db.ClientPayments.AnyAsync(p => p.GatewayPaymentId == paymentId, cancellationToken);
    }
}

/// <summary>Applies a webhook taken by <see cref="RazorpayWebhookIntake"/>, once: a second run finds it applied.</summary>
public sealed class RazorpayEventJob(TenantDbContext db, OnlinePayments online, TimeProvider time) : ITenantJob<string>
{
    public async Task RunAsync(string eventId, CancellationToken cancellationToken)
    {
        var received = await db.GatewayEvents.FirstOrDefaultAsync(e => e.EventId == eventId, cancellationToken);
        if (received is null || received.AppliedAt is not null)
        {
            return;
        }
        var parsed = RazorpayWebhookEvent.Parse(System.Text.Encoding.UTF8.GetBytes(received.Body));
        if (parsed.Link is { } link)
        {
            var captured = parsed.Payment is { Status: "captured" } payment ? new[] { (payment.Id, payment.AmountPaise, payment.Method, payment.CreatedAt) } : [];
            await online.ApplyLinkAsync(link, captured, cancellationToken);
        }
        else if (parsed.Refund is { } refund)
        {
            await online.ApplyRefundAsync(refund, cancellationToken);
        }
        received.AppliedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>
/// So that a lost webhook loses nothing: once a day, every pay link still open here is asked about at Razorpay, and what was
/// paid on it is recorded (once). The couple's return from Razorpay's page does the same for its own link at once.
/// </summary>
internal sealed class RazorpayReconciliation(TenantDbContext db, IBillingSettings billing, OnlinePayments online, TimeProvider time, ILogger<RazorpayReconciliation> logger)
    : IDailyDuty
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (await billing.RazorpayAsync(cancellationToken) is null)
        {
            return;
        }
        var since = time.GetUtcNow().Subtract(OnlinePayments.LinkLife).AddDays(-1);
        var open = await db.PayLinks.AsNoTracking().Where(l => l.Status == PayLinkStatus.Created && l.GatewayLinkId != null && l.CreatedAt > since)
            .Select(l => l.GatewayLinkId!).ToListAsync(cancellationToken);
        foreach (var linkId in open)
        {
            try
            {
                await online.ReconcileAsync(linkId, cancellationToken);
            }
            catch (RazorpayException failed)
            {
                logger.LogWarning("Razorpay could not tell about payment link {LinkId} ({Status}); it is asked again next time", linkId, failed.Status);
            }
        }
    }
}

/// <summary>Asks Razorpay about one pay link and records what was paid on it, as the system (the amount is Razorpay's).</summary>
public sealed class ReconcileLinkJob(OnlinePayments online) : ITenantJob<string>
{
    public Task RunAsync(string gatewayLinkId, CancellationToken cancellationToken) => online.ReconcileAsync(gatewayLinkId, cancellationToken);
}
