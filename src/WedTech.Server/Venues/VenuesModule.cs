namespace WedTech.Server.Venues;

public static class VenuesModule
{
    public static IServiceCollection AddVenues(this IServiceCollection services) => services;

    public static RouteGroupBuilder MapVenues(this RouteGroupBuilder api) => api;
}
