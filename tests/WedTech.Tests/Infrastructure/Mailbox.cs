using System.Text.RegularExpressions;
using MimeKit;

namespace WedTech.Tests.Infrastructure;

/// <summary>
/// Reads the e-mails the server sent: .eml files in its pickup folder, or, when it sends over SMTP, the Maildir
/// the test SMTP server stores them in (shared by every test of the run, so messages are found by their address).
/// </summary>
public static partial class Mailbox
{
    /// <summary>The newest message to <paramref name="address"/>, waiting for one for up to a minute (the outbox's job on a loaded machine).</summary>
    public static async Task<MimeMessage> LatestToAsync(string directory, string address)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        do
        {
            if (await FindAsync(directory, m => m.To.Mailboxes.Any(to => string.Equals(to.Address, address, StringComparison.OrdinalIgnoreCase)), address) is { } found)
            {
                return found;
            }
        }
        while (waited.Elapsed < TimeSpan.FromSeconds(60));
        throw new Xunit.Sdk.XunitException($"No e-mail to {address} in {directory} after {waited.Elapsed.TotalSeconds:0} s.");
    }

    /// <summary>
    /// The message to <paramref name="address"/> that <paramref name="send"/> causes: the newest one not there before it
    /// ran. For mail sent in the background (a job), where the previous message to the address is still the newest for a moment.
    /// </summary>
    public static async Task<MimeMessage> NextToAsync(string directory, string address, Func<Task> send)
    {
        var before = Files(directory).Where(path => File.ReadAllText(path).Contains(address, StringComparison.OrdinalIgnoreCase)).ToHashSet(StringComparer.Ordinal);
        await send();
        // The outbox's job sends it: seconds, or tens of them on a loaded machine; a message that came sooner ends the wait.
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var fresh = Files(directory)
                .Where(path => !before.Contains(path) && File.ReadAllText(path).Contains(address, StringComparison.OrdinalIgnoreCase))
                .Select(path => MimeMessage.Load(path))
                .FirstOrDefault(m => m.To.Mailboxes.Any(to => string.Equals(to.Address, address, StringComparison.OrdinalIgnoreCase)));
            if (fresh is not null)
            {
                return fresh;
            }
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        throw new Xunit.Sdk.XunitException($"No new e-mail to {address} in {directory}.");
    }

    /// <summary>The newest message that <paramref name="matches"/>; <paramref name="hint"/>, text the raw message must contain, spares parsing the others.</summary>
    public static async Task<MimeMessage?> FindAsync(string directory, Func<MimeMessage, bool> matches, string hint)
    {
        // The server writes the file just after answering; give it a moment.
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var match = Files(directory)
                .Where(path => File.ReadAllText(path).Contains(hint, StringComparison.OrdinalIgnoreCase))
                .Select(path => MimeMessage.Load(path))
                .FirstOrDefault(matches);
            if (match is not null)
            {
                return match;
            }
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        return null;
    }

    /// <summary>Newest first: a pickup folder's .eml files, or a Maildir's new and cur messages.</summary>
    private static IEnumerable<string> Files(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }
        var maildir = Path.Combine(directory, "new");
        var files = Directory.Exists(maildir)
            ? Directory.GetFiles(maildir).Concat(Directory.GetFiles(Path.Combine(directory, "cur")))
            : Directory.GetFiles(directory, "*.eml");
        return files.Select(path => new FileInfo(path)).OrderByDescending(f => f.LastWriteTimeUtc).ThenByDescending(f => f.Name, StringComparer.Ordinal).Select(f => f.FullName);
    }

    public static string Token(MimeMessage message) =>
        Uri.UnescapeDataString(TokenInLink().Match(message.TextBody ?? "").Groups[1].Value) is { Length: > 0 } token
            ? token
            : throw new Xunit.Sdk.XunitException("The e-mail has no link with a token.");

    /// <summary>Every web address in the message's text.</summary>
    public static IReadOnlyList<string> Links(MimeMessage message) =>
        [.. LinkInText().Matches(message.TextBody ?? "").Select(m => m.Value.TrimEnd('.', ','))];

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex LinkInText();

    [GeneratedRegex(@"token=([A-Za-z0-9_\-%]+)")]
    private static partial Regex TokenInLink();
}
