using System.Globalization;

namespace WedTech.App.Platform;

/// <summary>Query strings for the typed API clients' routes.</summary>
public static class Query
{
    /// <summary>The path with the parameters that have a value, escaped.</summary>
    public static string Build(string path, params (string Name, string? Value)[] parameters)
    {
        var present = parameters.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => p.Name + "=" + Uri.EscapeDataString(p.Value!.Trim())).ToList();
        return present.Count == 0 ? path : path + "?" + string.Join('&', present);
    }

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
