namespace WedTech.App.Services;

public static class AppServices
{
    /// <summary>The app's own services; the component tests register the same set.</summary>
    public static IServiceCollection AddWedTechApp(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<BrowserStorage>();
        services.AddScoped<Connectivity>();
        services.AddScoped<SessionRenewal>();
        services.AddScoped<OfflineCopies>();
        services.AddScoped<Drafts>();
        services.AddScoped<ApiClient>();
        services.AddScoped<SessionState>();
        services.AddScoped<PushNotifications>();
        services.AddScoped<StudioZone>();
        return services;
    }
}
