using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using WedTech.Server.Messaging.Outbox;

namespace WedTech.Server.Messaging;

public static class MessagingEndpoints
{
    public static readonly ApiTag MessagingTag = new("Messaging", "Messages by e-mail, SMS and WhatsApp: the outbox, templates and gateway settings.");

    public static readonly ApiTag NotificationsTag = new("Notifications", "The caller's in-app notifications.");

    public static RouteGroupBuilder MapMessaging(this RouteGroupBuilder api)
    {
        var messages = api.MapGroup("/messages").WithApiTag(MessagingTag);
        messages.MapPost("/", async Task<Results<Created<MessageResponse>, Ok<MessageResponse>>> (
            SendMessageRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, OutboxService outbox, CancellationToken ct) =>
        {
            var (message, created) = await outbox.QueueAsync(request, idempotencyKey, ct);
            return created ? TypedResults.Created($"/api/v1/messages/{message.Id}", message) : TypedResults.Ok(message);
        }).RequireAuthorization(Permissions.MessageSend)
            .WithSummary("Queue a message")
            .WithDescription("Renders the template once and queues the message; a background job sends it. Phone numbers are normalised to E.164 " +
                "(Indian when written without a country code). Send an Idempotency-Key to make retries safe: the same key returns the message already queued. " +
                "SMS and WhatsApp count against the studio's daily quota (429 when it is used up).");
        messages.MapGet("/", ([AsParameters] MessageListQuery query, OutboxService outbox, CancellationToken ct) => outbox.ListAsync(query.ToFilter(), query.ToPaging(), ct))
            .RequireAuthorization(Permissions.MessageSend).WithSummary("List the outbox, newest first");
        messages.MapGet("/{id:guid}", (Guid id, OutboxService outbox, CancellationToken ct) => outbox.GetAsync(id, ct))
            .RequireAuthorization(Permissions.MessageSend).WithSummary("One message and its delivery status");

        var messaging = api.MapGroup("/messaging").WithApiTag(MessagingTag);
        messaging.MapGet("/templates", async (OutboxService outbox, CancellationToken ct) => (await outbox.TemplatesAsync(ct)).Select(t => t.ToResponse()))
            .RequireAuthorization(Permissions.MessageSend).WithSummary("Templates: the studio's own and the built-in ones (English and Hindi)");
        messaging.MapPut("/templates/{key}/{channel}/{language}", async (string key, string channel, string language, MessageTemplateRequest request, OutboxService outbox,
            HttpContext http, CancellationToken ct) =>
        {
            var template = await outbox.SaveTemplateAsync(key, ApiConventions.ParseEnum<MessageChannel>(channel, nameof(channel))!.Value, language, request, Concurrency.RequireIfMatch(http), ct);
            return TypedResults.Ok(template.ToResponse()).WithETag(template.Version);
        }).RequireAuthorization(Permissions.SettingsEdit).RequiresIfMatch().WithSummary("Reword a template for the studio")
            .WithDescription("If-Match is the version listed with the template: 0 for the built-in wording, which this replaces for the studio.");
        messaging.MapDelete("/templates/{key}/{channel}/{language}", async Task<NoContent> (string key, string channel, string language, OutboxService outbox,
            HttpContext http, CancellationToken ct) =>
        {
            await outbox.ResetTemplateAsync(key, ApiConventions.ParseEnum<MessageChannel>(channel, nameof(channel))!.Value, language, Concurrency.IfMatch(http), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Permissions.SettingsEdit).WithSummary("Go back to the built-in wording").WithDescription("If-Match optional.");
        messaging.MapPost("/templates/preview", (PreviewMessageRequest request, OutboxService outbox, CancellationToken ct) => outbox.PreviewAsync(request, ct))
            .RequireAuthorization(Permissions.MessageSend).WithSummary("Render a template with variables, without sending");
        messaging.MapGet("/settings", async (OutboxService outbox, CancellationToken ct) =>
        {
            var settings = await outbox.SettingsResponseAsync(ct);
            return TypedResults.Ok(settings).WithETag(settings.Version);
        }).RequireAuthorization(Permissions.SettingsView).WithSummary("SMS gateway, daily quotas and today's use")
            .WithDescription("The ETag header carries the settings' version for If-Match.");
        messaging.MapPut("/settings", async (MessagingSettingsRequest request, OutboxService outbox, HttpContext http, CancellationToken ct) =>
        {
            var settings = await outbox.SaveSettingsAsync(request, Concurrency.RequireIfMatch(http), ct);
            return TypedResults.Ok(settings).WithETag(settings.Version);
        }).RequireAuthorization(Permissions.SettingsEdit).RequiresIfMatch().WithSummary("Choose the SMS gateway (Twilio or MSG91)")
            .WithDescription("Requires If-Match; answers 409 when someone changed the settings since.");

        var notifications = api.MapGroup("/notifications").WithApiTag(NotificationsTag).RequireAuthorization();
        notifications.MapGet("/", ([AsParameters] NotificationListQuery query, NotificationService service, CancellationToken ct) =>
            service.ListAsync(query.unread ?? false, query.ToPaging(), ct)).WithSummary("The caller's in-app notifications, newest first");
        notifications.MapPost("/{id:guid}/read", async Task<NoContent> (Guid id, NotificationService service, CancellationToken ct) =>
        {
            await service.MarkReadAsync(id, ct);
            return TypedResults.NoContent();
        }).WithSummary("Mark one notification read");
        notifications.MapPost("/read", async Task<NoContent> (NotificationService service, CancellationToken ct) =>
        {
            await service.MarkAllReadAsync(ct);
            return TypedResults.NoContent();
        }).WithSummary("Mark all of the caller's notifications read");

        var me = api.MapGroup("/me").WithApiTag(NotificationsTag).RequireAuthorization();
        me.MapGet("/reminder-channels", (NoticeChoices choices, CancellationToken ct) => choices.GetAsync(NoticeChoices.TaskReminders, ct))
            .WithSummary("How the caller's task reminders reach them")
            .WithDescription("In the app, by push (on the devices they turned it on for), by e-mail: all of them until they choose.");
        me.MapPut("/reminder-channels", (ReminderChannels request, NoticeChoices choices, CancellationToken ct) => choices.SetAsync(NoticeChoices.TaskReminders, request, ct))
            .WithSummary("Choose how the caller's task reminders reach them")
            .WithDescription("Each of in-app, push and e-mail on or off; all off: no task reminders at all. The caller's own choice, for no one else.");
        return api;
    }
}

/// <summary>The query string of the outbox.</summary>
public sealed record MessageListQuery(int? page, int? pageSize, [property: ApiEnum(typeof(MessageStatus))] string? status,
    [property: ApiEnum(typeof(MessageChannel))] string? channel, Guid? weddingId) : PageQuery(page, pageSize)
{
    public MessageFilter ToFilter() =>
        new(ApiConventions.ParseEnum<MessageStatus>(status, nameof(status)), ApiConventions.ParseEnum<MessageChannel>(channel, nameof(channel)), weddingId);
}

/// <summary>The query string of the caller's notifications.</summary>
public sealed record NotificationListQuery(bool? unread, int? page, int? pageSize) : PageQuery(page, pageSize);
