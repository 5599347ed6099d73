namespace WedTech.App.Features.Reports;

/// <summary>
/// The Reports module's API: reports made by a job (wedding summary, weddings list, run sheet), asked for, listed and
/// followed until made. A finished report's file downloads at <c>FilesApi.Routes.Content</c>.
/// </summary>
public sealed class ReportsApi(ApiClient api, TimeProvider time)
{
    /// <summary>The first look at a report being made; each later one waits half as long again, up to <see cref="SlowestPoll"/>.</summary>
    private static readonly TimeSpan FirstPoll = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan SlowestPoll = TimeSpan.FromSeconds(5);

    /// <summary>A report still not made after this long is left to its notification.</summary>
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(10);

    public static class Routes
    {
        public const string Create = "/api/v1/reports";

        public static string List(int page, int pageSize) => Query.Build(Create, ("page", Query.Number(page)), ("pageSize", Query.Number(pageSize)));

        public static string One(Guid reportId) => $"/api/v1/reports/{reportId}";
    }

    public async Task<ReportResponse> RequestAsync(ReportRequest request, CancellationToken cancellationToken = default) =>
        (await api.PostAsync<ReportRequest, ReportResponse>(Routes.Create, request, cancellationToken)).Value!;

    public Task<ReportResponse> GetAsync(Guid reportId, CancellationToken cancellationToken = default) => api.GetAsync<ReportResponse>(Routes.One(reportId), cancellationToken);

    /// <summary>A page of the person's reports, newest first; the first page is kept for offline.</summary>
    public Task<Loaded<PagedResponse<ReportResponse>>> ListAsync(int page, int pageSize) =>
        api.GetWithOfflineCopyAsync<PagedResponse<ReportResponse>>(Routes.List(page, pageSize), keepCopy: page == 1);

    /// <summary>
    /// Looks at a report being made until it is made or has failed, often at first and then less often, and tells
    /// <paramref name="changed"/> each state it finds (progress included); returns the last one. A look that finds no
    /// network is tried again at the next; it gives up after <see cref="GiveUpAfter"/>, as the person is told in the app anyway.
    /// </summary>
    public async Task<ReportResponse> FollowAsync(ReportResponse report, Func<ReportResponse, Task> changed, CancellationToken cancellationToken)
    {
        var wait = FirstPoll;
        var until = time.GetUtcNow() + GiveUpAfter;
        while (report.Status is ReportStatus.Queued or ReportStatus.Running && time.GetUtcNow() < until)
        {
            await Task.Delay(wait, time, cancellationToken);
            wait = TimeSpan.FromTicks(Math.Min(SlowestPoll.Ticks, wait.Ticks * 3 / 2));
            ReportResponse now;
            try
            {
                now = await GetAsync(report.Id, cancellationToken);
            }
            catch (ApiProblemException problem) when (problem.Status == ApiProblemException.Offline)
            {
                continue;
            }
            if (now != report)
            {
                report = now;
                await changed(report);
            }
        }
        return report;
    }
}
