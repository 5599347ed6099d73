using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace WedTech.Server.Reports;

/// <summary>
/// PDF fonts from the server itself (Noto Sans, embedded), so a PDF looks the same on any machine, with
/// or without fonts installed. Devanagari is set in Noto Sans Devanagari and shaped by HarfBuzz
/// (conjuncts, vowel signs before their consonant); everything else in Noto Sans.
/// </summary>
internal static class ReportFonts
{
    private static readonly Lazy<Faces> Regular = new(() => new Faces("Regular"));
    private static readonly Lazy<Faces> Bold = new(() => new Faces("Bold"));

    /// <summary>Draws one line of text at (x, baseline y), run by run in the font each script needs.</summary>
    public static void DrawLine(SKCanvas canvas, string text, float x, float y, float size, bool bold, SKPaint paint)
    {
        var faces = (bold ? Bold : Regular).Value;
        foreach (var (run, devanagari) in Runs(text))
        {
            var (typeface, shaper) = devanagari ? (faces.Devanagari, faces.DevanagariShaper) : (faces.Latin, faces.LatinShaper);
            using var font = new SKFont(typeface, size);
            canvas.DrawShapedText(shaper, run, x, y, font, paint);
            x += shaper.Shape(run, font).Width;
        }
    }

    /// <summary>The text cut into runs of one script each (Noto Sans Devanagari has no Latin letters, Noto Sans no Devanagari).</summary>
    public static IEnumerable<(string Run, bool Devanagari)> Runs(string text)
    {
        static bool IsDevanagari(char c) => c is >= '\u0900' and <= '\u097F' or '\u200C' or '\u200D';
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || IsDevanagari(text[i]) != IsDevanagari(text[start]))
            {
                yield return (text[start..i], IsDevanagari(text[start]));
                start = i;
            }
        }
    }

    private sealed class Faces
    {
        public Faces(string weight)
        {
            Latin = Load($"NotoSans-{weight}");
            Devanagari = Load($"NotoSansDevanagari-{weight}");
            LatinShaper = new SKShaper(Latin);
            DevanagariShaper = new SKShaper(Devanagari);
        }

        public SKTypeface Latin { get; }
        public SKTypeface Devanagari { get; }
        public SKShaper LatinShaper { get; }
        public SKShaper DevanagariShaper { get; }

        private static SKTypeface Load(string face)
        {
            using var stream = typeof(ReportFonts).Assembly.GetManifestResourceStream($"WedTech.Fonts.{face}.ttf")
                ?? throw new InvalidOperationException($"The font {face} is not embedded in the server.");
            return SKTypeface.FromStream(stream);
        }
    }
}
