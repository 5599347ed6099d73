
namespace WedTech.App.Services;

/// <summary>API addresses for events and run-of-show, built in one place so offline copies of a view share one key.</summary>
public static class EventQueries
{
    /// <summary>A wedding's events with their run-of-show, in time order (what the timeline shows and a coordinator keeps offline).</summary>
    public static string Schedule(Guid weddingId) => $"/api/v1/weddings/{weddingId}/schedule";

    public static string OfWedding(Guid weddingId) => $"/api/v1/weddings/{weddingId}/events";

    public static string One(Guid eventId) => $"/api/v1/events/{eventId}";

    public static string Items(Guid eventId) => $"/api/v1/events/{eventId}/run-of-show";

    public static string Item(Guid eventId, Guid itemId) => $"/api/v1/events/{eventId}/run-of-show/{itemId}";

    public static string ItemStatus(Guid eventId, Guid itemId) => $"/api/v1/events/{eventId}/run-of-show/{itemId}/status";

    public static string Shift(Guid eventId) => $"/api/v1/events/{eventId}/run-of-show/shift";

    public const string Venues = "/api/v1/venues?pageSize=100";

    public const string Reports = "/api/v1/reports";

    public static string Report(Guid reportId) => $"/api/v1/reports/{reportId}";

    public static string FileContent(Guid fileId) => $"/api/v1/files/{fileId}/content";
}
