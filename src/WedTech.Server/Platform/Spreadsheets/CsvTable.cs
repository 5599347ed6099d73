using System.Globalization;
using System.Text;

namespace WedTech.Server.Platform.Spreadsheets;

/// <summary>Tables as CSV files people open in Excel: RFC 4180, UTF-8 with a byte-order mark so Devanagari shows as written.</summary>
public static class CsvTable
{
    /// <summary>Writes the header row and the rows, each row's values in the headers' order.</summary>
    public static async Task WriteAsync(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows, Stream content, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(string.Join(',', headers.Select(Field)).AsMemory(), cancellationToken);
        foreach (var row in rows)
        {
            await writer.WriteLineAsync(string.Join(',', row.Select(Field)).AsMemory(), cancellationToken);
        }
    }

    private static string Field(object? value)
    {
        var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        // A leading =, +, - or @ would make a spreadsheet run the cell as a formula; a number (a negative amount) is only a number.
        if (value is not (int or long or decimal or double) && text.Length > 0 && text[0] is '=' or '+' or '-' or '@')
        {
            text = "'" + text;
        }
        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
