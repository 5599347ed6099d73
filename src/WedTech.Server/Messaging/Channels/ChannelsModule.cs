using WedTech.Server.Messaging.Push;

namespace WedTech.Server.Messaging.Channels;

public static class ChannelsModule
{
    /// <summary>
    /// The provider clients and one <see cref="IMessageChannel"/> per channel. The push channel is scoped: resolve channels in the tenant's scope.
    /// </summary>
    public static IServiceCollection AddMessageChannels(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TwilioOptions>(configuration.GetSection("Messaging:Twilio"));
        services.Configure<Msg91Options>(configuration.GetSection("Messaging:Msg91"));
        services.Configure<WhatsAppOptions>(configuration.GetSection("Messaging:WhatsApp"));
        services.Configure<WebPushOptions>(configuration.GetSection("Messaging:WebPush"));

        services.AddHttpClient<TwilioSmsClient>(http => http.Timeout = ProviderHttp.Timeout);
        services.AddHttpClient<Msg91SmsClient>(http => http.Timeout = ProviderHttp.Timeout);
        services.AddHttpClient<WhatsAppChannel>(http => http.Timeout = ProviderHttp.Timeout);
        services.AddHttpClient<WebPushClient>(http => http.Timeout = ProviderHttp.Timeout);
        services.AddSingleton<VapidKeys>();
        services.AddScoped<PushSubscriptions>();

        services.AddTransient<IMessageChannel, EmailChannel>();
        services.AddTransient<IMessageChannel, SmsChannel>();
        services.AddTransient<IMessageChannel>(sp => sp.GetRequiredService<WhatsAppChannel>());
        services.AddScoped<IMessageChannel, PushChannel>();
        return services;
    }
}
