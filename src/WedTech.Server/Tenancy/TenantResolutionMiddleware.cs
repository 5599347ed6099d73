using Microsoft.Extensions.Options;

namespace WedTech.Server.Tenancy;

/// <summary>Marks endpoints (and server-rendered pages) that act inside one tenant; only those resolve a tenant.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class TenantScopedAttribute : Attribute
{
    public static readonly TenantScopedAttribute Instance = new();
}

/// <summary>
/// Finds the request's tenant: custom domain, then <c>{slug}.{BaseDomain}</c>, then the <c>X-Tenant</c>
/// header (mobile and API clients). Never from the body or the query string. A tenant that is unknown,
/// suspended, still provisioning or behind the current schema is refused here, before any handler runs.
/// </summary>
internal sealed class TenantResolutionMiddleware(RequestDelegate next, TenantLocator locator, TenantSchema schema)
{
    private static readonly TimeSpan ProvisioningRetry = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan UpgradeRetry = TimeSpan.FromSeconds(30);

    public async Task InvokeAsync(HttpContext context, TenantContext tenantContext)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<TenantScopedAttribute>() is null)
        {
            await next(context);
            return;
        }

        var tenant = await locator.FromHostAsync(context) ?? await locator.FromHeaderAsync(context);
        if (tenant is null)
        {
            await Problems.WriteAsync(context, StatusCodes.Status404NotFound, "Tenant not found",
                "No planning studio is served at this address. Check the address, or send the X-Tenant header with your studio's slug.");
            return;
        }
        switch (tenant.Status)
        {
            case TenantStatus.Suspended:
                await Problems.WriteAsync(context, StatusCodes.Status403Forbidden, "Tenant suspended", "This studio's account is suspended. Contact support.");
                return;
            case TenantStatus.Provisioning:
                await Problems.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "Tenant is being set up", "This studio is still being set up; try again in a few seconds.", ProvisioningRetry);
                return;
        }
        if (tenant.SchemaVersion != schema.LatestMigration)
        {
            await Problems.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "Tenant is being upgraded", "This studio's data is being upgraded; try again shortly.", UpgradeRetry);
            return;
        }

        tenantContext.Set(tenant);
        await next(context);
    }
}

/// <summary>Which tenant an address names: custom domain, or <c>{slug}.{BaseDomain}</c>; or, for API clients, the <c>X-Tenant</c> header.</summary>
public sealed class TenantLocator(TenantDirectory directory, IOptions<TenancyOptions> options) : ITenantRequests
{
    public const string HeaderName = "X-Tenant";
    private readonly string _baseDomain = options.Value.BaseDomain.ToLowerInvariant();
    private readonly string _baseDomainSuffix = "." + options.Value.BaseDomain.ToLowerInvariant();

    public async ValueTask<TenantInfo?> FromHostAsync(HttpContext context)
    {
        var host = context.Request.Host.Host.ToLowerInvariant();
        if (host.EndsWith(_baseDomainSuffix, StringComparison.Ordinal))
        {
            var slug = host[..^_baseDomainSuffix.Length];
            return SlugRules.IsWellFormed(slug) ? await directory.FindBySlugAsync(slug, context.RequestAborted) : null;
        }
        return host != _baseDomain && !System.Net.IPAddress.TryParse(host, out _)
            ? await directory.FindByCustomDomainAsync(host, context.RequestAborted)
            : null;
    }

    public async ValueTask<bool> IsForTenantAsync(HttpContext context) => context.Request.Headers.ContainsKey(HeaderName) || await FromHostAsync(context) is not null;

    /// <summary>A malformed header is never looked up, so junk cannot fill the cache.</summary>
    public async ValueTask<TenantInfo?> FromHeaderAsync(HttpContext context)
    {
        var header = context.Request.Headers[HeaderName].ToString().Trim().ToLowerInvariant();
        return SlugRules.IsWellFormed(header) ? await directory.FindBySlugAsync(header, context.RequestAborted) : null;
    }
}
