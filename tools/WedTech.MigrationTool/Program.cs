// Scaffolds an EF Core migration for every context and provider of the server, without dotnet-ef
// (dotnet-ef 10 is not on this machine's package source; see ../shared/NOTES.md).
//   dotnet run --project tools/WedTech.MigrationTool -- AddGuests
// writes src/WedTech.Server/Migrations/{Sqlite,Postgres}/{Catalog,Tenant}/…; review, build, commit.
#pragma warning disable EF1001 // DesignTimeServicesBuilder is EF's internal design-time API, the one dotnet-ef itself uses.
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;
using WedTech.Server.Platform.Persistence;
using WedTech.Server.Tenancy.Catalog;

if (args.Length != 1 || !System.Text.RegularExpressions.Regex.IsMatch(args[0], "^[A-Z][A-Za-z0-9]*$"))
{
    Console.Error.WriteLine("usage: dotnet run --project tools/WedTech.MigrationTool -- <MigrationName in PascalCase>");
    return 2;
}

var serverDirectory = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/WedTech.Server"));
if (!File.Exists(Path.Combine(serverDirectory, "WedTech.Server.csproj")))
{
    Console.Error.WriteLine($"Cannot find the server project at {serverDirectory}.");
    return 2;
}

const string Postgres = "Host=localhost;Database=design_time";
DbContext[] contexts =
[
    new SqliteCatalogDbContext(new DbContextOptionsBuilder<SqliteCatalogDbContext>().UseSqlite("Data Source=:memory:").Options),
    new SqliteTenantDbContext(new DbContextOptionsBuilder<SqliteTenantDbContext>().UseSqlite("Data Source=:memory:").Options),
    new PostgresCatalogDbContext(new DbContextOptionsBuilder<PostgresCatalogDbContext>().UseNpgsql(Postgres).Options),
    new PostgresTenantDbContext(new DbContextOptionsBuilder<PostgresTenantDbContext>().UseNpgsql(Postgres).Options),
];

var serverAssembly = typeof(TenantDbContext).Assembly;
foreach (var context in contexts)
{
    var provider = context.Database.IsNpgsql() ? "Postgres" : "Sqlite";
    var kind = context is CatalogDbContext ? "Catalog" : "Tenant";
    var services = new DesignTimeServicesBuilder(serverAssembly, serverAssembly, new OperationReporter(null), []).Build(context);
    var scaffolder = services.GetRequiredService<IMigrationsScaffolder>();
    var migration = scaffolder.ScaffoldMigration(args[0], "WedTech.Server", $"Migrations.{provider}.{kind}");
    var files = scaffolder.Save(serverDirectory, migration, Path.Combine(serverDirectory, "Migrations", provider, kind));
    Console.WriteLine($"{provider,-8} {kind,-7} {Path.GetRelativePath(serverDirectory, files.MigrationFile!)}");
    await context.DisposeAsync();
}
return 0;
