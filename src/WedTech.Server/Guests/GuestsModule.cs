using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using WedTech.Server.Guests.Documents;
using WedTech.Server.Guests.Import;
using WedTech.Server.Guests.Pages;
using WedTech.Server.Guests.Sending;
using WedTech.Server.Platform.Jobs;
using WedTech.Server.Tenancy;
using WedTech.Server.Weddings;

namespace WedTech.Server.Guests;

public static class GuestsModule
{
    /// <summary>The guests' pages (RSVP and "find my invitation"), visits and answers alike, per address of a studio.</summary>
    public const string RsvpPageRateLimit = "rsvp-page";

    public const int RsvpPageRequestsPerMinute = 60;

    public static IServiceCollection AddGuests(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<GuestPagesOptions>(configuration.GetSection("GuestPages"));
        services.AddOptions<GuestDataOptions>().Bind(configuration.GetSection("Guests")).ValidateDataAnnotations().ValidateOnStart();
        services.AddDailyDuty<GuestContactRetention>();
        services.AddDailyDuty<IdDocumentRetention>();
        services.AddScoped<IdDocumentService>();
        services.AddScoped<WeddingEnds>();
        services.AddScoped<IGuestDirectory, GuestDirectory>();
        services.AddScoped<IRsvpDeadlines, RsvpDeadlines>();
        services.AddScoped<GuestService>();
        services.AddScoped<GuestsChanged>();
        services.AddScoped<GuestRsvpService>();
        services.AddScoped<RsvpLinks>();
        services.AddScoped<GuestSendService>();
        services.AddScoped<GuestImportService>();
        services.AddScoped<GuestExport>();
        services.AddScoped<CatererSheet>();
        services.AddScoped<IEventGuestList, EventGuestList>();
        services.AddScoped<IWeddingPersonalData, GuestErasure>();
        services.AddScoped<IAttentionSource, GuestAttention>();
        services.AddSingleton<RsvpFindLimiter>();
        services.AddRateLimiter(options => options.AddPolicy(RsvpPageRateLimit, context =>
        {
            var tenant = context.RequestServices.GetRequiredService<TenantContext>().Tenant?.Id.ToString() ?? "-";
            var permits = context.RequestServices.GetRequiredService<IOptions<GuestPagesOptions>>().Value.RequestsPerMinute;
            return RateLimitPartition.GetFixedWindowLimiter($"{tenant}|{context.Connection.RemoteIpAddress}",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
        }));
        return services;
    }
}
