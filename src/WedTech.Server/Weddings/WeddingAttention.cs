using WedTech.Server.Identity;

namespace WedTech.Server.Weddings;

/// <summary>Weddings of the next month that nobody from the studio is on yet, for those who put teams together.</summary>
internal sealed class WeddingAttention(WeddingService weddings, CurrentUser currentUser) : IAttentionSource
{
    internal const int DaysAhead = 30;

    public async Task<IReadOnlyList<AttentionItem>> ItemsAsync(DateOnly today, CancellationToken cancellationToken)
    {
        if (!currentUser.Can(Permissions.WeddingEdit))
        {
            return [];
        }
        var until = today.AddDays(DaysAhead);
        var unstaffed = await weddings.Visible().AsNoTracking()
            .Where(w => w.PrimaryDate >= today && w.PrimaryDate <= until && w.Status != WeddingStatus.Cancelled && w.Status != WeddingStatus.Completed)
            .Where(w => !w.Team.Any(t => t.Role != TeamRole.Client))
            .OrderBy(w => w.PrimaryDate).ThenBy(w => w.Id)
            .Select(w => new { w.Id, w.Title, w.PrimaryDate })
            .Take(WeddingService.MaxAttention)
            .ToListAsync(cancellationToken);
        return unstaffed.Select(w => new AttentionItem(AttentionKind.WeddingWithoutStaff, $"Put your team on {w.Title}",
            "Nobody from the studio is on this wedding yet.", w.PrimaryDate, $"weddings/{w.Id}/edit")).ToList();
    }
}
