namespace WedTech.Contracts;

/// <summary>What kind of stock an item is.</summary>
public enum StockCategory
{
    Decor,
    Props,
    Furniture,
    Linen,
    Lights,
    MandapSets,
    Other,
}

/// <summary>
/// An item of the studio's stock. <see cref="QuantityOwned"/> ≥ 0; <see cref="InMaintenance"/> of them are being repaired and
/// are not available; <see cref="LowStockThreshold"/>: the item is flagged when fewer are free now. The replacement cost
/// (paise) is what a lost or damaged piece is charged to the wedding; it needs financial:view to see and money rights to set.
/// <see cref="VendorBookingId"/>: the item is rented in from a vendor for that booking's wedding: only that wedding may
/// reserve it, and its pieces go back to the vendor.
/// </summary>
public sealed record StockItemRequest(
    string Name, StockCategory Category, string Unit, int QuantityOwned, string? Warehouse, long? ReplacementCostPaise, int LowStockThreshold,
    int InMaintenance, string? MaintenanceNote, string? Notes, Guid? VendorBookingId = null);

/// <summary>
/// An item with its counts: <see cref="FreeNow"/> is owned less maintenance less what is held by reservations right now;
/// <see cref="LowStock"/> when that is under the threshold. <see cref="ReplacementCostPaise"/> is null without financial:view.
/// </summary>
public sealed record StockItemResponse(
    Guid Id, string Name, StockCategory Category, string Unit, int QuantityOwned, string? Warehouse, long? ReplacementCostPaise, int LowStockThreshold,
    int InMaintenance, string? MaintenanceNote, string? Notes, int FreeNow, bool LowStock, bool UnderMaintenance, long Version,
    Guid? VendorBookingId = null, Guid? RentedForWeddingId = null, string? RentedFromVendor = null);

/// <summary>Where a reservation's pieces are: held for the event, out at the event, back.</summary>
public enum StockReservationStatus
{
    Reserved,
    Out,
    Returned,
}

/// <summary>
/// Holds <see cref="Quantity"/> pieces of an item for an event, from <see cref="SetupHours"/> before it starts to
/// <see cref="TeardownHours"/> after it ends (0–168 each).
/// </summary>
public sealed record StockReservationRequest(Guid ItemId, int Quantity, int SetupHours, int TeardownHours);

/// <summary>
/// A reservation of an event. <see cref="HeldFrom"/>/<see cref="HeldUntil"/>: the held window, wall-clock at the venue.
/// <see cref="ChargedPaise"/>: what the missing and damaged pieces cost the wedding at the item's replacement cost when they
/// came back; null without financial:view.
/// </summary>
public sealed record StockReservationResponse(
    Guid Id, Guid ItemId, string ItemName, string Unit, string? Warehouse, Guid WeddingId, Guid EventId, string EventName, DateTime HeldFrom, DateTime HeldUntil,
    int Quantity, int SetupHours, int TeardownHours, int CheckedOut, int Returned, int Missing, int Damaged, long? ChargedPaise, StockReservationStatus Status,
    long Version);

/// <summary>Pieces taken out for the event: at most what is reserved, in total.</summary>
public sealed record StockCheckOutRequest(int Quantity);

/// <summary>
/// What came back of what went out: <see cref="Returned"/> in good order, <see cref="Missing"/> lost, <see cref="Damaged"/>
/// broken (they go to maintenance). Together at most what went out. Nobody types money: the server charges the wedding.
/// </summary>
public sealed record StockReturnRequest(int Returned, int Missing, int Damaged, string? Note);

/// <summary>
/// Availability of every item over a range of days: <see cref="StockAvailability.PeakReserved"/> at the tightest moment,
/// <see cref="StockAvailability.Free"/> then (usable less peak), and per day when asked.
/// </summary>
public sealed record StockAvailabilityResponse(DateOnly From, DateOnly To, IReadOnlyList<StockAvailability> Items);

/// <summary>
/// One item over the range. <see cref="Holders"/>: the reservations holding its pieces at some moment of the range (not yet
/// back), earliest first: who has the item that week.
/// </summary>
public sealed record StockAvailability(Guid ItemId, string Name, StockCategory Category, string Unit, int Owned, int Usable, int PeakReserved, int Free,
    IReadOnlyList<StockDay>? Days, IReadOnlyList<StockHolder>? Holders = null);

/// <summary>
/// A reservation holding pieces of an item: its wedding (by title) and event, the held window (wall-clock at the venue,
/// setup and teardown included), the pieces held, out and back. The wedding and event ids are null for a wedding the caller
/// may not see (its title then reads "Another wedding").
/// </summary>
public sealed record StockHolder(
    Guid ReservationId, Guid? WeddingId, string Wedding, Guid? EventId, string EventName, DateTime EventStart, DateTime HeldFrom, DateTime HeldUntil, int Quantity,
    int CheckedOut, int Returned, StockReservationStatus Status);

public sealed record StockDay(DateOnly Day, int PeakReserved, int Free);

/// <summary>A flag of the stock list: fewer free now than the item's threshold, or pieces in maintenance.</summary>
public enum StockAlert
{
    LowStock,
    Maintenance,
}
