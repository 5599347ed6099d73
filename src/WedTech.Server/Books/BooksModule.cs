namespace WedTech.Server.Books;

public static class BooksModule
{
    public static IServiceCollection AddBooks(this IServiceCollection services) => services.AddScoped<BooksService>();
}
