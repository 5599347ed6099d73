using System.Text;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace WedTech.Server.Platform.Pdf;

/// <summary>
/// PDF fonts from the server itself (Noto Sans, embedded), so a PDF looks the same on any machine, with
/// or without fonts installed. Devanagari is set in Noto Sans Devanagari and shaped by HarfBuzz
/// (conjuncts, vowel signs before their consonant); everything else in Noto Sans.
/// </summary>
internal static class ReportFonts
{
    private static readonly Lazy<Faces> Regular = new(() => new Faces("Regular"));
    private static readonly Lazy<Faces> Bold = new(() => new Faces("Bold"));

    /// <summary>Draws one line of text at (x, baseline y), run by run in the font each script needs; returns its width.</summary>
    public static float DrawLine(SKCanvas canvas, string text, float x, float y, float size, bool bold, SKPaint paint)
    {
        var faces = (bold ? Bold : Regular).Value;
        var start = x;
        foreach (var (run, devanagari) in Runs(text))
        {
            using var font = new SKFont(faces.Typeface(devanagari), size);
            var (utf8, shaped) = Shape(run, faces.Shaper(devanagari), font);
            // The glyphs carry the text they stand for (UTF-8 and HarfBuzz's clusters), so the PDF says what is written:
            // a reordered vowel sign or a conjunct is copied, searched and extracted as the letters typed.
            using var builder = new SKTextBlobBuilder();
            var buffer = builder.AllocatePositionedTextRun(font, shaped.Codepoints.Length, utf8.Length, null);
            buffer.SetGlyphs(Array.ConvertAll(shaped.Codepoints, glyph => (ushort)glyph));
            buffer.SetPositions(shaped.Points);
            buffer.SetText(utf8);
            buffer.SetClusters(shaped.Clusters);
            using var blob = builder.Build();
            if (blob is not null)
            {
                canvas.DrawText(blob, x, y, paint);
            }
            x += shaped.Width;
        }
        return x - start;
    }

    /// <summary>How wide the text comes out at this size, shaped as <see cref="DrawLine"/> sets it.</summary>
    public static float Measure(string text, float size, bool bold)
    {
        var faces = (bold ? Bold : Regular).Value;
        var width = 0f;
        foreach (var (run, devanagari) in Runs(text))
        {
            using var font = new SKFont(faces.Typeface(devanagari), size);
            width += Shape(run, faces.Shaper(devanagari), font).Shaped.Width;
        }
        return width;
    }

    /// <summary>One run shaped from UTF-8, so that HarfBuzz's clusters are byte offsets into the text the PDF keeps.</summary>
    private static (byte[] Utf8, SKShaper.Result Shaped) Shape(string run, SKShaper shaper, SKFont font)
    {
        var utf8 = Encoding.UTF8.GetBytes(run);
        using var buffer = new HarfBuzzSharp.Buffer();
        buffer.AddUtf8(utf8);
        buffer.GuessSegmentProperties();
        return (utf8, shaper.Shape(buffer, 0, 0, font));
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

        public SKTypeface Typeface(bool devanagari) => devanagari ? Devanagari : Latin;

        public SKShaper Shaper(bool devanagari) => devanagari ? DevanagariShaper : LatinShaper;

        private static SKTypeface Load(string face)
        {
            using var stream = typeof(ReportFonts).Assembly.GetManifestResourceStream($"WedTech.Fonts.{face}.ttf")
                ?? throw new InvalidOperationException($"The font {face} is not embedded in the server.");
            return SKTypeface.FromStream(stream);
        }
    }
}
