using System.ComponentModel.DataAnnotations;

namespace WedTech.Contracts;

/// <summary>Whose guests a household is: the bride's family and friends, the groom's, or both (common friends).</summary>
public enum GuestSide { Bride, Groom, Both }

public enum AgeGroup { Adult, Child, Infant }

/// <summary>What a guest eats; allergies are free text beside it.</summary>
public enum Diet { Veg, Jain, Eggetarian, NonVeg, Vegan }

public enum RsvpAnswer { Pending, Attending, Declined }

/// <summary>Who recorded an RSVP answer: a member of the studio (or the couple), the guest on their own page, or an import.</summary>
public enum RsvpSource { Staff, Guest, Import }

public static class GuestTags
{
    /// <summary>Offered to every studio; a studio adds its own freely.</summary>
    public static readonly IReadOnlyList<string> Suggested = ["outstation", "local", "NRI", "VIP", "family", "friends", "colleagues"];

    public const int MaxPerHousehold = 20;
    public const int MaxLength = 40;
}

/// <summary>
/// A member of a household. A member without a <see cref="Name"/> is an unnamed place ("guest of Rahul",
/// <see cref="GuestOf"/>). <see cref="LatinName"/> is an optional Latin spelling of a name written in another script, for
/// search. Send the <see cref="Id"/> of an existing member to keep it (and its answers); a member left out is removed.
/// </summary>
public sealed record GuestRequest(
    Guid? Id,
    [property: StringLength(200)] string? Name,
    [property: StringLength(200)] string? LatinName,
    [property: StringLength(30)] string? Honorific,
    AgeGroup? AgeGroup,
    Diet? Diet,
    [property: StringLength(500)] string? Allergies,
    [property: StringLength(32)] string? Phone,
    [property: StringLength(254)] string? Email,
    [property: StringLength(200)] string? GuestOf);

/// <summary>When a household arrives and leaves, and how (a train or flight number), for the pickups and rooms.</summary>
public sealed record TravelPlan(
    DateTime? ArrivalAt,
    [property: StringLength(100)] string? ArrivalBy,
    DateTime? DepartureAt,
    [property: StringLength(100)] string? DepartureBy);

/// <summary>
/// Create and full update (PUT) of a household and its members. <see cref="Phone"/> is the household's primary mobile,
/// stored in E.164 and read as Indian when written without a country code (or in <see cref="Country"/>'s numbering).
/// <see cref="Notes"/> are for the studio only: a caller who may not see them (the couple) leaves them as they are.
/// </summary>
public sealed record HouseholdRequest(
    [property: Required, StringLength(200, MinimumLength = 1)] string DisplayName,
    [property: Required] GuestSide? Side,
    [property: StringLength(100)] string? Group,
    [property: StringLength(32)] string? Phone,
    [property: StringLength(254)] string? Email,
    [property: StringLength(100)] string? City,
    [property: StringLength(100)] string? State,
    [property: StringLength(2)] string? Country,
    [property: MaxLength(GuestTags.MaxPerHousehold)] IReadOnlyList<string>? Tags,
    [property: StringLength(4000)] string? Notes,
    TravelPlan? Travel,
    [property: Required, MinLength(1), MaxLength(50)] IReadOnlyList<GuestRequest> Members);

public sealed record GuestResponse(
    Guid Id, string? Name, string? LatinName, string? Honorific, AgeGroup AgeGroup, Diet? Diet, string? Allergies,
    string? Phone, string? Email, string? GuestOf);

/// <summary>A member's answer for one event.</summary>
public sealed record MemberAnswer([property: Required] Guid? GuestId, [property: Required] RsvpAnswer? Answer);

/// <summary>
/// A household's invitation to one event, with the <see cref="Places"/> it may fill. <see cref="Guests"/> names the
/// members invited when not all are; empty means the household as a whole. <see cref="Attending"/> is the headcount
/// coming: the members answering "attending", or the number the household gave.
/// </summary>
public sealed record InvitationResponse(
    Guid Id, Guid EventId, int Places, IReadOnlyList<Guid> Guests, RsvpAnswer Answer, int Attending,
    IReadOnlyList<MemberAnswer> Members, DateTimeOffset? AnsweredAt, long Version);

public sealed record HouseholdResponse(
    Guid Id, Guid WeddingId, string DisplayName, GuestSide Side, string? Group, string? Phone, string? Email,
    string? City, string? State, string Country, IReadOnlyList<string> Tags, string? Notes, TravelPlan? Travel,
    string? NoteToCouple, IReadOnlyList<GuestResponse> Members, IReadOnlyList<InvitationResponse> Invitations,
    long Version, DateTimeOffset UpdatedAt);

/// <summary>One event a household is invited to, with its places and, optionally, the members invited.</summary>
public sealed record InvitationRequest(
    [property: Required] Guid? EventId,
    [property: Required, Range(1, 100)] int? Places,
    [property: MaxLength(50)] IReadOnlyList<Guid>? Guests);

/// <summary>The events a household is invited to (PUT replaces them all; an event left out is no longer invited).</summary>
public sealed record InvitationsRequest([property: Required, MaxLength(50)] IReadOnlyList<InvitationRequest> Events);

