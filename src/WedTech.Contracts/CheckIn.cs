using System.ComponentModel.DataAnnotations;

namespace WedTech.Contracts;

/// <summary>
/// Check a household in at an event's door: from the code of its guest pass (the QR on its RSVP page) or by its id (picked
/// by name). <see cref="Members"/> names the members who arrived; without it, every member invited to the event. Sending
/// the same again changes nothing: members already in keep their first arrival.
/// </summary>
public sealed record CheckInRequest(
    [property: StringLength(CheckInLimits.MaxCodeLength)] string? Code,
    Guid? HouseholdId,
    IReadOnlyList<Guid>? Members);

public static class CheckInLimits
{
    /// <summary>Longer than any guest pass's code: a longer one is not read.</summary>
    public const int MaxCodeLength = 200;
}

/// <summary>What a check-in did: everyone asked for is in now, or some or all of them were in already.</summary>
public enum CheckInOutcome { CheckedIn, AlreadyArrived, NotCheckedIn }

/// <summary>
/// A household at an event's door: its members invited to the event, with food, allergies and whether (when, by whom) each
/// has arrived. <see cref="Message"/> says what happened in words for the coordinator ("Already arrived at 19:42, checked in
/// by Asha").
/// </summary>
public sealed record CheckInResponse(
    Guid EventId, Guid HouseholdId, string DisplayName, CheckInOutcome Outcome, string Message,
    int Attending, IReadOnlyList<ArrivingGuest> Members);

/// <summary>A member invited to the event; <see cref="ArrivedAt"/> is null until they arrive, <see cref="Table"/> until they are seated.</summary>
public sealed record ArrivingGuest(
    Guid Id, string? Name, string? Honorific, AgeGroup AgeGroup, Diet? Diet, string? Allergies, RsvpAnswer Answer,
    DateTimeOffset? ArrivedAt, string? CheckedInBy, string? Table = null);

/// <summary>An event's arrivals so far: members arrived, places expected (answered attending), households invited and in.</summary>
public sealed record ArrivalCounts(Guid EventId, string EventName, DateTime Start, int Arrived, int Expected, int Households, int HouseholdsArrived);

/// <summary>A wedding's events with their arrivals.</summary>
public sealed record WeddingArrivalsResponse(Guid WeddingId, IReadOnlyList<ArrivalCounts> Events);

/// <summary>One household on an event's arrivals list.</summary>
public sealed record ArrivalRow(Guid HouseholdId, string DisplayName, int Invited, int Attending, int Arrived, DateTimeOffset? LastArrivalAt);

/// <summary>An event's arrivals: the counts and a page of its households.</summary>
public sealed record EventArrivalsResponse(ArrivalCounts Counts, PagedResponse<ArrivalRow> Households);

/// <summary>Which households of an event's list to show.</summary>
public enum ArrivalFilter { All, Arrived, NotArrived }
