namespace WedTech.Server.Tenancy.Catalog;

/// <summary>A planning studio: one row in the catalog, one database of its own.</summary>
public sealed class Tenant
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Slug { get; init; }
    public required string CompanyName { get; set; }
    public TenantPlan Plan { get; set; }
    public TenantStatus Status { get; set; } = TenantStatus.Provisioning;
    public required string DatabaseName { get; init; }

    /// <summary>Id of the last migration applied to the tenant's database; a tenant behind the code is not served.</summary>
    public string? SchemaVersion { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ActivatedAt { get; set; }

    /// <summary>The first admin, held (password hashed) only until provisioning completes, so a retry can finish it.</summary>
    public string? PendingAdminName { get; set; }
    public string? PendingAdminEmail { get; set; }
    public string? PendingAdminPasswordHash { get; set; }
}

public sealed class CustomDomain
{
    public required string Host { get; init; }
    public Guid TenantId { get; init; }
}
