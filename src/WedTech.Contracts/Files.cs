namespace WedTech.Contracts;

/// <summary>The kinds of record a file can be attached to (the <c>ownerType</c> of the files API).</summary>
public static class FileOwnerTypes
{
    public const string Wedding = "wedding";

    /// <summary>Files written by report jobs.</summary>
    public const string Report = "report";

    /// <summary>A vendor's rate cards and papers, seen by those who keep the vendor book.</summary>
    public const string Vendor = "vendor";

    /// <summary>A booking's contract and quotes, seen by those who see the wedding's vendors.</summary>
    public const string Booking = "booking";

    /// <summary>A stock item's photos, seen by those who see the stock.</summary>
    public const string StockItem = "stock-item";

    /// <summary>A task's attachments, seen by those who see the wedding's tasks and by the couple on their own tasks.</summary>
    public const string Task = "task";

    /// <summary>The studio's own files (its logo on invoices): the owner id is the studio's tenant id; everyone signed in to the studio sees them.</summary>
    public const string Studio = "studio";
}

/// <summary>
/// A stored file's details. <see cref="ContentType"/> is what the server detected from the bytes, not
/// what the uploader claimed; <see cref="Sha256"/> is the lower-case hex digest of the content.
/// </summary>
public sealed record FileResponse(
    Guid Id, string OwnerType, Guid OwnerId, string FileName, string ContentType, long Size, string Sha256, Guid? UploadedBy, DateTimeOffset CreatedAt);

/// <summary>A link that downloads one file without signing in, until <see cref="ExpiresAt"/>.</summary>
public sealed record FileLinkResponse(string Url, DateTimeOffset ExpiresAt);
