using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using WedTech.Server.Files.Storage;
using WedTech.Server.Identity;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Tenancy;

namespace WedTech.Server.Files;

/// <summary>An open download: the file's record and its content (the caller disposes the stream).</summary>
public sealed record FileDownload(StoredFile File, Stream Content);

/// <summary>
/// Files attached to the tenant's records: stored after their size and type are checked on the bytes,
/// seen only by those who may see their record. Needs no HTTP request, so jobs use it too.
/// </summary>
public sealed partial class FileService(
    TenantDbContext db, TenantContext tenant, CurrentUser currentUser, AuditLog audit, IFileStorage storage, IEnumerable<FileOwnerType> ownerTypes,
    IServiceProvider services, SignedFileLinks links, IOptions<FileStorageOptions> options, StudioAddresses addresses, TimeProvider time,
    ILogger<FileService> logger)
{
    /// <summary>Where signed links are served, under the tenant's address.</summary>
    public const string SignedLinkPath = "/api/v1/files/signed/";

    private readonly Dictionary<string, FileOwnerType> _owners = ownerTypes.ToDictionary(o => o.Name, StringComparer.Ordinal);
    private readonly long _maxBytes = options.Value.MaxFileBytes;

    /// <summary>
    /// Stores a file for a record the caller may see. Refused with 404 when the record is not visible, 413 when
    /// the content is over the size limit, 415 when it is not an allowed type (or its name says otherwise).
    /// </summary>
    public async Task<StoredFile> StoreAsync(string ownerType, Guid ownerId, string fileName, Stream content, CancellationToken cancellationToken)
    {
        await RequireVisibleOwnerAsync(ownerType, ownerId, cancellationToken);
        await using var spooled = await SpoolAsync(content, cancellationToken);
        return await SaveAsync(ownerType, ownerId, fileName, claimedContentType: null, spooled, cancellationToken);
    }

    /// <summary>The owner type must be registered and the record visible to the caller; otherwise 400 or 404.</summary>
    internal async Task RequireVisibleOwnerAsync(string? ownerType, Guid ownerId, CancellationToken cancellationToken)
    {
        if (ownerType is null || !_owners.TryGetValue(ownerType, out var type))
        {
            throw new ValidationFailedException("ownerType", $"Use one of: {string.Join(", ", _owners.Keys.Order(StringComparer.Ordinal))}.");
        }
        if (!await type.IsVisible(services, ownerId, cancellationToken))
        {
            throw ApiException.NotFound(char.ToUpperInvariant(ownerType[0]) + ownerType[1..]);
        }
    }

    /// <summary>Copies the content to a private temporary file, counting and hashing as it goes; stops at the size limit.</summary>
    internal async Task<SpooledContent> SpoolAsync(Stream content, CancellationToken cancellationToken)
    {
        var file = TemporaryFile.Create();
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var chunk = ArrayPool<byte>.Shared.Rent(81920);
            try
            {
                long size = 0;
                int read;
                // Never more than one byte past the limit, so an upload's request stays within its endpoint's body limit.
                while ((read = await content.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, _maxBytes + 1 - size)), cancellationToken)) > 0)
                {
                    size += read;
                    if (size > _maxBytes)
                    {
                        throw new ApiException(StatusCodes.Status413PayloadTooLarge, "File too large", $"A file can be at most {DescribeSize(_maxBytes)}.");
                    }
                    hash.AppendData(chunk, 0, read);
                    await file.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
                }
                if (size == 0)
                {
                    throw new ValidationFailedException("file", "The file is empty.");
                }
                file.Position = 0;
                return new SpooledContent(file, size, Convert.ToHexStringLower(hash.GetHashAndReset()));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <summary>Checks the spooled content's type against the allow-list, the name and the claim, then stores it. The owner was checked.</summary>
    internal async Task<StoredFile> SaveAsync(string ownerType, Guid ownerId, string fileName, string? claimedContentType, SpooledContent content,
        CancellationToken cancellationToken)
    {
        var name = FileNames.Sanitize(fileName);
        var type = Choose(FileTypes.Detect(content.File), name, claimedContentType);
        if (FileNames.Extension(name).Length == 0)
        {
            name = FileNames.Sanitize((name.Length == 0 ? "file" : name) + type.Extensions[0]);
        }

        var id = Guid.CreateVersion7();
        var now = time.GetUtcNow();
        var file = new StoredFile
        {
            Id = id,
            OwnerType = ownerType,
            OwnerId = ownerId,
            FileName = name,
            ContentType = type.ContentType,
            Size = content.Size,
            Sha256 = content.Sha256,
            StorageKey = StorageKeys.ForFile(tenant.Current.Id, id),
            UploadedBy = currentUser.User?.Id,
            // Whole milliseconds, as both providers keep it, so that every read agrees with this answer.
            CreatedAt = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond)),
        };
        content.File.Position = 0;
        await storage.PutAsync(file.StorageKey, content.File, file.ContentType, cancellationToken);
        try
        {
            db.StoredFiles.Add(file);
            audit.Record("file.uploaded", nameof(StoredFile), file.Id, $"{ownerType} {ownerId}: {file.FileName} ({file.Size} bytes, {file.ContentType})");
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            // No record, so no content either; the request's cancellation must not stop this clean-up.
            await storage.DeleteAsync(file.StorageKey, CancellationToken.None);
            throw;
        }
        return file;
    }

    /// <summary>
    /// Stores a file the server made itself (a contract's PDF) for a record whose module decides who may read it: no visibility
    /// rule of an owner type is asked, and the file is opened only by <see cref="OpenOwnedAsync"/>.
    /// </summary>
    internal async Task<StoredFile> StoreOwnedAsync(string ownerType, Guid ownerId, string fileName, byte[] content, CancellationToken cancellationToken)
    {
        await using var spooled = await SpoolAsync(new MemoryStream(content, writable: false), cancellationToken);
        return await SaveAsync(ownerType, ownerId, fileName, claimedContentType: null, spooled, cancellationToken);
    }

    /// <summary>A file stored by <see cref="StoreOwnedAsync"/>, for the module of its record (which checked the caller's access): 404 when it is not that record's.</summary>
    internal async Task<FileDownload> OpenOwnedAsync(Guid id, string ownerType, Guid ownerId, CancellationToken cancellationToken)
    {
        var file = await db.StoredFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id && f.OwnerType == ownerType && f.OwnerId == ownerId, cancellationToken)
            ?? throw ApiException.NotFound("File");
        return await OpenContentAsync(file, cancellationToken);
    }

    public async Task<PagedResponse<FileResponse>> ListAsync(string? ownerType, Guid ownerId, Paging paging, CancellationToken cancellationToken)
    {
        await RequireVisibleOwnerAsync(ownerType, ownerId, cancellationToken);
        return await db.StoredFiles.AsNoTracking()
            .Where(f => f.OwnerType == ownerType && f.OwnerId == ownerId)
            .OrderByDescending(f => f.CreatedAt).ThenByDescending(f => f.Id)
            .ToPageAsync(paging, Projection, cancellationToken);
    }

    /// <summary>A file of another tenant, a deleted one, and one whose record the caller may not see are all simply not found.</summary>
    public async Task<StoredFile> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var file = await db.StoredFiles.FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
        return file is not null && _owners.TryGetValue(file.OwnerType, out var owner) && await owner.IsVisible(services, file.OwnerId, cancellationToken)
            ? file
            : throw ApiException.NotFound("File");
    }

    public async Task<FileDownload> OpenAsync(Guid id, CancellationToken cancellationToken) =>
        await OpenContentAsync(await GetAsync(id, cancellationToken), cancellationToken);

    /// <summary>Hides the file (kept, like deleted weddings); its content stays in storage.</summary>
    public async Task DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var file = await GetAsync(id, cancellationToken);
        file.DeletedAt = time.GetUtcNow();
        audit.Record("file.deleted", nameof(StoredFile), file.Id, $"{file.OwnerType} {file.OwnerId}: {file.FileName}");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A link to download the file without signing in, for a few minutes; bound to this tenant and this file.</summary>
    public async Task<FileLinkResponse> CreateLinkAsync(Guid id, CancellationToken cancellationToken)
    {
        var file = await GetAsync(id, cancellationToken);
        var expires = time.GetUtcNow().AddMinutes(options.Value.SignedLinkMinutes);
        expires = DateTimeOffset.FromUnixTimeSeconds(expires.ToUnixTimeSeconds()); // the token's precision
        var token = links.Create(new SignedFileLink(tenant.Current.Id, file.Id, expires));
        audit.Record("file.link-created", nameof(StoredFile), file.Id, $"{file.FileName}, expires {expires.ToString("u", CultureInfo.InvariantCulture)}");
        await db.SaveChangesAsync(cancellationToken);
        return new FileLinkResponse(addresses.For(tenant.Current.Slug) + SignedLinkPath + token, expires);
    }

    /// <summary>The file a signed link names: 404 when the token is not genuine, is another tenant's or the file is gone; 410 once expired.</summary>
    public async Task<FileDownload> OpenSignedAsync(string token, CancellationToken cancellationToken)
    {
        if (links.Read(token) is not { } link || link.TenantId != tenant.Current.Id)
        {
            throw ApiException.NotFound("File");
        }
        if (link.ExpiresAt <= time.GetUtcNow())
        {
            throw new ApiException(StatusCodes.Status410Gone, "Link expired", "This download link has expired; ask for a new one.");
        }
        var file = await db.StoredFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == link.FileId, cancellationToken) ?? throw ApiException.NotFound("File");
        return await OpenContentAsync(file, cancellationToken);
    }

    private static readonly System.Linq.Expressions.Expression<Func<StoredFile, FileResponse>> Projection =
        f => new FileResponse(f.Id, f.OwnerType, f.OwnerId, f.FileName, f.ContentType, f.Size, f.Sha256, f.UploadedBy, f.CreatedAt);

    private static readonly Func<StoredFile, FileResponse> CompiledProjection = Projection.Compile();

    public static FileResponse ToResponse(StoredFile file) => CompiledProjection(file);

    private async Task<FileDownload> OpenContentAsync(StoredFile file, CancellationToken cancellationToken)
    {
        var content = await storage.OpenReadAsync(file.StorageKey, cancellationToken);
        if (content is null)
        {
            LogContentMissing(file.Id, file.StorageKey);
            throw ApiException.NotFound("File content");
        }
        return new FileDownload(file, content);
    }

    /// <summary>The allowed type the content is, consistent with the name's extension and the uploader's claim; else 415.</summary>
    private static FileType Choose(IReadOnlyList<FileType> detected, string name, string? claimedContentType)
    {
        if (detected.Count == 0)
        {
            throw Unsupported($"Only {FileTypes.Allowed} files can be uploaded, and this file's content is none of them.");
        }
        var extension = FileNames.Extension(name);
        var candidates = extension.Length == 0 ? detected : detected.Where(t => t.Extensions.Contains(extension)).ToList();
        if (candidates.Count == 0)
        {
            throw Unsupported($"The file is named as '{extension}' but its content is {detected[0].Name}.");
        }
        if (Claim(claimedContentType) is { } claim)
        {
            candidates = candidates.Where(t => t.Claims.Contains(claim)).ToList();
            if (candidates.Count == 0)
            {
                throw Unsupported($"The file was sent as '{claim}' but its content is {detected[0].Name}.");
            }
        }
        return candidates[0];
    }

    /// <summary>The media type the uploader claimed, lower-case; null when they claimed nothing in particular.</summary>
    private static string? Claim(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return null;
        }
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed) || parsed.MediaType.Value is not { } mediaType)
        {
            return contentType.Length > 100 ? contentType[..100] : contentType;
        }
        mediaType = mediaType.ToLowerInvariant();
        return mediaType == "application/octet-stream" ? null : mediaType;
    }

    private static ApiException Unsupported(string detail) => new(StatusCodes.Status415UnsupportedMediaType, "Unsupported file type", detail);

    internal static string DescribeSize(long bytes) => bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024)} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes");

    [LoggerMessage(LogLevel.Error, "Stored file {FileId} has no content under {StorageKey}")]
    private partial void LogContentMissing(Guid fileId, string storageKey);
}

/// <summary>Upload content in a private temporary file (removed on dispose), with its size and SHA-256.</summary>
internal sealed record SpooledContent(FileStream File, long Size, string Sha256) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => File.DisposeAsync();
}
