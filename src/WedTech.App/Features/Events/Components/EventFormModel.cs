using WedTech.App.Features.Weddings.Components;

namespace WedTech.App.Features.Events.Components;

/// <summary>The editable form of an event: start and end as wall-clock times at the venue, in its zone.</summary>
public sealed class EventFormModel
{
    public EventType? Type { get; set; }
    public string Name { get; set; } = "";
    public DateTime? Start { get; set; }
    public DateTime? End { get; set; }
    public string? TimeZone { get; set; }
    public Guid? VenueId { get; set; }
    public string? DressCode { get; set; }
    public int? ExpectedGuests { get; set; }
    public string? Notes { get; set; }
    public EventStatus Status { get; set; } = EventStatus.Planned;
    public List<TeamMemberModel> Team { get; set; } = [];

    public static EventFormModel From(EventResponse e) => new()
    {
        Type = e.Type,
        Name = e.Name,
        Start = e.Start,
        End = e.End,
        TimeZone = e.TimeZone,
        VenueId = e.Venue?.Id,
        DressCode = e.DressCode,
        ExpectedGuests = e.ExpectedGuests,
        Notes = e.Notes,
        Status = e.Status,
        Team = e.Team.Select(t => new TeamMemberModel { UserId = t.UserId, Role = t.Role }).ToList(),
    };

    /// <summary>
    /// The request. Times go as typed, without an offset: the server reads them in <see cref="TimeZone"/>, or in the
    /// venue's zone, or the studio's, when none is given.
    /// </summary>
    public EventRequest ToRequest() => new(
        Type,
        Name.Trim(),
        Start is { } start ? DateTime.SpecifyKind(start, DateTimeKind.Unspecified) : null,
        End is { } end ? DateTime.SpecifyKind(end, DateTimeKind.Unspecified) : null,
        string.IsNullOrWhiteSpace(TimeZone) ? null : TimeZone.Trim(),
        VenueId,
        Blank(DressCode),
        ExpectedGuests,
        Blank(Notes),
        Status,
        Team.Where(t => t.UserId is not null).Select(t => new TeamAssignment(t.UserId, t.Role)).ToList());

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
