using WedTech.Server.Calendar;
using WedTech.Server.CheckIn;
using WedTech.Server.Demo;
using WedTech.Server.Events;
using WedTech.Server.Files;
using WedTech.Server.Guests;
using WedTech.Server.Identity;
using WedTech.Server.Inventory;
using WedTech.Server.Invoicing;
using WedTech.Server.Automations;
using WedTech.Server.Leads;
using WedTech.Server.Tasks;
using WedTech.Server.Messaging;
using WedTech.Server.Messaging.Push;
using WedTech.Server.Messaging.Webhooks;
using WedTech.Server.Payments;
using WedTech.Server.Platform;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Platform.Cli;
using WedTech.Server.Proposals;
using WedTech.Server.Platform.Jobs;
using WedTech.Server.Reports;
using WedTech.Server.Rooms;
using WedTech.Server.Seating;
using WedTech.Server.Realtime;
using WedTech.Server.Tenancy;
using WedTech.Server.Tenancy.Settings;
using WedTech.Server.Templates;
using WedTech.Server.Travel;
using WedTech.Server.Vendors;
using WedTech.Server.Books;
using WedTech.Server.Budget;
using WedTech.Server.Venues;
using WedTech.Server.Agreements;
using WedTech.Server.Web;
using WedTech.Server.Weddings;

var builder = WebApplication.CreateBuilder(ServerStart.Options(args));
builder.ListenOnTheAskedAddress().AddPlatform();
builder.Services
    .AddTenancy(builder.Configuration)
    .AddIdentityModule(builder.Configuration)
    .AddMessaging(builder.Configuration)
    .AddWeddings()
    .AddEvents()
    .AddVenues()
    .AddGuests(builder.Configuration)
    .AddRooms()
    .AddCheckIn()
    .AddSeating()
    .AddTravel()
    .AddVendors()
    .AddBudget()
    .AddInventory()
    .AddInvoicing()
    .AddPayments(builder.Configuration)
    .AddBooks()
    .AddLeads()
    .AddProposals()
    .AddAgreements()
    .AddTasks()
    .AddAutomations()
    .AddWeddingTemplates()
    .AddCalendar(builder.Configuration)
    .AddFiles(builder.Configuration)
    .AddReports()
    .AddRealtime(builder.Configuration)
    .AddWeb()
    .AddDemo();

var app = builder.Build();
if (OperatorCli.IsCommand(app.Services, args))
{
    return await OperatorCli.RunAsync(app.Services, args);
}

await app.PrepareAsync();
// The pipeline: each module's middleware in the order requests need it.
app.UseSecurityHeaders();
app.UsePlatform();
app.UseTenantResolution();
app.UseIdentity();
app.UseRateLimiter();
app.MapDemo();
// A worker-only node (Jobs:Role = Worker) serves health and metrics, and runs jobs.
if (app.Services.ServesWeb())
{
    app.MapPlatformApi().MapTenancy().MapMessagingWebhooks();
    app.MapTenantApi()
        .MapIdentity()
        .MapTenantSettings()
        .MapAudit()
        .MapWeddings()
        .MapEvents()
        .MapVenues()
        .MapGuests()
        .MapRooms()
        .MapCheckIn()
        .MapSeating()
        .MapTravel()
        .MapVendors()
        .MapBudget()
        .MapInventory()
        .MapInvoicing()
        .MapPayments()
        .MapBooks()
        .MapLeads()
        .MapProposals()
        .MapAgreements()
        .MapTasks()
        .MapWeddingTemplates()
        .MapMessaging()
        .MapFiles()
        .MapPush()
        .MapReports()
        .MapAutomations();
    app.MapRealtime();
    app.MapCalendar();
    app.MapWeb();
}

await app.RunAsync();
return 0;

/// <summary>Entry point type, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
