using Microsoft.EntityFrameworkCore;
using WedTech.Contracts;
using WedTech.Server.Identity;
using WedTech.Server.Platform.Api;
using WedTech.Server.Platform.Persistence;

namespace WedTech.Server.Platform.Audit;

public static class AuditEndpoints
{
    public static readonly ApiTag Tag = new("Audit", "The studio's audit log: who changed what, and when.");

    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", async (int? page, int? pageSize, string? action, Guid? entityId, TenantDbContext db, CancellationToken ct) =>
        {
            var paging = Paging.From(page, pageSize);
            var query = db.AuditEntries.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(action))
            {
                query = query.Where(e => e.Action == action);
            }
            if (entityId is not null)
            {
                query = query.Where(e => e.EntityId == entityId);
            }
            return TypedResults.Ok(await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).ToPageAsync(paging,
                e => new AuditEntryResponse(e.Id, e.At, e.UserId, e.UserEmail, e.Action, e.EntityType, e.EntityId, e.Details, e.IpAddress, e.UserAgent), ct));
        }).RequireAuthorization(Permissions.AuditView).WithApiTag(Tag).WithSummary("Audit log").WithDescription("The studio's audit log, newest first.");
        return api;
    }
}
