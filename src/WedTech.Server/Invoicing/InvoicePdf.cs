using WedTech.Server.Files;
using WedTech.Server.Platform.Pdf;

namespace WedTech.Server.Invoicing;

/// <summary>
/// A document as an A4 PDF with every particular CGST Rule 46 asks of a tax invoice: the studio's name, address and GSTIN,
/// the number and date, the recipient's name, address, state and GSTIN, the place of supply, each line's SAC, quantity,
/// taxable value, rate and tax, the totals with the round-off, the amount in words, and whether tax is on reverse charge.
/// Text is real text (names in Devanagari shaped), so it can be searched and copied.
/// </summary>
public sealed class InvoicePdf(FileService files, ILogger<InvoicePdf> logger)
{
    public async Task<byte[]> WriteAsync(InvoiceResponse invoice, StudioBilling studio, CancellationToken cancellationToken)
    {
        var logo = await LogoAsync(studio.LogoFileId, cancellationToken);
        using var pdf = new ReportPdf();
        if (logo is not null)
        {
            pdf.ImageTopRight(logo, 120, 60);
        }
        pdf.Line(studio.LegalName, 15, bold: true, gap: 2);
        foreach (var line in new[] { studio.Address, Join(studio.City, studio.StateCode is null ? null : IndianStates.ByCode.GetValueOrDefault(studio.StateCode), studio.Pincode) }.OfType<string>())
        {
            pdf.Line(line, 9, gap: 1, muted: true);
        }
        if (studio.Gstin is not null)
        {
            pdf.Line($"GSTIN {studio.Gstin}  ·  State code {studio.Gstin[..2]}", 9, gap: 1);
        }
        pdf.Space(14);
        pdf.Line(Title(invoice), 14, bold: true, gap: 4);
        if (invoice.Status == InvoiceStatus.Draft)
        {
            pdf.Line("DRAFT — not issued: it has no number yet and is not a tax invoice.", 10, bold: true, gap: 4);
        }
        if (invoice.Status == InvoiceStatus.Cancelled)
        {
            pdf.Line($"CANCELLED on {IndianFormat.Date(DateOnly.FromDateTime(invoice.CancelledAt!.Value.UtcDateTime))}: {invoice.CancelReason}", 10, bold: true, gap: 4);
        }
        var particulars = new List<string>
        {
            $"No. {invoice.Number ?? "—"}",
            $"Date {(invoice.IssuedOn is { } issued ? IndianFormat.Date(issued) : "—")}",
        };
        if (invoice.DueOn is { } due)
        {
            particulars.Add($"Due {IndianFormat.Date(due)}");
        }
        pdf.Line(string.Join("   ·   ", particulars), 10, gap: 2);
        if (invoice.CreditNoteForNumber is { } original)
        {
            pdf.Line($"Against tax invoice {original}", 10, gap: 2);
        }
        pdf.Line($"Place of supply: {invoice.PlaceOfSupplyName}   ·   Tax payable on reverse charge: {(invoice.ReverseCharge ? "Yes" : "No")}", 10, gap: 10);

        var to = invoice.Recipient;
        pdf.Line(invoice.Kind == InvoiceKind.CreditNote ? "Issued to" : "Bill to", 9, muted: true, gap: 1);
        pdf.Line(to.Name, 11, bold: true, gap: 1);
        foreach (var line in new[]
        {
            to.Address,
            Join(to.City, to.StateCode is null ? null : $"{IndianStates.ByCode.GetValueOrDefault(to.StateCode)} (state code {to.StateCode})", to.Country is "IN" or null ? null : to.Country),
            to.Gstin is null ? "Unregistered" : $"GSTIN {to.Gstin}",
        }.OfType<string>())
        {
            pdf.Line(line, 9, gap: 1);
        }
        pdf.Space(10);

        var intrastate = invoice.Split == TaxSplit.Intrastate;
        var columns = new List<PdfColumn>
        {
            new("#", 18), new("Description", intrastate ? 133 : 181), new("SAC", 42), new("Qty", 34), new("Rate ₹", 58), new("Taxable ₹", 64), new("GST", 32),
        };
        columns.AddRange(intrastate ? [new("CGST ₹", 52), new("SGST ₹", 52)] : [new("IGST ₹", 56)]);
        var rows = invoice.Lines.Select((l, i) => new PdfRow([
            [new PdfText($"{i + 1}")], [new PdfText(l.Description)], [new PdfText(l.Sac)], [new PdfText(IndianFormat.Count(l.Quantity))],
            [new PdfText(Amount(l.UnitPaise))], [new PdfText(Amount(l.TaxablePaise))], [new PdfText(Percent(l.GstRateBasisPoints))],
            .. intrastate ? new[] { [new PdfText(Amount(l.CgstPaise))], new[] { new PdfText(Amount(l.SgstPaise)) } } : new[] { new[] { new PdfText(Amount(l.IgstPaise)) } },
        ]));
        pdf.Table(columns, rows, page => page.Line($"{Title(invoice)} {invoice.Number} (continued)", 9, muted: true, gap: 8));
        pdf.Space(8);

        var totals = new List<(string, long)> { ("Taxable value", invoice.TaxablePaise) };
        totals.AddRange(intrastate ? [("CGST", invoice.CgstPaise), ("SGST", invoice.SgstPaise)] : [("IGST", invoice.IgstPaise)]);
        totals.Add(("Round off", invoice.RoundOffPaise));
        pdf.Table([new PdfColumn("", 380), new PdfColumn("Amount ₹", 135)],
            totals.Select(t => new PdfRow([[new PdfText(t.Item1)], [new PdfText(Amount(t.Item2))]]))
                .Append(new PdfRow([[new PdfText("Total", 10, Bold: true)], [new PdfText(Amount(invoice.TotalPaise), 10, Bold: true)]], Highlight: true)),
            _ => { });
        pdf.Space(6);
        pdf.Line($"Amount in words: {invoice.AmountInWords}", 10, bold: true, gap: 10);
        if (invoice.Notes is { } notes)
        {
            pdf.Line(notes, 9, gap: 6);
        }
        if (studio.BankDetails is { } bank && invoice.Kind != InvoiceKind.CreditNote)
        {
            pdf.Line($"Pay to: {bank}", 9, gap: 6);
        }
        if (studio.Terms is { } terms)
        {
            pdf.Line(terms, 8, muted: true, gap: 6);
        }
        pdf.Space(10);
        pdf.Line($"For {studio.LegalName}", 9, gap: 2);
        pdf.Line("Authorised signatory — this is a computer-generated document.", 8, muted: true);

        using var stream = new MemoryStream();
        pdf.Save(stream, $"{Title(invoice)} {invoice.Number}", $"{studio.LegalName} · {Title(invoice)} {invoice.Number ?? "(draft)"}");
        return stream.ToArray();
    }

