namespace WedTech.App.Features.Events.Components;

/// <summary>The editable form of a run-of-show item; its start is a wall-clock time in the event's zone.</summary>
public sealed class RunOfShowItemModel
{
    public DateTime? Start { get; set; }
    public int? DurationMinutes { get; set; }
    public string Title { get; set; } = "";
    public Guid? OwnerUserId { get; set; }
    public string? OwnerName { get; set; }
    public string? Location { get; set; }
    public string? Notes { get; set; }
    public bool IsFixed { get; set; }
    public bool IsShared { get; set; }
    public RunOfShowStatus Status { get; set; } = RunOfShowStatus.Pending;

    public static RunOfShowItemModel From(RunOfShowItemResponse item) => new()
    {
        Start = item.Start,
        DurationMinutes = item.DurationMinutes,
        Title = item.Title,
        OwnerUserId = item.OwnerUserId,
        // A staff owner is named by the server; only a name of someone else (a vendor) is typed.
        OwnerName = item.OwnerUserId is null ? item.OwnerName : null,
        Location = item.Location,
        Notes = item.Notes,
        IsFixed = item.IsFixed,
        IsShared = item.IsShared,
        Status = item.Status,
    };

    public RunOfShowItemRequest ToRequest() => new(
        Start is { } start ? DateTime.SpecifyKind(start, DateTimeKind.Unspecified) : null,
        DurationMinutes ?? 0,
        Title.Trim(),
        OwnerUserId,
        OwnerUserId is null ? Blank(OwnerName) : null,
        Blank(Location),
        Blank(Notes),
        IsFixed,
        IsShared,
        Status);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
