using System.ComponentModel;
using WedTech.Server.Tenancy.Catalog;

namespace WedTech.Server.Tenancy;

/// <summary>What a request needs to know about its tenant; cached, immutable.</summary>
[ImmutableObject(true)]
public sealed record TenantInfo(Guid Id, string Slug, string CompanyName, TenantPlan Plan, TenantStatus Status, string DatabaseName, string? SchemaVersion)
{
    public static TenantInfo From(Tenant t) => new(t.Id, t.Slug, t.CompanyName, t.Plan, t.Status, t.DatabaseName, t.SchemaVersion);
}

/// <summary>The tenant of the current request or job. Set once, by the resolution middleware or the job runner.</summary>
public sealed class TenantContext
{
    private TenantInfo? _current;

    public TenantInfo? Tenant => _current;

    public TenantInfo Current => _current ?? throw new InvalidOperationException("No tenant has been resolved for this scope.");

    public void Set(TenantInfo tenant)
    {
        if (_current is not null && _current.Id != tenant.Id)
        {
            throw new InvalidOperationException("The tenant of a scope cannot change.");
        }
        _current = tenant;
    }
}
