using WedTech.Server.Invoicing;
using WedTech.Server.Platform.Jobs;
using WedTech.Server.Tenancy;

namespace WedTech.Server.Payments;

public static class PaymentsEndpoints
{
    public static readonly ApiTag Tag = new("Payments", "The couple's payment plan, the money received from them (by staff, or online through the studio's Razorpay account) with receipts and refunds, and the couple's own view of their billing.");

    public static RouteGroupBuilder MapPayments(this RouteGroupBuilder api)
    {
        var wedding = api.MapGroup("/weddings/{weddingId:guid}").WithApiTag(Tag);

        wedding.MapGet("/payment-plan", async (Guid weddingId, PaymentService service, CancellationToken ct) =>
        {
            var plan = await service.PlanAsync(weddingId, ct);
            return TypedResults.Ok(plan).WithETag(plan.Version);
        }).RequireAuthorization(Permissions.FinancialView).WithSummary("The couple's payment plan")
            .WithDescription("Each instalment with what of it is paid (what was received, net of refunds, applied in due order) and where it stands. The ETag is 0 before the first save.");
        wedding.MapPut("/payment-plan", async (Guid weddingId, PaymentPlanRequest request, PaymentService service, HttpContext http, CancellationToken ct) =>
        {
            var plan = await service.SavePlanAsync(weddingId, request, Concurrency.RequireIfMatch(http), ct);
            return TypedResults.Ok(plan).WithETag(plan.Version);
        }).RequireAuthorization(Permissions.FinancialCreate).RequiresIfMatch().WithSummary("Set the payment plan")
            .WithDescription("Its instalments (label, kind, due date, amount). An instalment sent back unchanged without its id keeps it. Changing amounts of a saved plan needs financial:edit. Requires If-Match (0 before the first save).");
        wedding.MapPost("/payment-plan/instalments/{instalmentId:guid}/pay-link", (Guid weddingId, Guid instalmentId, OnlinePayments online, CancellationToken ct) =>
            online.PayLinkAsync(weddingId, instalmentId, ct))
            .RequireAuthorization(Permissions.FinancialCreate).ProducesProblem(StatusCodes.Status502BadGateway).WithSummary("A pay link for an instalment")
            .WithDescription("A Razorpay Payment Link for what is unpaid of the instalment, to send the couple; an open link for the same amount is given again.");

        wedding.MapGet("/payments", (Guid weddingId, PaymentService service, CancellationToken ct) => service.ListAsync(weddingId, ct))
            .RequireAuthorization(Permissions.FinancialView).WithSummary("Payments from the couple").WithDescription("Newest first, with receipts and refunds.");
        wedding.MapPost("/payments", async (Guid weddingId, ClientPaymentRequest request, PaymentService service, CancellationToken ct) =>
        {
            var payment = await service.RecordAsync(weddingId, request, ct);
            return TypedResults.Created($"/api/v1/weddings/{weddingId}/payments/{payment.Id}", payment);
        }).RequireAuthorization(Permissions.FinancialCreate).WithSummary("Record a payment received")
            .WithDescription("Cash, cheque, a transfer or a UPI reference, dated today or earlier; it gets the next receipt number. Payments made online are recorded by Razorpay, never by hand. Audited.");
        wedding.MapPost("/payments/{paymentId:guid}/refunds", (Guid weddingId, Guid paymentId, RefundRequest request, PaymentService service, OnlinePayments online, CancellationToken ct) =>
            service.RefundAsync(weddingId, paymentId, request, online, ct))
            .RequireAuthorization(Permissions.FinancialEdit).ProducesProblem(StatusCodes.Status502BadGateway).WithSummary("Refund a payment")
            .WithDescription("Part or all of what is left of it. One made online is refunded through Razorpay (pending until Razorpay processes it). Audited.");
        wedding.MapGet("/payments/{paymentId:guid}/receipt", async (Guid weddingId, Guid paymentId, PaymentService service, ReceiptPdf receipts, CancellationToken ct) =>
        {
            var (bytes, name) = await receipts.WriteAsync(await service.FindAsync(weddingId, paymentId, ct), ct);
            return TypedResults.File(bytes, "application/pdf", name);
        }).RequireAuthorization(Permissions.FinancialView).Produces(StatusCodes.Status200OK, contentType: "application/pdf").WithSummary("A payment's receipt as a PDF");

        var couple = wedding.MapGroup("/billing");
        couple.MapGet("", (Guid weddingId, PaymentService service, InvoiceService invoices, CancellationToken ct) => service.OverviewAsync(weddingId, invoices, ct))
            .RequireAuthorization(Permissions.BillingOwn).WithSummary("The couple's billing")
            .WithDescription("The tax invoices, estimates and credit notes issued to the couple (never drafts), their receipts, their plan with what is due and when, and whether they can pay online.");
        couple.MapGet("/invoices/{id:guid}/pdf", async (Guid weddingId, Guid id, InvoiceService invoices, InvoicePdf pdf, CancellationToken ct) =>
        {
            var (bytes, name) = await invoices.PdfAsync(weddingId, id, issuedOnly: true, pdf, ct);
            return TypedResults.File(bytes, "application/pdf", name);
        }).RequireAuthorization(Permissions.BillingOwn).Produces(StatusCodes.Status200OK, contentType: "application/pdf").WithSummary("An issued document as a PDF");
        couple.MapGet("/receipts/{paymentId:guid}/pdf", async (Guid weddingId, Guid paymentId, PaymentService service, ReceiptPdf receipts, CancellationToken ct) =>
        {
            var (bytes, name) = await receipts.WriteAsync(await service.FindAsync(weddingId, paymentId, ct), ct);
            return TypedResults.File(bytes, "application/pdf", name);
        }).RequireAuthorization(Permissions.BillingOwn).Produces(StatusCodes.Status200OK, contentType: "application/pdf").WithSummary("A receipt as a PDF");
        couple.MapPost("/instalments/{instalmentId:guid}/pay", (Guid weddingId, Guid instalmentId, OnlinePayments online, CancellationToken ct) =>
            online.PayLinkAsync(weddingId, instalmentId, ct))
            .RequireAuthorization(Permissions.BillingOwn).ProducesProblem(StatusCodes.Status502BadGateway).WithSummary("Pay an instalment online")
            .WithDescription("Where to pay what is unpaid of it: Razorpay's page for its Payment Link (UPI, cards, netbanking). Razorpay sends the browser back to the wedding's billing page.");
        couple.MapPost("/return", (Guid weddingId, OnlinePaymentReturn back, OnlinePayments online, IServiceProvider services, TenantContext tenant, CancellationToken ct) =>
            online.ReturnAsync(weddingId, back, linkId =>
                ActivatorUtilities.CreateInstance<TenantJobRunner<ReconcileLinkJob, string>>(services).RunAsync(tenant.Current.Id, null, linkId, ct), ct))
            .RequireAuthorization(Permissions.BillingOwn).ProducesProblem(StatusCodes.Status502BadGateway).WithSummary("Back from Razorpay's page")
            .WithDescription("What Razorpay added to the return address (link, reference, status, payment, signature). The signature is checked with the studio's key, Razorpay is asked about the link, and the payment is answered with its receipt number. 409 while Razorpay has not confirmed it.");

        api.MapPost("/webhooks/razorpay", async (HttpRequest request, RazorpayWebhookIntake intake, CancellationToken ct) => TypedResults.Ok(await intake.TakeAsync(request, ct)))
            .AllowAnonymous().WithApiTag(Tag)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Razorpay's webhooks")
            .WithDescription("On the studio's own address. Verified with X-Razorpay-Signature over the raw body and the studio's webhook secret, kept once by X-Razorpay-Event-Id (a replay is answered and does nothing), and applied by a job. Subscribe to payment_link.paid, refund.processed and refund.failed.");
        return api;
    }
}
