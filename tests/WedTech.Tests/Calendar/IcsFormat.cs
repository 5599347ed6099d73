using System.Text;

namespace WedTech.Tests.Calendar;

/// <summary>The octet-level rules of RFC 5545 §3.1 that a parser forgives, so they are checked on the raw bytes.</summary>
public static class IcsFormat
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Every line ends in CRLF (no bare CR or LF), is at most 75 octets, and is whole UTF-8 on its own (a fold never
    /// cuts a character); the document is one VCALENDAR. Returns the physical lines.
    /// </summary>
    public static IReadOnlyList<string> AssertWellFormed(byte[] body)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == '\r')
            {
                Assert.True(i + 1 < body.Length && body[i + 1] == '\n', $"Line {lines.Count + 1} has a CR without LF.");
                var line = body.AsSpan(start, i - start);
                Assert.True(line.Length <= 75, $"Line {lines.Count + 1} is {line.Length} octets long.");
                lines.Add(StrictUtf8.GetString(line)); // throws on a cut UTF-8 sequence
                start = i + 2;
                i++;
            }
            else
            {
                Assert.True(body[i] != '\n', $"Line {lines.Count + 1} ends in a bare LF.");
            }
        }
        Assert.True(start == body.Length, "The document does not end with CRLF.");
        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Equal("END:VCALENDAR", lines[^1]);
        Assert.DoesNotContain(lines, l => l.Length == 0);
        return lines;
    }

    /// <summary>Content lines with their folds undone.</summary>
    public static List<string> Unfold(IReadOnlyList<string> lines)
    {
        var unfolded = new List<string>();
        foreach (var line in lines)
        {
            if (line.StartsWith(' ') && unfolded.Count > 0)
            {
                unfolded[^1] += line[1..];
            }
            else
            {
                unfolded.Add(line);
            }
        }
        return unfolded;
    }
}
