using Microsoft.AspNetCore.Http.HttpResults;

namespace WedTech.Server.Agreements;

public static class AgreementsEndpoints
{
    public static readonly ApiTag Tag = new("Contracts",
        "Contracts with e-signature: templates with merge fields, contracts for leads sent as frozen versions (PDF with its SHA-256), signed by the couple from a link with a one-time code, countersigned by the studio.");

    public static RouteGroupBuilder MapAgreements(this RouteGroupBuilder api)
    {
        var templates = api.MapGroup("/contract-templates").WithApiTag(Tag);
        templates.MapGet("/", (ContractTemplateService service, CancellationToken ct) => service.ListAsync(ct))
            .RequireAuthorization(Permissions.LeadView).WithSummary("List contract templates")
            .WithDescription("The studio's contract templates, the built-in one first (a new studio starts with an Indian wedding-planning services agreement).");
        templates.MapGet("/fields", () => ContractMarkup.Fields)
            .RequireAuthorization(Permissions.LeadView).WithSummary("List merge fields").WithDescription("The merge fields a template may use, written {{name}}, and what each becomes.");
        templates.MapGet("/{id:guid}", async (Guid id, ContractTemplateService service, CancellationToken ct) =>
        {
            var template = await service.GetAsync(id, ct);
            return TypedResults.Ok(template).WithETag(template.Version);
        }).RequireAuthorization(Permissions.LeadView).WithSummary("Get a contract template").WithDescription("One template; the ETag header carries its version for If-Match.");
        templates.MapPost("/", async (ContractTemplateRequest request, ContractTemplateService service, CancellationToken ct) =>
        {
            var template = await service.CreateAsync(request, ct);
            return TypedResults.Created($"/api/v1/contract-templates/{template.Id}", template).WithETag(template.Version);
        }).RequireAuthorization(Permissions.LeadManage).WithSummary("Add a contract template")
            .WithDescription("Markup: a blank line between paragraphs, '# ' and '## ' headings, '- ' bullets. An unknown merge field is a field error naming it.");
        templates.MapPut("/{id:guid}", async (Guid id, ContractTemplateRequest request, ContractTemplateService service, HttpContext http, CancellationToken ct) =>
        {
            var template = await service.UpdateAsync(id, request, Concurrency.RequireIfMatch(http), ct);
            return TypedResults.Ok(template).WithETag(template.Version);
        }).RequireAuthorization(Permissions.LeadManage).RequiresIfMatch().WithSummary("Update a contract template")
            .WithDescription("Replace its title and body; contracts already made keep their own text. Requires If-Match.");
        templates.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, ContractTemplateService service, HttpContext http, CancellationToken ct) =>
        {
            await service.DeleteAsync(id, Concurrency.IfMatch(http), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Permissions.LeadManage).WithSummary("Delete a contract template").WithDescription("Contracts made from it keep their own text. If-Match optional.");

        var contracts = api.MapGroup("/leads/{leadId:guid}/contracts").WithApiTag(Tag);
        contracts.MapGet("/", (Guid leadId, ContractService service, CancellationToken ct) => service.ListAsync(leadId, ct))
            .RequireAuthorization(Permissions.LeadView).WithSummary("List a lead's contracts").WithDescription("Each with its status, latest version and the versions signed.");
        contracts.MapGet("/defaults", (Guid leadId, ContractService service, CancellationToken ct) => service.DefaultsAsync(leadId, ct))
            .RequireAuthorization(Permissions.LeadManage).WithSummary("A new contract's fee and payment plan")
            .WithDescription("What to prepare a contract with: the fee and payment plan of the lead's accepted proposal (its total with the options the couple took, and its instalments in paise), with the proposal's title and version; no fee and an empty plan when the lead has accepted none. Nothing is saved: the app fills the new contract's form with it, and the planner may change it before preparing the contract.");
        contracts.MapPost("/", async (Guid leadId, ContractRequest request, ContractService service, CancellationToken ct) =>
        {
            var contract = await service.CreateAsync(leadId, request, ct);
            return TypedResults.Created($"/api/v1/leads/{leadId}/contracts/{contract.Id}", contract).WithETag(contract.Version);
        }).RequireAuthorization(Permissions.LeadManage).WithSummary("Prepare a contract")
            .WithDescription("From a template (its title and body, which may be changed), with the fee in paise, the payment plan (instalments adding up to the fee) and cancellation terms. A draft until sent.");
        contracts.MapGet("/{id:guid}", async (Guid leadId, Guid id, ContractService service, CancellationToken ct) =>
        {
            var contract = await service.GetAsync(leadId, id, ct);
            return TypedResults.Ok(contract).WithETag(contract.Version);
        }).RequireAuthorization(Permissions.LeadView).WithSummary("Get a contract")
            .WithDescription("Its terms and every version sent, with the signatures' evidence (times, IP, user agent, the code's channel and masked destination, the document's SHA-256) and the audit trail.");
        contracts.MapPut("/{id:guid}", async (Guid leadId, Guid id, ContractRequest request, ContractService service, HttpContext http, CancellationToken ct) =>
        {
            var contract = await service.UpdateAsync(leadId, id, request, Concurrency.RequireIfMatch(http), ct);
            return TypedResults.Ok(contract).WithETag(contract.Version);
        }).RequireAuthorization(Permissions.LeadManage).RequiresIfMatch().WithSummary("Change a contract")
            .WithDescription("A version waiting for signatures is withdrawn (its link stops working); a signed version stays as signed. The contract is a draft again: sending it makes a new version that needs new signatures.");
        contracts.MapPost("/{id:guid}/send", (Guid leadId, Guid id, ContractService service, HttpContext http, CancellationToken ct) =>
            service.SendAsync(leadId, id, RequestOrigin.Of(http), ct))
            .RequireAuthorization(Permissions.LeadManage).WithSummary("Send a contract for signing")
            .WithDescription("Fills the merge fields into a new frozen version, renders and stores its PDF with its SHA-256, and sends the couple a signing link (by e-mail, or SMS when the lead has no e-mail). 409 when there is nothing new to send.");
        contracts.MapPost("/{id:guid}/countersign", (Guid leadId, Guid id, CountersignRequest request, ContractService service, HttpContext http, CancellationToken ct) =>
            service.CountersignAsync(leadId, id, request, RequestOrigin.Of(http), ct))
            .RequireAuthorization(Permissions.ContractCountersign).WithSummary("Countersign a contract")
            .WithDescription("For the studio, once the couple signed: full name, drawn signature (PNG data URL) and consent. Makes the final PDF (pages, signatures, certificate page with the audit trail) with its own SHA-256.");
        contracts.MapGet("/{id:guid}/versions/{number:int}/pdf", async (Guid leadId, Guid id, int number, ContractService service, CancellationToken ct) =>
        {
            var (bytes, name) = await service.PdfAsync(leadId, id, number, ct);
            return TypedResults.File(bytes, "application/pdf", name);
        }).RequireAuthorization(Permissions.LeadView).Produces(StatusCodes.Status200OK, contentType: "application/pdf").WithSummary("Download a version's PDF")
            .WithDescription("The signed PDF once both signed, else the one sent. Its SHA-256 is checked first: 409 when the stored file does not match what was signed.");

        var wedding = api.MapGroup("/weddings/{weddingId:guid}/contracts").WithApiTag(Tag);
        wedding.MapGet("/", (Guid weddingId, ContractService service, CancellationToken ct) => service.OfWeddingAsync(weddingId, ct))
            .RequireAuthorization(Permissions.ContractOwn).WithSummary("A wedding's contracts")
            .WithDescription("The contracts of the lead the wedding was won from: the couple see the signed versions, staff every version.");
        wedding.MapGet("/{id:guid}/versions/{number:int}/pdf", async (Guid weddingId, Guid id, int number, ContractService service, CancellationToken ct) =>
        {
            var (bytes, name) = await service.WeddingPdfAsync(weddingId, id, number, ct);
            return TypedResults.File(bytes, "application/pdf", name);
        }).RequireAuthorization(Permissions.ContractOwn).Produces(StatusCodes.Status200OK, contentType: "application/pdf").WithSummary("Download a signed contract")
            .WithDescription("The signed PDF of a version (the couple: signed versions only). Its SHA-256 is checked first: 409 when the stored file does not match what was signed.");

        api.MapGet("/sign/{token}/pdf", async Task<Results<FileContentHttpResult, NotFound>> (string token, ContractSigning signing, CancellationToken ct) =>
            await signing.PdfAsync(token, ct) is { } pdf ? TypedResults.File(pdf.Bytes, "application/pdf", pdf.Name) : TypedResults.NotFound())
            .AllowAnonymous().RequireRateLimiting(AgreementsModule.SigningPageRateLimit).WithApiTag(Tag).Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .WithSummary("The contract behind a signing link").WithDescription("The PDF the couple were sent (the signed one once both signed), its SHA-256 checked. 404 for a link that is not genuine or was replaced.");
        return api;
    }
}
