using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using WedTech.Server.Guests.Documents;
using WedTech.Server.Guests.Import;
using WedTech.Server.Guests.Sending;

namespace WedTech.Server.Guests;

public static class GuestsEndpoints
{
    public static readonly ApiTag Tag = new("Guests", "A wedding's guest list: households, their members, their invitations to events, answers and headcounts.");

    public static RouteGroupBuilder MapGuests(this RouteGroupBuilder api)
    {
        var ofWedding = api.MapGroup("/weddings/{weddingId:guid}").WithApiTag(Tag);
        ofWedding.MapGet("/households", (Guid weddingId, [AsParameters] HouseholdListQuery query, GuestService service, CancellationToken ct) =>
            service.ListAsync(weddingId, query.ToFilter(), query.ToPaging(), ct))
            .RequireAuthorization(Permissions.GuestView)
            .WithSummary("A wedding's households").WithDescription("The guest list by household name, with members and invitations; search names in any script (q), filter by side, tag, event, answer and diet.");

        ofWedding.MapGet("/headcounts", (Guid weddingId, GuestService service, CancellationToken ct) => service.HeadcountsAsync(weddingId, ct))
            .RequireAuthorization(Permissions.GuestView)
            .WithSummary("A wedding's headcounts").WithDescription("Per event: places invited, attending, declined and pending, with the attending by diet, side and age group.");

        ofWedding.MapPost("/households", async (Guid weddingId, HouseholdRequest request, GuestService service, CancellationToken ct) =>
        {
            var created = await service.CreateAsync(weddingId, request, ct);
            return TypedResults.Created($"/api/v1/weddings/{weddingId}/households/{created.Id}", created).WithETag(created.Version);
        }).RequireAuthorization(Permissions.GuestManage).WithSummary("Add a household")
            .WithDescription("A household and its members; phones are stored in E.164 (Indian when written without a country code).");

        ofWedding.MapPost("/guest-imports/preview", (Guid weddingId, HttpRequest request, GuestImportService service, CancellationToken ct) =>
            service.PreviewAsync(weddingId, request, ct))
            .RequireAuthorization(Permissions.GuestManage).WithMetadata(new RequestSizeLimitAttribute(GuestImportService.MaxRequestBytes))
            .Accepts<IFormFile>("multipart/form-data").ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Preview a guest list import")
            .WithDescription("Reads a CSV or Excel guest list (every sheet; Zola and The Knot exports too) and says what importing it would do, writing nothing: the column mapping detected (or the one sent back as the form's mapping), the households planned with their match against the list (new, same, similar) and every row's issues. At most 10 MB and 20,000 rows; a household that looks like one on the list is listed with its first row, for the import's choices.");

        ofWedding.MapPost("/guest-imports", async (Guid weddingId, HttpRequest request, GuestImportService service, CancellationToken ct) =>
        {
            var queued = await service.StartAsync(weddingId, request, ct);
            return TypedResults.Accepted($"/api/v1/weddings/{weddingId}/guest-imports/{queued.Id}", queued);
        }).RequireAuthorization(Permissions.GuestManage).WithMetadata(new RequestSizeLimitAttribute(GuestImportService.MaxRequestBytes))
            .Accepts<IFormFile>("multipart/form-data").ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Import a guest list")
            .WithDescription("Checks the file as the preview does and imports it in the background (202, with the import's status at Location), in one transaction: new households are added, ones already on the list get the members and answers they lack, and ones that look alike are skipped, merged or created as the form's choices say for each (a JSON list of sheet, row and choice), else as its similar field says (skip by default). Imports of one wedding run one at a time; importing the same file again adds nothing.");

        ofWedding.MapGet("/guest-imports/{importId:guid}", (Guid weddingId, Guid importId, GuestImportService service, CancellationToken ct) =>
            service.GetAsync(weddingId, importId, ct))
            .RequireAuthorization(Permissions.GuestManage)
            .WithSummary("An import's progress")
            .WithDescription("Queued, running, done or failed; the rows imported of the file's rows; once done, what the import did (households added, merged, unchanged and skipped, answers, every row's issues); once failed, why.");

        ofWedding.MapPost("/guest-sends/preview", (Guid weddingId, GuestSendRequest request, GuestSendService service, CancellationToken ct) =>
            service.PreviewAsync(weddingId, request, ct))
            .RequireAuthorization(Permissions.MessageSend).WithSummary("Preview sending invitations or reminders")
            .WithDescription("What sending would do, sending nothing: the number of messages, the households left out and why (no mobile number, no e-mail address), how many a reminder passes over for having answered, the channel's daily allowance and what is left of it today, and the message as the first household would get it.");

        ofWedding.MapPost("/guest-sends", async (Guid weddingId, GuestSendRequest request, GuestSendService service, CancellationToken ct) =>
        {
            var send = await service.CreateAsync(weddingId, request, ct);
            return TypedResults.Accepted($"/api/v1/weddings/{weddingId}/guest-sends/{send.Id}", send);
        }).RequireAuthorization(Permissions.MessageSend).WithSummary("Send invitations or reminders")
            .WithDescription("Queues an invitation (rsvp-request template) or a reminder (rsvp-reminder, to those who have not answered) to each household chosen, with its personal RSVP link, on WhatsApp, SMS or e-mail, now or at sendAt. Sent in the background: follow it at the Location. Refused when it needs more WhatsApp or SMS messages than the studio has left today.");

        ofWedding.MapGet("/guest-sends", (Guid weddingId, GuestSendService service, CancellationToken ct) => service.ListAsync(weddingId, ct))
            .RequireAuthorization(Permissions.GuestView).WithSummary("A wedding's sendings of invitations and reminders")
            .WithDescription("The latest 50, newest first: when, on what, to how many households, and how each went.");

        ofWedding.MapGet("/guest-sends/{id:guid}", (Guid weddingId, Guid id, GuestSendService service, CancellationToken ct) => service.GetAsync(weddingId, id, ct))
            .RequireAuthorization(Permissions.GuestView).WithSummary("A sending of invitations or reminders").WithDescription("Its status and the messages queued so far.");

        ofWedding.MapDelete("/guest-sends/{id:guid}", async Task<NoContent> (Guid weddingId, Guid id, GuestSendService service, CancellationToken ct) =>
        {
            await service.CancelAsync(weddingId, id, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Permissions.MessageSend).WithSummary("Cancel a scheduled sending").WithDescription("Only before it starts; 409 once it has.");

        ofWedding.MapGet("/guest-outreach", (Guid weddingId, GuestSendService service, CancellationToken ct) => service.OutreachAsync(weddingId, ct))
            .RequireAuthorization(Permissions.GuestView).WithSummary("Where each household's invitation stands")
            .WithDescription("Per household sent a message or that opened its link: the last message's kind, channel and status (sent, delivered, read, failed, from the providers' reports), and when its RSVP link was first opened.");

        ofWedding.MapGet("/guest-settings", async (Guid weddingId, GuestService service, CancellationToken ct) =>
        {
            var settings = await service.GetSettingsAsync(weddingId, ct);
            return TypedResults.Ok(settings).WithETag(settings.Version);
        }).RequireAuthorization(Permissions.GuestView).WithSummary("A wedding's guest-list settings")
            .WithDescription("The RSVP deadline (after it the guests' page is read-only) and the contact shown to guests; the ETag carries its version.");

        ofWedding.MapPut("/guest-settings", async (Guid weddingId, GuestListSettingsRequest request, GuestService service, HttpContext http, CancellationToken ct) =>
        {
            var settings = await service.SaveSettingsAsync(weddingId, request, Concurrency.RequireIfMatch(http), ct);
            return TypedResults.Ok(settings).WithETag(settings.Version);
        }).RequireAuthorization(Permissions.GuestManage).RequiresIfMatch().WithSummary("Set a wedding's guest-list settings")
            .WithDescription("The last day guests may answer on their page, in the studio's time zone, and how they reach the studio for changes. Requires If-Match.");

        ofWedding.MapGet("/guest-export", async (Guid weddingId, [AsParameters] GuestExportQuery query, GuestExport export, CancellationToken ct) =>
        {
            var file = await export.ExportAsync(weddingId, ApiConventions.ParseEnum<GuestExportFormat>(query.format, nameof(query.format)) ?? GuestExportFormat.Xlsx, ct);
            return TypedResults.File(file.Content, file.ContentType, file.FileName);
        }).RequireAuthorization(Permissions.GuestExport)
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .WithSummary("Export the guest list")
            .WithDescription("format=xlsx (default): a sheet of guests with each event's answer, and a sheet per event with its households, places, answers and food; format=csv: the guests, UTF-8 with a byte-order mark so Excel shows Devanagari. Personal data: the export is in the audit log.");

        ofWedding.MapGet("/caterer-sheet", async (Guid weddingId, [AsParameters] CatererSheetQuery query, CatererSheet sheet, CancellationToken ct) =>
        {
            var file = await sheet.MakeAsync(weddingId, query.eventId, ApiConventions.ParseEnum<CatererSheetFormat>(query.format, nameof(query.format)) ?? CatererSheetFormat.Pdf, ct);
            return TypedResults.File(file.Content, file.ContentType, file.FileName);
        }).RequireAuthorization(Permissions.GuestView)
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf", additionalContentTypes: [GuestExport.XlsxContentType])
            .WithSummary("The caterer's sheet")
            .WithDescription("For one event (eventId) or every event the wedding has invited guests to: the places coming by food and age group, how many more may still come, and the allergies with the guest's name and household; the event's date and venue, the studio's name and when it was made. Names, food and counts only, no phones or e-mails. format=pdf (default) or xlsx.");

        ofWedding.MapGet("/id-documents", (Guid weddingId, [AsParameters] IdDocumentListQuery query, IdDocumentService documents, CancellationToken ct) =>
            documents.ListAsync(weddingId, query.ToFilter(), query.ToPaging(), ct))
            .RequireAuthorization(Permissions.GuestDocuments).WithSummary("A wedding's ID documents")
            .WithDescription("The IDs guests sent for the hotel from their RSVP page, by household: whose, the kind, the number masked to its last four characters, when, and the day the job deletes them (days after the wedding as configured); with how many guests of households coming have sent none. Search by name (q) or filter by kind.");

        ofWedding.MapGet("/id-documents/{id:guid}/file", async (Guid weddingId, Guid id, IdDocumentService documents, HttpContext http, CancellationToken ct) =>
        {
            var file = await documents.OpenAsync(weddingId, id, ct);
            // Personal data: kept by no cache, and shown as the file it is (never as a page of this site).
            http.Response.Headers.CacheControl = "no-store";
            http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";
            return TypedResults.File(file.Content, file.ContentType, file.FileName);
        }).RequireAuthorization(Permissions.GuestDocuments)
            .Produces(StatusCodes.Status200OK, contentType: "image/jpeg", additionalContentTypes: ["image/png", "image/webp", "application/pdf"])
            .WithSummary("Open an ID document").WithDescription("The file as the guest sent it, decrypted with the studio's key. Every opening is in the audit log, with who and from where.");

        ofWedding.MapDelete("/id-documents/{id:guid}", async Task<NoContent> (Guid weddingId, Guid id, IdDocumentService documents, CancellationToken ct) =>
        {
            await documents.DeleteAsync(weddingId, id, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Permissions.GuestDocuments).WithSummary("Delete an ID document")
            .WithDescription("Deletes the file at once (the guest may send another while the studio asks for IDs). Audited.");

        var household = ofWedding.MapGroup("/households/{id:guid}");
        household.MapGet("/", async (Guid weddingId, Guid id, GuestService service, CancellationToken ct) =>
        {
            var found = await service.GetAsync(weddingId, id, ct);
            return TypedResults.Ok(found).WithETag(found.Version);
        }).RequireAuthorization(Permissions.GuestView).WithSummary("Get a household").WithDescription("One household with its members and invitations; the ETag carries its version for If-Match.");

        household.MapPut("/", async (Guid weddingId, Guid id, HouseholdRequest request, GuestService service, HttpContext http, CancellationToken ct) =>
        {
            var updated = await service.UpdateAsync(weddingId, id, request, Concurrency.RequireIfMatch(http), ct);
            return TypedResults.Ok(updated).WithETag(updated.Version);
        }).RequireAuthorization(Permissions.GuestManage).RequiresIfMatch().WithSummary("Update a household")
            .WithDescription("Replace the household and its members (keep a member by sending its id); requires If-Match.");

        household.MapDelete("/", async Task<NoContent> (Guid weddingId, Guid id, GuestService service, HttpContext http, CancellationToken ct) =>
        {
            await service.DeleteAsync(weddingId, id, Concurrency.IfMatch(http), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Permissions.GuestManage).WithSummary("Delete a household")
            .WithDescription("Removes the household with its members, invitations and answer history. If-Match optional.");

        household.MapPut("/invitations", async (Guid weddingId, Guid id, InvitationsRequest request, GuestService service, HttpContext http, CancellationToken ct) =>
        {
            var updated = await service.SetInvitationsAsync(weddingId, id, request, Concurrency.RequireIfMatch(http), ct);
            return TypedResults.Ok(updated).WithETag(updated.Version);
        }).RequireAuthorization(Permissions.GuestManage).RequiresIfMatch().WithSummary("Invite a household to events")
            .WithDescription("The events the household is invited to, with places and optionally the members named; an event left out is no longer invited. Requires the household's If-Match.");

        household.MapPost("/invitations/{eventId:guid}/answer", async (Guid weddingId, Guid id, Guid eventId, RsvpRequest request, GuestService service, HttpContext http, CancellationToken ct) =>
        {
            var invitation = await service.AnswerAsync(weddingId, id, eventId, request, Concurrency.IfMatch(http), ct);
            return TypedResults.Ok(invitation).WithETag(invitation.Version);
        }).RequireAuthorization(Permissions.GuestAnswer).WithSummary("Record an answer")
            .WithDescription("An answer given in person or on the phone: per member, or the number coming (0: not coming); never above the places. Kept in the history. If-Match (the invitation's version) optional.");

        household.MapPost("/rsvp-link", async (Guid weddingId, Guid id, GuestService service, CancellationToken ct) =>
            TypedResults.Ok(await service.IssueRsvpLinkAsync(weddingId, id, ct)))
            .RequireAuthorization(Permissions.GuestManage).WithSummary("Issue a household's RSVP link")
            .WithDescription("A new personal link to the household's RSVP page on the studio's address, shown this once (only its hash is kept); the link issued before stops working.");

        household.MapDelete("/rsvp-link", async Task<NoContent> (Guid weddingId, Guid id, GuestService service, CancellationToken ct) =>
        {
            await service.RevokeRsvpLinkAsync(weddingId, id, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Permissions.GuestManage).WithSummary("Revoke a household's RSVP link")
            .WithDescription("The household's link stops working; the guests can still find their invitation by name and phone.");

        household.MapGet("/history", (Guid weddingId, Guid id, GuestService service, CancellationToken ct) => service.HistoryAsync(weddingId, id, ct))
            .RequireAuthorization(Permissions.GuestView).WithSummary("A household's answer history")
            .WithDescription("Every change of its answers, newest first: who gave it (a member of the studio, the guest, an import), when, before and after.");

        return api;
    }
}

/// <summary>The query string of the guest list's export.</summary>
public sealed record GuestExportQuery([property: ApiEnum(typeof(GuestExportFormat))] string? format);

/// <summary>The query string of the caterer's sheet: one event, or every event when none is given.</summary>
public sealed record CatererSheetQuery([property: ApiEnum(typeof(CatererSheetFormat))] string? format, Guid? eventId);

/// <summary>The query string of a wedding's ID documents.</summary>
public sealed record IdDocumentListQuery(int? page, int? pageSize, [property: QueryText(100)] string? q, [property: ApiEnum(typeof(IdDocumentKind))] string? kind)
    : PageQuery(page, pageSize)
{
    public IdDocumentFilter ToFilter() => new(q, ApiConventions.ParseEnum<IdDocumentKind>(kind, nameof(kind)));
}

/// <summary>The query string of a wedding's guest list.</summary>
public sealed record HouseholdListQuery(
    int? page, int? pageSize, [property: QueryText(100)] string? q, [property: ApiEnum(typeof(GuestSide))] string? side,
    [property: QueryText(GuestTags.MaxLength, ErrorMessage = "Give a tag of at most 40 characters.")] string? tag, Guid? eventId,
    [property: ApiEnum(typeof(RsvpAnswer))] string? answer, [property: ApiEnum(typeof(Diet))] string? diet) : PageQuery(page, pageSize)
{
    public HouseholdFilter ToFilter() => new(q, ApiConventions.ParseEnum<GuestSide>(side, nameof(side)), tag, eventId,
        ApiConventions.ParseEnum<RsvpAnswer>(answer, nameof(answer)), ApiConventions.ParseEnum<Diet>(diet, nameof(diet)));
}
