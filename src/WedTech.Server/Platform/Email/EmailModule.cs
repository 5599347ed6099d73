using Microsoft.Extensions.Options;

namespace WedTech.Server.Platform.Email;

public static class EmailModule
{
    /// <summary>The e-mail sender: SMTP when Messaging:Smtp:Host is set, else the pickup folder.</summary>
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EmailOptions>(configuration.GetSection("Email"));
        services.Configure<SmtpOptions>(configuration.GetSection("Messaging:Smtp"));
        services.AddSingleton<IEmailSender>(sp => string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<SmtpOptions>>().Value.Host)
            ? ActivatorUtilities.CreateInstance<PickupDirectoryEmailSender>(sp)
            : ActivatorUtilities.CreateInstance<SmtpEmailSender>(sp));
        return services;
    }
}
