using WedTech.Server.Files;

namespace WedTech.Server.Reports;

public static class ReportsModule
{
    public static IServiceCollection AddReports(this IServiceCollection services) => services
        .AddScoped<ReportService>()
        .AddFileOwner(FileOwnerTypes.Report, (sp, id, ct) => sp.GetRequiredService<ReportService>().IsOwnAsync(id, ct));
}
