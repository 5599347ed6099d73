using WedTech.Server.Files;
using WedTech.Server.Identity;

namespace WedTech.Server.Inventory;

public static class InventoryModule
{
    public static IServiceCollection AddInventory(this IServiceCollection services) => services.AddScoped<StockService>().AddScoped<ReservationService>()
        .AddScoped<IStockCharges, StockCharges>()
        .AddFileOwner(FileOwnerTypes.StockItem, async (sp, id, ct) =>
            sp.GetRequiredService<CurrentUser>().Can(Permissions.InventoryView) && await sp.GetRequiredService<TenantDbContext>().StockItems.AnyAsync(i => i.Id == id, ct));
}
