namespace WedTech.Server.Events;

public static class EventsModule
{
    public static IServiceCollection AddEvents(this IServiceCollection services) => services;

    public static RouteGroupBuilder MapEvents(this RouteGroupBuilder api) => api;
}
