using System.ComponentModel.DataAnnotations;

namespace WedTech.Contracts;

/// <summary>Save a wedding's events and run-of-show as a reusable template ("North Indian 4-day").</summary>
public sealed record WeddingTemplateRequest(
    [property: Required, StringLength(100, MinimumLength = 1)] string Name,
    [property: StringLength(500)] string? Description,
    [property: Required] Guid? WeddingId);

/// <summary>Rename or re-describe a template (PUT, with If-Match).</summary>
public sealed record WeddingTemplateUpdate(
    [property: Required, StringLength(100, MinimumLength = 1)] string Name,
    [property: StringLength(500)] string? Description);

/// <summary>
/// An event of a template: on day <see cref="Day"/> (0 is the first day), from local <see cref="Start"/> for
/// <see cref="DurationMinutes"/>. Its items start <see cref="TemplateItem.OffsetMinutes"/> after the event starts.
/// Venues and people are not kept: they belong to one wedding.
/// </summary>
public sealed record TemplateEvent(int Day, EventType Type, string Name, TimeOnly Start, int DurationMinutes, string? DressCode,
    int? ExpectedGuests, string? Notes, IReadOnlyList<TemplateItem> Items);

public sealed record TemplateItem(int OffsetMinutes, int DurationMinutes, string Title, string? OwnerName, string? Location, string? Notes,
    bool IsFixed, bool IsShared);

public sealed record WeddingTemplateSummary(Guid Id, string Name, string? Description, int Days, int EventCount, int ItemCount, long Version,
    DateTimeOffset UpdatedAt);

public sealed record WeddingTemplateResponse(Guid Id, string Name, string? Description, IReadOnlyList<TemplateEvent> Events, long Version,
    DateTimeOffset UpdatedAt);

/// <summary>
/// A new wedding from a template: the template's day 0 falls on <see cref="FirstDay"/>, every event in
/// <see cref="TimeZone"/> (IANA; default the studio's).
/// </summary>
public sealed record WeddingFromTemplateRequest(
    [property: Required] WeddingRequest? Wedding,
    [property: Required] DateOnly? FirstDay,
    [property: StringLength(64)] string? TimeZone);
