namespace WedTech.App.Features.Venues;

/// <summary>The Venues module's API (the venue book), built in one place so the offline copies of a view share one key.</summary>
public sealed class VenuesApi(ApiClient api)
{
    public static class Routes
    {
        public const string Create = "/api/v1/venues";

        /// <summary>The venue book's first hundred, to choose an event's venue from.</summary>
        public const string Venues = "/api/v1/venues?pageSize=100";

        public static string List(string? search, string? city, string? stateCode, int page, int pageSize) =>
            Query.Build("/api/v1/venues", ("page", Query.Number(page)), ("pageSize", Query.Number(pageSize)), ("q", search), ("city", city), ("stateCode", stateCode));

        public static string One(Guid id) => $"/api/v1/venues/{id}";
    }

    /// <summary>A page of the venue book; searches pass <paramref name="keepCopy"/> false.</summary>
    public Task<Loaded<PagedResponse<VenueResponse>>> ListAsync(string? search, string? city, string? stateCode, int page, int pageSize, bool keepCopy = true) =>
        api.GetWithOfflineCopyAsync<PagedResponse<VenueResponse>>(Routes.List(search, city, stateCode, page, pageSize), keepCopy);

    /// <summary>The venues an event can be at.</summary>
    public Task<Loaded<PagedResponse<VenueResponse>>> ChoicesAsync() => api.GetWithOfflineCopyAsync<PagedResponse<VenueResponse>>(Routes.Venues);

    public Task<Loaded<VenueResponse>> GetAsync(Guid id) => api.GetWithOfflineCopyAsync<VenueResponse>(Routes.One(id));

    public Task<Loaded<VenueResponse>> CreateAsync(VenueRequest request) => api.PostAsync<VenueRequest, VenueResponse>(Routes.Create, request);

    public Task<Loaded<VenueResponse>> UpdateAsync(Guid id, VenueRequest request, string? ifMatch) => api.PutAsync<VenueRequest, VenueResponse>(Routes.One(id), request, ifMatch);

    public Task DeleteAsync(Guid id, string? ifMatch) => api.DeleteAsync(Routes.One(id), ifMatch);
}