/// <summary>
/// An RSVP for one event: an answer per member (<see cref="Members"/>), or a headcount (<see cref="Attending"/>, 0 for
/// "we cannot come"). Either way no more than the places of the invitation; staff raise the places first.
/// </summary>
public sealed record RsvpRequest([property: MaxLength(50)] IReadOnlyList<MemberAnswer>? Members, [property: Range(0, 100)] int? Attending);

/// <summary>One change of an answer: who gave it, when, and the answer before and after.</summary>
public sealed record RsvpChangeResponse(
    Guid EventId, DateTimeOffset At, RsvpSource Source, string? By, RsvpAnswer Before, int AttendingBefore,
    RsvpAnswer After, int AttendingAfter);

/// <summary>Counts of people (places), by a grouping such as diet, side or age group.</summary>
public sealed record HeadcountGroup(string Key, int Attending);

/// <summary>
/// One event's headcount: places invited, attending, declined and still pending, with the attending split by diet, side
/// and age group. A household that answered with a number counts under "not-known" for diet and age group.
/// </summary>
public sealed record EventHeadcount(
    Guid EventId, string Name, DateTime Start, int Households, int Invited, int Attending, int Declined, int Pending,
    IReadOnlyList<HeadcountGroup> ByDiet, IReadOnlyList<HeadcountGroup> BySide, IReadOnlyList<HeadcountGroup> ByAgeGroup);

public sealed record HeadcountsResponse(Guid WeddingId, int Households, int Guests, IReadOnlyList<EventHeadcount> Events);

/// <summary>
/// A household's personal RSVP link, given once when issued (only a hash of it is kept): whoever has it may answer for
/// the household until it is revoked or a new one is issued.
/// </summary>
public sealed record RsvpLinkResponse(string Url, DateTimeOffset IssuedAt);

/// <summary>
/// A wedding's guest-list settings: the last day guests may answer on their page (in the studio's time zone; after it the
/// page is read-only) and how guests reach the studio for changes (shown on the page), such as "Call Asha on 98765 43210".
/// </summary>
/// <param name="CollectIds">Ask guests on their page for an ID for the hotel (off by default: collect only what is needed).</param>
public sealed record GuestListSettingsRequest(DateOnly? RsvpDeadline, [property: StringLength(GuestListSettingsRequest.MaxContactLength)] string? StudioContact, bool CollectIds = false)
{
    public const int MaxContactLength = 300;
}

public sealed record GuestListSettingsResponse(Guid WeddingId, DateOnly? RsvpDeadline, string? StudioContact, bool CollectIds, long Version);

/// <summary>An invitation (to everyone chosen) or a reminder (to those of them who have not answered yet).</summary>
public enum GuestMessageKind { Invitation, Reminder }

/// <summary>
/// Invitations or reminders to a wedding's households, each with its personal RSVP link, on WhatsApp, SMS or e-mail. Goes to
/// the households named in <see cref="HouseholdIds"/> (all of the wedding's when empty), only those invited to
/// <see cref="EventId"/> when given, and for a reminder only those with an answer still pending (for that event, when given).
/// <see cref="SendAt"/> schedules it: whom it reaches is then decided at that time.
/// </summary>
public sealed record GuestSendRequest(
    [property: Required] GuestMessageKind? Kind,
    [property: Required] MessageChannel? Channel,
    Guid? EventId,
    [property: MaxLength(GuestSendRequest.MaxHouseholds)] IReadOnlyList<Guid>? HouseholdIds,
    [property: StringLength(5)] string? Language,
    DateTimeOffset? SendAt)
{
    public const int MaxHouseholds = 5_000;
}

/// <summary>A household the message cannot reach, and why (no mobile number, no e-mail address).</summary>
public sealed record GuestSendSkip(Guid HouseholdId, string DisplayName, string Reason);

/// <summary>
/// What sending would do: how many messages, to whom not and why, the channel's daily allowance (null for e-mail, which has
/// none) and what is left of it today, and the message as the first household would get it.
/// </summary>
public sealed record GuestSendPreviewResponse(
    int Messages, int AlreadyAnswered, IReadOnlyList<GuestSendSkip> Skipped, int? DailyQuota, int? LeftToday, string? Subject, string? Sample);

public enum GuestSendStatus { Scheduled, Sending, Done, Cancelled }

/// <summary>
/// One sending of invitations or reminders: when, on what, and how it went: messages queued in the outbox, and those not
/// sent with the reason (<see cref="Problem"/>, such as the day's allowance running out).
/// </summary>
public sealed record GuestSendResponse(
    Guid Id, Guid WeddingId, GuestMessageKind Kind, MessageChannel Channel, Guid? EventId, string Language, int Households,
    DateTimeOffset? SendAt, GuestSendStatus Status, int Queued, int NotSent, string? Problem, string? By, DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt);

/// <summary>
/// Where a household's invitation stands: the last message sent to it and its status from the provider (sent, delivered,
/// read, failed), and when its RSVP link was first opened.
/// </summary>
public sealed record HouseholdOutreach(
    Guid HouseholdId, GuestMessageKind? Kind, MessageChannel? Channel, MessageStatus? Status, DateTimeOffset? SentAt, DateTimeOffset? LinkOpenedAt);
