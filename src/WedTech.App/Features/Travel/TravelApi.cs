using System.Globalization;

namespace WedTech.App.Features.Travel;

/// <summary>Which arrivals and departures a list shows: one direction, one day, one household, or only those on no trip yet.</summary>
public sealed record LegFilter(TravelDirection? Direction = null, DateOnly? Day = null, Guid? HouseholdId = null, bool Unplaced = false)
{
    public static readonly LegFilter All = new();
}

/// <summary>
/// The Travel module's API: guests' arrivals and departures, the wedding's vehicles and their drivers, the pickup and drop
/// trips, planning them, telling guests and sending drivers their manifests.
/// </summary>
public sealed class TravelApi(ApiClient api)
{
    /// <summary>The most rows a page of a list brings (the API's largest page).</summary>
    public const int PageSize = 100;

    public static class Routes
    {
        public static string Legs(Guid weddingId) => $"/api/v1/weddings/{weddingId}/travel";

        public static string LegPage(Guid weddingId, LegFilter filter, int page, int pageSize) =>
            Query.Build(Legs(weddingId), ("direction", filter.Direction is { } direction ? ApiJson.EnumName(direction) : null),
                ("day", filter.Day is { } day ? Query.Date(day) : null), ("householdId", filter.HouseholdId?.ToString()),
                ("unplaced", filter.Unplaced ? "true" : null), ("page", Query.Number(page)), ("pageSize", Query.Number(pageSize)));

        public static string Leg(Guid weddingId, Guid id) => $"{Legs(weddingId)}/{id}";

        public static string Vehicles(Guid weddingId) => $"/api/v1/weddings/{weddingId}/vehicles";

        public static string VehiclePage(Guid weddingId, int page, int pageSize) =>
            Query.Build(Vehicles(weddingId), ("page", Query.Number(page)), ("pageSize", Query.Number(pageSize)));

        public static string Vehicle(Guid weddingId, Guid id) => $"{Vehicles(weddingId)}/{id}";

        /// <summary>The driver's manifest of a day as a PDF; a plain link downloads it with the browser's session.</summary>
        public static string Manifest(Guid weddingId, Guid vehicleId, DateOnly day) => Query.Build($"{Vehicle(weddingId, vehicleId)}/manifest", ("day", Query.Date(day)));

        public static string ManifestSend(Guid weddingId, Guid vehicleId) => $"{Vehicle(weddingId, vehicleId)}/manifest/send";

        public static string Trips(Guid weddingId) => $"/api/v1/weddings/{weddingId}/trips";

        /// <summary>Trips in time order; <paramref name="from"/> and <paramref name="to"/> are instants, sent in UTC.</summary>
        public static string TripPage(Guid weddingId, TravelDirection? direction, DateTimeOffset? from, DateTimeOffset? to, Guid? vehicleId, int page, int pageSize) =>
            Query.Build(Trips(weddingId), ("direction", direction is { } d ? ApiJson.EnumName(d) : null), ("from", Instant(from)), ("to", Instant(to)),
                ("vehicleId", vehicleId?.ToString()), ("page", Query.Number(page)), ("pageSize", Query.Number(pageSize)));

        public static string Trip(Guid weddingId, Guid id) => $"{Trips(weddingId)}/{id}";

        public static string Plan(Guid weddingId) => $"{Trips(weddingId)}/plan";

        public static string Notice(Guid weddingId, Guid tripId) => $"{Trip(weddingId, tripId)}/notice";

        private static string? Instant(DateTimeOffset? at) =>
            at?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>A page of arrivals and departures in time order; filtered views keep no offline copy.</summary>
    public Task<Loaded<PagedResponse<TravelLegResponse>>> LegsAsync(Guid weddingId, LegFilter filter, int page, int pageSize = PageSize) =>
        api.GetWithOfflineCopyAsync<PagedResponse<TravelLegResponse>>(Routes.LegPage(weddingId, filter, page, pageSize), keepCopy: filter == LegFilter.All);

    public Task<Loaded<TravelLegResponse>> LegAsync(Guid weddingId, Guid id) => api.GetWithOfflineCopyAsync<TravelLegResponse>(Routes.Leg(weddingId, id), keepCopy: false);

    public Task<Loaded<TravelLegResponse>> AddLegAsync(Guid weddingId, TravelLegRequest request) =>
        api.PostAsync<TravelLegRequest, TravelLegResponse>(Routes.Legs(weddingId), request);

