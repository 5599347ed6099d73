namespace WedTech.App.Platform;

/// <summary>The IANA time zones this browser knows, for the time zone pickers (studio settings, events).</summary>
public static class TimeZones
{
    public static IReadOnlyList<string> All { get; } =
        TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId).Select(z => z.Id).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Zones matching what was typed ("new york" finds America/New_York).</summary>
    public static Task<IEnumerable<string>> Search(string? text, CancellationToken cancellationToken) =>
        Task.FromResult(string.IsNullOrWhiteSpace(text) ? All.AsEnumerable() : All.Where(z => z.Contains(text.Trim().Replace(' ', '_'), StringComparison.OrdinalIgnoreCase)));
}
