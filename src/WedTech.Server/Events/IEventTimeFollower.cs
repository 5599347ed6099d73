namespace WedTech.Server.Events;

/// <summary>
/// Dates of other modules that count from an event's start (a task due two hours before the sangeet): told when the event
/// moves or is removed, before it is saved, so that they change in the same save.
/// </summary>
public interface IEventTimeFollower
{
    Task EventMovedAsync(Guid eventId, DateTimeOffset startsAt, CancellationToken cancellationToken);

    /// <summary>The event is going: what counted from it keeps the date it had.</summary>
    Task EventRemovedAsync(Guid eventId, string eventName, CancellationToken cancellationToken);
}
