using System.Text.RegularExpressions;
using MimeKit;

namespace WedTech.Tests.Infrastructure;

/// <summary>Reads the e-mails the server wrote to its pickup folder.</summary>
public static partial class Mailbox
{
    public static async Task<MimeMessage> LatestToAsync(string directory, string address)
    {
        // The server writes the file just after answering; give it a moment.
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (Directory.Exists(directory))
            {
                var match = Directory.GetFiles(directory, "*.eml").Order(StringComparer.Ordinal).Reverse()
                    .Select(path => MimeMessage.Load(path))
                    .FirstOrDefault(m => m.To.Mailboxes.Any(to => string.Equals(to.Address, address, StringComparison.OrdinalIgnoreCase)));
                if (match is not null)
                {
                    return match;
                }
            }
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        throw new Xunit.Sdk.XunitException($"No e-mail to {address} in {directory}.");
    }

    public static string Token(MimeMessage message) =>
        Uri.UnescapeDataString(TokenInLink().Match(message.TextBody ?? "").Groups[1].Value) is { Length: > 0 } token
            ? token
            : throw new Xunit.Sdk.XunitException("The e-mail has no link with a token.");

    [GeneratedRegex(@"token=([A-Za-z0-9_\-%]+)")]
    private static partial Regex TokenInLink();
}