    public static string Title(InvoiceResponse invoice) => invoice.Kind switch
    {
        InvoiceKind.Estimate => "Estimate (proforma invoice)",
        InvoiceKind.CreditNote => "Credit note",
        _ => "Tax invoice",
    };

    /// <summary>Rupees with two decimals and Indian grouping, without the sign (the column says ₹).</summary>
    public static string Amount(long paise) => IndianFormat.Rupees(paise).Replace("₹", "", StringComparison.Ordinal) switch
    {
        var text when text.Contains('.', StringComparison.Ordinal) => text,
        var text => text + ".00",
    };

    private static string Percent(int basisPoints) => $"{basisPoints / 100m:0.##}%";

    private static string? Join(params string?[] parts) => parts.OfType<string>().ToList() is { Count: > 0 } given ? string.Join(", ", given) : null;

    private async Task<byte[]?> LogoAsync(Guid? fileId, CancellationToken cancellationToken)
    {
        if (fileId is not { } id)
        {
            return null;
        }
        try
        {
            var download = await files.OpenAsync(id, cancellationToken);
            await using var content = download.Content;
            using var bytes = new MemoryStream();
            await content.CopyToAsync(bytes, cancellationToken);
            return bytes.ToArray();
        }
        catch (ApiException)
        {
            logger.LogWarning("The studio's logo (file {FileId}) is gone: the document is made without it", id);
            return null;
        }
    }
}
