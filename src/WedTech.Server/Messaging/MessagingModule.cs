using WedTech.Server.Messaging.Channels;

namespace WedTech.Server.Messaging;

public static class MessagingModule
{
    public static IServiceCollection AddMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMessageChannels(configuration);
        services.Configure<Outbox.MessagingOptions>(configuration.GetSection("Messaging"));
        services.AddScoped<Outbox.OutboxService>().AddScoped<Outbox.UserNotices>().AddScoped<Outbox.NoticeChoices>();
        services.AddScoped<Outbox.NotificationService>();
        services.AddScoped<Channels.IMessageChannel, Outbox.InAppChannel>();
        services.AddSingleton<Channels.IDeliveryStatusSink, Outbox.DeliveryStatusSink>();
        services.AddSingleton<Tenancy.IPlanAllowances, Outbox.MessageAllowances>();
        return services;
    }
}
