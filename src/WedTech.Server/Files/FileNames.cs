using System.Globalization;
using System.Text;

namespace WedTech.Server.Files;

/// <summary>Turns an uploader's file name into one that is safe to store and to offer as a download's name.</summary>
public static class FileNames
{
    public const int MaxLength = 150;

    /// <summary>
    /// Keeps the last path segment (browsers and tools send "C:\…\x.pdf" or "../x.pdf"), in any script;
    /// drops control and formatting characters (bidi overrides that disguise "exe.pdf" as "fdp.exe"),
    /// characters file systems refuse, and leading or trailing dots and spaces; shortens long names
    /// keeping their extension. Returns "" when nothing is left.
    /// </summary>
    public static string Sanitize(string? name)
    {
        var last = (name ?? "").Replace('\\', '/');
        last = last[(last.LastIndexOf('/') + 1)..];
        var kept = new StringBuilder(last.Length);
        foreach (var rune in last.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                kept.Append(' ');
                continue;
            }
            var category = Rune.GetUnicodeCategory(rune);
            // Zero-width joiner and non-joiner are formatting characters that Indic scripts need.
            if (category is UnicodeCategory.Format && rune.Value is not (0x200C or 0x200D)
                || category is UnicodeCategory.Control or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
                || rune.Value is '"' or '*' or ':' or '<' or '>' or '?' or '|')
            {
                continue;
            }
            kept.Append(rune.ToString());
        }
        // Runes have replaced any lone surrogate, so normalisation cannot fail.
        var clean = kept.ToString().Normalize(NormalizationForm.FormC).Trim(' ', '.');
        if (clean.Length <= MaxLength)
        {
            return clean;
        }
        var extension = Extension(clean);
        var stem = clean[..^extension.Length];
        var cut = MaxLength - extension.Length;
        // Never cut between the halves of a surrogate pair.
        if (char.IsHighSurrogate(stem[cut - 1]))
        {
            cut--;
        }
        return stem[..cut].TrimEnd(' ', '.') + extension;
    }

    /// <summary>The extension with its dot, lower-case, or "" (a name like "notes" or ".profile" has none).</summary>
    public static string Extension(string name)
    {
        var dot = name.LastIndexOf('.');
        return dot <= 0 || name.Length - dot > 10 ? "" : name[dot..].ToLowerInvariant();
    }
}
