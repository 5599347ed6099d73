using System.ComponentModel.DataAnnotations;

namespace WedTech.Contracts;

public enum MessageChannel { Email, Sms, WhatsApp, Push, InApp }

/// <summary>queued → sent → delivered, or failed (terminal); read applies to in-app notifications and WhatsApp.</summary>
public enum MessageStatus { Queued, Sent, Delivered, Read, Failed }

/// <summary>Which SMS gateway a studio sends through.</summary>
public enum SmsProvider { Twilio, Msg91 }

/// <summary>Queue one message. Either a template (with its variables) or, for a one-off, a subject and body.</summary>
public sealed record SendMessageRequest(
    [property: Required] MessageChannel? Channel,
    [property: Required, StringLength(254, MinimumLength = 1)] string Recipient,
    [property: StringLength(100)] string? RecipientName,
    [property: Required, StringLength(60, MinimumLength = 1)] string TemplateKey,
    [property: StringLength(5)] string? Language,
    IReadOnlyDictionary<string, string>? Variables,
    Guid? WeddingId);

public sealed record MessageResponse(
    Guid Id, MessageChannel Channel, string Recipient, string? RecipientName, string TemplateKey, string Language,
    string? Subject, string Body, MessageStatus Status, string? Provider, string? ProviderMessageId, int Attempts, string? Error,
    Guid? WeddingId, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, DateTimeOffset? DeliveredAt, DateTimeOffset? FailedAt);

/// <summary>
/// A studio's wording for one kind of message on one channel and language. Body and subject use
/// {{variable}} placeholders. WhatsApp business-initiated messages go out as a template approved by
/// Meta: <see cref="ProviderTemplate"/> names it and <see cref="ProviderParameters"/> lists which
/// variables fill its {{1}}, {{2}}…. SMS through MSG91 goes out as a DLT-registered template:
/// <see cref="ProviderTemplate"/> is its MSG91 template id and <see cref="ProviderParameters"/> fill
/// its VAR1, VAR2…; the built-in SMS templates have none, so a studio on MSG91 registers its own.
/// </summary>
public sealed record MessageTemplateResponse(
    string Key, MessageChannel Channel, string Language, string? Subject, string Body,
    string? ProviderTemplate, IReadOnlyList<string> ProviderParameters, IReadOnlyList<string> Variables, bool BuiltIn, long Version);

public sealed record MessageTemplateRequest(
    [property: StringLength(200)] string? Subject,
    [property: Required, StringLength(4000, MinimumLength = 1)] string Body,
    [property: StringLength(100)] string? ProviderTemplate,
    IReadOnlyList<string>? ProviderParameters);

public sealed record PreviewMessageRequest(
    [property: Required] MessageChannel? Channel,
    [property: Required, StringLength(60, MinimumLength = 1)] string TemplateKey,
    [property: StringLength(5)] string? Language,
    IReadOnlyDictionary<string, string>? Variables);

public sealed record MessagePreviewResponse(string? Subject, string Body, IReadOnlyList<string> ProviderParameters);

public sealed record MessagingSettingsResponse(SmsProvider SmsProvider, int SmsDailyQuota, int WhatsAppDailyQuota, int SmsSentToday, int WhatsAppSentToday, long Version);

public sealed record MessagingSettingsRequest([property: Required] SmsProvider? SmsProvider);

public sealed record NotificationResponse(Guid Id, string Title, string Body, string? Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);
