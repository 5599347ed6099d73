namespace WedTech.Server.Files;

/// <summary>A file attached to a record of the tenant (its owner); the content lives in <see cref="Storage.IFileStorage"/>.</summary>
public sealed class StoredFile
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>A registered owner type, such as "wedding".</summary>
    public required string OwnerType { get; init; }
    public Guid OwnerId { get; init; }

    /// <summary>The uploader's name for it, made safe for a download's file name.</summary>
    public required string FileName { get; init; }

    /// <summary>Detected from the bytes; one of the allowed types.</summary>
    public required string ContentType { get; init; }
    public long Size { get; init; }

    /// <summary>Lower-case hex SHA-256 of the content.</summary>
    public required string Sha256 { get; init; }
    public required string StorageKey { get; init; }

    /// <summary>Null when the system stored it (a background job acting for no one).</summary>
    public Guid? UploadedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? DeletedAt { get; set; }
}

public sealed class StoredFileModel : ITenantModel
{
    public void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<StoredFile>(file =>
    {
        file.ToTable("stored_files");
        file.Property(f => f.Id).ValueGeneratedNever();
        file.Property(f => f.OwnerType).HasMaxLength(40);
        file.Property(f => f.FileName).HasMaxLength(FileNames.MaxLength);
        file.Property(f => f.ContentType).HasMaxLength(100);
        file.Property(f => f.Sha256).HasMaxLength(64);
        file.Property(f => f.StorageKey).HasMaxLength(300);
        file.HasIndex(f => new { f.OwnerType, f.OwnerId, f.CreatedAt });
        file.HasQueryFilter(f => f.DeletedAt == null);
    });
}

/// <summary>The module's tables, read and written only by the module.</summary>
public static class FileTables
{
    extension(TenantDbContext db)
    {
        public DbSet<StoredFile> StoredFiles => db.Set<StoredFile>();
    }
}
