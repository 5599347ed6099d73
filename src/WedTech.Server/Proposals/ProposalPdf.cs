using WedTech.Server.Invoicing;
using WedTech.Server.Platform.Pdf;

namespace WedTech.Server.Proposals;

/// <summary>A sent version of a proposal as an A4 PDF: the studio, the services (optional ones marked), the discount, GST per rate, the total and the plan.</summary>
public sealed class ProposalPdf
{
    public byte[] Write(ProposalVersionResponse version, string leadNames, StudioBilling studio)
    {
        using var pdf = new ReportPdf();
        pdf.Line(studio.LegalName, 15, bold: true, gap: 2);
        if (studio.Address is { } address)
        {
            pdf.Line(address, 9, gap: 1, muted: true);
        }
        pdf.Space(12);
        pdf.Line(version.Title, 14, bold: true, gap: 3);
        pdf.Line($"For {leadNames}   ·   Version {version.Number}, sent {IndianFormat.Date(DateOnly.FromDateTime(version.SentAt.UtcDateTime))}"
            + (version.ValidUntil is { } until ? $"   ·   Valid until {IndianFormat.Date(until)}" : ""), 10, gap: 8);
        if (version.Intro is { } intro)
        {
            pdf.Line(intro, 10, gap: 8);
        }
        var rows = version.Lines.Select((l, i) => new PdfRow([
            [new PdfText($"{i + 1}")],
            [new PdfText(l.Service, Bold: true), .. l.Description is { } d ? [new PdfText(d, 8, Muted: true)] : Array.Empty<PdfText>(),
                .. l.Optional ? [new PdfText(l.IncludedByDefault ? "Optional (included unless you leave it)" : "Optional (add it if you wish)", 8, Muted: true)] : Array.Empty<PdfText>()],
            [new PdfText(l.Sac)], [new PdfText(IndianFormat.Count(l.Quantity))], [new PdfText(InvoicePdf.Amount(l.UnitPaise))],
            [new PdfText(InvoicePdf.Amount(l.Quantity * l.UnitPaise))], [new PdfText($"{l.GstRateBasisPoints / 100m:0.##}%")],
        ]));
        pdf.Table([new("#", 18), new("Service", 215), new("SAC", 45), new("Qty", 35), new("Rate ₹", 70), new("Amount ₹", 80), new("GST", 52)], rows,
            page => page.Line($"{version.Title} (continued)", 9, muted: true, gap: 8));
        pdf.Space(8);
        var totals = version.Totals;
        var lines = new List<(string, long)> { ("Services", totals.SubtotalPaise) };
        if (totals.DiscountPaise > 0)
        {
            lines.Add((version.DiscountKind == DiscountKind.Percent ? $"Discount {version.DiscountValue / 100m:0.##}%" : "Discount", -totals.DiscountPaise));
        }
        lines.Add(("Taxable value", totals.TaxablePaise));
        lines.AddRange(totals.Gst.Where(g => g.GstRateBasisPoints > 0).Select(g => ($"GST {g.GstRateBasisPoints / 100m:0.##}%", g.GstPaise)));
        lines.Add(("Round off", totals.RoundOffPaise));
        pdf.Table([new PdfColumn("With the options included", 380), new PdfColumn("Amount ₹", 135)],
            lines.Select(t => new PdfRow([[new PdfText(t.Item1)], [new PdfText(InvoicePdf.Amount(t.Item2))]]))
                .Append(new PdfRow([[new PdfText("Total", 10, Bold: true)], [new PdfText(InvoicePdf.Amount(totals.TotalPaise), 10, Bold: true)]], Highlight: true)),
            _ => { });
        if (totals.Plan.Count > 0)
        {
            pdf.Space(10);
            pdf.Line("Payment plan", 11, bold: true, gap: 4);
            pdf.Table([new PdfColumn("Instalment", 230), new PdfColumn("Due", 100), new PdfColumn("Share", 60), new PdfColumn("Amount ₹", 125)],
                totals.Plan.Select(p => new PdfRow([[new PdfText(p.Label)], [new PdfText(IndianFormat.Date(p.DueOn))], [new PdfText($"{p.ShareBasisPoints / 100m:0.##}%")],
                    [new PdfText(InvoicePdf.Amount(p.AmountPaise))]])), _ => { });
        }
        pdf.Space(8);
        pdf.Line("GST is shown at each rate; the tax invoice splits it into CGST and SGST, or IGST, by the place of supply.", 8, muted: true);
        using var stream = new MemoryStream();
        pdf.Save(stream, version.Title, $"{studio.LegalName} · {version.Title} · version {version.Number}");
        return stream.ToArray();
    }
}
