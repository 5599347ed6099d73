using System.ComponentModel.DataAnnotations;
using WedTech.Server.Books.Exports;
using WedTech.Server.Invoicing;
using WedTech.Server.Tenancy.Settings;

namespace WedTech.Server.Books;

public static class BooksEndpoints
{
    public static readonly ApiTag Tag = new("Books", "The studio's books: profit and loss per wedding and per month, what couples owe by age, and the files for its accountant (Tally XML, Zoho Books CSV, the GSTR-1 workbook).");

    public static RouteGroupBuilder MapBooks(this RouteGroupBuilder api)
    {
        var books = api.MapGroup("/books").WithApiTag(Tag).RequireAuthorization(Permissions.FinancialView);

        books.MapGet("/profit-and-loss", async ([AsParameters] BooksPeriodQuery query, BooksService service, IStudioSettings studio, CancellationToken ct) =>
        {
            var (from, to) = await query.PeriodAsync(studio, ct);
            return await service.ProfitAndLossAsync(from, to, ct);
        }).WithSummary("Profit and loss")
            .WithDescription("Per wedding held in the period (from, to; this financial year by default): invoiced (taxable value, less credit notes), GST, received (less refunds), vendors committed and paid, and the margin. Per month of the period: invoiced, received and paid to vendors.");
        books.MapGet("/receivables", (BooksService service, CancellationToken ct) => service.ReceivablesAsync(ct))
            .WithSummary("What couples owe")
            .WithDescription("Per wedding, what is unpaid on issued tax invoices (less credit notes, with money received applied to the oldest first), by days past the due date (or the issue date): 0–30, 31–60, over 60.");

        books.MapGet("/gstr1", ([AsParameters] BooksPeriodQuery query, BooksService service, IStudioSettings studio, CancellationToken ct) =>
            ExportAsync(query, service, studio, "gstr1", Gstr1Workbook.WriteAsync, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "gstr1", "xlsx", ct))
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .WithSummary("GSTR-1 workbook").WithDescription("The sheets of the GST offline tool that apply: b2b, b2cl, b2cs, cdnr, cdnur, hsn (SAC summary) and docs, for the documents issued in the period.");
        books.MapGet("/tally", ([AsParameters] BooksPeriodQuery query, BooksService service, IStudioSettings studio, CancellationToken ct) =>
            ExportAsync(query, service, studio, "tally", TallyXml.WriteAsync, "application/xml", "tally", "xml", ct))
            .Produces(StatusCodes.Status200OK, contentType: "application/xml")
            .WithSummary("Tally XML").WithDescription("Ledger masters, then sales, credit note and receipt vouchers with CGST, SGST and IGST ledgers, each voucher balanced, in Tally's import envelope.");
        books.MapGet("/zoho-books/invoices", ([AsParameters] BooksPeriodQuery query, BooksService service, IStudioSettings studio, CancellationToken ct) =>
            ExportAsync(query, service, studio, "zoho-books-invoices", ZohoBooksCsv.WriteAsync, "text/csv", "zoho-books-invoices", "csv", ct))
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .WithSummary("Zoho Books invoices CSV").WithDescription("Zoho Books' invoice import format for India (GST treatment, place of supply, SAC, tax per line), one row per line.");
        books.MapGet("/zoho-books/credit-notes", ([AsParameters] BooksPeriodQuery query, BooksService service, IStudioSettings studio, CancellationToken ct) =>
            ExportAsync(query, service, studio, "zoho-books-credit-notes", ZohoBooksCsv.WriteCreditNotesAsync, "text/csv", "zoho-books-credit-notes", "csv", ct))
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .WithSummary("Zoho Books credit notes CSV").WithDescription("Zoho Books' credit note import format, one row per line, each naming its invoice.");
        return api;
    }

    private static async Task<IResult> ExportAsync(
        BooksPeriodQuery query, BooksService service, IStudioSettings studio, string export, Func<Ledger, Stream, CancellationToken, Task> write, string contentType, string name, string extension,
        CancellationToken cancellationToken)
    {
        var (from, to) = await query.PeriodAsync(studio, cancellationToken);
        var ledger = await service.LedgerAsync(from, to, export, cancellationToken);
        using var output = new MemoryStream();
        await write(ledger, output, cancellationToken);
        return TypedResults.File(output.ToArray(), contentType, $"{name}-{from:yyyy-MM-dd}-to-{to:yyyy-MM-dd}.{extension}");
    }
}

/// <summary>The period the books are asked about: from and to (dates), this financial year (April to March) when left out.</summary>
public sealed record BooksPeriodQuery(DateOnly? from, DateOnly? to) : IValidatableObject
{
    public async Task<(DateOnly From, DateOnly To)> PeriodAsync(IStudioSettings studio, CancellationToken cancellationToken)
    {
        var today = await studio.TodayAsync(cancellationToken);
        var start = new DateOnly(today.Month >= 4 ? today.Year : today.Year - 1, 4, 1);
        return (from ?? (to is { } end && end < start ? new DateOnly(end.Month >= 4 ? end.Year : end.Year - 1, 4, 1) : start), to ?? start.AddYears(1).AddDays(-1));
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var problem in QueryRules.DateRange(from, to))
        {
            yield return problem;
        }
        if (from is { } first && to is { } last && last.DayNumber - first.DayNumber > BooksService.MaxDays)
        {
            yield return new ValidationResult($"Ask for at most {BooksService.MaxDays} days at a time.", ["to"]);
        }
        if (from is { Year: < 2000 or > 2100 } || to is { Year: < 2000 or > 2100 })
        {
            yield return new ValidationResult("The dates must be between the years 2000 and 2100.", [from is { Year: < 2000 or > 2100 } ? "from" : "to"]);
        }
    }
}
