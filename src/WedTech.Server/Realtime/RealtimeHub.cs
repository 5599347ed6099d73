using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using WedTech.Server.Identity;
using WedTech.Server.Tenancy;

namespace WedTech.Server.Realtime;

/// <summary>
/// Group names: every one starts with the tenant id, so a message for one studio can never reach another's connections.
/// </summary>
public static class RealtimeGroups
{
    /// <summary>Every connection of the studio.</summary>
    public static string Tenant(Guid tenantId) => $"t:{tenantId:N}";

    /// <summary>Every connection of one person.</summary>
    public static string User(Guid tenantId, Guid userId) => $"t:{tenantId:N}:u:{userId:N}";

    /// <summary>Connections that joined one wedding (each join checked against what the person may see).</summary>
    public static string Wedding(Guid tenantId, Guid weddingId) => $"t:{tenantId:N}:w:{weddingId:N}";

    /// <summary>Connections of people who may see every wedding of the studio (<see cref="Permissions.WeddingViewAll"/>).</summary>
    public static string AllWeddings(Guid tenantId) => $"t:{tenantId:N}:weddings";

    /// <summary>Connections of people who may see the studio's leads (<see cref="Permissions.LeadView"/>).</summary>
    public static string Leads(Guid tenantId) => $"t:{tenantId:N}:leads";
}

/// <summary>
/// The realtime hub (<see cref="RealtimeProtocol"/>). Each call runs in its own DI scope, not the connecting
/// request's, so it sets up its tenant and user itself, from the connection's validated claims, and checks again
/// that the studio is served and the session still valid.
/// </summary>
[Authorize]
public sealed class RealtimeHub(TenantDirectory tenants, TenantSchema schema, TenantContext tenantContext, UserDirectory users, CurrentUser currentUser,
    IServiceProvider services) : Hub
{
    private const string TenantKey = "tenant";
    private const string SeesAllWeddingsKey = "sees-all-weddings";

    public override async Task OnConnectedAsync()
    {
        var (tenant, user) = await EnterAsync();
        Context.Items[TenantKey] = tenant.Id;
        await Groups.AddToGroupAsync(Context.ConnectionId, RealtimeGroups.Tenant(tenant.Id), Context.ConnectionAborted);
        await Groups.AddToGroupAsync(Context.ConnectionId, RealtimeGroups.User(tenant.Id, user.Id), Context.ConnectionAborted);
        if (Permissions.Has(user.Role, Permissions.WeddingViewAll))
        {
            Context.Items[SeesAllWeddingsKey] = true;
            await Groups.AddToGroupAsync(Context.ConnectionId, RealtimeGroups.AllWeddings(tenant.Id), Context.ConnectionAborted);
        }
        if (Permissions.Has(user.Role, Permissions.LeadView))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, RealtimeGroups.Leads(tenant.Id), Context.ConnectionAborted);
        }
    }

    /// <summary>SignalR runs a connection's calls only after <see cref="OnConnectedAsync"/>, so this answers once its groups are joined.</summary>
    public RealtimeSession GetSession() => new(Context.Items.ContainsKey(SeesAllWeddingsKey));

    /// <summary>Receive this wedding's changes; refused for a wedding the caller may not see (or of another studio).</summary>
    public async Task JoinWedding(Guid weddingId)
    {
        var (tenant, _) = await EnterAsync();
        // Resolved here, not injected: the wedding service opens the tenant's database, known only from this point.
        if (!await services.GetRequiredService<IWeddingVisibility>().IsVisibleAsync(weddingId, Context.ConnectionAborted))
        {
            throw new HubException("You cannot follow this wedding: it does not exist in your studio, or you are not on its team.");
        }
        // A connection in the all-weddings group already gets every wedding's changes; joining too would send each twice.
        if (!Context.Items.ContainsKey(SeesAllWeddingsKey))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, RealtimeGroups.Wedding(tenant.Id, weddingId), Context.ConnectionAborted);
        }
    }

    public Task LeaveWedding(Guid weddingId) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, RealtimeGroups.Wedding((Guid)Context.Items[TenantKey]!, weddingId), Context.ConnectionAborted);

    /// <summary>The connection's tenant and user, as the authentication of an API request would set them up.</summary>
    private async Task<(TenantInfo Tenant, UserSnapshot User)> EnterAsync()
    {
        var principal = Context.User;
        if (!Guid.TryParse(principal?.FindFirstValue(TokenClaims.Tenant), out var tenantId) || !Guid.TryParse(principal.FindFirstValue(TokenClaims.Subject), out var userId))
        {
            throw new HubException("Sign in first.");
        }
        var tenant = await tenants.FindByIdAsync(tenantId, Context.ConnectionAborted);
        if (tenant is not { Status: TenantStatus.Active } || tenant.SchemaVersion != schema.LatestMigration)
        {
            throw new HubException("Your studio is not available at the moment; reconnect later.");
        }
        tenantContext.Set(tenant);
        var user = await users.FindAsync(userId, Context.ConnectionAborted);
        if (user is null || !user.Accepts(principal))
        {
            throw new HubException("Your session has ended; sign in again.");
        }
        currentUser.Set(user);
        return (tenant, user);
    }
}
