using WedTech.Server.Guests.Import;
using WedTech.Server.Weddings;

namespace WedTech.Server.Guests;

public static class GuestsModule
{
    public static IServiceCollection AddGuests(this IServiceCollection services) => services.AddScoped<GuestService>()
        .AddScoped<GuestImportService>()
        .AddScoped<IWeddingPersonalData, GuestErasure>();
}
