using Microsoft.Extensions.Options;
using MimeKit;

namespace WedTech.Server.Platform.Email;

/// <summary>Addresses people type that our mail pipeline can deliver to (no display names, spaces or lists).</summary>
public static class EmailAddresses
{
    public static void Check(string address, string field)
    {
        var trimmed = address.Trim();
        if (!MailboxAddress.TryParse(ParserOptions.Default, trimmed, out var mailbox) || mailbox.Address != trimmed
            || trimmed.Any(char.IsWhiteSpace) || trimmed.Count(c => c == '@') != 1)
        {
            throw new Api.ValidationFailedException(field, "This is not an e-mail address we can deliver to.");
        }
    }
}

public sealed record EmailMessage(string ToAddress, string ToName, string Subject, string TextBody, string? HtmlBody);

public interface IEmailSender
{
    /// <summary>Sends one message and returns its Message-Id; throws <see cref="EmailNotSentException"/> when it could not.</summary>
    Task<string> SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

/// <summary>A message that was not sent: <see cref="Permanent"/> when sending it again cannot succeed (a recipient refused).</summary>
public sealed class EmailNotSentException(string message, bool permanent, Exception? inner = null) : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;
}

public static class EmailSenderExtensions
{
    /// <summary>
    /// For mail that follows a change which stands on its own (invitation, reset link, welcome): a failure
    /// is logged for the operator, and the caller's change is kept; the person can ask for the mail again.
    /// </summary>
    public static async Task TrySendAsync(this IEmailSender sender, EmailMessage message, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await sender.SendAsync(message, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not send the e-mail '{Subject}'", message.Subject);
        }
    }
}

public sealed class EmailOptions
{
    public string FromAddress { get; set; } = "no-reply@wedtech.local";
    public string FromName { get; set; } = "WedTech";

    /// <summary>Embedded default: each message is written as an .eml file here (relative to the data folder).</summary>
    public string PickupDirectory { get; set; } = "mail";

    /// <summary>The RFC 5322 message, with a Message-Id of the sender's domain.</summary>
    public MimeMessage ToMime(EmailMessage message)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(FromName, FromAddress));
        mime.To.Add(new MailboxAddress(message.ToName, message.ToAddress));
        mime.Subject = message.Subject;
        mime.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(FromAddress[(FromAddress.LastIndexOf('@') + 1)..]);
        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }
}

/// <summary>Writes RFC 5322 messages as .eml files, the way IIS/SMTP pickup folders work; open them with any mail client.</summary>
internal sealed class PickupDirectoryEmailSender(IOptions<EmailOptions> options, IOptions<Persistence.PersistenceOptions> persistence, IHostEnvironment environment)
    : IEmailSender
{
    private readonly string _directory = Path.GetFullPath(options.Value.PickupDirectory, persistence.Value.DataPath(environment));

    public async Task<string> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var mime = options.Value.ToMime(message);
        var name = $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.CreateVersion7():N}";
        try
        {
            Directory.CreateDirectory(_directory);
            // Written under another name, then renamed: whoever watches the folder only ever sees whole messages.
            var partial = Path.Combine(_directory, name + ".tmp");
            await mime.WriteToAsync(partial, cancellationToken);
            File.Move(partial, Path.Combine(_directory, name + ".eml"));
        }
        catch (IOException e)
        {
            throw new EmailNotSentException($"Could not write to the pickup folder: {e.Message}", permanent: false, e);
        }
        return mime.MessageId!;
    }
}
