using WedTech.Contracts;

namespace WedTech.App.Tests.Infrastructure;

/// <summary>Events and run-of-show items as the API answers them, for a wedding in Jaipur with a cocktail night in Dubai.</summary>
internal static class Schedules
{
    public static readonly Guid WeddingId = Guid.Parse("33333333-3333-7333-8333-333333333333");
    public static readonly TimeSpan India = TimeSpan.FromHours(5.5);
    public static readonly TimeSpan Dubai = TimeSpan.FromHours(4);

    public static readonly VenueSummary Rambagh = new(Guid.Parse("44444444-4444-7444-8444-444444444444"), "Rambagh Palace", "Bhawani Singh Road", "Jaipur", "08", null);
    public static readonly VenueSummary Atlantis = new(Guid.Parse("55555555-5555-7555-8555-555555555555"), "Atlantis The Palm", null, "Dubai", null, "https://maps.example/atlantis");

    public static EventResponse Event(string id, EventType type, string name, DateTime start, DateTime end, VenueSummary? venue,
        IReadOnlyList<RunOfShowItemResponse>? items = null, string zone = "Asia/Kolkata", IReadOnlyList<EventConflict>? conflicts = null,
        string? notes = null, long version = 1, IReadOnlyList<TeamMemberResponse>? team = null)
    {
        var offset = zone == "Asia/Dubai" ? Dubai : India;
        return new EventResponse(Guid.Parse(id), WeddingId, type, name, start, end, zone, new DateTimeOffset(start, offset), new DateTimeOffset(end, offset),
            venue, "Pastels", 250, notes, EventStatus.Confirmed, team ?? [], conflicts ?? [], items ?? [], version, DateTimeOffset.UnixEpoch);
    }

    public static RunOfShowItemResponse Item(string eventId, string id, DateTime start, string title, RunOfShowStatus status = RunOfShowStatus.Pending,
        bool isFixed = false, bool isShared = false, string? notes = null, string? owner = null, string? location = null, long version = 1, int minutes = 30) =>
        new(Guid.Parse(id), Guid.Parse(eventId), start, minutes, title, null, owner, location, notes, status, isFixed, isShared, null, null, version);

    public static WeddingScheduleResponse Schedule(params EventResponse[] events) => new(WeddingId, "Sharma–Verma wedding", events);
}
