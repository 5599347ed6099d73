namespace WedTech.Server.Calendar;

public sealed class CalendarOptions
{
    /// <summary>Feed fetches per studio and client address per minute.</summary>
    public int FeedRequestsPerMinute { get; set; } = 60;

    /// <summary>How far back a feed reaches: items that ended more days ago than this are left out.</summary>
    public int PastDays { get; set; } = 365;
}
