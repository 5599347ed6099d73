namespace WedTech.App.Features.Weddings;

/// <summary>The Weddings module's API: its routes, built in one place so the offline copies of a view share one key.</summary>
public sealed class WeddingsApi(ApiClient api)
{
    public static class Routes
    {
        public const string Create = "/api/v1/weddings";

        public const string Overview = "/api/v1/weddings/overview";

        public static string List(string? search, WeddingStatus? status, DateOnly? from, DateOnly? to, int page, int pageSize) =>
            Query.Build("/api/v1/weddings", ("page", Query.Number(page)), ("pageSize", Query.Number(pageSize)), ("q", search),
                ("status", status is { } s ? ApiJson.EnumName(s) : null), ("from", from is { } f ? Query.Date(f) : null), ("to", to is { } t ? Query.Date(t) : null));

        public static string One(Guid id) => $"/api/v1/weddings/{id}";
    }

    /// <summary>A page of weddings; searches and date ranges pass <paramref name="keepCopy"/> false (see <see cref="ApiClient.GetWithOfflineCopyAsync{T}"/>).</summary>
    public Task<Loaded<PagedResponse<WeddingSummaryResponse>>> ListAsync(string? search, WeddingStatus? status, DateOnly? from, DateOnly? to, int page, int pageSize, bool keepCopy = true) =>
        api.GetWithOfflineCopyAsync<PagedResponse<WeddingSummaryResponse>>(Routes.List(search, status, from, to, page, pageSize), keepCopy);

    public Task<Loaded<WeddingResponse>> GetAsync(Guid id) => api.GetWithOfflineCopyAsync<WeddingResponse>(Routes.One(id));

    public Task<Loaded<WeddingOverviewResponse>> OverviewAsync() => api.GetWithOfflineCopyAsync<WeddingOverviewResponse>(Routes.Overview);

    public Task<Loaded<WeddingResponse>> CreateAsync(WeddingRequest request) => api.PostAsync<WeddingRequest, WeddingResponse>(Routes.Create, request);

    public Task<Loaded<WeddingResponse>> UpdateAsync(Guid id, WeddingRequest request, string? ifMatch) => api.PutAsync<WeddingRequest, WeddingResponse>(Routes.One(id), request, ifMatch);

    public Task DeleteAsync(Guid id, string? ifMatch) => api.DeleteAsync(Routes.One(id), ifMatch);
}
