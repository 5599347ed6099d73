namespace WedTech.Server.Platform.Api;

/// <summary>
/// Wall-clock times at a venue and the IANA zones they are in. Event times are kept as the planner typed them (local to
/// the venue) and converted to instants only for ordering, clash checks and "today".
/// </summary>
public static class VenueTime
{
    /// <summary>The zone's canonical IANA id ("asia/kolkata" → "Asia/Kolkata"), or null for anything else (Windows ids, posixrules, right/…).</summary>
    public static string? CanonicalZone(string? id) => string.IsNullOrWhiteSpace(id) ? null :
        TimeZoneInfo.GetSystemTimeZones().FirstOrDefault(z => z.HasIanaId && string.Equals(z.Id, id.Trim(), StringComparison.OrdinalIgnoreCase))?.Id;

    /// <summary>The canonical IANA id, or a field error naming <paramref name="field"/>.</summary>
    public static string RequireZone(string id, string field) => CanonicalZone(id)
        ?? throw new ValidationFailedException(field, "Use an IANA time zone, like Asia/Kolkata or Asia/Dubai.");

    /// <summary>
    /// The instant of a wall-clock time in a zone. A time sent with an offset or "Z" is refused: the API takes the
    /// venue's local time. A time skipped by a daylight-saving change is refused; a repeated one is its first occurrence.
    /// </summary>
    public static DateTimeOffset ToInstant(DateTime local, string zoneId, string field)
    {
        RequireLocal(local, field);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        if (zone.IsInvalidTime(local))
        {
            throw new ValidationFailedException(field, $"{local:yyyy-MM-dd HH:mm} does not exist in {zoneId} (the clocks skip it).");
        }
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>A wall-clock time as the API takes it: without an offset or "Z", between the years 2000 and 2100; else a field error.</summary>
    public static void RequireLocal(DateTime local, string field)
    {
        if (local.Kind != DateTimeKind.Unspecified)
        {
            throw new ValidationFailedException(field, "Give the local time without an offset or Z, like 2026-12-10T19:30.");
        }
        if (local.Year is < 2000 or > 2100)
        {
            throw new ValidationFailedException(field, "The date must be between the years 2000 and 2100.");
        }
    }

    /// <summary>The date now in a zone.</summary>
    public static DateOnly Today(TimeProvider time, string zoneId) => DateIn(time.GetUtcNow(), zoneId);

    /// <summary>The date a moment falls on in a zone.</summary>
    public static DateOnly DateIn(DateTimeOffset at, string zoneId) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(zoneId)).DateTime);
}
