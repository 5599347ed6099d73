using WedTech.Server.Platform.Pdf;

namespace WedTech.Server.Agreements;

/// <summary>A signature as it goes on the final PDF.</summary>
public sealed record SignedBy(SignatureParty Party, string Name, byte[] Png, DateTimeOffset SignedAt);

/// <summary>
/// A contract version as an A4 PDF in the report fonts (Devanagari shaped, real text that can be searched and copied): the
/// contract's pages; and, once both signed, the same pages followed by the signatures and a certificate page with the audit trail.
/// </summary>
public static class ContractPdf
{
    public const string IndiaZone = "Asia/Kolkata";

    /// <summary>The document the couple is asked to sign.</summary>
    public static byte[] Document(string title, string text, string studioName, int number)
    {
        using var pdf = new ReportPdf();
        Pages(pdf, title, text, studioName, number);
        return Save(pdf, title, studioName, number);
    }

    /// <summary>The signed contract: its pages, the signatures, and the certificate page.</summary>
    public static byte[] Final(string title, string text, string studioName, int number, string documentSha256, IReadOnlyList<SignedBy> signatures,
        IReadOnlyList<ContractTrailLine> trail)
    {
        using var pdf = new ReportPdf();
        Pages(pdf, title, text, studioName, number);
        pdf.NewPage();
        pdf.Line("Signatures", 14, bold: true, gap: 8);
        foreach (var signature in signatures)
        {
            pdf.Line(signature.Party == SignatureParty.Couple ? "For the Client" : $"For {studioName}", 9, muted: true, gap: 2);
            pdf.Image(signature.Png, 220, 80);
            pdf.Line(signature.Name, 11, bold: true, gap: 1);
            pdf.Line($"Signed electronically on {ReportPdf.MadeAt(signature.SignedAt, IndiaZone)}", 9, gap: 12);
        }
        pdf.NewPage();
        pdf.Line("Certificate of electronic signature", 14, bold: true, gap: 4);
        pdf.Line($"{title}, version {number}", 10, gap: 2);
        pdf.Line($"SHA-256 of the document signed: {documentSha256}", 8, gap: 2);
        pdf.Line("Signed under section 3A of the Information Technology Act, 2000. The couple proved who they were with a one-time code sent to them; the studio signed in to its account. Times are in India Standard Time.", 8, muted: true, gap: 8);
        foreach (var line in trail)
        {
            pdf.Line($"{IndianFormat.DateTime(TimeZoneInfo.ConvertTime(line.At, Zone()))} IST — {line.What}", 9, bold: true, gap: 1);
            pdf.Line($"IP {line.Ip ?? "—"} · {line.Channel ?? "no code"} · device {line.UserAgent ?? "—"}", 7.5f, gap: 1);
            if (line.Sha256 is { } sha)
            {
                pdf.Line($"SHA-256 {sha}", 7, muted: true, gap: 1);
            }
            pdf.Space(5);
        }
        return Save(pdf, title, studioName, number);
    }

    private static TimeZoneInfo Zone() => TimeZoneInfo.FindSystemTimeZoneById(IndiaZone);

    private static void Pages(ReportPdf pdf, string title, string text, string studioName, int number)
    {
        pdf.Line(studioName, 9, muted: true, gap: 4);
        var rows = new List<ContractBlock>();
        void FlushTable()
        {
            if (rows.Count == 0)
            {
                return;
            }
            var columns = Math.Max(1, rows.Max(r => r.Cells.Count));
            var width = ReportPdf.ContentWidth / columns;
            pdf.Table([.. rows[0].Cells.Concat(Enumerable.Repeat("", columns - rows[0].Cells.Count)).Select(h => new PdfColumn(h, width))],
                rows.Skip(1).Select(r => new PdfRow([.. Enumerable.Range(0, columns).Select(i => (IReadOnlyList<PdfText>)[new PdfText(i < r.Cells.Count ? r.Cells[i] : "", 9)])])),
                page => page.Line($"{title} (continued)", 9, muted: true, gap: 8));
            pdf.Space(8);
            rows.Clear();
        }
        foreach (var block in ContractMarkup.Blocks(text))
        {
            if (block.Kind == ContractBlockKind.TableRow)
            {
                rows.Add(block);
                continue;
            }
            FlushTable();
            switch (block.Kind)
            {
                case ContractBlockKind.Heading:
                    pdf.Line(block.Text, 15, bold: true, gap: 8);
                    break;
                case ContractBlockKind.Subheading:
                    pdf.Space(4);
                    pdf.Line(block.Text, 11.5f, bold: true, gap: 4);
                    break;
                case ContractBlockKind.Bullet:
                    pdf.Line("•  " + block.Text, 10, gap: 2);
                    break;
                default:
                    pdf.Line(block.Text, 10, gap: 6);
                    break;
            }
        }
        FlushTable();
        _ = number;
    }

    private static byte[] Save(ReportPdf pdf, string title, string studioName, int number)
    {
        using var stream = new MemoryStream();
        pdf.Save(stream, $"{title} (version {number})", $"{studioName} · {title} · version {number}");
        return stream.ToArray();
    }
}
