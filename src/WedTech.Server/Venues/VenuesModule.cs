namespace WedTech.Server.Venues;

public static class VenuesModule
{
    public static IServiceCollection AddVenues(this IServiceCollection services) => services.AddScoped<VenueService>()
        .AddScoped<IVenueDirectory, VenueDirectory>();
}
