using WedTech.Server.Files;
using WedTech.Server.Identity;
using WedTech.Server.Platform.Jobs;
using WedTech.Server.Weddings;

namespace WedTech.Server.Vendors;

public static class VendorsModule
{
    public static IServiceCollection AddVendors(this IServiceCollection services)
    {
        services.AddScoped<VendorService>().AddScoped<BankDetails>().AddScoped<BookingService>().AddScoped<VendorDayLinks>().AddScoped<VendorPaymentsDue>();
        services.AddScoped<IVendorCosts, VendorCosts>().AddScoped<IVendorBookingDirectory, VendorBookingDirectory>().AddScoped<IAttentionSource, VendorAttention>();
        services.AddDailyDuty<VendorPaymentReminders>();
        services.AddScoped<VendorErasure>().AddScoped<IWeddingPersonalData>(provider => provider.GetRequiredService<VendorErasure>());
        services.AddFileOwner(FileOwnerTypes.Vendor, async (sp, id, ct) =>
            sp.GetRequiredService<CurrentUser>().Can(Permissions.VendorManage) && await sp.GetRequiredService<TenantDbContext>().Vendors.AnyAsync(v => v.Id == id, ct));
        services.AddFileOwner(FileOwnerTypes.Booking, async (sp, id, ct) =>
        {
            var weddingId = await sp.GetRequiredService<TenantDbContext>().VendorBookings.Where(b => b.Id == id).Select(b => (Guid?)b.WeddingId).FirstOrDefaultAsync(ct);
            return weddingId is { } wedding && sp.GetRequiredService<CurrentUser>().Can(Permissions.VendorView)
                && await sp.GetRequiredService<IWeddingDirectory>().IsVisibleAsync(wedding, ct);
        });
        return services;
    }
}
