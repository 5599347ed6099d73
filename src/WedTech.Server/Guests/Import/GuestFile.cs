using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace WedTech.Server.Guests.Import;

/// <summary>
/// An uploaded guest list as text: every visible sheet of an XLSX workbook (Excel, Google Sheets download) or the one table of
/// a CSV file, with its non-blank rows. <see cref="Read"/> refuses what cannot be a guest list with a field error on
/// <see cref="Field"/> (400 ProblemDetails): an empty file, one above <see cref="MaxBytes"/>, more than
/// <see cref="MaxRows"/> rows, a damaged workbook or another kind of file.
/// </summary>
public sealed record GuestFile(string FileName, IReadOnlyList<GuestSheet> Sheets)
{
    /// <summary>The request field the file's errors are reported on.</summary>
    public const string Field = "file";
    public const long MaxBytes = 10 * 1024 * 1024;
    /// <summary>Rows under the sheets' first rows, counted over every sheet.</summary>
    public const int MaxRows = 20_000;

    private static readonly byte[] ZipSignature = "PK\u0003\u0004"u8.ToArray();
    private static readonly byte[] PdfSignature = "%PDF"u8.ToArray();
    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>Reads a CSV (UTF-8 with or without BOM, UTF-16, Windows-1252; comma, semicolon or tab) or an XLSX workbook.</summary>
    public static GuestFile Read(Stream content, string fileName)
    {
        var bytes = ReadAtMost(content);
        if (bytes.Length == 0)
        {
            throw new ValidationFailedException(Field, "The file is empty. Choose the guest list again.");
        }
        IReadOnlyList<GuestSheet> sheets;
        if (bytes.AsSpan().StartsWith(ZipSignature))
        {
            sheets = Xlsx.Read(bytes);
        }
        else if (bytes.AsSpan().StartsWith(PdfSignature))
        {
            throw new ValidationFailedException(Field, "This file is a PDF, not a spreadsheet. Upload the guest list as an Excel workbook (.xlsx) or a CSV file.");
        }
        else if (bytes.AsSpan().StartsWith(OleSignature))
        {
            throw new ValidationFailedException(Field, "This is an Excel 97-2003 workbook (.xls). Open it in Excel or Google Sheets and save it as .xlsx or CSV.");
        }
        else if (Path.GetExtension(fileName).ToUpperInvariant() is ".XLSX" or ".XLSM" or ".XLS")
        {
            throw new ValidationFailedException(Field, Xlsx.Damaged);
        }
        else
        {
            sheets = [Csv.Read(bytes)];
        }
        if (sheets.All(sheet => sheet.Rows.Count == 0))
        {
            throw new ValidationFailedException(Field, "The file has no rows. Check that you chose the guest list and not an empty sheet.");
        }
        return new GuestFile(fileName, sheets);
    }

