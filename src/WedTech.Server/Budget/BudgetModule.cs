namespace WedTech.Server.Budget;

public static class BudgetModule
{
    public static IServiceCollection AddBudget(this IServiceCollection services) => services.AddScoped<BudgetService>();
}
