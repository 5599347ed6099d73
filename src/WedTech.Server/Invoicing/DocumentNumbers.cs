namespace WedTech.Server.Invoicing;

/// <summary>
/// Consecutive numbers per series and financial year ("INV/26-27/0001"), as CGST Rule 46 asks of invoices (receipts use it
/// too): never skipped, never given twice.
/// </summary>
public interface IDocumentNumbers
{
    /// <summary>
    /// The next number of <paramref name="prefix"/>'s series in the financial year of <paramref name="day"/>. Call it inside the
    /// transaction that saves the numbered document: the series' row stays locked until it commits, and a rollback gives the
    /// number back, so two documents issued at once never share a number and a failed save leaves no gap.
    /// </summary>
    Task<string> NextAsync(string prefix, DateOnly day, CancellationToken cancellationToken);
}

internal sealed class DocumentNumbers(TenantDbContext db) : IDocumentNumbers
{
    /// <summary>GST allows an invoice number of at most 16 characters.</summary>
    public const int MaxLength = 16;

    public async Task<string> NextAsync(string prefix, DateOnly day, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A document number is taken inside the transaction that saves the document.");
        }
        var series = $"{prefix}/{GstRules.FinancialYear(day)}";
        await db.Database.ExecuteSqlAsync($"""INSERT INTO document_serials ("Series", "Last") VALUES ({series}, 0) ON CONFLICT ("Series") DO NOTHING""", cancellationToken);
        var next = await db.Database
            .SqlQuery<int>($"""UPDATE document_serials SET "Last" = "Last" + 1 WHERE "Series" = {series} RETURNING "Last" AS "Value" """)
            .ToListAsync(cancellationToken);
        var number = $"{series}/{next.Single():0000}";
        return number.Length <= MaxLength
            ? number
            : throw ApiException.Conflict($"The series {series} has used every number that fits GST's 16 characters. Choose a shorter prefix in the billing settings.");
    }
}
