using System.ComponentModel.DataAnnotations;

namespace WedTech.Contracts;

public enum TenantPlan { Starter, Professional, Premium, Enterprise }

public enum TenantStatus { Provisioning, Active, Suspended }

/// <summary>Signup: creates a planning studio (a tenant) and its first admin.</summary>
public sealed record CreateTenantRequest(
    [property: Required, StringLength(100, MinimumLength = 2)] string CompanyName,
    [property: Required, StringLength(40, MinimumLength = 3, ErrorMessage = "Use 3 to 40 characters.")] string Slug,
    [property: Required, StringLength(100, MinimumLength = 1)] string AdminName,
    [property: Required, EmailAddress, StringLength(254)] string AdminEmail,
    [property: Required, StringLength(128, MinimumLength = 10, ErrorMessage = "Use at least 10 characters (at most 128).")] string AdminPassword,
    [property: Required] TenantPlan? Plan);

public sealed record TenantCreatedResponse(Guid TenantId, string Slug, TenantStatus Status, string Url);

public sealed record TenantSettingsResponse(string CompanyName, string TimeZone, string Currency, string? Gstin, long Version);

public sealed record UpdateTenantSettingsRequest(
    [property: Required, StringLength(100, MinimumLength = 2)] string CompanyName,
    [property: Required, StringLength(64)] string TimeZone,
    [property: StringLength(15)] string? Gstin);
