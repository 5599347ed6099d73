using System.IO.Compression;
using System.Text;

namespace WedTech.Server.Files;

/// <summary>An allowed kind of file: the type it is served as, its extensions, and the types an uploader may claim for it.</summary>
public sealed record FileType(string Name, string ContentType, IReadOnlyList<string> Extensions, IReadOnlyList<string> Claims);

/// <summary>
/// The allow-list, and detection from the bytes themselves: magic numbers for PDF and images, the package's
/// declared main part for Word and Excel files, strict UTF-8 without NUL for text. HTML and SVG are never
/// among them, so nothing uploaded can be served as a page or a script.
/// </summary>
public static class FileTypes
{
    public static readonly FileType Pdf = new("PDF", "application/pdf", [".pdf"], ["application/pdf"]);
    public static readonly FileType Png = new("PNG image", "image/png", [".png"], ["image/png"]);
    public static readonly FileType Jpeg = new("JPEG image", "image/jpeg", [".jpg", ".jpeg"], ["image/jpeg", "image/jpg", "image/pjpeg"]);
    public static readonly FileType WebP = new("WebP image", "image/webp", [".webp"], ["image/webp"]);
    public static readonly FileType Gif = new("GIF image", "image/gif", [".gif"], ["image/gif"]);
    public static readonly FileType Docx = new("Word document", DocxType, [".docx"], [DocxType]);
    public static readonly FileType Xlsx = new("Excel workbook", XlsxType, [".xlsx"], [XlsxType]);
    public static readonly FileType Text = new("plain text", "text/plain; charset=utf-8", [".txt"], ["text/plain"]);
    // Browsers on Windows with Excel installed send CSV files as application/vnd.ms-excel.
    public static readonly FileType Csv = new("CSV", "text/csv; charset=utf-8", [".csv"], ["text/csv", "text/plain", "application/csv", "application/vnd.ms-excel"]);

    public static readonly IReadOnlyList<FileType> All = [Pdf, Png, Jpeg, WebP, Gif, Docx, Xlsx, Text, Csv];

    public const string Allowed = "PDF, PNG, JPEG, WebP, GIF, Word (.docx), Excel (.xlsx), plain text (UTF-8) and CSV";

    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const int MaxContentTypesBytes = 64 * 1024;

    /// <summary>
    /// What the content is: the types it may be stored as (text may be stored as plain text or as CSV),
    /// or none when it is not an allowed type. Reads the whole stream for text and packages; leaves the position anywhere.
    /// </summary>
    public static IReadOnlyList<FileType> Detect(Stream content)
    {
        Span<byte> head = stackalloc byte[12];
        content.Position = 0;
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        if (head.StartsWith("%PDF-"u8))
        {
            return [Pdf];
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return [Png];
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return [Jpeg];
        }
        if (head.Length == 12 && head.StartsWith("RIFF"u8) && head[8..].SequenceEqual("WEBP"u8))
        {
            return [WebP];
        }
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return [Gif];
        }
        if (head.StartsWith("PK\x03\x04"u8))
        {
            return OfficePackage(content) is { } office ? [office] : [];
        }
        return IsUtf8Text(content) ? [Text, Csv] : [];
    }

    /// <summary>An Office Open XML package whose [Content_Types].xml declares a Word document or an Excel workbook as its main part.</summary>
    private static FileType? OfficePackage(Stream content)
    {
        content.Position = 0;
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var types = zip.GetEntry("[Content_Types].xml");
            if (types is null || types.Length > MaxContentTypesBytes)
            {
                return null;
            }
            using var reader = new StreamReader(types.Open(), Encoding.UTF8);
            // Bounded whatever the entry's header says, so a crafted package cannot make this inflate much.
            var buffer = new char[MaxContentTypesBytes];
            var declared = new string(buffer, 0, reader.ReadBlock(buffer));
            if (declared.Contains(DocxType + ".main+xml", StringComparison.Ordinal) && zip.GetEntry("word/document.xml") is not null)
            {
                return Docx;
            }
            if (declared.Contains(XlsxType + ".main+xml", StringComparison.Ordinal) && zip.GetEntry("xl/workbook.xml") is not null)
            {
                return Xlsx;
            }
            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static bool IsUtf8Text(Stream content)
    {
        content.Position = 0;
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[16 * 1024];
        var chars = new char[bytes.Length + 4];
        try
        {
            int read;
            while ((read = content.Read(bytes)) > 0)
            {
                if (bytes.AsSpan(0, read).Contains((byte)0))
                {
                    return false;
                }
                decoder.Convert(bytes, 0, read, chars, 0, chars.Length, flush: false, out _, out _, out _);
            }
            decoder.Convert(bytes, 0, 0, chars, 0, chars.Length, flush: true, out _, out _, out _);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