    public Task<Loaded<TravelLegResponse>> UpdateLegAsync(Guid weddingId, Guid id, TravelLegRequest request, string? ifMatch) =>
        api.PutAsync<TravelLegRequest, TravelLegResponse>(Routes.Leg(weddingId, id), request, ifMatch);

    public Task DeleteLegAsync(Guid weddingId, Guid id, string? ifMatch) => api.DeleteAsync(Routes.Leg(weddingId, id), ifMatch);

    /// <summary>The wedding's vehicles (a wedding has far fewer than a page of them).</summary>
    public Task<Loaded<PagedResponse<VehicleResponse>>> VehiclesAsync(Guid weddingId, int page = 1) =>
        api.GetWithOfflineCopyAsync<PagedResponse<VehicleResponse>>(Routes.VehiclePage(weddingId, page, PageSize));

    public Task<Loaded<VehicleResponse>> VehicleAsync(Guid weddingId, Guid id) => api.GetWithOfflineCopyAsync<VehicleResponse>(Routes.Vehicle(weddingId, id), keepCopy: false);

    public Task<Loaded<VehicleResponse>> AddVehicleAsync(Guid weddingId, VehicleRequest request) =>
        api.PostAsync<VehicleRequest, VehicleResponse>(Routes.Vehicles(weddingId), request);

    public Task<Loaded<VehicleResponse>> UpdateVehicleAsync(Guid weddingId, Guid id, VehicleRequest request, string? ifMatch) =>
        api.PutAsync<VehicleRequest, VehicleResponse>(Routes.Vehicle(weddingId, id), request, ifMatch);

    public Task DeleteVehicleAsync(Guid weddingId, Guid id, string? ifMatch) => api.DeleteAsync(Routes.Vehicle(weddingId, id), ifMatch);

    /// <summary>Queues the driver's manifest of the day (WhatsApp or SMS) in the outbox.</summary>
    public async Task<MessageResponse> SendManifestAsync(Guid weddingId, Guid vehicleId, ManifestSendRequest request) =>
        (await api.PostAsync<ManifestSendRequest, MessageResponse>(Routes.ManifestSend(weddingId, vehicleId), request)).Value!;

    /// <summary>A page of trips in time order, of one direction, between two instants, of one vehicle.</summary>
    public Task<Loaded<PagedResponse<TripResponse>>> TripsAsync(Guid weddingId, TravelDirection? direction, DateTimeOffset? from, DateTimeOffset? to, Guid? vehicleId,
        int page = 1, int pageSize = PageSize) =>
        api.GetWithOfflineCopyAsync<PagedResponse<TripResponse>>(Routes.TripPage(weddingId, direction, from, to, vehicleId, page, pageSize),
            keepCopy: direction is null && from is null && to is null && vehicleId is null);

    public Task<Loaded<TripResponse>> TripAsync(Guid weddingId, Guid id) => api.GetWithOfflineCopyAsync<TripResponse>(Routes.Trip(weddingId, id), keepCopy: false);

    public Task<Loaded<TripResponse>> AddTripAsync(Guid weddingId, TripRequest request) => api.PostAsync<TripRequest, TripResponse>(Routes.Trips(weddingId), request);

    public Task<Loaded<TripResponse>> UpdateTripAsync(Guid weddingId, Guid id, TripRequest request, string? ifMatch) =>
        api.PutAsync<TripRequest, TripResponse>(Routes.Trip(weddingId, id), request, ifMatch);

    public Task DeleteTripAsync(Guid weddingId, Guid id, string? ifMatch) => api.DeleteAsync(Routes.Trip(weddingId, id), ifMatch);

    /// <summary>Groups the arrivals (or departures) that need a pickup and are on no trip into trips.</summary>
    public async Task<TripPlanResponse> PlanAsync(Guid weddingId, TripPlanRequest request) =>
        (await api.PostAsync<TripPlanRequest, TripPlanResponse>(Routes.Plan(weddingId), request)).Value!;

    /// <summary>Tells each household on the trip its pickup.</summary>
    public async Task<TripNoticeResponse> NoticeAsync(Guid weddingId, Guid tripId, TripNoticeRequest request) =>
        (await api.PostAsync<TripNoticeRequest, TripNoticeResponse>(Routes.Notice(weddingId, tripId), request)).Value!;

    /// <summary>Whether a change heard on the wedding moves travel: its own changes, or the guest list (names, households).</summary>
    public static bool ChangesTravel(WeddingChangedMessage change) => change.Change is WeddingChange.TravelChanged or WeddingChange.GuestsChanged;
}
