using WedTech.Server.Identity;
using WedTech.Server.Platform.Persistence;

namespace WedTech.Server.Platform.Audit;

/// <summary>
/// Adds audit entries to the tenant's unit of work, so an entry is saved together with the change it
/// describes, or not at all.
/// </summary>
public sealed class AuditLog(TenantDbContext db, CurrentUser currentUser, IHttpContextAccessor http, TimeProvider time)
{
    public void Record(string action, string? entityType = null, Guid? entityId = null, string? details = null, Guid? userId = null, string? userEmail = null)
    {
        var request = http.HttpContext?.Request;
        var userAgent = request?.Headers.UserAgent.ToString();
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow(),
            UserId = userId ?? currentUser.User?.Id,
            UserEmail = userEmail ?? currentUser.User?.Email,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Details = details is { Length: > 2000 } ? details[..2000] : details,
            IpAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
            UserAgent = userAgent is { Length: > 300 } ? userAgent[..300] : userAgent,
        });
    }
}
