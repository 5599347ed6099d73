using WedTech.Server.Platform.Email;

namespace WedTech.Server.Messaging.Channels;

/// <summary>E-mail through the configured sender (SMTP, or the pickup folder); the provider's id is the Message-Id.</summary>
public sealed class EmailChannel(IEmailSender sender) : IMessageChannel
{
    public const string Provider = "email";

    public MessageChannel Channel => MessageChannel.Email;

    public async Task<SendOutcome> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var id = await sender.SendAsync(
                new EmailMessage(message.Recipient, message.RecipientName ?? "", message.Subject ?? "", message.Body, message.HtmlBody), cancellationToken);
            return new SendOutcome.Accepted(Provider, id, MessageStatus.Sent);
        }
        catch (EmailNotSentException e)
        {
            return e.Permanent ? new SendOutcome.Rejected(e.Message) : new SendOutcome.RetryLater(e.Message, null);
        }
    }
}
