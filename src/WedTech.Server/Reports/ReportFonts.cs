using PdfSharp.Fonts;

namespace WedTech.Server.Reports;

/// <summary>
/// PDF fonts from the server itself (Noto Sans, embedded), so a PDF looks the same on any machine, with
/// or without fonts installed. Devanagari is set in Noto Sans Devanagari, everything else in Noto Sans.
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

    /// <summary>The text cut into runs of one script each, with the font for each (Noto Sans Devanagari has no Latin letters).</summary>
    public static IEnumerable<(string Run, string Family)> Runs(string text)
    {
        static bool IsDevanagari(char c) => c is >= '\u0900' and <= '\u097F' or '\u200C' or '\u200D';
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            // Spaces and punctuation stay with the run they follow.
            if (i == text.Length || IsDevanagari(text[i]) != IsDevanagari(text[start]) && char.IsLetterOrDigit(text[i]))
            {
                yield return (text[start..i], IsDevanagari(text[start]) ? Devanagari : Latin);
                start = i;
            }
        }
    }

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
