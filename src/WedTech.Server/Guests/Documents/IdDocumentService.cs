using System.Globalization;
using Microsoft.Extensions.Options;
using WedTech.Server.Files;
using WedTech.Server.Identity;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Platform.Encryption;
using WedTech.Server.Realtime;
using WedTech.Server.Tenancy;
using WedTech.Server.Weddings;

namespace WedTech.Server.Guests.Documents;

/// <summary>What is wrong with an ID sent from the guest's page; the page words it in the guest's language.</summary>
public enum IdProblem { ChooseWho, ChooseKind, NoNumber, NumberTooLong, AadhaarShape, AadhaarCheck, PassportShape, LicenceShape, VoterIdShape, NoFile, TooBig, NotAllowedType, NoConsent, SentTwice }

/// <summary>The ID form of the guest's page, as posted.</summary>
public sealed record IdUpload(Guid? GuestId, IdDocumentKind? Kind, string? Number, IFormFile? File, bool Consent);

/// <summary>The query of a wedding's ID documents.</summary>
public sealed record IdDocumentFilter(string? Search, IdDocumentKind? Kind);

/// <summary>An ID document's file, opened.</summary>
public sealed record IdDocumentFile(byte[] Content, string ContentType, string FileName);

/// <summary>
/// Guests' IDs for the hotel (India's DPDP Act: collected only when the studio asks for them, for that purpose, and deleted
/// when it ends). The guest sends one per member from their RSVP link; the file is sealed with the studio's data key before
/// it is stored; the studio sees the kind and the number's last four characters, and opens the file only with
/// <see cref="Permissions.GuestDocuments"/>, each opening audited.
/// </summary>
public sealed class IdDocumentService(
    TenantDbContext db, StudioKeys keys, AuditLog audit, IWeddingDirectory weddings, WeddingEnds ends, UserDirectory users,
    WeddingChanges changes, IOptions<GuestDataOptions> options, TimeProvider time)
{
    /// <summary>The studio's data key that seals ID documents.</summary>
    public const string KeyPurpose = "id-documents";

    public const long MaxBytes = 8 * 1024 * 1024;

    /// <summary>A form of more than this is refused before it is read; up to it, a file over <see cref="MaxBytes"/> gets the page's own message.</summary>
    public const long MaxFormBytes = 20 * 1024 * 1024;

    /// <summary>What a guest may send: a photo or a scan.</summary>
    public static readonly IReadOnlyList<FileType> Allowed = [FileTypes.Jpeg, FileTypes.Png, FileTypes.WebP, FileTypes.Pdf];

    public int DaysKept => options.Value.IdDocumentDaysAfterWedding;

    /// <summary>The members of the page's household with the ID each has sent (kind and masked number), if any.</summary>
    public async Task<IReadOnlyDictionary<Guid, (IdDocumentKind Kind, string Number)>> SentAsync(RsvpHousehold page, CancellationToken cancellationToken) =>
        (await db.IdDocuments.AsNoTracking().Where(d => d.HouseholdId == page.Household.Id)
            .Select(d => new { d.GuestId, d.Kind, d.NumberLastFour }).ToListAsync(cancellationToken))
        .ToDictionary(d => d.GuestId, d => (d.Kind, IdNumbers.Masked(d.Kind, d.NumberLastFour)));

    /// <summary>
    /// Checks and keeps a guest's ID: every problem by field, or none once it is saved (replacing the member's earlier one).
    /// Only while the studio asks for IDs; the caller has opened the household by its link.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IdProblem>> UploadAsync(RsvpHousehold page, IdUpload upload, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, IdProblem>();
        var member = page.Household.Members.Find(m => m.Id == upload.GuestId);
        if (member is null)
        {
            problems["guest"] = IdProblem.ChooseWho;
        }
        string? number = null;
        if (upload.Kind is not { } kind)
        {
            problems["kind"] = IdProblem.ChooseKind;
        }
        else
        {
            (number, var wrong) = IdNumbers.Check(kind, upload.Number);
            if (wrong is { } problem)
            {
                problems["number"] = problem;
            }
        }
        byte[]? content = null;
        FileType? type = null;
        if (upload.File is not { Length: > 0 } file)
        {
            problems["file"] = IdProblem.NoFile;
        }
        else if (file.Length > MaxBytes)
        {
            problems["file"] = IdProblem.TooBig;
        }
        else
        {
            content = new byte[file.Length];
            await using (var read = file.OpenReadStream())
            {
                await read.ReadExactlyAsync(content, cancellationToken);
            }
            using var detect = new MemoryStream(content, writable: false);
            type = FileTypes.Detect(detect).FirstOrDefault(Allowed.Contains);
            if (type is null)
            {
                problems["file"] = IdProblem.NotAllowedType;
            }
        }
        if (!upload.Consent)
        {
            problems["consent"] = IdProblem.NoConsent;
        }
        if (problems.Count > 0)
        {
            return problems;
        }
        var earlier = await db.IdDocuments.Where(d => d.GuestId == member!.Id).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(cancellationToken);
        var sealedWith = earlier ?? Guid.CreateVersion7();
        var document = new IdDocument
        {
            Id = sealedWith, WeddingId = page.Household.WeddingId, HouseholdId = page.Household.Id, GuestId = member!.Id, Kind = upload.Kind!.Value,
            NumberLastFour = IdNumbers.LastFour(number!), ContentType = type!.ContentType, Size = content!.Length, UploadedAt = time.GetUtcNow(),
            Sealed = await keys.SealAsync(KeyPurpose, content, Associated(sealedWith), cancellationToken),
        };
        Array.Clear(content);
        // A new ID replaces the member's earlier one, under the same id (and so the same sealing context).
        if (earlier is not null)
        {
            db.IdDocuments.Update(document);
        }
        else
        {
            db.IdDocuments.Add(document);
        }
        audit.Record("id-document.received", nameof(IdDocument), document.Id, $"{document.Kind} of guest {member.Id}, from the guest's page");
        AfterCommit(document.WeddingId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same member's ID sent twice at the same moment: one is kept.
            return new Dictionary<string, IdProblem> { ["file"] = IdProblem.SentTwice };
        }
        return problems;
    }

    public async Task<IdDocumentsResponse> ListAsync(Guid weddingId, IdDocumentFilter filter, Paging paging, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var documents = db.IdDocuments.AsNoTracking().Where(d => d.WeddingId == weddingId);
        if (filter.Kind is { } kind)
        {
            documents = documents.Where(d => d.Kind == kind);
        }
        var rows = from d in documents
                   join g in db.Guests on d.GuestId equals g.Id
                   join h in db.Households on d.HouseholdId equals h.Id
                   select new { d.Id, d.HouseholdId, Household = h.DisplayName, g.LatinName, d.GuestId, g.Name, g.GuestOf, d.Kind, d.NumberLastFour, d.ContentType, d.Size, d.UploadedAt, d.UploadedBy };
        if (filter.Search.TrimmedOrNull() is { } search)
        {
            var term = search.ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // SQL lower(), not this process's culture
            rows = rows.Where(r => r.Household.ToLower().Contains(term) || (r.Name ?? "").ToLower().Contains(term) || (r.LatinName ?? "").ToLower().Contains(term));
#pragma warning restore CA1304, CA1311, CA1862
        }
        var page = await rows.OrderBy(r => r.Household).ThenBy(r => r.Name).ThenBy(r => r.Id).ToPageAsync(paging, r => r, cancellationToken);
        var deletedOn = (await ends.LastDaysAsync([weddingId], cancellationToken)).TryGetValue(weddingId, out var last) ? last.AddDays(DaysKept + 1) : (DateOnly?)null;
        var items = new List<IdDocumentResponse>(page.Items.Count);
        foreach (var r in page.Items)
        {
            var uploadedBy = r.UploadedBy is { } userId ? (await users.FindAsync(userId, cancellationToken))?.Name ?? "A former member of the studio" : "The guest";
            items.Add(new IdDocumentResponse(r.Id, r.HouseholdId, r.Household, r.GuestId, r.Name ?? $"Guest of {r.GuestOf ?? r.Household}", r.Kind,
                IdNumbers.Masked(r.Kind, r.NumberLastFour), r.ContentType, r.Size, r.UploadedAt, uploadedBy, deletedOn));
        }
        var coming = db.Households.Where(h => h.WeddingId == weddingId && h.Invitations.Any(i => i.Answer == RsvpAnswer.Attending)).SelectMany(h => h.Members);
        var without = await coming.CountAsync(m => !db.Set<IdDocument>().Any(d => d.GuestId == m.Id), cancellationToken);
        var collecting = await db.GuestListSettings.AnyAsync(s => s.WeddingId == weddingId && s.CollectIds, cancellationToken);
        return new IdDocumentsResponse(new PagedResponse<IdDocumentResponse>(items, page.Page, page.PageSize, page.TotalCount), without, collecting, DaysKept);
    }

    /// <summary>The file, opened with the studio's key; the opening is in the audit log before the file leaves.</summary>
    public async Task<IdDocumentFile> OpenAsync(Guid weddingId, Guid id, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var document = await db.IdDocuments.AsNoTracking().Where(d => d.Id == id && d.WeddingId == weddingId)
            .Select(d => new { d.Id, d.GuestId, d.Kind, d.ContentType, d.Sealed }).FirstOrDefaultAsync(cancellationToken)
            ?? throw ApiException.NotFound("ID document");
        var content = await keys.OpenAsync(KeyPurpose, document.Sealed, Associated(document.Id), cancellationToken);
        audit.Record("id-document.opened", nameof(IdDocument), document.Id, $"{document.Kind} of guest {document.GuestId}");
        await db.SaveChangesAsync(cancellationToken);
        var extension = FileTypes.All.First(t => t.ContentType == document.ContentType).Extensions[0];
        return new IdDocumentFile(content, document.ContentType, string.Create(CultureInfo.InvariantCulture, $"id-{document.Kind.ToString().ToLowerInvariant()}{extension}"));
    }

    public async Task DeleteAsync(Guid weddingId, Guid id, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var document = await db.IdDocuments.Where(d => d.Id == id && d.WeddingId == weddingId).Select(d => new { d.Id, d.GuestId, d.Kind })
            .FirstOrDefaultAsync(cancellationToken) ?? throw ApiException.NotFound("ID document");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.IdDocuments.Where(d => d.Id == id).ExecuteDeleteAsync(cancellationToken);
        audit.Record("id-document.deleted", nameof(IdDocument), document.Id, $"{document.Kind} of guest {document.GuestId}");
        AfterCommit(weddingId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Deletes the ID documents of weddings whose last day was more than <see cref="DaysKept"/> days ago.</summary>
    public async Task DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var holding = await db.IdDocuments.Select(d => d.WeddingId).Distinct().ToListAsync(cancellationToken);
        if (holding.Count == 0)
        {
            return;
        }
        var deleteBefore = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(-DaysKept);
        foreach (var (weddingId, _) in (await ends.LastDaysAsync(holding, cancellationToken)).Where(last => last.Value < deleteBefore))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var count = await db.IdDocuments.Where(d => d.WeddingId == weddingId).ExecuteDeleteAsync(cancellationToken);
            audit.Record("id-document.deleted", "Wedding", weddingId, $"{count} ID documents, {DaysKept} days after the wedding");
            AfterCommit(weddingId);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private void AfterCommit(Guid weddingId) => changes.AfterCommit(new WeddingChangedMessage(weddingId, WeddingChange.IdDocumentsChanged, null));

    /// <summary>Binds the sealed bytes to their row: moved to another, they do not open.</summary>
    private static string Associated(Guid documentId) => $"id-document|{documentId:N}";
}
