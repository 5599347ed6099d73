using System.ComponentModel.DataAnnotations;

namespace WedTech.Contracts;

public enum EventType { Mehendi, Haldi, Sangeet, Cocktail, Baraat, Ceremony, Reception, Engagement, Roka, WelcomeDinner, Brunch, Custom }

public enum EventStatus { Planned, Confirmed, InProgress, Done, Cancelled }

public enum RunOfShowStatus { Pending, InProgress, Done, Slipped }

/// <summary>
/// Create and full update (PUT) of one event of a wedding. <see cref="Start"/> and <see cref="End"/> are wall-clock times
/// at the venue, without an offset ("2026-12-10T19:30"), in <see cref="TimeZone"/> (IANA; default the venue's zone,
/// else the studio's). An end at or before the start is refused; a Sangeet till 1 a.m. ends the next day.
/// Moving the start moves the run-of-show with it, except its fixed items (a muhurat).
/// </summary>
public sealed record EventRequest(
    [property: Required] EventType? Type,
    [property: Required, StringLength(120, MinimumLength = 1)] string Name,
    [property: Required] DateTime? Start,
    [property: Required] DateTime? End,
    [property: StringLength(64)] string? TimeZone,
    Guid? VenueId,
    [property: StringLength(200)] string? DressCode,
    [property: Range(0, 100_000)] int? ExpectedGuests,
    [property: StringLength(4000)] string? Notes,
    EventStatus? Status,
    [property: MaxLength(50)] IReadOnlyList<TeamAssignment>? Team);

/// <summary>A venue as an event shows it.</summary>
public sealed record VenueSummary(Guid Id, string Name, string? Address, string? City, string? StateCode, string? MapUrl);

/// <summary>
/// Another event in the same venue at an overlapping time (cancelled ones aside), of this or another wedding.
/// <see cref="EventName"/> and <see cref="WeddingTitle"/> are null when the caller may not see that wedding.
/// </summary>
public sealed record EventConflict(Guid EventId, Guid WeddingId, string? EventName, string? WeddingTitle, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

/// <summary>A fixed moment of an event (a muhurat), shown on the wedding's timeline.</summary>
public sealed record KeyMoment(Guid ItemId, DateTime Start, string Title);

/// <summary>
/// One event as the caller may see it. <see cref="StartsAt"/>/<see cref="EndsAt"/> are the same moments as instants.
/// A client (the couple) gets no <see cref="Notes"/>, no <see cref="Conflicts"/> and only the run-of-show items marked
/// shared, without their notes.
/// </summary>
public sealed record EventResponse(
    Guid Id, Guid WeddingId, EventType Type, string Name, DateTime Start, DateTime End, string TimeZone,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, VenueSummary? Venue, string? DressCode, int? ExpectedGuests, string? Notes,
    EventStatus Status, IReadOnlyList<TeamMemberResponse> Team, IReadOnlyList<EventConflict> Conflicts,
    IReadOnlyList<RunOfShowItemResponse> RunOfShow, long Version, DateTimeOffset UpdatedAt);

/// <summary>An event in a list (a wedding's timeline, the dashboard's days): counts instead of the run-of-show.</summary>
public sealed record EventSummaryResponse(
    Guid Id, Guid WeddingId, string WeddingTitle, EventType Type, string Name, DateTime Start, DateTime End, string TimeZone,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, VenueSummary? Venue, EventStatus Status, int ItemCount, int DoneCount,
    IReadOnlyList<KeyMoment> KeyMoments, bool HasConflicts, bool AssignedToMe, long Version);

/// <summary>A wedding's whole schedule in one answer: every event with its run-of-show, in time order (what a coordinator keeps offline).</summary>
public sealed record WeddingScheduleResponse(Guid WeddingId, string WeddingTitle, IReadOnlyList<EventResponse> Events);

/// <summary>
/// One timed item of an event's run-of-show, at venue-local <see cref="Start"/> in the event's zone. The owner is a
/// staff member (<see cref="OwnerUserId"/>) or anyone by name (a vendor). A fixed item (a muhurat) never moves when
/// the schedule shifts; a shared item is shown to the couple.
/// </summary>
public sealed record RunOfShowItemRequest(
    [property: Required] DateTime? Start,
    [property: Range(0, 1440)] int? DurationMinutes,
    [property: Required, StringLength(200, MinimumLength = 1)] string Title,
    Guid? OwnerUserId,
    [property: StringLength(120)] string? OwnerName,
    [property: StringLength(120)] string? Location,
    [property: StringLength(2000)] string? Notes,
    bool? IsFixed,
    bool? IsShared,
    RunOfShowStatus? Status);

/// <summary>An item of a run-of-show. <see cref="OwnerVendorId"/>: the vendor whose arrival it is (set from their booking).</summary>
public sealed record RunOfShowItemResponse(
    Guid Id, Guid EventId, DateTime Start, int DurationMinutes, string Title, Guid? OwnerUserId, string? OwnerName, string? Location,
    string? Notes, RunOfShowStatus Status, bool IsFixed, bool IsShared, DateTimeOffset? StatusChangedAt, string? StatusChangedBy, long Version,
    Guid? OwnerVendorId = null);

/// <summary>What a coordinator sends from the venue: the item's new status.</summary>
public sealed record RunOfShowStatusRequest([property: Required] RunOfShowStatus? Status);

/// <summary>Move <see cref="FromItemId"/> and every later item by <see cref="Minutes"/> (negative: earlier); fixed and done items stay.</summary>
public sealed record RunOfShowShiftRequest([property: Required] Guid? FromItemId, [property: Required, Range(-720, 720)] int? Minutes);

/// <summary>How many items moved, which later items stayed because they are fixed, and the event as it is now.</summary>
public sealed record RunOfShowShiftResponse(int Moved, IReadOnlyList<Guid> KeptInPlace, EventResponse Event);