    private static byte[] ReadAtMost(Stream content)
    {
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = content.Read(buffer)) > 0)
        {
            copy.Write(buffer, 0, read);
            if (copy.Length > MaxBytes)
            {
                throw new ValidationFailedException(Field, $"The file is larger than {MaxBytes / 1024 / 1024} MB. Split the guest list into smaller files, or remove pictures and other sheets from it.");
            }
        }
        return copy.ToArray();
    }

    private static ValidationFailedException TooManyRows() =>
        new(Field, $"The file has more than {MaxRows:N0} guest rows. Split it into smaller files of at most {MaxRows:N0} rows.");

    /// <summary>Counts rows over every sheet of a file and refuses the file at the limit, while it is read.</summary>
    private sealed class RowBudget
    {
        private int _rows;

        public void Count(int rowsInSheet)
        {
            // A sheet's first row is its header (or a title); only the rows under it are guests.
            if (rowsInSheet > 1 && ++_rows > MaxRows)
            {
                throw TooManyRows();
            }
        }
    }

    private static class Xlsx
    {
        public const string Damaged = "This file is not an Excel workbook that can be read (it may be damaged or renamed). Open it in Excel or Google Sheets and save it as .xlsx or CSV.";

        public static IReadOnlyList<GuestSheet> Read(byte[] bytes)
        {
            try
            {
                using var stream = new MemoryStream(bytes, writable: false);
                var budget = new RowBudget();
                var sheets = new List<GuestSheet>();
                // A hidden sheet holds a template's drop-down lists or someone's scratch work, not guests.
                foreach (var name in MiniExcel.GetSheetInformations(stream).Where(sheet => sheet.State == SheetState.Visible).Select(sheet => sheet.Name))
                {
                    stream.Position = 0;
                    var rows = new List<SheetRow>();
                    var number = 0;
                    // MiniExcel yields every row from the first, empty ones included, so the count is Excel's row number.
                    foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, useHeaderRow: false, sheetName: name, excelType: ExcelType.XLSX))
                    {
                        number++;
                        var cells = TrimEnd(row.Values.Select(Text).ToList());
                        if (cells.Count > 0)
                        {
                            rows.Add(new SheetRow(number, cells, []));
                            budget.Count(rows.Count);
                        }
                    }
                    sheets.Add(new GuestSheet(name, rows));
                }
                // Only once the rows are within the limit: a formula scan reads each sheet's whole XML.
                stream.Position = 0;
                var formulas = FormulaCells(stream);
                return [.. sheets.Select(sheet => formulas.TryGetValue(sheet.Name, out var cells) && cells.Count > 0
                    ? sheet with { Rows = [.. sheet.Rows.Select(row => row with { FormulaColumns = [.. Enumerable.Range(0, row.Cells.Count).Where(column => cells.Contains((row.Number, column)))] })] }
                    : sheet)];
            }
            catch (Exception unreadable) when (unreadable is InvalidDataException or XmlException or InvalidOperationException
                or ArgumentException or FormatException or KeyNotFoundException or IndexOutOfRangeException or NullReferenceException
                or NotSupportedException or InvalidCastException or IOException)
            {
                throw new ValidationFailedException(Field, Damaged);
            }
        }

        private static string Text(object? value) => value switch
        {
            null => "",
            string text => text.Trim(),
            double number when Math.Abs(number) < 1e15 && Math.Floor(number) == number => number.ToString("0", CultureInfo.InvariantCulture),
            double number => number.ToString("R", CultureInfo.InvariantCulture),
            DateTime date => date.TimeOfDay == TimeSpan.Zero
                ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : date.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            bool flag => flag ? "TRUE" : "FALSE",
            _ => Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() ?? "",
        };

        /// <summary>
        /// The cells holding a formula, per sheet name, as (row number, column index). MiniExcel reads a formula's cached
        /// value but does not say that the cell was one, so the sheets' XML is read for their &lt;f&gt; elements.
        /// </summary>
        private static Dictionary<string, HashSet<(int Row, int Column)>> FormulaCells(Stream stream)
        {
            const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
            const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            var targets = new Dictionary<string, string>();
            using (var rels = XmlReader.Create(Entry(zip, "xl/_rels/workbook.xml.rels")))
            {
                while (rels.ReadToFollowing("Relationship", "http://schemas.openxmlformats.org/package/2006/relationships"))
                {
                    var target = rels.GetAttribute("Target") ?? "";
                    targets[rels.GetAttribute("Id") ?? ""] = target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
                }
            }
            var formulas = new Dictionary<string, HashSet<(int, int)>>();
            using var workbook = XmlReader.Create(Entry(zip, "xl/workbook.xml"));
            while (workbook.ReadToFollowing("sheet", Main))
            {
                var name = workbook.GetAttribute("name") ?? "";
                if (!targets.TryGetValue(workbook.GetAttribute("id", Relationships) ?? "", out var part) || zip.GetEntry(part) is not { } entry)
                {
                    continue;
                }
                var cells = new HashSet<(int, int)>();
                using var sheet = XmlReader.Create(entry.Open());
                string? cell = null;
                while (sheet.Read())
                {
                    if (sheet.NodeType != XmlNodeType.Element || sheet.NamespaceURI != Main)
                    {
                        continue;
                    }
                    if (sheet.LocalName == "c")
                    {
                        cell = sheet.GetAttribute("r");
                    }
                    else if (sheet.LocalName == "f" && cell is not null && CellReference(cell) is { } reference)
                    {
                        cells.Add(reference);
                    }
                }
                formulas[name] = cells;
            }
            return formulas;
        }

        private static Stream Entry(ZipArchive zip, string name) =>
            zip.GetEntry(name)?.Open() ?? throw new InvalidDataException($"The workbook has no {name}.");

        private static (int Row, int Column)? CellReference(string reference)
        {
            var column = 0;
            var i = 0;
            for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
            {
                column = column * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            }
            return i > 0 && int.TryParse(reference.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out var row)
                ? (row, column - 1)
                : null;
        }
    }

    private static List<string> TrimEnd(List<string> cells)
    {
        var count = cells.Count;
        while (count > 0 && cells[count - 1].Length == 0)
        {
            count--;
        }
        cells.RemoveRange(count, cells.Count - count);
        return cells;
    }

    private static class Csv
    {
        private static readonly char[] Separators = [',', ';', '\t'];

        public static GuestSheet Read(byte[] bytes)
        {
            var text = Decode(bytes);
            if (text.Contains('\0', StringComparison.Ordinal))
            {
                throw new ValidationFailedException(Field, "This file is not a spreadsheet. Upload the guest list as an Excel workbook (.xlsx) or a CSV file.");
            }
            var start = 0;
            char separator;
            // Excel writes and honours a first line "sep=;" naming the separator.
            if (text.StartsWith("sep=", StringComparison.OrdinalIgnoreCase) && text.Length > 4)
            {
                separator = text[4];
                start = text.IndexOf('\n', StringComparison.Ordinal) + 1;
                if (start == 0)
                {
                    start = text.Length;
                }
            }
            else
            {
                separator = DetectSeparator(text);
            }
            return new GuestSheet("", Records(text, start, separator));
        }

        private static string Decode(byte[] bytes)
        {
            if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
            }
            if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            {
                return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
            }
            if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            {
                return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
            }
            try
            {
                return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                // Excel's "CSV (Comma delimited)" on Windows writes the ANSI code page.
                return CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetString(bytes);
            }
        }

        /// <summary>The separator found on most of the first lines, and most often among them; a comma when none is.</summary>
        private static char DetectSeparator(string text)
        {
            var lines = text.Split('\n', 21).Take(20).ToList();
            return Separators
                .Select(separator => (separator,
                    lines: lines.Count(line => Unquoted(line).Contains(separator, StringComparison.Ordinal)),
                    total: lines.Sum(line => Unquoted(line).Count(c => c == separator))))
                .Where(candidate => candidate.total > 0)
                .OrderByDescending(candidate => candidate.lines).ThenByDescending(candidate => candidate.total)
                .Select(candidate => candidate.separator)
                .DefaultIfEmpty(',')
                .First();

            static string Unquoted(string line)
            {
                var outside = new StringBuilder(line.Length);
                var quoted = false;
                foreach (var c in line)
                {
                    if (c == '"')
                    {
                        quoted = !quoted;
                    }
                    else if (!quoted)
                    {
                        outside.Append(c);
                    }
                }
                return outside.ToString();
            }
        }

        /// <summary>RFC 4180 records: quoted fields may hold separators, doubled quotes and line breaks.</summary>
        private static List<SheetRow> Records(string text, int start, char separator)
        {
            var rows = new List<SheetRow>();
            var budget = new RowBudget();
            var cells = new List<string>();
            var cell = new StringBuilder();
            var quoted = false;
            var number = 1;
            for (var i = start; i <= text.Length; i++)
            {
                var c = i < text.Length ? text[i] : '\n';
                if (quoted)
                {
                    if (c != '"')
                    {
                        cell.Append(c);
                    }
                    else if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        cell.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else if (c == '"' && cell.ToString().Trim().Length == 0)
                {
                    quoted = true;
                    cell.Clear();
                }
                else if (c == separator)
                {
                    cells.Add(cell.ToString().Trim());
                    cell.Clear();
                }
                else if (c == '\n' || c == '\r')
                {
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }
                    cells.Add(cell.ToString().Trim());
                    cell.Clear();
                    var row = TrimEnd(cells);
                    if (row.Count > 0)
                    {
                        rows.Add(new SheetRow(number, [.. row], []));
                        budget.Count(rows.Count);
                    }
                    cells = [];
                    number++;
                }
                else
                {
                    cell.Append(c);
                }
            }
            return rows;
        }
    }
}

/// <summary>One sheet of a workbook (its tab's name), or the one table of a CSV file (name empty).</summary>
public sealed record GuestSheet(string Name, IReadOnlyList<SheetRow> Rows);

/// <summary>
/// A non-blank row: its number as the user sees it (Excel's row number, the CSV record's), its cells as text (numbers
/// without float artefacts, dates as yyyy-MM-dd), and the columns whose cell was a formula (their cached value is in
/// <see cref="Cells"/>; formulas are never evaluated).
/// </summary>
public sealed record SheetRow(int Number, IReadOnlyList<string> Cells, IReadOnlyList<int> FormulaColumns)
{
    /// <summary>The cell's text, empty beyond the row's last cell.</summary>
    public string Cell(int column) => column < Cells.Count ? Cells[column] : "";
}
