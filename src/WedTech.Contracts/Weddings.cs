using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace WedTech.Contracts;

public enum WeddingStatus { Inquiry, Booked, InProgress, Completed, Cancelled }

public enum TeamRole { LeadPlanner, Planner, Coordinator, Client }

public sealed record TeamAssignment([property: Required] Guid? UserId, [property: Required] TeamRole? Role);

/// <summary>Create and full update (PUT) share one shape. Money is integer paise.</summary>
public sealed record WeddingRequest(
    [property: Required, StringLength(200, MinimumLength = 1)] string Title,
    [property: Required, StringLength(100, MinimumLength = 1)] string BrideName,
    [property: Required, StringLength(100, MinimumLength = 1)] string GroomName,
    [property: Required] DateOnly? PrimaryDate,
    [property: StringLength(100)] string? City,
    WeddingStatus? Status,
    [property: Range(0, 100_000_000_000_00)] long? EstimatedBudgetPaise,
    [property: Range(0, 100_000)] int? GuestCountEstimate,
    [property: StringLength(4000)] string? Notes,
    [property: MaxLength(50)] IReadOnlyList<TeamAssignment>? Team);

public sealed record TeamMemberResponse(Guid UserId, string Name, Role UserRole, TeamRole Role);

/// <summary>
/// A wedding as the caller may see it: <see cref="EstimatedBudgetPaise"/> is null for roles
/// without the financial:view permission (coordinators never see money).
/// </summary>
public sealed record WeddingResponse(
    Guid Id, string Title, string BrideName, string GroomName, DateOnly PrimaryDate, string? City, WeddingStatus Status,
    long? EstimatedBudgetPaise, string Currency, int? GuestCountEstimate, string? Notes,
    IReadOnlyList<TeamMemberResponse> Team, long Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

[ImmutableObject(true)]
public sealed record WeddingSummaryResponse(
    Guid Id, string Title, string BrideName, string GroomName, DateOnly PrimaryDate, string? City, WeddingStatus Status,
    int? GuestCountEstimate, long Version);

public sealed record WeddingStatusCount(WeddingStatus Status, int Count);

/// <summary>
/// The dashboard: how many weddings the caller may see in each status, the next ones coming up, and what needs the caller
/// soon (<see cref="NeedsYou"/>, soonest first).
/// </summary>
public sealed record WeddingOverviewResponse(
    IReadOnlyList<WeddingStatusCount> ByStatus, IReadOnlyList<WeddingSummaryResponse> Upcoming, DateOnly Today, IReadOnlyList<AttentionItem> NeedsYou);

/// <summary>What a line of the dashboard's "needs you" is about. Each module adds the kinds it raises.</summary>
public enum AttentionKind { RunOfShowItem, EventWithoutVenue, WeddingWithoutStaff, RsvpDeadline, PickupMissing, VendorPaymentDue, TaskDue }

/// <summary>
/// Something that needs the caller by <see cref="Due"/> (a date in the studio's zone). <see cref="Link"/> is the app page
/// that deals with it, relative to the app (<c>weddings/{id}/events/{id}</c>).
/// </summary>
public sealed record AttentionItem(AttentionKind Kind, string Title, string Detail, DateOnly Due, string Link);
