using System.ComponentModel.DataAnnotations;

namespace WedTech.Contracts;

#pragma warning disable CA1720 // "long" is the shape of a banquet table, not a type
public enum TableShape { Round, Rectangle, Long }
#pragma warning restore CA1720

/// <summary>What an event's seating holds at most.</summary>
public static class SeatingLimits
{
    public const int MinSeats = 1;
    public const int MaxSeats = 40;
    public const int MaxTables = 300;
    public const int MaxTableName = 60;
    public const int MaxNotes = 2000;
    public const int MaxReason = 200;
    public const int MaxPairs = 200;
    public const int MaxMoves = 2000;
}

/// <summary>
/// A table of an event: its name or number as the guests see it, its shape and seats (1 to 40). <see cref="Position"/> is
/// its place in the event's order (0 first); without it a new table goes last and an existing one keeps its place.
/// <see cref="Notes"/> are for the studio only.
/// </summary>
public sealed record SeatingTableRequest(
    [property: Required, StringLength(SeatingLimits.MaxTableName, MinimumLength = 1)] string Name,
    [property: Required] TableShape? Shape,
    [property: Required, Range(SeatingLimits.MinSeats, SeatingLimits.MaxSeats)] int? Seats,
    [property: Range(0, SeatingLimits.MaxTables)] int? Position,
    [property: StringLength(SeatingLimits.MaxNotes)] string? Notes);

/// <summary>A table with the guests seated at it, in the order they were seated by household.</summary>
public sealed record SeatingTableResponse(
    Guid Id, Guid EventId, string Name, TableShape Shape, int Seats, int Position, string? Notes, IReadOnlyList<Guid> GuestIds, long Version);

/// <summary>A guest who may come to the event (invited and not declined), with the table they sit at, if any.</summary>
public sealed record SeatingGuest(Guid Id, string Name, Guid? TableId);

/// <summary>A household coming to the event; <see cref="MaySplit"/> when the planner let its members sit at different tables.</summary>
public sealed record SeatingHousehold(Guid Id, string DisplayName, GuestSide Side, string? Group, bool MaySplit, IReadOnlyList<SeatingGuest> Guests);

public sealed record KeepApartPairResponse(Guid FirstGuestId, string FirstName, Guid SecondGuestId, string SecondName, string? Reason);

/// <summary>
/// An event's seating: its tables in order, the households coming with where each member sits, the pairs kept apart and,
/// for the studio only, its notes. <see cref="Version"/> changes with every seat or pair; the ETag carries it.
/// </summary>
public sealed record SeatingResponse(
    Guid WeddingId, Guid EventId, string EventName, IReadOnlyList<SeatingTableResponse> Tables, IReadOnlyList<SeatingHousehold> Households,
    IReadOnlyList<KeepApartPairResponse> KeepApart, string? Notes, long Version);

/// <summary>
/// Seats a whole household (<see cref="HouseholdId"/>: every member coming) or one guest (<see cref="GuestId"/>) at a
/// table, or unseats them when <see cref="TableId"/> is null. Give a household or a guest, not both.
/// </summary>
public sealed record SeatMove(Guid? HouseholdId, Guid? GuestId, Guid? TableId);

/// <summary>
/// Moves done together, checked together: no table over its seats, no pair kept apart at one table, and a household at one
/// table. A move that leaves a household at two tables is refused unless <see cref="SplitHousehold"/> is true; the
/// household may then sit apart until it is seated together again.
/// </summary>
public sealed record SeatingMovesRequest(
    [property: Required, MinLength(1), MaxLength(SeatingLimits.MaxMoves)] IReadOnlyList<SeatMove>? Moves,
    bool SplitHousehold = false);

public sealed record KeepApartRequest([property: Required] Guid? FirstGuestId, [property: Required] Guid? SecondGuestId,
    [property: StringLength(SeatingLimits.MaxReason)] string? Reason);

/// <summary>The pairs of guests to keep apart (the whole list) and the studio's notes.</summary>
public sealed record SeatingPlanRequest(
    [property: MaxLength(SeatingLimits.MaxPairs)] IReadOnlyList<KeepApartRequest>? KeepApart,
    [property: StringLength(SeatingLimits.MaxNotes)] string? Notes);

/// <summary>Seats everyone not yet seated; with <see cref="ReseatAll"/> clears the tables first (splits allowed before are forgotten).</summary>
public sealed record ArrangeRequest(bool ReseatAll = false);

/// <summary>A household the arrangement could not seat (or a rule it could not keep), and why.</summary>
public sealed record ArrangeIssue(Guid? HouseholdId, string Household, int Guests, string Reason);

public sealed record ArrangeResponse(int Seated, int Unseated, IReadOnlyList<ArrangeIssue> Issues, SeatingResponse Seating);

/// <summary>The seating's printouts.</summary>
public enum SeatingPrint { Chart, PlaceCards, EscortList }
