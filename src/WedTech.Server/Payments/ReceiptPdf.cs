using WedTech.Server.Invoicing;
using WedTech.Server.Platform.Pdf;
using WedTech.Server.Weddings;

namespace WedTech.Server.Payments;

/// <summary>A receipt for a payment from the couple, on A4: who received what, when, how, for which wedding, with its refunds.</summary>
public sealed class ReceiptPdf(IBillingSettings billing, IWeddingDirectory weddings)
{
    public async Task<(byte[] Pdf, string FileName)> WriteAsync(ClientPayment payment, CancellationToken cancellationToken)
    {
        var studio = await billing.StudioAsync(cancellationToken);
        var names = await weddings.NamesAsync(payment.WeddingId, cancellationToken);
        using var pdf = new ReportPdf();
        pdf.Line(studio.LegalName, 15, bold: true, gap: 2);
        foreach (var line in new[] { studio.Address, studio.City, studio.Gstin is null ? null : $"GSTIN {studio.Gstin}" }.OfType<string>())
        {
            pdf.Line(line, 9, gap: 1, muted: true);
        }
        pdf.Space(14);
        pdf.Line("Payment receipt", 14, bold: true, gap: 4);
        pdf.Line($"Receipt No. {payment.ReceiptNumber}   ·   Date {IndianFormat.Date(payment.PaidOn)}", 10, gap: 10);
        pdf.Line($"Received from {names?.BrideName} & {names?.GroomName}", 11, bold: true, gap: 2);
        pdf.Line($"For {names?.Title ?? "the wedding"}", 10, gap: 10);
        var how = payment.Mode == PaymentMode.Online ? $"Online through Razorpay{(payment.Method is { } method ? $" ({method})" : "")}" : ApiConventions.EnumName(payment.Mode).ToUpperInvariant();
        var rows = new List<(string, string)>
        {
            ("Amount received", $"₹{InvoicePdf.Amount(payment.AmountPaise)}"),
            ("Paid by", how),
        };
        if (payment.Reference is { } reference)
        {
            rows.Add(("Reference", reference));
        }
        rows.AddRange(payment.Refunds.OrderBy(r => r.At).Select(r => ($"Refunded{(r.Pending ? " (pending)" : "")}", $"₹{InvoicePdf.Amount(r.AmountPaise)} — {r.Reason}")));
        pdf.Table([new PdfColumn("", 160), new PdfColumn("", 355)], rows.Select(r => new PdfRow([[new PdfText(r.Item1, 10)], [new PdfText(r.Item2, 10, Bold: true)]])), _ => { });
        pdf.Space(8);
        pdf.Line($"Amount in words: {IndianFormat.RupeesInWords(payment.AmountPaise)}", 10, bold: true, gap: 16);
        pdf.Line($"For {studio.LegalName}", 9, gap: 2);
        pdf.Line("This is a computer-generated receipt.", 8, muted: true);
        using var stream = new MemoryStream();
        pdf.Save(stream, $"Receipt {payment.ReceiptNumber}", $"{studio.LegalName} · receipt {payment.ReceiptNumber}");
        return (stream.ToArray(), $"{payment.ReceiptNumber.Replace('/', '-')}.pdf");
    }
}
