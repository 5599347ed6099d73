using WedTech.Server.Files;
using WedTech.Server.Tenancy;

namespace WedTech.Server.Invoicing;

public static class InvoicingModule
{
    public static IServiceCollection AddInvoicing(this IServiceCollection services)
    {
        services.AddScoped<InvoiceService>().AddScoped<IDraftInvoices>(provider => provider.GetRequiredService<InvoiceService>()).AddScoped<InvoicePdf>().AddScoped<IDocumentNumbers, DocumentNumbers>().AddScoped<IInvoiceLedger, InvoiceLedger>();
        services.AddScoped<BillingSettingsService>().AddScoped<IBillingSettings>(provider => provider.GetRequiredService<BillingSettingsService>());
        // The studio's logo is on every document, so everyone signed in to the studio (the couple too) may see it.
        services.AddFileOwner(FileOwnerTypes.Studio, (sp, id, ct) => Task.FromResult(id == sp.GetRequiredService<TenantContext>().Current.Id));
        return services;
    }
}
