using WedTech.Server.Identity;
using WedTech.Server.Messaging;
using WedTech.Server.Platform;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Platform.Cli;
using WedTech.Server.Realtime;
using WedTech.Server.Tenancy;
using WedTech.Server.Tenancy.Settings;
using WedTech.Server.Web;
using WedTech.Server.Weddings;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatform();
builder.Services
    .AddTenancy(builder.Configuration)
    .AddIdentityModule(builder.Configuration)
    .AddMessaging(builder.Configuration)
    .AddWeddings()
    .AddRealtime(builder.Configuration)
    .AddWeb();

var app = builder.Build();
if (OperatorCli.IsCommand(args))
{
    return await OperatorCli.RunAsync(app.Services, args);
}

await app.PrepareAsync();
app.UsePlatform();
app.MapPlatformApi().MapTenancy();
app.MapTenantApi()
    .MapIdentity()
    .MapTenantSettings()
    .MapAudit()
    .MapWeddings();
app.MapRealtime();
app.MapWeb();

await app.RunAsync();
return 0;

/// <summary>Entry point type, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
