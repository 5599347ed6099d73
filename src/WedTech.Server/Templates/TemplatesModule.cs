namespace WedTech.Server.Templates;

public static class TemplatesModule
{
    public static IServiceCollection AddWeddingTemplates(this IServiceCollection services) => services;

    public static RouteGroupBuilder MapWeddingTemplates(this RouteGroupBuilder api) => api;
}
