using Microsoft.AspNetCore.Http.HttpResults;
using WedTech.Contracts;
using WedTech.Server.Platform.Api;

namespace WedTech.Server.Venues;

public static class VenuesModule
{
    public static IServiceCollection AddVenues(this IServiceCollection services) => services.AddScoped<VenueService>()
        .AddScoped<IVenueDirectory, VenueDirectory>();
}
