using System.Globalization;
using SkiaSharp;

namespace WedTech.Server.Platform.Pdf;

/// <summary>A column of a <see cref="ReportPdf.Table"/>: its header and width in points.</summary>
internal sealed record PdfColumn(string Header, float Width);

/// <summary>A paragraph in a table cell, wrapped to the column.</summary>
internal sealed record PdfText(string Text, float Size = 9, bool Bold = false, bool Muted = false);

/// <summary>A table row: one list of paragraphs per column; a highlighted row gets a tinted background.</summary>
internal sealed record PdfRow(IReadOnlyList<IReadOnlyList<PdfText>> Cells, bool Highlight = false);

/// <summary>A card of <see cref="ReportPdf.Cards"/>: a large line (a name), a line under it and a small muted line at its foot.</summary>
internal sealed record PdfCard(string Title, string Subtitle, string Foot);

/// <summary>
/// An A4 portrait PDF laid out from top to bottom in the report fonts: lines of text that wrap, and tables that flow onto
/// further pages with their header row repeated. Pages are recorded and written out at the end, so that each page's
/// footer can say "page N of M".
/// </summary>
internal sealed class ReportPdf : IDisposable
{
    /// <summary>A4 in points.</summary>
    public const float PageWidth = 595, PageHeight = 842;

    public const float Margin = 40;
    public const float ContentWidth = PageWidth - 2 * Margin;

    /// <summary>Line height as a multiple of the font size: room for Devanagari's marks above and below.</summary>
    private const float Leading = 1.4f;

    private const float CellPadding = 4;

    /// <summary>A cell shows at most this many lines (a 2,000-character note made of line breaks still fits on a page).</summary>
    private const int MaxCellLines = 30;

    private const float Bottom = PageHeight - Margin - 16;

    private readonly List<SKPicture> _pages = [];
    private readonly SKPictureRecorder _recorder = new();
    private readonly SKPaint _ink = new() { Color = SKColors.Black, IsAntialias = true };
    private readonly SKPaint _muted = new() { Color = new SKColor(0x55, 0x55, 0x55), IsAntialias = true };
    private readonly SKPaint _rule = new() { Color = new SKColor(0xC8, 0xC8, 0xC8), StrokeWidth = 0.5f, IsStroke = true, IsAntialias = true };
    private readonly SKPaint _headerFill = new() { Color = new SKColor(0xE6, 0xE6, 0xE6) };
    private readonly SKPaint _highlightFill = new() { Color = new SKColor(0xFF, 0xF1, 0xCC) };
    private SKCanvas _canvas;
    private float _y = Margin;

    public ReportPdf() => _canvas = _recorder.BeginRecording(new SKRect(0, 0, PageWidth, PageHeight));

    /// <summary>A paragraph across the page, wrapped; it starts a new page when it does not fit.</summary>
    public void Line(string text, float size = 11, bool bold = false, float gap = 6, bool muted = false)
    {
        foreach (var line in Wrap(text, ContentWidth, size, bold))
        {
            if (_y + size * Leading > Bottom)
            {
                NewPage();
            }
            ReportFonts.DrawLine(_canvas, line, Margin, _y + size, size, bold, muted ? _muted : _ink);
            _y += size * Leading;
        }
        _y += gap - size * (Leading - 1);
    }

    public void Space(float points) => _y += points;

    /// <summary>
    /// An image (a studio's logo) at the top right of the page, scaled to fit <paramref name="maxWidth"/> × <paramref name="maxHeight"/>;
    /// false when the bytes are not an image Skia can read (nothing is drawn).
    /// </summary>
    public bool ImageTopRight(byte[] bytes, float maxWidth, float maxHeight)
    {
        using var image = SKImage.FromEncodedData(bytes);
        if (image is null || image.Width == 0 || image.Height == 0)
        {
            return false;
        }
        var scale = Math.Min(maxWidth / image.Width, maxHeight / image.Height);
        var (width, height) = (image.Width * scale, image.Height * scale);
        _canvas.DrawImage(image, new SKRect(Margin + ContentWidth - width, Margin, Margin + ContentWidth, Margin + height), new SKSamplingOptions(SKFilterMode.Linear));
        return true;
    }

