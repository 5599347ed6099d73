using WedTech.Server.Guests;
using WedTech.Server.Platform.Jobs;
using WedTech.Server.Weddings;

namespace WedTech.Server.Travel;

public static class TravelModule
{
    public static IServiceCollection AddTravel(this IServiceCollection services)
    {
        services.AddScoped<TravelService>().AddScoped<TripService>().AddScoped<TripNotices>().AddScoped<DriverManifest>();
        services.AddScoped<IHouseholdJourneys, HouseholdJourneys>().AddScoped<IAttentionSource, TravelAttention>();
        services.AddDailyDuty<TravelRetention>();
        services.AddScoped<TravelErasure>().AddScoped<IWeddingPersonalData>(provider => provider.GetRequiredService<TravelErasure>());
        return services;
    }
}
