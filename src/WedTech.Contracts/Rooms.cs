using System.ComponentModel.DataAnnotations;

namespace WedTech.Contracts;

/// <summary>Who pays for a room block: the studio (in its package), the family, or each guest.</summary>
public enum RoomPayer { Studio, Family, Guest }

/// <summary>
/// Rooms held at a hotel of the venue book for a wedding: a room type, how many rooms, the first and the last night
/// (check-in and check-out days), the rate per room per night in paise (money: needs <c>financial:*</c>) and who pays.
/// </summary>
public sealed record RoomBlockRequest(
    [property: Required] Guid? VenueId,
    [property: Required, StringLength(100, MinimumLength = 1)] string RoomType,
    [property: Required, Range(1, 500)] int? Rooms,
    [property: Required] DateOnly? CheckIn,
    [property: Required] DateOnly? CheckOut,
    [property: Range(0, 10_00_000_00)] long? RatePaise,
    [property: Required] RoomPayer? PaidBy,
    [property: StringLength(2000)] string? Notes);

/// <summary>A room of a block given to members of one household, from check-in to check-out (within the block's days).</summary>
public sealed record RoomAllotmentRequest(
    [property: Required] Guid? HouseholdId,
    [property: Required, MinLength(1), MaxLength(8)] IReadOnlyList<Guid> Guests,
    [property: Required] DateOnly? CheckIn,
    [property: Required] DateOnly? CheckOut);

public sealed record RoomGuest(Guid Id, string Name);

public sealed record RoomAllotmentResponse(
    Guid Id, Guid BlockId, Guid HouseholdId, string Household, IReadOnlyList<RoomGuest> Guests, DateOnly CheckIn, DateOnly CheckOut, long Version);

/// <summary>
/// A room block with its rooms given out. <see cref="RatePaise"/> is null for those who may not see money;
/// <see cref="Notes"/> (the studio's) null for the couple. <see cref="FewestFree"/>: the rooms still free on its fullest night.
/// </summary>
public sealed record RoomBlockResponse(
    Guid Id, Guid WeddingId, Guid? VenueId, string Hotel, string? City, string RoomType, int Rooms, DateOnly CheckIn, DateOnly CheckOut, long? RatePaise,
    RoomPayer PaidBy, string? Notes, int FewestFree, IReadOnlyList<RoomAllotmentResponse> Allotments, long Version);
