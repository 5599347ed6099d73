namespace WedTech.Server.Platform.Api;

/// <summary>How optional text fields of requests are stored.</summary>
public static class InputText
{
    /// <summary>The text without surrounding white space, or null when nothing is left.</summary>
    public static string? TrimmedOrNull(this string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