    /// <summary>
    /// An image (a drawn signature) at the left margin below what is there, scaled to fit <paramref name="maxWidth"/> ×
    /// <paramref name="maxHeight"/>, on a new page when it does not fit; false when the bytes are not an image (nothing drawn).
    /// </summary>
    public bool Image(byte[] bytes, float maxWidth, float maxHeight)
    {
        using var image = SKImage.FromEncodedData(bytes);
        if (image is null || image.Width == 0 || image.Height == 0)
        {
            return false;
        }
        var scale = Math.Min(Math.Min(maxWidth / image.Width, maxHeight / image.Height), 1);
        var (width, height) = (image.Width * scale, image.Height * scale);
        if (_y + height > Bottom)
        {
            NewPage();
        }
        _canvas.DrawImage(image, new SKRect(Margin, _y, Margin + width, _y + height), new SKSamplingOptions(SKFilterMode.Linear));
        _y += height + 4;
        return true;
    }

    /// <summary>A moment on the clock of the people reading the file ("24 Nov 2026, 18:30 (Asia/Kolkata)"), in UTC when the zone is unknown.</summary>
    public static string MadeAt(DateTimeOffset now, string zone) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var info)
            ? $"{IndianFormat.DateTime(TimeZoneInfo.ConvertTime(now, info))} ({zone})"
            : $"{IndianFormat.DateTime(now)} UTC";

    /// <summary>
    /// A table across the page. A row that does not fit goes to a new page, which starts with <paramref name="continued"/>
    /// (a running header) and the table's header row again.
    /// </summary>
    public void Table(IReadOnlyList<PdfColumn> columns, IEnumerable<PdfRow> rows, Action<ReportPdf> continued)
    {
        const float headerSize = 8.5f;
        var headerHeight = headerSize * Leading + 2 * CellPadding;
        void HeaderRow()
        {
            _canvas.DrawRect(Margin, _y, ContentWidth, headerHeight, _headerFill);
            var x = Margin;
            foreach (var column in columns)
            {
                ReportFonts.DrawLine(_canvas, column.Header, x + CellPadding, _y + CellPadding + headerSize, headerSize, true, _ink);
                x += column.Width;
            }
            _y += headerHeight;
        }

        if (_y + headerHeight + 3 * headerSize * Leading > Bottom)
        {
            NewPage();
            continued(this);
        }
        HeaderRow();
        foreach (var row in rows)
        {
            var cells = row.Cells.Select((cell, i) => CellLines(cell, columns[i].Width - 2 * CellPadding)).ToList();
            var height = cells.Max(lines => lines.Sum(l => l.Size * Leading)) + 2 * CellPadding;
            if (_y + height > Bottom)
            {
                NewPage();
                continued(this);
                HeaderRow();
            }
            if (row.Highlight)
            {
                _canvas.DrawRect(Margin, _y, ContentWidth, height, _highlightFill);
            }
            var x = Margin;
            for (var i = 0; i < columns.Count; i++)
            {
                var top = _y + CellPadding;
                foreach (var (text, size, bold, muted) in cells[i])
                {
                    ReportFonts.DrawLine(_canvas, text, x + CellPadding, top + size, size, bold, muted ? _muted : _ink);
                    top += size * Leading;
                }
                x += columns[i].Width;
            }
            _y += height;
            _canvas.DrawLine(Margin, _y, Margin + ContentWidth, _y, _rule);
        }
    }

    /// <summary>
    /// Cards in a grid on pages of their own (place cards): <paramref name="columns"/> by <paramref name="rows"/> a page, each
    /// framed by dashed cut lines, its lines centred and shrunk to fit the card's width.
    /// </summary>
    public void Cards(IReadOnlyList<PdfCard> cards, int columns, int rows)
    {
        var width = ContentWidth / columns;
        var height = (Bottom - Margin) / rows;
        using var cut = new SKPaint { Color = new SKColor(0x99, 0x99, 0x99), StrokeWidth = 0.6f, IsStroke = true, IsAntialias = true,
            PathEffect = SKPathEffect.CreateDash([4, 3], 0) };
        for (var i = 0; i < cards.Count; i++)
        {
            var slot = i % (columns * rows);
            if (slot == 0 && (i > 0 || _y > Margin))
            {
                NewPage();
            }
            var x = Margin + slot % columns * width;
            var y = Margin + slot / columns * height;
            _canvas.DrawRect(x, y, width, height, cut);
            var (title, subtitle, foot) = cards[i];
            Centred(title, x, width, y + height * 0.45f, 20, true, _ink);
            Centred(subtitle, x, width, y + height * 0.45f + 26, 13, false, _ink);
            Centred(foot, x, width, y + height - 14, 8, false, _muted);
        }
        _y = Bottom;

        void Centred(string text, float left, float boxWidth, float baseline, float size, bool bold, SKPaint paint)
        {
            var room = boxWidth - 2 * 12;
            while (size > 8 && ReportFonts.Measure(text, size, bold) > room)
            {
                size -= 1;
            }
            var line = Fit(text, room, size, bold);
            ReportFonts.DrawLine(_canvas, line, left + (boxWidth - ReportFonts.Measure(line, size, bold)) / 2, baseline, size, bold, paint);
        }
    }

    /// <summary>Writes the PDF: every page with <paramref name="footer"/> on the left and "page N of M" on the right.</summary>
    public void Save(Stream stream, string title, string footer)
    {
        _pages.Add(_recorder.EndRecording());
        using var document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata { Title = title, Creator = "WedTech" });
        const float size = 7.5f;
        for (var i = 0; i < _pages.Count; i++)
        {
            var canvas = document.BeginPage(PageWidth, PageHeight);
            canvas.DrawPicture(_pages[i]);
            var page = string.Create(CultureInfo.InvariantCulture, $"page {i + 1} of {_pages.Count}");
            var pageWidth = ReportFonts.Measure(page, size, false);
            var baseline = PageHeight - Margin + size;
            ReportFonts.DrawLine(canvas, Fit(footer, ContentWidth - pageWidth - 20, size), Margin, baseline, size, false, _muted);
            ReportFonts.DrawLine(canvas, page, Margin + ContentWidth - pageWidth, baseline, size, false, _muted);
            document.EndPage();
        }
        document.Close();
    }

    public void Dispose()
    {
        foreach (var page in _pages)
        {
            page.Dispose();
        }
        _recorder.Dispose();
        _ink.Dispose();
        _muted.Dispose();
        _rule.Dispose();
        _headerFill.Dispose();
        _highlightFill.Dispose();
    }

    /// <summary>Starts a new page (a section that begins on a page of its own).</summary>
    public void NewPage()
    {
        _pages.Add(_recorder.EndRecording());
        _canvas = _recorder.BeginRecording(new SKRect(0, 0, PageWidth, PageHeight));
        _y = Margin;
    }

    private static List<PdfText> CellLines(IReadOnlyList<PdfText> cell, float width)
    {
        var lines = cell.SelectMany(p => Wrap(p.Text, width, p.Size, p.Bold).Select(line => p with { Text = line })).ToList();
        if (lines.Count > MaxCellLines)
        {
            lines = lines[..MaxCellLines];
            lines[^1] = lines[^1] with { Text = Fit(lines[^1].Text + " …", width, lines[^1].Size, lines[^1].Bold) };
        }
        return lines;
    }

    /// <summary>
    /// The text in lines no wider than <paramref name="width"/>: at its line breaks, then between words, and inside a word
    /// only when the word alone is too wide (between grapheme clusters: a letter keeps its vowel signs).
    /// </summary>
    internal static IEnumerable<string> Wrap(string text, float width, float size, bool bold)
    {
        foreach (var paragraph in text.ReplaceLineEndings("\n").Replace('\t', ' ').Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (ReportFonts.Measure(candidate, size, bold) <= width)
                {
                    line = candidate;
                    continue;
                }
                if (line.Length > 0)
                {
                    yield return line;
                }
                line = "";
                var elements = StringInfo.GetTextElementEnumerator(word);
                while (elements.MoveNext())
                {
                    var element = elements.GetTextElement();
                    if (line.Length > 0 && ReportFonts.Measure(line + element, size, bold) > width)
                    {
                        yield return line;
                        line = "";
                    }
                    line += element;
                }
            }
            if (line.Length > 0)
            {
                yield return line;
            }
        }
    }

    /// <summary>The text cut (with an ellipsis) to fit on one line of <paramref name="width"/>.</summary>
    private static string Fit(string text, float width, float size, bool bold = false)
    {
        if (ReportFonts.Measure(text, size, bold) <= width)
        {
            return text;
        }
        var elements = StringInfo.ParseCombiningCharacters(text);
        for (var keep = elements.Length - 1; keep > 0; keep--)
        {
            var cut = text[..elements[keep]].TrimEnd() + "…";
            if (ReportFonts.Measure(cut, size, bold) <= width)
            {
                return cut;
            }
        }
        return "…";
    }
}
