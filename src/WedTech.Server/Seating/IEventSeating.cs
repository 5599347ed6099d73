namespace WedTech.Server.Seating;

/// <summary>Where guests sit at an event, as other modules (check-in) read it.</summary>
public interface IEventSeating
{
    /// <summary>Guest id → the name of the table they sit at, for those of these guests seated at the event; the others are left out.</summary>
    Task<IReadOnlyDictionary<Guid, string>> TablesOfAsync(Guid eventId, IReadOnlyCollection<Guid> guestIds, CancellationToken ct);
}

internal sealed class EventSeating(TenantDbContext db) : IEventSeating
{
    public async Task<IReadOnlyDictionary<Guid, string>> TablesOfAsync(Guid eventId, IReadOnlyCollection<Guid> guestIds, CancellationToken ct)
    {
        if (guestIds.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }
        var ids = guestIds.Distinct().ToList();
        return await (from seat in db.Set<Seat>()
                      join plan in db.Set<SeatingPlan>() on seat.PlanId equals plan.Id
                      join table in db.Set<SeatingTable>() on seat.TableId equals table.Id
                      where plan.EventId == eventId && ids.Contains(seat.GuestId)
                      select new { seat.GuestId, table.Name }).AsNoTracking().ToDictionaryAsync(x => x.GuestId, x => x.Name, ct);
    }
}
