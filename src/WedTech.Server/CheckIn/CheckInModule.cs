using WedTech.Server.Guests;

namespace WedTech.Server.CheckIn;

public static class CheckInModule
{
    public static IServiceCollection AddCheckIn(this IServiceCollection services) => services.AddScoped<CheckInService>()
        .AddScoped<GuestPasses>()
        .AddScoped<IRsvpPagePass>(provider => provider.GetRequiredService<GuestPasses>());
}
