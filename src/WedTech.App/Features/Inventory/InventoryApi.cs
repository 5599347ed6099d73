namespace WedTech.App.Features.Inventory;

/// <summary>The Inventory module's API: the stock, availability and an event's stock, built in one place.</summary>
public sealed class InventoryApi(ApiClient api)
{
    public static class Routes
    {
        public const string Items = "/api/v1/inventory/items";

        public static string List(string? search, StockCategory? category, StockAlert? flag, int page, int pageSize) =>
            Query.Build(Items, ("page", Query.Number(page)), ("pageSize", Query.Number(pageSize)), ("q", search), ("category", category?.ToString()), ("flag", flag?.ToString()));

        public static string Item(Guid id) => $"{Items}/{id}";

        public static string Availability(DateOnly from, DateOnly to, bool days, Guid? item = null) =>
            Query.Build("/api/v1/inventory/availability", ("from", from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
                ("to", to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), ("days", days ? "true" : null), ("item", item?.ToString()));

        public static string EventStock(Guid eventId) => $"/api/v1/events/{eventId}/stock";

        public static string Reservation(Guid eventId, Guid id) => $"{EventStock(eventId)}/{id}";

        public static string CheckOut(Guid eventId, Guid id) => $"{Reservation(eventId, id)}/check-out";

        public static string Return(Guid eventId, Guid id) => $"{Reservation(eventId, id)}/return";

        public static string PickList(Guid eventId) => $"/api/v1/events/{eventId}/pick-list.pdf";
    }

    public Task<Loaded<PagedResponse<StockItemResponse>>> ListAsync(string? search, StockCategory? category, StockAlert? flag, int page, int pageSize, bool keepCopy = true) =>
        api.GetWithOfflineCopyAsync<PagedResponse<StockItemResponse>>(Routes.List(search, category, flag, page, pageSize), keepCopy);

    public Task<Loaded<StockItemResponse>> CreateAsync(StockItemRequest request) => api.PostAsync<StockItemRequest, StockItemResponse>(Routes.Items, request);

    public Task<Loaded<StockItemResponse>> ItemAsync(Guid id) => api.GetWithOfflineCopyAsync<StockItemResponse>(Routes.Item(id));

    public Task<Loaded<StockItemResponse>> UpdateAsync(Guid id, StockItemRequest request, string? ifMatch) =>
        api.PutAsync<StockItemRequest, StockItemResponse>(Routes.Item(id), request, ifMatch);

    public Task DeleteAsync(Guid id, string? ifMatch) => api.DeleteAsync(Routes.Item(id), ifMatch);

    /// <summary>Every item (or one) over the days, with who holds its pieces.</summary>
    public Task<Loaded<StockAvailabilityResponse>> AvailabilityAsync(DateOnly from, DateOnly to, bool days, Guid? item = null) =>
        api.GetWithOfflineCopyAsync<StockAvailabilityResponse>(Routes.Availability(from, to, days, item), keepCopy: false);

    public Task<Loaded<List<StockReservationResponse>>> EventStockAsync(Guid eventId) =>
        api.GetWithOfflineCopyAsync<List<StockReservationResponse>>(Routes.EventStock(eventId));

    public Task<Loaded<StockReservationResponse>> ReserveAsync(Guid eventId, StockReservationRequest request) =>
        api.PostAsync<StockReservationRequest, StockReservationResponse>(Routes.EventStock(eventId), request);

    public Task<Loaded<StockReservationResponse>> CheckOutAsync(Guid eventId, Guid id, int quantity) =>
        api.PostAsync<StockCheckOutRequest, StockReservationResponse>(Routes.CheckOut(eventId, id), new StockCheckOutRequest(quantity));

    public Task<Loaded<StockReservationResponse>> ReturnAsync(Guid eventId, Guid id, StockReturnRequest request) =>
        api.PostAsync<StockReturnRequest, StockReservationResponse>(Routes.Return(eventId, id), request);

    public Task ReleaseAsync(Guid eventId, Guid id) => api.DeleteAsync(Routes.Reservation(eventId, id), null);
}
