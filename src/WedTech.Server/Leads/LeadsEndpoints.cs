using Microsoft.AspNetCore.Http.HttpResults;
using WedTech.Server.Tenancy;

namespace WedTech.Server.Leads;

public static class LeadsEndpoints
{
    public static readonly ApiTag Tag = new("Leads", "Couples who may become weddings: the inquiry form, the pipeline board and list, follow-ups, duplicates, won and lost.");

    public static RouteGroupBuilder MapLeads(this RouteGroupBuilder api)
    {
        var leads = api.MapGroup("/leads").WithApiTag(Tag);

        leads.MapGet("/", ([AsParameters] LeadListQuery query, LeadService service, CancellationToken ct) =>
            service.ListAsync(query.ToFilter(), query.ToPaging(), ct))
            .RequireAuthorization(Permissions.LeadView).WithSummary("List leads")
            .WithDescription("Newest first; filter by stage, assignee and source, search names, e-mail, phone and city (q).");

        leads.MapGet("/board", (LeadService service, CancellationToken ct) => service.BoardAsync(ct))
            .RequireAuthorization(Permissions.LeadView).WithSummary("The pipeline board")
            .WithDescription($"Every stage in order with its leads' cards in their order; Won and Lost show their latest {LeadService.ClosedColumnCards}.");

        leads.MapGet("/conversion", ([AsParameters] LeadConversionQuery query, LeadService service, CancellationToken ct) =>
            service.ConversionAsync(query.from, query.to, ct))
            .RequireAuthorization(Permissions.LeadView).WithSummary("Conversion by source")
            .WithDescription("Leads created in the period (the studio's days; the last 365 days by default) per source: won, lost, conversion and median days to win.");

        leads.MapGet("/inquiry-form", (StudioAddresses addresses, TenantContext tenant) =>
        {
            var url = $"{addresses.For(tenant.Current.Slug)}/inquiry";
            return TypedResults.Ok(new InquiryFormResponse(url, url + "?embed=1", InquiryEmbed.Snippet(addresses.For(tenant.Current.Slug), tenant.Current.CompanyName)));
        }).RequireAuthorization(Permissions.LeadView).WithSummary("The inquiry form's address")
            .WithDescription("The public form's address and the HTML snippet that embeds it in the studio's own website.");

        leads.MapPost("/", async (LeadRequest request, LeadService service, CancellationToken ct) =>
        {
            var lead = await service.CreateAsync(request, ct);
            return TypedResults.Created($"/api/v1/leads/{lead.Id}", lead).WithETag(lead.Version);
        }).RequireAuthorization(Permissions.LeadManage).WithSummary("Add a lead")
            .WithDescription("A lead taken by phone, at a walk-in or from a message; in the first open stage unless a stage is named. Phones are stored in E.164.");

        leads.MapGet("/{id:guid}", async (Guid id, LeadService service, CancellationToken ct) =>
        {
            var lead = await service.GetAsync(id, ct);
            return TypedResults.Ok(lead).WithETag(lead.Version);
        }).RequireAuthorization(Permissions.LeadView).WithSummary("Get a lead").WithDescription("One lead with its stage, assignee, next follow-up and how many possible duplicates it has.");

        leads.MapPut("/{id:guid}", async (Guid id, LeadRequest request, LeadService service, HttpContext http, CancellationToken ct) =>
        {
            var lead = await service.UpdateAsync(id, request, Concurrency.RequireIfMatch(http), ct);
            return TypedResults.Ok(lead).WithETag(lead.Version);
        }).RequireAuthorization(Permissions.LeadManage).RequiresIfMatch().WithSummary("Update a lead")
            .WithDescription("Replace a lead's details (not its stage); requires If-Match, answers 409 when someone changed it since.");

        leads.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, LeadService service, HttpContext http, CancellationToken ct) =>
        {
            await service.DeleteAsync(id, Concurrency.IfMatch(http), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Permissions.LeadManage).WithSummary("Delete a lead").WithDescription("Removes a lead and its timeline. If-Match optional.");

        leads.MapPost("/{id:guid}/move", async (Guid id, LeadMoveRequest request, LeadService service, HttpContext http, CancellationToken ct) =>
        {
            var lead = await service.MoveAsync(id, request, Concurrency.IfMatch(http), ct);
            return TypedResults.Ok(lead).WithETag(lead.Version);
        }).RequireAuthorization(Permissions.LeadManage).WithSummary("Move a lead on the board")
            .WithDescription("To an open stage or Proposal sent, between two cards of that column (afterId above, beforeId below). Won and Lost have their own routes. If-Match optional.");

        leads.MapPost("/{id:guid}/lost", async (Guid id, LeadLostRequest request, LeadService service, CancellationToken ct) =>
        {
            var lead = await service.LostAsync(id, request, ct);
            return TypedResults.Ok(lead).WithETag(lead.Version);
        }).RequireAuthorization(Permissions.LeadManage).WithSummary("Mark a lead lost").WithDescription("With the reason, kept on the lead and its timeline; 409 for a lead won or already lost.");

        leads.MapPost("/{id:guid}/reopen", async (Guid id, LeadService service, CancellationToken ct) =>
        {
            var lead = await service.ReopenAsync(id, ct);
            return TypedResults.Ok(lead).WithETag(lead.Version);
        }).RequireAuthorization(Permissions.LeadManage).WithSummary("Reopen a lost lead").WithDescription("Back to the first open stage; 409 for a lead that is not lost.");

        leads.MapPost("/{id:guid}/won", async (Guid id, LeadWon won, CancellationToken ct) => TypedResults.Ok(await won.WinAsync(id, ct)))
            .RequireAuthorization(Permissions.LeadManage, Permissions.WeddingCreate).WithSummary("Mark a lead won")
            .WithDescription("In one step: the wedding with events from the lead's dates, the couple invited as client users, the assignee on its team, and the lead moved to Won. 409 when already won.");

        leads.MapGet("/{id:guid}/timeline", (Guid id, LeadService service, CancellationToken ct) => service.TimelineAsync(id, ct))
            .RequireAuthorization(Permissions.LeadView).WithSummary("A lead's timeline").WithDescription("Everything that happened on the lead, newest first, with the follow-ups asked for.");

        leads.MapPost("/{id:guid}/activities", async (Guid id, LeadActivityRequest request, LeadService service, CancellationToken ct) =>
        {
            var line = await service.AddActivityAsync(id, request, ct);
            return TypedResults.Created($"/api/v1/leads/{id}/timeline", line);
        }).RequireAuthorization(Permissions.LeadManage).WithSummary("Record an activity")
            .WithDescription("A call, a meeting, a WhatsApp chat, an e-mail or a note, with an optional follow-up for a person at a time.");

        leads.MapPost("/{id:guid}/activities/{activityId:guid}/done", async (Guid id, Guid activityId, LeadService service, CancellationToken ct) =>
            TypedResults.Ok(await service.FollowUpDoneAsync(id, activityId, ct)))
            .RequireAuthorization(Permissions.LeadManage).WithSummary("Mark a follow-up done").WithDescription("The follow-up stops being due and reminded; doing it twice changes nothing.");

        leads.MapGet("/{id:guid}/duplicates", (Guid id, LeadService service, CancellationToken ct) => service.DuplicatesAsync(id, ct))
            .RequireAuthorization(Permissions.LeadView).WithSummary("Possible duplicates")
            .WithDescription("Other leads not yet won with the same phone or e-mail, newest first, to merge into this one.");

        leads.MapPost("/{id:guid}/merge", async (Guid id, LeadMergeRequest request, LeadService service, HttpContext http, CancellationToken ct) =>
        {
            var lead = await service.MergeAsync(id, request, Concurrency.IfMatch(http), ct);
            return TypedResults.Ok(lead).WithETag(lead.Version);
        }).RequireAuthorization(Permissions.LeadManage).WithSummary("Merge a duplicate into a lead")
            .WithDescription("This lead keeps its details and takes the other's where it has none; the other's timeline moves here and it is deleted. If-Match optional.");

        var stages = api.MapGroup("/pipeline/stages").WithApiTag(Tag);

        stages.MapGet("/", (PipelineService service, CancellationToken ct) => service.ListAsync(ct))
            .RequireAuthorization(Permissions.LeadView).WithSummary("List pipeline stages").WithDescription("The stages in order, with how many leads each has.");

        stages.MapPost("/", async (PipelineStageRequest request, PipelineService service, CancellationToken ct) =>
        {
            var stage = await service.AddAsync(request, ct);
            return TypedResults.Created($"/api/v1/pipeline/stages/{stage.Id}", stage).WithETag(stage.Version);
        }).RequireAuthorization(Permissions.LeadManage).WithSummary("Add an open stage").WithDescription("Added after the last open stage; names are unique regardless of case.");

        stages.MapPut("/{id:guid}", async (Guid id, PipelineStageRequest request, PipelineService service, HttpContext http, CancellationToken ct) =>
        {
            var stage = await service.RenameAsync(id, request, Concurrency.RequireIfMatch(http), ct);
            return TypedResults.Ok(stage).WithETag(stage.Version);
        }).RequireAuthorization(Permissions.LeadManage).RequiresIfMatch().WithSummary("Rename a stage").WithDescription("Any stage may be renamed; requires If-Match.");

        stages.MapPut("/order", (PipelineOrderRequest request, PipelineService service, CancellationToken ct) => service.ReorderAsync(request, ct))
            .RequireAuthorization(Permissions.LeadManage).WithSummary("Order the stages")
            .WithDescription("Every stage's id once, in the new order; Won and Lost stay the last two.");

        stages.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, Guid? moveTo, PipelineService service, HttpContext http, CancellationToken ct) =>
        {
            await service.DeleteAsync(id, moveTo, Concurrency.IfMatch(http), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Permissions.LeadManage).WithSummary("Delete an open stage")
            .WithDescription("A stage with leads needs moveTo, the stage they go to; Proposal sent, Won, Lost and the only open stage cannot be deleted. If-Match optional.");

        return api;
    }
}

