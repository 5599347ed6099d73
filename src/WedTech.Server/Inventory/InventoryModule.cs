namespace WedTech.Server.Inventory;

public static class InventoryModule
{
    public static IServiceCollection AddInventory(this IServiceCollection services) => services.AddScoped<StockService>().AddScoped<ReservationService>()
        .AddScoped<IStockCharges, StockCharges>();
}
