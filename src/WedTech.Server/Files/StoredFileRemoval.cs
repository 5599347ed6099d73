using WedTech.Server.Files.Storage;
using WedTech.Server.Tenancy;

namespace WedTech.Server.Files;

/// <summary>A deleted studio's stored files go from the storage (local folder or S3) with it.</summary>
internal sealed class StoredFileRemoval(IFileStorage storage) : ITenantRemoval
{
    public async Task RemoveAsync(Guid tenantId, TenantDbContext db, CancellationToken cancellationToken)
    {
        var keys = await db.Set<StoredFile>().AsNoTracking().Select(f => f.StorageKey).ToListAsync(cancellationToken);
        foreach (var key in keys)
        {
            await storage.DeleteAsync(key, cancellationToken);
        }
    }
}
