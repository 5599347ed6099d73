namespace WedTech.App.Features.CheckIn;

/// <summary>The CheckIn module's API: guests checked in at an event's door, arrivals undone, and the arrivals so far.</summary>
public sealed class CheckInApi(ApiClient api)
{
    public static class Routes
    {
        public static string CheckIns(Guid eventId) => $"/api/v1/events/{eventId}/check-ins";

        public static string Household(Guid eventId, Guid householdId) => $"{CheckIns(eventId)}/{householdId}";

        public static string Undo(Guid eventId, Guid householdId, Guid? guestId) => Query.Build(Household(eventId, householdId), ("guestId", guestId?.ToString()));

        public static string Arrivals(Guid eventId, ArrivalFilter show, string? search, int page, int pageSize) =>
            Query.Build($"/api/v1/events/{eventId}/arrivals", ("show", show == ArrivalFilter.All ? null : ApiJson.EnumName(show)), ("q", search),
                ("page", Query.Number(page)), ("pageSize", Query.Number(pageSize)));

        public static string OfWedding(Guid weddingId) => $"/api/v1/weddings/{weddingId}/arrivals";

        /// <summary>The household's guest pass (PNG); a plain link shows or downloads it with the browser's session.</summary>
        public static string GuestPass(Guid weddingId, Guid householdId) => $"/api/v1/weddings/{weddingId}/households/{householdId}/guest-pass";
    }

    /// <summary>Checks in the household whose pass was scanned: everyone invited to the event.</summary>
    public async Task<CheckInResponse> ScanAsync(Guid eventId, string code) =>
        (await api.PostAsync<CheckInRequest, CheckInResponse>(Routes.CheckIns(eventId), new CheckInRequest(code, null, null))).Value!;

    /// <summary>Checks in these members of the household (all invited when null).</summary>
    public async Task<CheckInResponse> CheckInAsync(Guid eventId, Guid householdId, IReadOnlyList<Guid>? members) =>
        (await api.PostAsync<CheckInRequest, CheckInResponse>(Routes.CheckIns(eventId), new CheckInRequest(null, householdId, members))).Value!;

    public Task<CheckInResponse> GetAsync(Guid eventId, Guid householdId) => api.GetAsync<CheckInResponse>(Routes.Household(eventId, householdId));

    /// <summary>Undoes one member's arrival, or the household's.</summary>
    public async Task<CheckInResponse> UndoAsync(Guid eventId, Guid householdId, Guid? guestId) =>
        (await api.DeleteAsync<CheckInResponse>(Routes.Undo(eventId, householdId, guestId))).Value!;

    /// <summary>The event's counts and a page of its households; searches keep no offline copy.</summary>
    public Task<Loaded<EventArrivalsResponse>> ArrivalsAsync(Guid eventId, ArrivalFilter show, string? search, int page, int pageSize) =>
        api.GetWithOfflineCopyAsync<EventArrivalsResponse>(Routes.Arrivals(eventId, show, search, page, pageSize), keepCopy: string.IsNullOrWhiteSpace(search));

    public Task<Loaded<WeddingArrivalsResponse>> OfWeddingAsync(Guid weddingId) => api.GetWithOfflineCopyAsync<WeddingArrivalsResponse>(Routes.OfWedding(weddingId));

    /// <summary>Whether a change heard on the wedding moves an event's arrivals (or what is expected).</summary>
    public static bool ChangesArrivals(WeddingChangedMessage change, Guid? eventId = null) =>
        change.Change == WeddingChange.GuestsArrived ? eventId is null || change.EventId == eventId
            : change.Change is WeddingChange.GuestsChanged or WeddingChange.EventCreated or WeddingChange.EventUpdated or WeddingChange.EventDeleted;
}
