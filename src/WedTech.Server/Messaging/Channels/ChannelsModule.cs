using Microsoft.Extensions.Options;
using WedTech.Server.Messaging.Push;

namespace WedTech.Server.Messaging.Channels;

public static class ChannelsModule
{
    /// <summary>
    /// The e-mail sender (SMTP when Messaging:Smtp:Host is set, else the pickup folder), the provider clients and
    /// one <see cref="IMessageChannel"/> per channel. The push channel is scoped: resolve channels in the tenant's scope.
    /// </summary>
    public static IServiceCollection AddMessageChannels(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SmtpOptions>(configuration.GetSection("Messaging:Smtp"));
        services.Configure<TwilioOptions>(configuration.GetSection("Messaging:Twilio"));
        services.Configure<Msg91Options>(configuration.GetSection("Messaging:Msg91"));
        services.Configure<WhatsAppOptions>(configuration.GetSection("Messaging:WhatsApp"));
        services.Configure<WebPushOptions>(configuration.GetSection("Messaging:WebPush"));

        services.AddSingleton<IEmailSender>(sp => string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<SmtpOptions>>().Value.Host)
            ? ActivatorUtilities.CreateInstance<PickupDirectoryEmailSender>(sp)
            : ActivatorUtilities.CreateInstance<SmtpEmailSender>(sp));

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
