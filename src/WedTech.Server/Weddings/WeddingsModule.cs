using WedTech.Server.Calendar;
using WedTech.Server.Files;
using WedTech.Server.Realtime;

namespace WedTech.Server.Weddings;

public static class WeddingsModule
{
    public static IServiceCollection AddWeddings(this IServiceCollection services) => services.AddScoped<WeddingService>()
        .AddScoped<WeddingDirectory>()
        .AddScoped<IWeddingDirectory>(sp => sp.GetRequiredService<WeddingDirectory>())
        .AddScoped<ICalendarWeddings>(sp => sp.GetRequiredService<WeddingDirectory>())
        .AddScoped<IWeddingVisibility>(sp => sp.GetRequiredService<WeddingDirectory>())
        .AddScoped<ICalendarSource, WeddingCalendarSource>()
        .AddScoped<IAttentionSource, WeddingAttention>()
        .AddFileOwner(FileOwnerTypes.Wedding, (sp, id, ct) => sp.GetRequiredService<WeddingService>().IsVisibleAsync(id, ct));
}
