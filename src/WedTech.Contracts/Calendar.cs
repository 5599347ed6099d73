using System.ComponentModel.DataAnnotations;

namespace WedTech.Contracts;

/// <summary>A personal feed (every wedding its user may see) or one wedding's feed.</summary>
public enum CalendarFeedKind { User, Wedding }

/// <summary><see cref="WeddingId"/> is required for a wedding feed and must be absent for a personal one.</summary>
public sealed record CreateCalendarFeedRequest([property: Required] CalendarFeedKind? Kind, Guid? WeddingId);

/// <summary>A feed as listed: never its secret address. <see cref="WeddingTitle"/> is null when the wedding is no longer visible.</summary>
public sealed record CalendarFeedResponse(Guid Id, CalendarFeedKind Kind, Guid? WeddingId, string? WeddingTitle, DateTimeOffset CreatedAt);

/// <summary>
/// The answer to creating a feed: the subscription address, shown this once (only its hash is kept).
/// Calendar apps take it as it is; <see cref="WebcalUrl"/> is the same address for "subscribe" links.
/// </summary>
public sealed record CalendarFeedCreatedResponse(CalendarFeedResponse Feed, string Url, string WebcalUrl);
