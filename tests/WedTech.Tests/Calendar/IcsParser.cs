using System.Diagnostics;
using System.Text;
using System.Text.Json;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests.Calendar;

/// <summary>
/// Reads iCalendar with a real parser: Debian's python3-icalendar, through parse_ics.py. Where it is not installed
/// the test is skipped, and fails under WEDTECH_REQUIRE_ALL=1.
/// </summary>
public static class IcsParser
{
    private const string Python = "/usr/bin/python3";

    private static readonly Lazy<bool> Installed = new(() =>
    {
        if (!File.Exists(Python))
        {
            return false;
        }
        using var check = Process.Start(new ProcessStartInfo(Python, ["-c", "import icalendar"]) { RedirectStandardError = true })!;
        check.WaitForExit();
        return check.ExitCode == 0;
    });

    public static async Task<ParsedCalendar> ParseAsync(byte[] ics)
    {
        ExternalServers.Require(Installed.Value ? Python : null, "Debian python3-icalendar (import icalendar in /usr/bin/python3)");
        var start = new ProcessStartInfo(Python, [Path.Combine(AppContext.BaseDirectory, "Calendar", "parse_ics.py")])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        using var parser = Process.Start(start)!;
        var output = parser.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = parser.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await parser.StandardInput.BaseStream.WriteAsync(ics, TestContext.Current.CancellationToken);
        parser.StandardInput.Close();
        await parser.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(parser.ExitCode == 0, $"python3-icalendar could not read the document: {await errors}");
        return JsonSerializer.Deserialize<ParsedCalendar>(await output, JsonSerializerOptions.Web)!;
    }
}

public sealed record ParsedCalendar(
    Dictionary<string, string> Properties, string? RefreshIntervalValueType, List<ParsedTimeZone> TimeZones, List<ParsedEvent> Events, List<string> Errors);

/// <summary>A VTIMEZONE: its id and the offsets (minutes east of UTC) its observances change to.</summary>
public sealed record ParsedTimeZone(string Tzid, List<int> OffsetsTo);

public sealed record ParsedEvent(
    string Uid, string? Summary, string? Description, string? Location, string? Status, string? Url, string? Dtstamp, ParsedTime Start, ParsedTime? End);

/// <summary>
/// A DTSTART or DTEND: a <see cref="Date"/>, or a time with its instant as the parser resolves the TZID
/// (<see cref="Utc"/>) and as the document's own VTIMEZONE defines it (<see cref="UtcByVtimezone"/>).
/// </summary>
public sealed record ParsedTime(string? Date, string? Utc, string? Tzid, string? Local, string? UtcByVtimezone);
