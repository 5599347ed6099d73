using System.Text;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using WedTech.Server.Platform;
using WedTech.Server.Tenancy;

namespace WedTech.Server.Calendar;

/// <summary>
/// iCalendar subscription feeds: a user creates a secret address for their own calendar or for one wedding's,
/// and calendar apps fetch it without signing in. The address names the studio by its host, as every studio
/// address does, so an app that cannot send headers reaches the right one.
/// </summary>
public static class CalendarModule
{
    public const string FeedRateLimit = "calendar-feed";

    public static IServiceCollection AddCalendar(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CalendarOptions>(configuration.GetSection("Calendar"));
        services.AddScoped<CalendarFeedService>();
        services.AddRateLimiter(options => options.AddPolicy(FeedRateLimit, context =>
        {
            var tenant = context.RequestServices.GetRequiredService<TenantContext>().Tenant?.Id.ToString() ?? "-";
            var permits = context.RequestServices.GetRequiredService<IOptions<CalendarOptions>>().Value.FeedRequestsPerMinute;
            return RateLimitPartition.GetFixedWindowLimiter($"{tenant}|{context.Connection.RemoteIpAddress}",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
        }));
        return services;
    }
}
