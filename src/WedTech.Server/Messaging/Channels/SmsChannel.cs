namespace WedTech.Server.Messaging.Channels;

/// <summary>SMS through the gateway the studio chose (<see cref="OutgoingMessage.SmsProvider"/>).</summary>
public sealed class SmsChannel(TwilioSmsClient twilio, Msg91SmsClient msg91) : IMessageChannel
{
    public MessageChannel Channel => MessageChannel.Sms;

    public Task<SendOutcome> SendAsync(OutgoingMessage message, CancellationToken cancellationToken) => message.SmsProvider switch
    {
        SmsProvider.Msg91 => msg91.SendAsync(message, cancellationToken),
        _ => twilio.SendAsync(message, cancellationToken),
    };
}
