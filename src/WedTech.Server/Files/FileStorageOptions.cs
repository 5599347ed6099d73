namespace WedTech.Server.Files;

public enum FileStorageProvider { Local, S3 }

/// <summary>The <c>Files</c> configuration section.</summary>
public sealed class FileStorageOptions
{
    public const string Section = "Files";

    public FileStorageProvider Provider { get; set; } = FileStorageProvider.Local;

    /// <summary>Folder of the local provider; relative to the data folder.</summary>
    public string LocalDirectory { get; set; } = "files";

    /// <summary>Largest file accepted, counted on the bytes as they arrive.</summary>
    public long MaxFileBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>How long a signed download link works.</summary>
    public int SignedLinkMinutes { get; set; } = 5;

    public S3StorageOptions S3 { get; set; } = new();
}

/// <summary>
/// An S3-compatible bucket. AWS: Region, no ServiceUrl. Cloudflare R2: ServiceUrl
/// <c>https://{account}.r2.cloudflarestorage.com</c>, Region <c>auto</c>. MinIO: its URL and ForcePathStyle.
/// </summary>
public sealed class S3StorageOptions
{
    public string? ServiceUrl { get; set; }
    public string? Bucket { get; set; }

    /// <summary>Without an access key, the AWS SDK's own credential chain (environment, profile, instance role) is used.</summary>
    public string? AccessKey { get; set; }
    public string? SecretKey { get; set; }
    public string Region { get; set; } = "us-east-1";

    /// <summary>Address buckets as <c>{ServiceUrl}/{bucket}</c> rather than <c>{bucket}.{host}</c> (MinIO, s3rver).</summary>
    public bool ForcePathStyle { get; set; }

    /// <summary>Put before every key, so that several environments can share one bucket; e.g. <c>staging/</c>.</summary>
    public string KeyPrefix { get; set; } = "";
}
