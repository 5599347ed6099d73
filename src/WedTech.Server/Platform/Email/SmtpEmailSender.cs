using System.Collections.Concurrent;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace WedTech.Server.Platform.Email;

public enum SmtpSecurity { None, StartTls, SslOnConnect }

/// <summary>
/// <c>Messaging:Smtp</c>. With a <see cref="Host"/>, every e-mail goes to that SMTP server (SendGrid and Amazon SES
/// speak SMTP); without one, e-mails are written to the pickup folder.
/// </summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;
    public string? Username { get; set; }
    public string? Password { get; set; }

    /// <summary>Connections kept open to the server, and so messages sent at once, per server node.</summary>
    public int MaxConnections { get; set; } = 4;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// Sends over SMTP with MailKit, through a few kept-open connections (a connection costs a TLS handshake and a
/// login; a message costs a few round trips). A reply 5xx to the message or a recipient is permanent; 4xx
/// replies and connection failures are worth trying again.
/// </summary>
internal sealed class SmtpEmailSender(IOptions<SmtpOptions> smtp, IOptions<EmailOptions> email, ILogger<SmtpEmailSender> logger) : IEmailSender, IDisposable
{
    private readonly SmtpOptions _options = smtp.Value;
    private readonly SemaphoreSlim _slots = new(Math.Max(1, smtp.Value.MaxConnections));
    private readonly ConcurrentBag<SmtpClient> _idle = [];

    public async Task<string> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var mime = email.Value.ToMime(message);
        await _slots.WaitAsync(cancellationToken);
        SmtpClient? client = null;
        try
        {
            client = await ConnectedClientAsync(cancellationToken);
            await client.SendAsync(mime, cancellationToken);
            _idle.Add(client);
            client = null;
            return mime.MessageId!;
        }
        catch (SmtpCommandException e)
        {
            var code = (int)e.StatusCode;
            var what = e.ErrorCode switch
            {
                SmtpErrorCode.RecipientNotAccepted => $"The server refused the recipient {e.Mailbox?.Address}",
                SmtpErrorCode.SenderNotAccepted => $"The server refused the sender {e.Mailbox?.Address}",
                _ => "The server refused the message",
            };
            throw new EmailNotSentException($"{what}: {code} {e.Message}", permanent: code >= 500, e);
        }
        catch (Exception e) when (IsTransient(e, cancellationToken))
        {
            throw new EmailNotSentException($"Could not reach the SMTP server {_options.Host}:{_options.Port}: {e.Message}", permanent: false, e);
        }
        finally
        {
            client?.Dispose();
            _slots.Release();
        }
    }

    private static bool IsTransient(Exception e, CancellationToken cancellationToken) => e switch
    {
        SmtpProtocolException or ServiceNotConnectedException or ServiceNotAuthenticatedException or AuthenticationException
            or SslHandshakeException or IOException or SocketException or TimeoutException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    /// <summary>A kept connection that still answers, or a new one.</summary>
    private async Task<SmtpClient> ConnectedClientAsync(CancellationToken cancellationToken)
    {
        while (_idle.TryTake(out var kept))
        {
            try
            {
                if (kept.IsConnected)
                {
                    await kept.NoOpAsync(cancellationToken);
                    return kept;
                }
            }
            catch (Exception e) when (IsTransient(e, cancellationToken) || e is SmtpCommandException)
            {
                logger.LogDebug("A kept SMTP connection was closed by the server: {Reason}", e.Message);
            }
            kept.Dispose();
        }

        var client = new SmtpClient { Timeout = (int)_options.Timeout.TotalMilliseconds };
        try
        {
            var security = _options.Security switch
            {
                SmtpSecurity.None => SecureSocketOptions.None,
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.StartTls,
            };
            await client.ConnectAsync(_options.Host!, _options.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(_options.Username))
            {
                await client.AuthenticateAsync(_options.Username, _options.Password ?? "", cancellationToken);
            }
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var client))
        {
            client.Dispose();
        }
        _slots.Dispose();
    }
}
