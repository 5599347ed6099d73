namespace WedTech.Server.Platform.Audit;

public static class AuditEndpoints
{
    public static readonly ApiTag Tag = new("Audit", "The studio's audit log: who changed what, and when.");

    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", async ([AsParameters] AuditQuery filter, TenantDbContext db, CancellationToken ct) =>
        {
            var query = db.AuditEntries.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(filter.action))
            {
                query = query.Where(e => e.Action == filter.action);
            }
            if (filter.entityId is { } entityId)
            {
                query = query.Where(e => e.EntityId == entityId);
            }
            return TypedResults.Ok(await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).ToPageAsync(filter.ToPaging(),
                e => new AuditEntryResponse(e.Id, e.At, e.UserId, e.UserEmail, e.Action, e.EntityType, e.EntityId, e.Details, e.IpAddress, e.UserAgent), ct));
        }).RequireAuthorization(Permissions.AuditView).WithApiTag(Tag).WithSummary("Audit log").WithDescription("The studio's audit log, newest first.");
        return api;
    }
}

/// <summary>The query string of the audit log.</summary>
public sealed record AuditQuery(int? page, int? pageSize, string? action, Guid? entityId) : PageQuery(page, pageSize);
