using PdfSharp.Fonts;

namespace WedTech.Server.Reports;

/// <summary>
/// PDF fonts from the server itself (Noto Sans, embedded), so a PDF looks the same on any machine, with
/// or without fonts installed. Text with Devanagari in it is set in Noto Sans Devanagari.
/// </summary>
internal sealed class ReportFonts : IFontResolver
{
    public const string Latin = "Noto Sans";
    public const string Devanagari = "Noto Sans Devanagari";

    private static readonly Lock Gate = new();

    /// <summary>PDFsharp's font resolver is process-wide; set it once.</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            GlobalFontSettings.FontResolver ??= new ReportFonts();
        }
    }

    public static string FamilyFor(string text) => text.Any(c => c is >= '\u0900' and <= '\u097F') ? Devanagari : Latin;

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        var face = familyName.Equals(Devanagari, StringComparison.OrdinalIgnoreCase) ? "NotoSansDevanagari" : "NotoSans";
        return new FontResolverInfo($"{face}-{(bold ? "Bold" : "Regular")}");
    }

    public byte[]? GetFont(string faceName)
    {
        using var stream = typeof(ReportFonts).Assembly.GetManifestResourceStream($"WedTech.Fonts.{faceName}.ttf")
            ?? throw new InvalidOperationException($"The font {faceName} is not embedded in the server.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