/// <summary>The query string of the lead list.</summary>
public sealed record LeadListQuery(Guid? stageId, Guid? assigneeId, [property: ApiEnum(typeof(LeadSource))] string? source,
    [property: QueryText(100)] string? q, int? page, int? pageSize) : PageQuery(page, pageSize)
{
    public LeadFilter ToFilter() => new(stageId, assigneeId, ApiConventions.ParseEnum<LeadSource>(source, nameof(source)), q);
}

/// <summary>The period of the conversion figures, the studio's days, both included.</summary>
public sealed record LeadConversionQuery(DateOnly? from, DateOnly? to) : System.ComponentModel.DataAnnotations.IValidatableObject
{
    public IEnumerable<System.ComponentModel.DataAnnotations.ValidationResult> Validate(System.ComponentModel.DataAnnotations.ValidationContext validationContext)
    {
        if (from is { } f && to is { } t && f > t)
        {
            yield return new("The period must start on or before its last day.", [nameof(from)]);
        }
        if (from is { Year: < 2000 or > 2100 } || to is { Year: < 2000 or > 2100 })
        {
            yield return new("Give dates between the years 2000 and 2100.", [from is { Year: < 2000 or > 2100 } ? nameof(from) : nameof(to)]);
        }
    }
}

/// <summary>The snippet a studio pastes into its own website: the form in a frame that takes the height of its content.</summary>
public static class InquiryEmbed
{
    public static string Snippet(string studioAddress, string studioName)
    {
        var origin = new Uri(studioAddress).GetLeftPart(UriPartial.Authority);
        var title = System.Net.WebUtility.HtmlEncode($"Wedding inquiry · {studioName}");
        return $$"""
            <iframe id="wedtech-inquiry" src="{{origin}}/inquiry?embed=1" title="{{title}}" style="width:100%;max-width:40rem;min-height:60rem;border:0" loading="lazy"></iframe>
            <script>
            window.addEventListener("message", function (e) {
              if (e.origin !== "{{origin}}" || !e.data || typeof e.data.wedtechInquiryHeight !== "number") return;
              document.getElementById("wedtech-inquiry").style.height = e.data.wedtechInquiryHeight + "px";
            });
            </script>
            """;
    }
}
