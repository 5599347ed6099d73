namespace WedTech.Server.Invoicing;

/// <summary>An issued tax invoice or credit note as the books read it (cancelled ones are not in the books).</summary>
public sealed record IssuedDocument(
    Guid Id, Guid WeddingId, InvoiceKind Kind, string Number, DateOnly IssuedOn, DateOnly? DueOn, InvoiceRecipient Recipient, string PlaceOfSupply,
    bool ReverseCharge, Guid? CreditNoteForId, IReadOnlyList<InvoiceLine> Lines, long TaxablePaise, long CgstPaise, long SgstPaise, long IgstPaise,
    long RoundOffPaise, long TotalPaise)
{
    public long GstPaise => CgstPaise + SgstPaise + IgstPaise;
}

/// <summary>What the studio's books read of its invoices.</summary>
public interface IInvoiceLedger
{
    /// <summary>Issued tax invoices and credit notes, of the given weddings (all when null), issued between the dates (all when null).</summary>
    Task<List<IssuedDocument>> IssuedAsync(DateOnly? first, DateOnly? last, IReadOnlyCollection<Guid>? weddingIds, CancellationToken cancellationToken);
}

internal sealed class InvoiceLedger(TenantDbContext db) : IInvoiceLedger
{
    public async Task<List<IssuedDocument>> IssuedAsync(DateOnly? first, DateOnly? last, IReadOnlyCollection<Guid>? weddingIds, CancellationToken cancellationToken)
    {
        var query = db.Invoices.AsNoTracking().Where(i => i.Status == InvoiceStatus.Issued && i.Kind != InvoiceKind.Estimate);
        if (first is { } from)
        {
            query = query.Where(i => i.IssuedOn >= from);
        }
        if (last is { } to)
        {
            query = query.Where(i => i.IssuedOn <= to);
        }
        if (weddingIds is not null)
        {
            query = query.Where(i => weddingIds.Contains(i.WeddingId));
        }
        return [.. (await query.ToListAsync(cancellationToken)).OrderBy(i => i.IssuedOn).ThenBy(i => i.Number, StringComparer.Ordinal).Select(i => new IssuedDocument(
            i.Id, i.WeddingId, i.Kind, i.Number!, i.IssuedOn!.Value, i.DueOn,
            new InvoiceRecipient(i.RecipientName, i.RecipientAddress, i.RecipientCity, i.RecipientStateCode, i.RecipientCountry, i.RecipientGstin),
            i.PlaceOfSupply, i.ReverseCharge, i.CreditNoteForId, GstRules.Tax(i.Lines, i.Split).Lines,
            i.TaxablePaise, i.CgstPaise, i.SgstPaise, i.IgstPaise, i.RoundOffPaise, i.TotalPaise))];
    }
}
