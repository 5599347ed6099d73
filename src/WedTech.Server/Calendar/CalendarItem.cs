namespace WedTech.Server.Calendar;

/// <summary>What a feed asks its sources for: every wedding its user may see, or one of them, from a date on.</summary>
public sealed record CalendarScope(Guid? WeddingId, DateOnly Since);

/// <summary>
/// Puts a module's records into calendar feeds; a module plugs in with one registration
/// (<c>services.AddScoped&lt;ICalendarSource, XxxCalendarSource&gt;()</c>). It runs with the feed's user as
/// <see cref="Identity.CurrentUser"/>, so the module's own visibility rules decide what the feed shows.
/// </summary>
public interface ICalendarSource
{
    Task<IReadOnlyList<CalendarItem>> ItemsAsync(CalendarScope scope, CancellationToken cancellationToken);
}

public enum CalendarItemStatus { Tentative, Confirmed, Cancelled }

/// <summary>
/// One event of a feed. <see cref="Id"/> is the record's own id: it becomes the UID (<c>{Id}@wedtech</c>),
/// the same on every fetch, so calendar apps update the event instead of adding another.
/// <see cref="UpdatedAt"/> is written as DTSTAMP and LAST-MODIFIED.
/// </summary>
public sealed record CalendarItem(
    Guid Id, string Title, string? Description, string? Location, CalendarTime Time, CalendarItemStatus Status, DateTimeOffset UpdatedAt, Uri? Link);

/// <summary>When an item happens: whole days, or a wall-clock time at the venue in its IANA time zone.</summary>
public abstract record CalendarTime
{
    private CalendarTime() { }

    /// <summary>From <paramref name="First"/> to <paramref name="Last"/>, both included (a wedding day, a task's due date).</summary>
    public sealed record Days(DateOnly First, DateOnly Last) : CalendarTime;

    /// <summary>Local times at the venue (<see cref="DateTime.Kind"/> is ignored); no end for a moment, such as a deadline.</summary>
    public sealed record Local(DateTime Start, DateTime? End, string TimeZone) : CalendarTime;
}
