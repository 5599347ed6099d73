using WedTech.App.Features.Agreements;
using WedTech.App.Features.Billing;
using WedTech.App.Features.Proposals;
using WedTech.App.Features.Budget;
using WedTech.App.Features.Calendar;
using WedTech.App.Features.CheckIn;
using WedTech.App.Features.Events;
using WedTech.App.Features.Files;
using WedTech.App.Features.Guests;
using WedTech.App.Features.Identity;
using WedTech.App.Features.Inventory;
using WedTech.App.Features.Messaging;
using WedTech.App.Features.Realtime;
using WedTech.App.Features.Reports;
using WedTech.App.Features.Seating;
using WedTech.App.Features.Templates;
using WedTech.App.Features.Tenancy;
using WedTech.App.Features.Travel;
using WedTech.App.Features.Vendors;
using WedTech.App.Features.Automations;
using WedTech.App.Features.Venues;
using WedTech.App.Features.Weddings;

namespace WedTech.App;

public static class AppServices
{
    /// <summary>The app's own services; the component tests register the same set.</summary>
    public static IServiceCollection AddWedTechApp(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<BrowserStorage>();
        services.AddScoped<Connectivity>();
        services.AddScoped<SessionRenewal>();
        services.AddScoped<OfflineCopies>();
        services.AddScoped<Drafts>();
        services.AddScoped<ApiClient>();
        services.AddScoped<SessionState>();
        services.AddScoped<PushNotifications>();
        services.AddScoped<LiveUpdates>();
        services.AddScoped<StudioZone>();
        // The typed API clients, one a module.
        services.AddScoped<IdentityApi>();
        services.AddScoped<SettingsApi>();
        services.AddScoped<WeddingsApi>();
        services.AddScoped<EventsApi>();
        services.AddScoped<VenuesApi>();
        services.AddScoped<InventoryApi>();
        services.AddScoped<Features.Tasks.TasksApi>();
        services.AddScoped<AutomationsApi>();
        services.AddScoped<GuestsApi>();
        services.AddScoped<Features.Rooms.RoomsApi>();
        services.AddScoped<TravelApi>();
        services.AddScoped<VendorsApi>();
        services.AddScoped<WedTech.App.Features.Leads.LeadsApi>();
        services.AddScoped<BudgetApi>();
        services.AddScoped<BillingApi>();
        services.AddScoped<ProposalsApi>();
        services.AddScoped<AgreementsApi>();
        services.AddScoped<CheckInApi>();
        services.AddScoped<SeatingApi>();
        services.AddScoped<TemplatesApi>();
        services.AddScoped<CalendarApi>();
        services.AddScoped<NotificationsApi>();
        services.AddScoped<MessagesApi>();
        services.AddScoped<FilesApi>();
        services.AddScoped<ReportsApi>();
        return services;
    }
}
