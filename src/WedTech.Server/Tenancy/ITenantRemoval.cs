namespace WedTech.Server.Tenancy;

/// <summary>
/// What a module keeps for a studio outside the studio's database (stored files), removed when the operator deletes the
/// studio. Called before the database goes, with a context on it, so the module can find what is its.
/// </summary>
public interface ITenantRemoval
{
    Task RemoveAsync(Guid tenantId, TenantDbContext db, CancellationToken cancellationToken);
}
