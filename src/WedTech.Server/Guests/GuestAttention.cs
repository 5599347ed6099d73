using System.Globalization;
using WedTech.Server.Identity;
using WedTech.Server.Weddings;

namespace WedTech.Server.Guests;

/// <summary>
/// An RSVP deadline of the next two weeks with households still to answer, for those who keep the list: a reminder sent now
/// still reaches them in time.
/// </summary>
internal sealed class GuestAttention(TenantDbContext db, IWeddingDirectory weddings, CurrentUser currentUser) : IAttentionSource
{
    internal const int DaysAhead = 14;

    public async Task<IReadOnlyList<AttentionItem>> ItemsAsync(DateOnly today, CancellationToken cancellationToken)
    {
        if (!currentUser.Can(Permissions.GuestManage))
        {
            return [];
        }
        var last = today.AddDays(DaysAhead);
        var visible = weddings.VisibleIds();
        var due = await db.GuestListSettings.AsNoTracking()
            .Where(s => s.RsvpDeadline >= today && s.RsvpDeadline <= last && visible.Contains(s.WeddingId))
            .Select(s => new
            {
                s.WeddingId,
                Deadline = s.RsvpDeadline!.Value,
                Waiting = db.Set<Household>().Count(h => h.WeddingId == s.WeddingId && h.Invitations.Any(i => i.Answer == RsvpAnswer.Pending)),
            })
            .Where(s => s.Waiting > 0)
            .OrderBy(s => s.Deadline).Take(WeddingService.MaxAttention)
            .ToListAsync(cancellationToken);
        var items = new List<AttentionItem>(due.Count);
        foreach (var wedding in due)
        {
            var title = (await weddings.NamesAsync(wedding.WeddingId, cancellationToken))?.Title ?? "A wedding";
            var households = wedding.Waiting == 1 ? "1 household has" : $"{wedding.Waiting.ToString("N0", CultureInfo.InvariantCulture)} households have";
            items.Add(new AttentionItem(AttentionKind.RsvpDeadline, $"{households} not answered",
                $"{title}: RSVP by {wedding.Deadline.ToString("d MMM", CultureInfo.InvariantCulture)}."
                + (currentUser.Can(Permissions.MessageSend) ? " Send them a reminder from the guest list." : ""),
                wedding.Deadline, $"weddings/{wedding.WeddingId}/guests"));
        }
        return items;
    }
}
