using Microsoft.AspNetCore.Http.HttpResults;

namespace WedTech.Server.Proposals;

public static class ProposalsEndpoints
{
    public static readonly ApiTag Tag = new("Proposals", "The studio's packages (service templates) and proposals to leads: lines with GST, optional services, a discount, a validity date and a payment plan in shares; sent as a link the couple open without an account, where they choose options and accept or ask for changes. Every sent version is kept.");

    public static RouteGroupBuilder MapProposals(this RouteGroupBuilder api)
    {
        var packages = api.MapGroup("/packages").WithApiTag(Tag);
        packages.MapGet("", (PackageService service, CancellationToken ct) => service.ListAsync(ct))
            .RequireAuthorization(Permissions.LeadView).WithSummary("The studio's packages").WithDescription("By name, with their lines.");
        packages.MapGet("/{id:guid}", async (Guid id, PackageService service, CancellationToken ct) =>
        {
            var package = await service.GetAsync(id, ct);
            return TypedResults.Ok(package).WithETag(package.Version);
        }).RequireAuthorization(Permissions.LeadView).WithSummary("A package");
        packages.MapPost("", async (PackageRequest request, PackageService service, CancellationToken ct) =>
        {
            var package = await service.CreateAsync(request, ct);
            return TypedResults.Created($"/api/v1/packages/{package.Id}", package).WithETag(package.Version);
        }).RequireAuthorization(Permissions.LeadManage).WithSummary("Add a package")
            .WithDescription("Its lines: service, quantity, unit price in paise before GST, GST rate (0, 5, 12, 18, 28 or 40%) and SAC (998596 when left out); optional lines the couple may take or leave.");
        packages.MapPut("/{id:guid}", async (Guid id, PackageRequest request, PackageService service, HttpContext http, CancellationToken ct) =>
        {
            var package = await service.UpdateAsync(id, request, Concurrency.RequireIfMatch(http), ct);
            return TypedResults.Ok(package).WithETag(package.Version);
        }).RequireAuthorization(Permissions.LeadManage).RequiresIfMatch().WithSummary("Change a package")
            .WithDescription("Proposals made from it keep their own copy of its lines. Changing its prices needs financial:edit. Requires If-Match.");
        packages.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, PackageService service, HttpContext http, CancellationToken ct) =>
        {
            await service.DeleteAsync(id, Concurrency.IfMatch(http), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Permissions.LeadManage).WithSummary("Remove a package").WithDescription("Proposals made from it keep their lines. If-Match optional.");

        var proposals = api.MapGroup("/leads/{leadId:guid}/proposals").WithApiTag(Tag);
        proposals.MapGet("", (Guid leadId, ProposalService service, CancellationToken ct) => service.ListAsync(leadId, ct))
            .RequireAuthorization(Permissions.LeadView).WithSummary("A lead's proposals").WithDescription("Newest first, with their total (options as they start), versions sent and views.");
        proposals.MapPost("", async (Guid leadId, ProposalRequest request, ProposalService service, CancellationToken ct) =>
        {
            var proposal = await service.CreateAsync(leadId, request, ct);
            return TypedResults.Created($"/api/v1/leads/{leadId}/proposals/{proposal.Id}", proposal).WithETag(proposal.Version);
        }).RequireAuthorization(Permissions.LeadManage).WithSummary("Draft a proposal")
            .WithDescription("Lines typed and/or copied from packages (packageIds), a discount on the taxable value (an amount in paise, or a percentage in basis points), a validity date and a payment plan as shares of the total adding up to 100%. The totals, GST per rate and the plan's amounts are worked out by the server.");
        proposals.MapGet("/{id:guid}", async (Guid leadId, Guid id, ProposalService service, CancellationToken ct) =>
        {
            var proposal = await service.GetAsync(leadId, id, ct);
            return TypedResults.Ok(proposal).WithETag(proposal.Version);
        }).RequireAuthorization(Permissions.LeadView).WithSummary("A proposal").WithDescription("The draft, its totals, the couple's link, and every sent version with its views and the couple's answer.");
        proposals.MapPut("/{id:guid}", async (Guid leadId, Guid id, ProposalRequest request, ProposalService service, HttpContext http, CancellationToken ct) =>
        {
            var proposal = await service.UpdateAsync(leadId, id, request, Concurrency.RequireIfMatch(http), ct);
            return TypedResults.Ok(proposal).WithETag(proposal.Version);
        }).RequireAuthorization(Permissions.LeadManage).RequiresIfMatch().WithSummary("Change the draft")
            .WithDescription("After a version was sent, the change is the next version's draft: the couple see the sent one until it is sent. 409 once the couple accepted. Requires If-Match.");
        proposals.MapDelete("/{id:guid}", async Task<NoContent> (Guid leadId, Guid id, ProposalService service, HttpContext http, CancellationToken ct) =>
        {
            await service.DeleteAsync(leadId, id, Concurrency.IfMatch(http), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Permissions.LeadManage).WithSummary("Delete a proposal never sent").WithDescription("409 once sent: sent versions are kept. If-Match optional.");
        proposals.MapPost("/{id:guid}/send", (Guid leadId, Guid id, SendProposalRequest request, ProposalService service, CancellationToken ct) =>
            service.SendAsync(leadId, id, request, ct))
            .RequireAuthorization(Permissions.LeadManage).ProducesProblem(StatusCodes.Status422UnprocessableEntity).WithSummary("Send the proposal")
            .WithDescription("Freezes the draft as the next version (v1, v2…; an unchanged proposal sends the same version again), keeps the couple's link (it shows the latest version sent), and queues the proposal-sent message by e-mail, WhatsApp or SMS to the lead's contact. The lead's timeline gets a line and the lead moves to \"Proposal sent\". Needs at least one line and a validity date from today on.");
        proposals.MapPost("/{id:guid}/link", (Guid leadId, Guid id, ProposalService service, CancellationToken ct) => service.NewLinkAsync(leadId, id, ct))
            .RequireAuthorization(Permissions.LeadManage).WithSummary("A new link for the couple").WithDescription("Ends the old link. 409 before the first sending.");
        proposals.MapDelete("/{id:guid}/link", async Task<NoContent> (Guid leadId, Guid id, ProposalService service, CancellationToken ct) =>
        {
            await service.RevokeLinkAsync(leadId, id, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Permissions.LeadManage).WithSummary("Revoke the couple's link").WithDescription("It opens nothing until a new link is made or the proposal is sent again.");
        proposals.MapGet("/{id:guid}/versions/{number:int}/pdf", async (Guid leadId, Guid id, int number, ProposalService service, ProposalPdf pdf, CancellationToken ct) =>
        {
            var (version, proposal, studio) = await service.VersionForPdfAsync(leadId, id, number, ct);
            var response = proposal.Versions.Single(v => v.Id == version.Id);
            return TypedResults.File(pdf.Write(response, (await service.LeadNamesAsync(leadId, ct)), studio), "application/pdf", $"proposal-v{number}.pdf");
        }).RequireAuthorization(Permissions.LeadView).Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .WithSummary("A sent version as a PDF").WithDescription("A4: the services, the discount, GST per rate, the total with the options included, and the payment plan.");

        api.MapGet("/weddings/{weddingId:guid}/proposals", (Guid weddingId, ProposalService service, CancellationToken ct) => service.OfWeddingAsync(weddingId, ct))
            .RequireAuthorization().ProducesProblem(StatusCodes.Status403Forbidden).WithApiTag(Tag).WithSummary("A wedding's proposals")
            .WithDescription("The proposals of the lead the wedding was won from. The studio's people (lead:view) see all of them; the couple (contract:own) only the version they accepted, with what it came to.");

        var couple = api.MapGroup("/proposal-links/{token}").WithApiTag(Tag).AllowAnonymous().RequireRateLimiting(ProposalsModule.LinkRateLimit);
        couple.MapGet("", async (string token, CoupleProposals service, CancellationToken ct) =>
            CoupleProposals.Response(await service.OpenAsync(token, ct) ?? throw ApiException.NotFound("Proposal")))
            .ProducesProblem(StatusCodes.Status404NotFound).WithSummary("The proposal behind a couple's link")
            .WithDescription("On the studio's own address, with no account: the latest version sent, and whether it may still be accepted. Not counted as a view (the page is). 404 for a link that is unknown, revoked or replaced.");
        couple.MapPost("/accept", async (string token, AcceptProposalRequest request, CoupleProposals service, HttpContext http, CancellationToken ct) =>
        {
            var opened = await service.OpenAsync(token, ct) ?? throw ApiException.NotFound("Proposal");
            return await service.AcceptAsync(opened, request, http.Connection.RemoteIpAddress?.ToString(), http.Request.Headers.UserAgent.ToString(), ct);
        }).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("The couple accept").WithDescription("The version they saw (409 when a newer one was sent, when it is past its validity, or accepted already), the optional services they take, and the name they type. The totals are worked out again from the choices; the answer is what it came to.");
        couple.MapPost("/changes", async Task<NoContent> (string token, AskForChangesRequest request, CoupleProposals service, CancellationToken ct) =>
        {
            var opened = await service.OpenAsync(token, ct) ?? throw ApiException.NotFound("Proposal");
            await service.AskForChangesAsync(opened, request, ct);
            return TypedResults.NoContent();
        }).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("The couple ask for changes").WithDescription("Their message goes on the lead's timeline and to the planner following the lead.");
        return api;
    }
}
