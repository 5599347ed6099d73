using System.Globalization;

namespace WedTech.App.Common;

/// <summary>
/// Dates as an Indian studio writes and reads them (13/02/2027, 19:30), whatever language the browser is set to. The app runs
/// without culture data (InvariantGlobalization), so the culture is the invariant one with India's patterns: a typed
/// "1/3/2027" is the first of March, never January the third.
/// </summary>
public static class StudioDates
{
    public const string DateFormat = "dd/MM/yyyy";

    public const string TimeFormat = "HH:mm";

    /// <summary>What an empty date field shows, in the reader's words.</summary>
    public const string DatePlaceholder = "dd/mm/yyyy";

    public static CultureInfo Culture { get; } = Make();

    private static CultureInfo Make()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.DateTimeFormat.ShortDatePattern = DateFormat;
        culture.DateTimeFormat.ShortTimePattern = TimeFormat;
        culture.DateTimeFormat.LongTimePattern = "HH:mm:ss";
        return CultureInfo.ReadOnly(culture);
    }
}
