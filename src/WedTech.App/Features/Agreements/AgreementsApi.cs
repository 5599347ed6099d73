namespace WedTech.App.Features.Agreements;

/// <summary>The contracts module's API: templates and their merge fields, a lead's contracts (prepare, change, send, countersign, PDF) and a wedding's.</summary>
public sealed class AgreementsApi(ApiClient api)
{
    public static class Routes
    {
        public const string Templates = "/api/v1/contract-templates";
        public const string Fields = $"{Templates}/fields";

        public static string Template(Guid id) => $"{Templates}/{id}";

        public static string OfLead(Guid leadId) => $"/api/v1/leads/{leadId}/contracts";

        /// <summary>A new contract's fee and plan, from the lead's accepted proposal.</summary>
        public static string Defaults(Guid leadId) => $"{OfLead(leadId)}/defaults";

        public static string Contract(Guid leadId, Guid id) => $"{OfLead(leadId)}/{id}";

        public static string Send(Guid leadId, Guid id) => $"{Contract(leadId, id)}/send";

        public static string Countersign(Guid leadId, Guid id) => $"{Contract(leadId, id)}/countersign";

        /// <summary>A version's PDF (the signed one once both signed); a plain link opens it with the browser's session.</summary>
        public static string Pdf(Guid leadId, Guid id, int number) => $"{Contract(leadId, id)}/versions/{number}/pdf";

        public static string OfWedding(Guid weddingId) => $"/api/v1/weddings/{weddingId}/contracts";

        public static string WeddingPdf(Guid weddingId, Guid id, int number) => $"{OfWedding(weddingId)}/{id}/versions/{number}/pdf";
    }

    public Task<Loaded<List<ContractTemplateResponse>>> TemplatesAsync() => api.GetWithOfflineCopyAsync<List<ContractTemplateResponse>>(Routes.Templates);

    public Task<Loaded<List<MergeFieldResponse>>> FieldsAsync() => api.GetWithOfflineCopyAsync<List<MergeFieldResponse>>(Routes.Fields);

    public Task<Loaded<ContractTemplateResponse>> AddTemplateAsync(ContractTemplateRequest request) =>
        api.PostAsync<ContractTemplateRequest, ContractTemplateResponse>(Routes.Templates, request);

    public Task<Loaded<ContractTemplateResponse>> SaveTemplateAsync(Guid id, ContractTemplateRequest request, string? ifMatch) =>
        api.PutAsync<ContractTemplateRequest, ContractTemplateResponse>(Routes.Template(id), request, ifMatch);

    public Task DeleteTemplateAsync(Guid id, string? ifMatch) => api.DeleteAsync(Routes.Template(id), ifMatch);

    public Task<Loaded<List<ContractSummary>>> OfLeadAsync(Guid leadId) => api.GetWithOfflineCopyAsync<List<ContractSummary>>(Routes.OfLead(leadId));

    public Task<ContractDefaultsResponse> DefaultsAsync(Guid leadId) => api.GetAsync<ContractDefaultsResponse>(Routes.Defaults(leadId));

    public Task<Loaded<ContractResponse>> GetAsync(Guid leadId, Guid id) => api.GetWithOfflineCopyAsync<ContractResponse>(Routes.Contract(leadId, id), keepCopy: false);

    public Task<Loaded<ContractResponse>> PrepareAsync(Guid leadId, ContractRequest request) => api.PostAsync<ContractRequest, ContractResponse>(Routes.OfLead(leadId), request);

    public Task<Loaded<ContractResponse>> SaveAsync(Guid leadId, Guid id, ContractRequest request, string? ifMatch) =>
        api.PutAsync<ContractRequest, ContractResponse>(Routes.Contract(leadId, id), request, ifMatch);

    public async Task<ContractSentResponse> SendAsync(Guid leadId, Guid id) => (await api.PostAsync<object?, ContractSentResponse>(Routes.Send(leadId, id), null)).Value!;

    public async Task<ContractResponse> CountersignAsync(Guid leadId, Guid id, CountersignRequest request) =>
        (await api.PostAsync<CountersignRequest, ContractResponse>(Routes.Countersign(leadId, id), request)).Value!;

    public Task<Loaded<List<WeddingContractResponse>>> OfWeddingAsync(Guid weddingId) =>
        api.GetWithOfflineCopyAsync<List<WeddingContractResponse>>(Routes.OfWedding(weddingId));
}
