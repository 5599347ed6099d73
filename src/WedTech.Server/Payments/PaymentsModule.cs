using WedTech.Server.Invoicing;
using WedTech.Server.Payments.Razorpay;
using WedTech.Server.Platform.Jobs;

namespace WedTech.Server.Payments;

public static class PaymentsModule
{
    public static IServiceCollection AddPayments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRazorpay(configuration);
        services.AddScoped<PaymentService>().AddScoped<OnlinePayments>().AddScoped<RazorpayWebhookIntake>().AddScoped<ReceiptPdf>();
        services.AddScoped<IWeddingReceipts, WeddingReceipts>().AddScoped<ICouplePlans, CouplePlans>().AddScoped<IPaymentLedger, PaymentLedger>()
            .AddScoped<IInstalmentsDue, InstalmentsDue>();
        services.AddDailyDuty<RazorpayReconciliation>().AddDailyDuty<CouplePaymentReminders>();
        return services;
    }
}
