using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace WedTech.Server.Calendar;

/// <summary>
/// Writes calendar items as an RFC 5545 iCalendar document for subscription: CRLF line ends, lines of at most
/// 75 octets, TEXT escaped, and a VTIMEZONE (from the IANA data NodaTime carries) for every time zone an item uses.
/// </summary>
public static class IcsWriter
{
    public const string ProductId = "-//WedTech//Calendar feeds//EN";

    /// <summary>How often subscribers are asked to fetch the feed again.</summary>
    public const string RefreshInterval = "PT1H";

    private const int MaxLineOctets = 75;

    /// <summary>
    /// The document of a feed. <paramref name="timeZone"/> is the studio's: named as the calendar's zone and always
    /// described, with every other zone an item uses, by rules in force from <paramref name="since"/> on.
    /// </summary>
    public static string Write(string name, string timeZone, DateOnly since, IReadOnlyCollection<CalendarItem> items)
    {
        var calendar = new Ical.Net.Calendar { ProductId = ProductId, Scale = "GREGORIAN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", timeZone);
        var refresh = new CalendarProperty("REFRESH-INTERVAL", RefreshInterval);
        refresh.Parameters.Add("VALUE", "DURATION");
        calendar.Properties.Add(refresh);
        calendar.AddProperty("X-PUBLISHED-TTL", RefreshInterval);

        var zones = items.Select(i => i.Time).OfType<CalendarTime.Local>().Select(t => t.TimeZone).Append(timeZone).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var zone in zones)
        {
            calendar.AddTimeZone(VTimeZone.FromDateTimeZone(zone, since.ToDateTime(TimeOnly.MinValue), includeHistoricalData: true));
        }
        foreach (var item in items)
        {
            calendar.Events.Add(ToEvent(item));
        }
        return Fold(new CalendarSerializer().SerializeToString(calendar)!);
    }

    private static CalendarEvent ToEvent(CalendarItem item)
    {
        var stamp = new CalDateTime(item.UpdatedAt.UtcDateTime);
        var calendarEvent = new CalendarEvent
        {
            Uid = $"{item.Id}@wedtech",
            Summary = item.Title,
            Description = item.Description,
            Location = item.Location,
            DtStamp = stamp,
            LastModified = stamp,
            Status = item.Status switch
            {
                CalendarItemStatus.Tentative => "TENTATIVE",
                CalendarItemStatus.Cancelled => "CANCELLED",
                _ => "CONFIRMED",
            },
            Url = item.Link,
        };
        switch (item.Time)
        {
            case CalendarTime.Days days:
                calendarEvent.DtStart = new CalDateTime(days.First);
                calendarEvent.DtEnd = new CalDateTime(days.Last.AddDays(1)); // DTEND of a date is exclusive
                break;
            case CalendarTime.Local local:
                calendarEvent.DtStart = new CalDateTime(DateTime.SpecifyKind(local.Start, DateTimeKind.Unspecified), local.TimeZone);
                if (local.End is { } end)
                {
                    calendarEvent.DtEnd = new CalDateTime(DateTime.SpecifyKind(end, DateTimeKind.Unspecified), local.TimeZone);
                }
                break;
        }
        return calendarEvent;
    }

    /// <summary>
    /// Folds every content line at 75 octets on whole characters. Ical.Net counts octets but can cut between the two
    /// halves of a surrogate pair (an emoji in a couple's name), which the UTF-8 encoder then writes as U+FFFD, so
    /// its folding is undone and done again here.
    /// </summary>
    internal static string Fold(string ics)
    {
        var output = new StringBuilder(ics.Length + (ics.Length / 40));
        foreach (var line in ics.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var octets = 0;
            var index = 0;
            foreach (var rune in line.EnumerateRunes())
            {
                if (octets + rune.Utf8SequenceLength > MaxLineOctets)
                {
                    output.Append("\r\n ");
                    octets = 1;
                }
                output.Append(line, index, rune.Utf16SequenceLength);
                index += rune.Utf16SequenceLength;
                octets += rune.Utf8SequenceLength;
            }
            output.Append("\r\n");
        }
        return output.ToString();
    }
}
