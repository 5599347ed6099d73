namespace WedTech.Server.Tenancy;

/// <summary>The tenant schema this build of the server expects: the id of its last tenant migration.</summary>
public sealed class TenantSchema
{
    public TenantSchema(IDatabaseProvider databases)
    {
        using var probe = databases.CreateTenantContext("schema_probe");
        LatestMigration = probe.Database.GetMigrations().LastOrDefault()
            ?? throw new InvalidOperationException("The server has no tenant migrations for this provider.");
    }

    public string LatestMigration { get; }
}
