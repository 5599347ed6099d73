namespace WedTech.Server.Platform.Audit;

/// <summary>
/// Adds audit entries to the tenant's unit of work, so an entry is saved together with the change it
/// describes, or not at all.
/// </summary>
public sealed class AuditLog(TenantDbContext db, IWriteActor actor, IHttpContextAccessor http, TimeProvider time)
{
    private readonly Dictionary<object, string> _notes = new(ReferenceEqualityComparer.Instance);

    /// <param name="origin">Where the action came from, for work done later for a request (a job); the current request's by default.</param>
    public void Record(string action, string? entityType = null, Guid? entityId = null, string? details = null, Guid? userId = null, string? userEmail = null,
        RequestOrigin? origin = null)
    {
        origin ??= Origin();
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow(),
            UserId = userId ?? actor.UserId,
            UserEmail = userEmail ?? actor.UserEmail,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Details = details is { Length: > 2000 } ? details[..2000] : details,
            IpAddress = origin.IpAddress,
            UserAgent = origin.UserAgent,
        });
    }

    /// <summary>Says more of a record's change than its changed fields ("3 run-of-show items moved with it"), in the entry written at save.</summary>
    public void Note(object record, string note) => _notes[record] = note;

    /// <summary>The entry of a record changed in this unit of work, written at save (<see cref="WritePath"/>).</summary>
    internal void RecordChanges(object record, string subject, Guid id, IReadOnlyList<string> fields) =>
        Record($"{subject}.updated", record.GetType().Name, id,
            "changed: " + string.Join(", ", fields) + (_notes.Remove(record, out var note) ? "; " + note : ""));

    /// <summary>The current request's address and user agent (none in a job).</summary>
    public RequestOrigin Origin()
    {
        var userAgent = http.HttpContext?.Request.Headers.UserAgent.ToString();
        return new RequestOrigin(http.HttpContext?.Connection.RemoteIpAddress?.ToString(), userAgent is { Length: > 300 } ? userAgent[..300] : userAgent);
    }
}

public sealed record RequestOrigin(string? IpAddress, string? UserAgent);
