namespace WedTech.Server.Tenancy;

public sealed class TenancyOptions
{
    /// <summary>Tenants are served at <c>{slug}.{BaseDomain}</c>.</summary>
    public string BaseDomain { get; set; } = "localhost";

    /// <summary>
    /// The URL people use to reach a tenant, for links the product makes; <c>{slug}</c> is replaced. Empty: the address the
    /// server listens on, with the studio's slug in front (see <see cref="StudioAddresses"/>).
    /// </summary>
    public string TenantUrlTemplate { get; set; } = "";

    /// <summary>Bring tenant databases up to the current schema when the server starts (development convenience).</summary>
    public bool MigrateTenantsOnStartup { get; set; }

    /// <summary>Signup attempts (form posts, failed ones included; viewing the landing page is free) per client address per hour.</summary>
    public int SignupPermitsPerHour { get; set; } = 20;
}
