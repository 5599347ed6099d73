namespace WedTech.Server.Guests;

/// <summary>What other modules (automations) read of the weddings' RSVP deadlines (kept in the guest-list settings).</summary>
public interface IRsvpDeadlines
{
    /// <summary>The weddings whose RSVP deadline falls from <paramref name="first"/> to <paramref name="last"/>, both days included.</summary>
    Task<List<(Guid WeddingId, DateOnly Deadline)>> BetweenAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken);
}

internal sealed class RsvpDeadlines(TenantDbContext db) : IRsvpDeadlines
{
    public async Task<List<(Guid WeddingId, DateOnly Deadline)>> BetweenAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken) =>
        [.. (await db.GuestListSettings.AsNoTracking().Where(s => s.RsvpDeadline >= first && s.RsvpDeadline <= last)
            .Select(s => new { s.WeddingId, Deadline = s.RsvpDeadline!.Value }).ToListAsync(cancellationToken))
            .Select(s => (s.WeddingId, s.Deadline))];
}
