namespace WedTech.App.Features.Vendors;

/// <summary>
/// The Vendors module's API: the studio's vendor book, the vendors booked for a wedding with their quotes and payment
/// schedules, the payments made to them, the day link sent to each vendor's contact, and an event's vendors on the day.
/// </summary>
public sealed class VendorsApi(ApiClient api)
{
    /// <summary>The most rows a page of a list brings (the API's largest page).</summary>
    public const int PageSize = 100;

    public static class Routes
    {
        public const string Vendors = "/api/v1/vendors";

        public const string Categories = "/api/v1/vendors/categories";

        /// <summary>A page of the vendor book: <paramref name="search"/> looks in names, categories, cities, GSTINs and phones.</summary>
        public static string VendorPage(string? search, string? category, int page, int pageSize) =>
            Query.Build(Vendors, ("q", search), ("category", category), ("page", Query.Number(page)), ("pageSize", Query.Number(pageSize)));

        public static string Vendor(Guid id) => $"{Vendors}/{id}";

        public static string Bookings(Guid weddingId) => $"/api/v1/weddings/{weddingId}/bookings";

        public static string Booking(Guid weddingId, Guid id) => $"{Bookings(weddingId)}/{id}";

        public static string Payments(Guid weddingId, Guid bookingId) => $"{Booking(weddingId, bookingId)}/payments";

        public static string Payment(Guid weddingId, Guid bookingId, Guid paymentId) => $"{Payments(weddingId, bookingId)}/{paymentId}";

        public static string DayLink(Guid weddingId, Guid bookingId) => $"{Booking(weddingId, bookingId)}/day-link";

        public static string EventVendors(Guid eventId) => $"/api/v1/events/{eventId}/vendors";
    }

    /// <summary>A page of the vendor book; a search or a category keeps no offline copy.</summary>
    public Task<Loaded<PagedResponse<VendorResponse>>> VendorsAsync(string? search, string? category, int page = 1, int pageSize = PageSize) =>
        api.GetWithOfflineCopyAsync<PagedResponse<VendorResponse>>(Routes.VendorPage(search, category, page, pageSize),
            keepCopy: string.IsNullOrWhiteSpace(search) && string.IsNullOrWhiteSpace(category));

    public Task<Loaded<VendorCategoriesResponse>> CategoriesAsync() => api.GetWithOfflineCopyAsync<VendorCategoriesResponse>(Routes.Categories);

    public Task<Loaded<VendorResponse>> VendorAsync(Guid id) => api.GetWithOfflineCopyAsync<VendorResponse>(Routes.Vendor(id));

    public Task<Loaded<VendorResponse>> AddVendorAsync(VendorRequest request) => api.PostAsync<VendorRequest, VendorResponse>(Routes.Vendors, request);

    public Task<Loaded<VendorResponse>> UpdateVendorAsync(Guid id, VendorRequest request, string? ifMatch) =>
        api.PutAsync<VendorRequest, VendorResponse>(Routes.Vendor(id), request, ifMatch);

    public Task DeleteVendorAsync(Guid id, string? ifMatch) => api.DeleteAsync(Routes.Vendor(id), ifMatch);

    /// <summary>The wedding's bookings; without financial:view their money is left out.</summary>
    public Task<Loaded<BookingListResponse>> BookingsAsync(Guid weddingId) => api.GetWithOfflineCopyAsync<BookingListResponse>(Routes.Bookings(weddingId));

    public Task<Loaded<BookingResponse>> BookingAsync(Guid weddingId, Guid id) =>
        api.GetWithOfflineCopyAsync<BookingResponse>(Routes.Booking(weddingId, id), keepCopy: false);

    public Task<Loaded<BookingResponse>> AddBookingAsync(Guid weddingId, BookingRequest request) =>
        api.PostAsync<BookingRequest, BookingResponse>(Routes.Bookings(weddingId), request);

    public Task<Loaded<BookingResponse>> UpdateBookingAsync(Guid weddingId, Guid id, BookingRequest request, string? ifMatch) =>
        api.PutAsync<BookingRequest, BookingResponse>(Routes.Booking(weddingId, id), request, ifMatch);

    public Task DeleteBookingAsync(Guid weddingId, Guid id, string? ifMatch) => api.DeleteAsync(Routes.Booking(weddingId, id), ifMatch);

    public async Task<IReadOnlyList<VendorPaymentResponse>> PaymentsAsync(Guid weddingId, Guid bookingId) =>
        await api.GetAsync<IReadOnlyList<VendorPaymentResponse>>(Routes.Payments(weddingId, bookingId));

    public async Task<VendorPaymentResponse> RecordPaymentAsync(Guid weddingId, Guid bookingId, VendorPaymentRequest request) =>
        (await api.PostAsync<VendorPaymentRequest, VendorPaymentResponse>(Routes.Payments(weddingId, bookingId), request)).Value!;

    public Task DeletePaymentAsync(Guid weddingId, Guid bookingId, Guid paymentId, string? ifMatch) =>
        api.DeleteAsync(Routes.Payment(weddingId, bookingId, paymentId), ifMatch);

    /// <summary>Sends the vendor's day contact a link to confirm their arrival time; a new link ends the old one.</summary>
    public async Task<VendorDayLinkResponse> SendDayLinkAsync(Guid weddingId, Guid bookingId, VendorDayLinkRequest request) =>
        (await api.PostAsync<VendorDayLinkRequest, VendorDayLinkResponse>(Routes.DayLink(weddingId, bookingId), request)).Value!;

    public Task RevokeDayLinkAsync(Guid weddingId, Guid bookingId) => api.DeleteAsync(Routes.DayLink(weddingId, bookingId), null);

    /// <summary>An event's vendors as the coordinator needs them on the day: no money.</summary>
    public async Task<Loaded<IReadOnlyList<EventVendorResponse>>> EventVendorsAsync(Guid eventId)
    {
        var loaded = await api.GetWithOfflineCopyAsync<List<EventVendorResponse>>(Routes.EventVendors(eventId));
        return new Loaded<IReadOnlyList<EventVendorResponse>>(loaded.Value, loaded.ETag, loaded.StaleSince);
    }

    /// <summary>Whether a change heard on the wedding moves its bookings: their own changes (payments and the vendors' answers among them).</summary>
    public static bool ChangesBookings(WeddingChangedMessage change) => change.Change == WeddingChange.VendorsChanged;
}
