namespace WedTech.App.Features.Proposals;

/// <summary>The Proposals module's API: the studio's packages, a lead's proposals (draft, send, link, versions, PDF) and a wedding's.</summary>
public sealed class ProposalsApi(ApiClient api)
{
    public static class Routes
    {
        public const string Packages = "/api/v1/packages";

        public static string Package(Guid id) => $"{Packages}/{id}";

        public static string OfLead(Guid leadId) => $"/api/v1/leads/{leadId}/proposals";

        public static string Proposal(Guid leadId, Guid id) => $"{OfLead(leadId)}/{id}";

        public static string Send(Guid leadId, Guid id) => $"{Proposal(leadId, id)}/send";

        public static string Link(Guid leadId, Guid id) => $"{Proposal(leadId, id)}/link";

        /// <summary>A sent version as a PDF; a plain link opens it with the browser's session.</summary>
        public static string Pdf(Guid leadId, Guid id, int number) => $"{Proposal(leadId, id)}/versions/{number}/pdf";

        public static string OfWedding(Guid weddingId) => $"/api/v1/weddings/{weddingId}/proposals";
    }

    public Task<Loaded<List<PackageResponse>>> PackagesAsync() => api.GetWithOfflineCopyAsync<List<PackageResponse>>(Routes.Packages);

    public Task<Loaded<PackageResponse>> AddPackageAsync(PackageRequest request) => api.PostAsync<PackageRequest, PackageResponse>(Routes.Packages, request);

    public Task<Loaded<PackageResponse>> SavePackageAsync(Guid id, PackageRequest request, string? ifMatch) =>
        api.PutAsync<PackageRequest, PackageResponse>(Routes.Package(id), request, ifMatch);

    public Task DeletePackageAsync(Guid id) => api.DeleteAsync(Routes.Package(id), null);

    public Task<Loaded<List<ProposalSummary>>> OfLeadAsync(Guid leadId) => api.GetWithOfflineCopyAsync<List<ProposalSummary>>(Routes.OfLead(leadId));

    public Task<Loaded<ProposalResponse>> GetAsync(Guid leadId, Guid id) => api.GetWithOfflineCopyAsync<ProposalResponse>(Routes.Proposal(leadId, id), keepCopy: false);

    public Task<Loaded<ProposalResponse>> DraftAsync(Guid leadId, ProposalRequest request) => api.PostAsync<ProposalRequest, ProposalResponse>(Routes.OfLead(leadId), request);

    public Task<Loaded<ProposalResponse>> SaveAsync(Guid leadId, Guid id, ProposalRequest request, string? ifMatch) =>
        api.PutAsync<ProposalRequest, ProposalResponse>(Routes.Proposal(leadId, id), request, ifMatch);

    public async Task<SendProposalResponse> SendAsync(Guid leadId, Guid id, SendProposalRequest request) =>
        (await api.PostAsync<SendProposalRequest, SendProposalResponse>(Routes.Send(leadId, id), request)).Value!;

    public async Task<ProposalResponse> NewLinkAsync(Guid leadId, Guid id) => (await api.PostAsync<object?, ProposalResponse>(Routes.Link(leadId, id), null)).Value!;

    public Task RevokeLinkAsync(Guid leadId, Guid id) => api.DeleteAsync(Routes.Link(leadId, id), null);
}
