using System.Globalization;
using WedTech.Contracts;

namespace WedTech.App.Services;

/// <summary>API addresses for the venue book, built in one place so the offline copies of a view share one key.</summary>
public static class VenueQueries
{
    public static string List(string? search, string? city, string? stateCode, int page, int pageSize) =>
        Query.Build("/api/v1/venues", ("page", Query.Number(page)), ("pageSize", Query.Number(pageSize)), ("q", search), ("city", city), ("stateCode", stateCode));

    public static string One(Guid id) => $"/api/v1/venues/{id}";

    public const string Create = "/api/v1/venues";
}

/// <summary>API addresses for wedding templates.</summary>
public static class TemplateQueries
{
    public static string List(string? search, int page, int pageSize) =>
        Query.Build("/api/v1/templates", ("page", Query.Number(page)), ("pageSize", Query.Number(pageSize)), ("q", search));

    public static string One(Guid id) => $"/api/v1/templates/{id}";

    public static string NewWedding(Guid templateId) => $"/api/v1/templates/{templateId}/weddings";

    public const string Create = "/api/v1/templates";
}

/// <summary>API addresses for events across weddings (the dashboard's days).</summary>
public static class EventDayQueries
{
    public static string Between(DateOnly from, DateOnly to, bool mine, int pageSize) =>
        Query.Build("/api/v1/events", ("from", Query.Date(from)), ("to", Query.Date(to)), ("mine", mine ? "true" : null), ("pageSize", Query.Number(pageSize)));

    /// <summary>The app's page of one event of a wedding.</summary>
    public static string Page(Guid weddingId, Guid eventId) => $"weddings/{weddingId}/events/{eventId}";
}

internal static class Query
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
