using Microsoft.AspNetCore.Http.HttpResults;

namespace WedTech.Server.Invoicing;

public static class InvoicingEndpoints
{
    public static readonly ApiTag Tag = new("Invoices", "GST tax invoices, estimates and credit notes to the couple, numbered per financial year, with CGST + SGST or IGST by the place of supply, and their PDFs; the studio's billing settings.");

    public static RouteGroupBuilder MapInvoicing(this RouteGroupBuilder api)
    {
        var settings = api.MapGroup("/billing/settings").WithApiTag(Tag);
        settings.MapGet("", async (BillingSettingsService service, CancellationToken ct) =>
        {
            var result = await service.GetAsync(ct);
            return TypedResults.Ok(result).WithETag(result.Version);
        }).RequireAuthorization(Permissions.FinancialView).WithSummary("The billing settings")
            .WithDescription("What the studio's documents carry about it (legal name, address, state, GSTIN, SAC, series prefixes, logo, bank details, terms), whether its Razorpay account is ready, and the webhook address to give Razorpay. Secrets are never shown. The ETag is 0 before the first change.");
        settings.MapPut("", async (BillingSettingsRequest request, BillingSettingsService service, HttpContext http, CancellationToken ct) =>
        {
            var result = await service.SaveAsync(request, Concurrency.RequireIfMatch(http), ct);
            return TypedResults.Ok(result).WithETag(result.Version);
        }).RequireAuthorization(Permissions.SettingsEdit).RequiresIfMatch().WithSummary("Change the billing settings")
            .WithDescription("The state must be the GSTIN's. Prefixes are 1 to 4 letters or digits. Razorpay secrets: left out keeps the stored one, \"\" removes it. Requires If-Match (0 before the first change).");

        var invoices = api.MapGroup("/weddings/{weddingId:guid}/invoices").WithApiTag(Tag);
        invoices.MapGet("", (Guid weddingId, InvoiceService service, CancellationToken ct) => service.ListAsync(weddingId, ct))
            .RequireAuthorization(Permissions.FinancialView).WithSummary("A wedding's invoices")
            .WithDescription("Its drafts, estimates, tax invoices and credit notes, newest first, each with what its credit notes take off it and what is still to be received on it.");
        invoices.MapPost("", async (Guid weddingId, InvoiceRequest request, InvoiceService service, CancellationToken ct) =>
        {
            var invoice = await service.CreateAsync(weddingId, request, ct);
            return TypedResults.Created($"/api/v1/weddings/{weddingId}/invoices/{invoice.Id}", invoice).WithETag(invoice.Version);
        }).RequireAuthorization(Permissions.FinancialCreate).WithSummary("Draft an invoice, estimate or credit note")
            .WithDescription("Its tax is worked out at once: the place of supply from the recipient's GSTIN, the event's venue or the recipient's location (IGST Act s.12(7)), then CGST + SGST or IGST per line, and the round-off to whole rupees. A credit note names the issued tax invoice it reduces and may not come to more than is left of it.");
        invoices.MapGet("/{id:guid}", async (Guid weddingId, Guid id, InvoiceService service, CancellationToken ct) =>
        {
            var invoice = await service.GetAsync(weddingId, id, ct);
            return TypedResults.Ok(invoice).WithETag(invoice.Version);
        }).RequireAuthorization(Permissions.FinancialView).WithSummary("An invoice");
        invoices.MapPut("/{id:guid}", async (Guid weddingId, Guid id, InvoiceRequest request, InvoiceService service, HttpContext http, CancellationToken ct) =>
        {
            var invoice = await service.UpdateAsync(weddingId, id, request, Concurrency.RequireIfMatch(http), ct);
            return TypedResults.Ok(invoice).WithETag(invoice.Version);
        }).RequireAuthorization(Permissions.FinancialCreate).RequiresIfMatch().WithSummary("Change a draft")
            .WithDescription("Only a draft changes (409 once issued). Requires If-Match.");
        invoices.MapDelete("/{id:guid}", async Task<NoContent> (Guid weddingId, Guid id, InvoiceService service, HttpContext http, CancellationToken ct) =>
        {
            await service.DeleteAsync(weddingId, id, Concurrency.IfMatch(http), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Permissions.FinancialCreate).WithSummary("Delete a draft").WithDescription("Only a draft (409 once issued: cancel it instead). If-Match optional.");
        invoices.MapPost("/{id:guid}/issue", async (Guid weddingId, Guid id, InvoiceService service, HttpContext http, CancellationToken ct) =>
        {
            var invoice = await service.IssueAsync(weddingId, id, Concurrency.RequireIfMatch(http), ct);
            return TypedResults.Ok(invoice).WithETag(invoice.Version);
        }).RequireAuthorization(Permissions.FinancialCreate).RequiresIfMatch().WithSummary("Issue a draft")
            .WithDescription("Gives it the next number of its series in this financial year (April to March) and today's date, and freezes it. Numbers are consecutive and never reused, even when two are issued at once. A tax invoice needs the studio's GSTIN, address and state. Requires If-Match.");
        invoices.MapPost("/{id:guid}/cancel", (Guid weddingId, Guid id, CancelInvoiceRequest request, InvoiceService service, CancellationToken ct) =>
            service.CancelAsync(weddingId, id, request, ct))
            .RequireAuthorization(Permissions.FinancialEdit).WithSummary("Cancel an issued document")
            .WithDescription("With a reason; it keeps its number (an issued document is never deleted or edited). An invoice with issued credit notes is cancelled after them.");
        invoices.MapGet("/{id:guid}/pdf", async (Guid weddingId, Guid id, InvoiceService service, InvoicePdf pdf, CancellationToken ct) =>
        {
            var (bytes, name) = await service.PdfAsync(weddingId, id, issuedOnly: false, pdf, ct);
            return TypedResults.File(bytes, "application/pdf", name);
        }).RequireAuthorization(Permissions.FinancialView).Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .WithSummary("The document as a PDF").WithDescription("A4, with the studio's logo; a draft is marked as such.");
        return api;
    }
}
