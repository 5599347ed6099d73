using System.Security.Cryptography;

namespace WedTech.Server.Platform.Encryption;

/// <summary>
/// A studio's data key for one purpose (ID documents, vendors' bank details…), kept in the studio's own database wrapped by
/// the <see cref="MasterKey"/>. Made on first use; never changes, so everything sealed with it opens for as long as it lives.
/// </summary>
public sealed class StudioKey
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Purpose { get; init; }
    public required byte[] Wrapped { get; init; }
    public required string MasterKeyId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

public sealed class StudioKeyModel : ITenantModel
{
    public void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<StudioKey>(key =>
    {
        key.ToTable("studio_keys");
        key.Property(k => k.Id).ValueGeneratedNever();
        key.Property(k => k.Purpose).HasMaxLength(40);
        key.Property(k => k.MasterKeyId).HasMaxLength(16);
        key.HasIndex(k => k.Purpose).IsUnique();
    });
}

/// <summary>
/// Envelope encryption for a studio's sensitive data: the data is sealed (AES-256-GCM) with the studio's data key for its
/// purpose, and the data key is stored wrapped by the master key from configuration. Callers pass associated data naming
/// the record (its id), so sealed bytes moved to another record do not open.
/// </summary>
public sealed class StudioKeys(TenantDbContext db, MasterKey master, TimeProvider time)
{
    public async Task<byte[]> SealAsync(string purpose, ReadOnlyMemory<byte> plain, string associated, CancellationToken cancellationToken)
    {
        var (id, key) = await DataKeyAsync(purpose, cancellationToken);
        try
        {
            return Sealed.Seal(key, plain.Span, $"{id:N}|{associated}");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    public async Task<byte[]> OpenAsync(string purpose, byte[] sealedBytes, string associated, CancellationToken cancellationToken)
    {
        var (id, key) = await DataKeyAsync(purpose, cancellationToken);
        try
        {
            return Sealed.Open(key, sealedBytes, $"{id:N}|{associated}");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private async Task<(Guid Id, byte[] Key)> DataKeyAsync(string purpose, CancellationToken cancellationToken)
    {
        var stored = await db.Set<StudioKey>().AsNoTracking().SingleOrDefaultAsync(k => k.Purpose == purpose, cancellationToken)
            ?? await CreateAsync(purpose, cancellationToken);
        return (stored.Id, master.Unwrap(stored.Wrapped, stored.MasterKeyId, Context(stored.Id, purpose)));
    }

    /// <summary>A new data key, saved on its own; when another request made one at the same moment, theirs.</summary>
    private async Task<StudioKey> CreateAsync(string purpose, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        var dataKey = RandomNumberGenerator.GetBytes(32);
        var key = new StudioKey { Id = id, Purpose = purpose, Wrapped = master.Wrap(dataKey, Context(id, purpose)), MasterKeyId = master.Id, CreatedAt = time.GetUtcNow() };
        CryptographicOperations.ZeroMemory(dataKey);
        db.Set<StudioKey>().Add(key);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return key;
        }
        catch (DbUpdateException)
        {
            db.Entry(key).State = EntityState.Detached;
            return await db.Set<StudioKey>().AsNoTracking().SingleAsync(k => k.Purpose == purpose, cancellationToken);
        }
        finally
        {
            db.Entry(key).State = EntityState.Detached;
        }
    }

    private static string Context(Guid keyId, string purpose) => $"studio-key|{keyId:N}|{purpose}";
}
