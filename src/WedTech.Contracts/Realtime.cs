namespace WedTech.Contracts;

/// <summary>
/// The realtime hub (SignalR, JSON protocol with <see cref="ApiJson"/>'s conventions) at <see cref="Path"/> on a
/// studio's host, or with the X-Tenant header. Sign in as for the API: the bearer header; the browser session
/// cookie (the negotiate request is a POST, so it needs the X-WedTech-Csrf header as any other); or, for clients
/// that cannot set headers on a WebSocket, the <c>access_token</c> query parameter. Transports: WebSockets, long
/// polling. A connection closes when its access token expires; reconnect with a fresh one and join again.
/// </summary>
public static class RealtimeProtocol
{
    public const string Path = "/hubs/realtime";

    /// <summary>
    /// Client → server: <c>GetSession()</c> → <see cref="RealtimeSession"/>. Call it first after (re)connecting: it answers
    /// only once the connection is in its groups, so what the client fetches after it cannot miss a change.
    /// </summary>
    public const string GetSession = "GetSession";

    /// <summary>Client → server: <c>JoinWedding(Guid weddingId)</c>. Refused (HubException) for a wedding the caller may not see.</summary>
    public const string JoinWedding = "JoinWedding";

    /// <summary>Client → server: <c>LeaveWedding(Guid weddingId)</c>.</summary>
    public const string LeaveWedding = "LeaveWedding";

    /// <summary>Server → client: one <see cref="WeddingChangedMessage"/>.</summary>
    public const string WeddingChanged = "WeddingChanged";

    /// <summary>Server → client: an in-app notification for the signed-in user.</summary>
    public const string Notification = "Notification";

    /// <summary>Server → client, to people who may see leads (<c>lead:view</c>): one <see cref="LeadsChangedMessage"/>.</summary>
    public const string LeadsChanged = "LeadsChanged";
}

/// <summary>What a connection hears without asking.</summary>
/// <param name="FollowsAllWeddings">True for people who see every wedding of the studio: they hear every wedding's changes
/// and need not join any. Others join each wedding they show (<see cref="RealtimeProtocol.JoinWedding"/>).</param>
public sealed record RealtimeSession(bool FollowsAllWeddings);

/// <summary>The kinds of <see cref="WeddingChangedMessage.Change"/>.</summary>
public static class WeddingChange
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Deleted = "deleted";

    /// <summary>The team changed (and perhaps more): who may see the wedding may have changed, so check access again.</summary>
    public const string TeamChanged = "team-changed";

    /// <summary>An event of the wedding was added, changed (its run-of-show may have moved with it) or removed: <see cref="WeddingChangedMessage.EventId"/>.</summary>
    public const string EventCreated = "event-created";
    public const string EventUpdated = "event-updated";
    public const string EventDeleted = "event-deleted";

    /// <summary>
    /// Run-of-show items changed: one (<see cref="WeddingChangedMessage.ItemId"/>, its <see cref="WeddingChangedMessage.Version"/>),
    /// or several at once (a shift; no item id, the event's version).
    /// </summary>
    public const string RunOfShowChanged = "run-of-show-changed";

    /// <summary>The guest list changed: a household, its invitations or an answer (the headcounts with it).</summary>
    public const string GuestsChanged = "guests-changed";

    /// <summary>
    /// Guests were checked in at an event's door, or an arrival was undone: <see cref="WeddingChangedMessage.EventId"/>, and the
    /// household in <see cref="WeddingChangedMessage.ItemId"/>.
    /// </summary>
    public const string GuestsArrived = "guests-arrived";
    /// <summary>An event's seating changed: its tables, who sits where or the pairs kept apart (<see cref="WeddingChangedMessage.EventId"/>).</summary>
    public const string SeatingChanged = "seating-changed";

    /// <summary>A message about the wedding was sent, delivered, read or failed: the outbox's list and the guests' invitation statuses move.</summary>
    public const string MessagesChanged = "messages-changed";

    /// <summary>A guest's ID for the hotel was sent, opened by no one yet, or deleted: the list of ID documents moves.</summary>
    public const string IdDocumentsChanged = "id-documents-changed";

    /// <summary>A room block or a room given to guests was added, changed or removed.</summary>
    public const string RoomsChanged = "rooms-changed";

    /// <summary>Guests' arrivals and departures, the vehicles or the pickup trips changed.</summary>
    public const string TravelChanged = "travel-changed";

    /// <summary>
    /// A vendor booking, its payments or its vendor's answer on the day link changed (<see cref="WeddingChangedMessage.ItemId"/>:
    /// the booking; <see cref="WeddingChangedMessage.EventId"/>: its event): the bookings, the event's vendors and the budget move.
    /// </summary>
    public const string VendorsChanged = "vendors-changed";

    /// <summary>The budget's lines or settings changed. The budget also moves with <see cref="VendorsChanged"/> and <see cref="GuestsChanged"/>.</summary>
    public const string BudgetChanged = "budget-changed";

    /// <summary>An invoice, estimate or credit note was drafted, issued or cancelled (<see cref="WeddingChangedMessage.ItemId"/>: the document).</summary>
    public const string InvoicesChanged = "invoices-changed";

    /// <summary>The couple's payment plan changed, or a payment or refund was recorded (by staff, or by Razorpay): what is due moves.</summary>
    public const string PaymentsChanged = "payments-changed";

    /// <summary>A task of the wedding was added, changed, moved on the board, ticked, commented on or removed.</summary>
    public const string TasksChanged = "tasks-changed";

    /// <summary>
    /// Stock of the wedding was reserved, released, checked out or returned (<see cref="WeddingChangedMessage.EventId"/>: the
    /// event; <see cref="WeddingChangedMessage.ItemId"/>: the stock item): the event's stock, the item and availability move.
    /// </summary>
    public const string StockChanged = "stock-changed";
}

/// <summary>
/// A wedding changed. It carries no data: fetch the wedding through the API, which applies the caller's
/// permissions. It reaches staff who see every wedding, connections that joined the wedding and, when a wedding is
/// created or its team changes, the people added to or removed from its team. It may arrive more than once;
/// <see cref="Version"/> tells a repeat from a new change (the version of the event or item when one is named).
/// </summary>
public sealed record WeddingChangedMessage(Guid WeddingId, string Change, long? Version, Guid? EventId = null, Guid? ItemId = null);
