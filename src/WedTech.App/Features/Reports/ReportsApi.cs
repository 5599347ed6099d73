namespace WedTech.App.Features.Reports;

/// <summary>The Reports module's API: reports made by a job (the run sheet), asked for and then polled.</summary>
public sealed class ReportsApi(ApiClient api)
{
    public static class Routes
    {
        public const string Create = "/api/v1/reports";

        public static string One(Guid reportId) => $"/api/v1/reports/{reportId}";
    }

    public async Task<ReportResponse> RequestAsync(ReportRequest request, CancellationToken cancellationToken) =>
        (await api.PostAsync<ReportRequest, ReportResponse>(Routes.Create, request, cancellationToken)).Value!;

    public Task<ReportResponse> GetAsync(Guid reportId, CancellationToken cancellationToken) => api.GetAsync<ReportResponse>(Routes.One(reportId), cancellationToken);
}
