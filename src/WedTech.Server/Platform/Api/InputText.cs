namespace WedTech.Server.Platform.Api;

/// <summary>How optional text fields of requests are stored.</summary>
public static class InputText
{
    /// <summary>The text without surrounding white space, or null when nothing is left.</summary>
    public static string? TrimmedOrNull(this string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A name as a word of a download's file name ("Hotel Clarks Amer" → "hotel-clarks-amer"), or <paramref name="fallback"/> when nothing is left.</summary>
    public static string FileWord(this string text, string fallback) =>
        new string([.. text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-') is { Length: > 0 } word ? word : fallback;
}
