using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using WedTech.Server.Tenancy.Provisioning;

namespace WedTech.Server.Tenancy;

public static class TenancyEndpoints
{
    public static readonly ApiTag Tag = new("Signup", "Signing up a planning studio (a tenant); outside any studio.");

    /// <summary>Signup lives outside any tenant: it creates one.</summary>
    public static RouteGroupBuilder MapTenancy(this RouteGroupBuilder platformApi)
    {
        platformApi.MapPost("/tenants", async Task<Created<TenantCreatedResponse>> (CreateTenantRequest request, ProvisioningService provisioning,
            StudioAddresses addresses, CancellationToken ct) =>
        {
            var tenant = await provisioning.ProvisionAsync(request, ct);
            var url = addresses.For(tenant.Slug);
            return TypedResults.Created(url, new TenantCreatedResponse(tenant.Id, tenant.Slug, tenant.Status, url));
        }).RequireRateLimiting(TenancyModule.SignupRateLimit).WithApiTag(Tag)
            .WithSummary("Sign up a studio").WithDescription("Sign up a planning studio: creates its database and its first admin. Repeat the same request to finish a signup that was interrupted.");
        return platformApi;
    }
}
