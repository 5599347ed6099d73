namespace WedTech.Server.Messaging.Channels;

/// <summary>
/// One message, rendered, as the outbox hands it to a channel. <see cref="Recipient"/> is an e-mail
/// address (Email), an E.164 number (Sms, WhatsApp) or a user id (Push, InApp).
/// </summary>
public sealed record OutgoingMessage(
    Guid Id,
    Guid TenantId,
    MessageChannel Channel,
    string Recipient,
    string? RecipientName,
    string? Subject,
    string Body,
    string? HtmlBody,
    string Language,
    SmsProvider SmsProvider,
    // WhatsApp business-initiated messages must use a template approved by Meta: its name and
    // positional body parameters ({{1}}, {{2}}…). Null sends Body as a plain text message.
    string? ProviderTemplate,
    IReadOnlyList<string> ProviderTemplateParameters,
    // In-app and push: the place in the app the message is about (AppLinks), opened when the person taps it.
    string? Link = null);

/// <summary>What a provider said to one send attempt.</summary>
public abstract record SendOutcome
{
    /// <summary>The provider took the message; its id is what delivery-status webhooks refer to.</summary>
    public sealed record Accepted(string Provider, string ProviderMessageId, MessageStatus Status) : SendOutcome;

    /// <summary>Worth trying again (rate limited, provider down, network error).</summary>
    public sealed record RetryLater(string Reason, TimeSpan? After) : SendOutcome;

    /// <summary>Will never succeed as it is (invalid number, unsubscribed, bad template): the message fails.</summary>
    public sealed record Rejected(string Reason) : SendOutcome;
}

public interface IMessageChannel
{
    MessageChannel Channel { get; }

    Task<SendOutcome> SendAsync(OutgoingMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// Where verified delivery-status webhooks land. Implemented by the outbox: it finds the tenant and
/// message by the provider's message id and moves its status forward only (queued → sent →
/// delivered → read; failed is final), so a replayed or out-of-order callback changes nothing.
/// </summary>
public interface IDeliveryStatusSink
{
    Task RecordAsync(string provider, string providerMessageId, MessageStatus status, DateTimeOffset at, string? errorDetail, CancellationToken cancellationToken);
}
