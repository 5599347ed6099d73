namespace WedTech.App.Features.Events;

/// <summary>
/// The Events module's API: events and their run-of-show, built in one place so the offline copies of a view share one
/// key (an event opened offline falls back on its wedding's schedule by that key).
/// </summary>
public sealed class EventsApi(ApiClient api, OfflineCopies copies)
{
    public static class Routes
    {
        /// <summary>A wedding's events with their run-of-show, in time order (what the timeline shows and a coordinator keeps offline).</summary>
        public static string Schedule(Guid weddingId) => $"/api/v1/weddings/{weddingId}/schedule";

        public static string OfWedding(Guid weddingId) => $"/api/v1/weddings/{weddingId}/events";

        public static string Between(DateOnly from, DateOnly to, bool mine, int pageSize) =>
            Query.Build("/api/v1/events", ("from", Query.Date(from)), ("to", Query.Date(to)), ("mine", mine ? "true" : null), ("pageSize", Query.Number(pageSize)));

        public static string One(Guid eventId) => $"/api/v1/events/{eventId}";

        public static string Items(Guid eventId) => $"/api/v1/events/{eventId}/run-of-show";

        public static string Item(Guid eventId, Guid itemId) => $"/api/v1/events/{eventId}/run-of-show/{itemId}";

        public static string ItemStatus(Guid eventId, Guid itemId) => $"/api/v1/events/{eventId}/run-of-show/{itemId}/status";

        public static string Shift(Guid eventId) => $"/api/v1/events/{eventId}/run-of-show/shift";
    }

    public Task<Loaded<WeddingScheduleResponse>> ScheduleAsync(Guid weddingId) => api.GetWithOfflineCopyAsync<WeddingScheduleResponse>(Routes.Schedule(weddingId));

    /// <summary>The wedding's schedule as last kept on this device, without asking the server; null when none was.</summary>
    public Task<Loaded<WeddingScheduleResponse>?> KeptScheduleAsync(Guid weddingId) => copies.LoadAsync<WeddingScheduleResponse>(Routes.Schedule(weddingId));

    /// <summary>Events across weddings between two days (the dashboard's days), only the person's own when <paramref name="mine"/>.</summary>
    public Task<Loaded<PagedResponse<EventSummaryResponse>>> BetweenAsync(DateOnly from, DateOnly to, bool mine, int pageSize) =>
        api.GetWithOfflineCopyAsync<PagedResponse<EventSummaryResponse>>(Routes.Between(from, to, mine, pageSize));

    public Task<Loaded<EventResponse>> GetAsync(Guid eventId) => api.GetWithOfflineCopyAsync<EventResponse>(Routes.One(eventId));

    public Task<Loaded<EventResponse>> CreateAsync(Guid weddingId, EventRequest request) => api.PostAsync<EventRequest, EventResponse>(Routes.OfWedding(weddingId), request);

    public Task<Loaded<EventResponse>> UpdateAsync(Guid eventId, EventRequest request, string? ifMatch) => api.PutAsync<EventRequest, EventResponse>(Routes.One(eventId), request, ifMatch);

    public Task DeleteAsync(Guid eventId, string? ifMatch) => api.DeleteAsync(Routes.One(eventId), ifMatch);

    public Task<RunOfShowItemResponse> GetItemAsync(Guid eventId, Guid itemId) => api.GetAsync<RunOfShowItemResponse>(Routes.Item(eventId, itemId));

    /// <summary>
    /// The item as it is now, fetched alone (half a kilobyte, where the whole event or schedule is tens or hundreds);
    /// null when it is gone for this person: deleted, or no longer shared with the couple.
    /// </summary>
    public async Task<RunOfShowItemResponse?> ItemNowAsync(Guid eventId, Guid itemId)
    {
        try
        {
            return await GetItemAsync(eventId, itemId);
        }
        catch (ApiProblemException problem) when (problem.Status == 404)
        {
            return null;
        }
    }

    public Task<Loaded<RunOfShowItemResponse>> AddItemAsync(Guid eventId, RunOfShowItemRequest request) =>
        api.PostAsync<RunOfShowItemRequest, RunOfShowItemResponse>(Routes.Items(eventId), request);

    public Task<Loaded<RunOfShowItemResponse>> UpdateItemAsync(Guid eventId, Guid itemId, RunOfShowItemRequest request, string? ifMatch) =>
        api.PutAsync<RunOfShowItemRequest, RunOfShowItemResponse>(Routes.Item(eventId, itemId), request, ifMatch);

    public Task DeleteItemAsync(Guid eventId, Guid itemId, string? ifMatch) => api.DeleteAsync(Routes.Item(eventId, itemId), ifMatch);

    public async Task<RunOfShowItemResponse> SetStatusAsync(Guid eventId, Guid itemId, RunOfShowStatus status) =>
        (await api.PostAsync<RunOfShowStatusRequest, RunOfShowItemResponse>(Routes.ItemStatus(eventId, itemId), new RunOfShowStatusRequest(status))).Value!;

    /// <summary>Shifts the run-of-show from one item, sent with the event's version last read.</summary>
    public Task<Loaded<RunOfShowShiftResponse>> ShiftAsync(Guid eventId, RunOfShowShiftRequest request, string? ifMatch) =>
        api.PostAsync<RunOfShowShiftRequest, RunOfShowShiftResponse>(Routes.Shift(eventId), request, ifMatch);
}
