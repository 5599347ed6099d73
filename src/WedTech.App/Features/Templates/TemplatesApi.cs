namespace WedTech.App.Features.Templates;

/// <summary>The Templates module's API: wedding templates, and weddings made from one.</summary>
public sealed class TemplatesApi(ApiClient api)
{
    public static class Routes
    {
        public const string Create = "/api/v1/templates";

        public static string List(string? search, int page, int pageSize) =>
            Query.Build("/api/v1/templates", ("page", Query.Number(page)), ("pageSize", Query.Number(pageSize)), ("q", search));

        public static string One(Guid id) => $"/api/v1/templates/{id}";

        public static string NewWedding(Guid templateId) => $"/api/v1/templates/{templateId}/weddings";
    }

    /// <summary>A page of templates; searches pass <paramref name="keepCopy"/> false.</summary>
    public Task<Loaded<PagedResponse<WeddingTemplateSummary>>> ListAsync(string? search, int page, int pageSize, bool keepCopy = true) =>
        api.GetWithOfflineCopyAsync<PagedResponse<WeddingTemplateSummary>>(Routes.List(search, page, pageSize), keepCopy);

    public Task<Loaded<WeddingTemplateResponse>> GetAsync(Guid id) => api.GetWithOfflineCopyAsync<WeddingTemplateResponse>(Routes.One(id));

    public Task<Loaded<WeddingTemplateResponse>> CreateAsync(WeddingTemplateRequest request) =>
        api.PostAsync<WeddingTemplateRequest, WeddingTemplateResponse>(Routes.Create, request);

    public Task<Loaded<WeddingTemplateResponse>> UpdateAsync(Guid id, WeddingTemplateUpdate update, string? ifMatch) =>
        api.PutAsync<WeddingTemplateUpdate, WeddingTemplateResponse>(Routes.One(id), update, ifMatch);

    public Task DeleteAsync(Guid id, string? ifMatch) => api.DeleteAsync(Routes.One(id), ifMatch);

    public Task<Loaded<WeddingResponse>> CreateWeddingAsync(Guid templateId, WeddingFromTemplateRequest request) =>
        api.PostAsync<WeddingFromTemplateRequest, WeddingResponse>(Routes.NewWedding(templateId), request);
}
