namespace WedTech.Server.Seating;

public static class SeatingModule
{
    public static IServiceCollection AddSeating(this IServiceCollection services) => services
        .AddScoped<SeatingService>()
        .AddScoped<SeatingPrints>()
        .AddScoped<IEventSeating, EventSeating>();
}
