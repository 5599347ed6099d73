namespace WedTech.Server.Platform.Api;

/// <summary>Whether a request is addressed to a tenant (by its host or a header); the Tenancy module implements it.</summary>
public interface ITenantRequests
{
    ValueTask<bool> IsForTenantAsync(HttpContext context);
}
