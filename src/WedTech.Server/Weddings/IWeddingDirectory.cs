using WedTech.Server.Calendar;
using WedTech.Server.Realtime;

namespace WedTech.Server.Weddings;

/// <summary>A wedding as its guests know it: its title and the couple.</summary>
public sealed record WeddingNames(string Title, string BrideName, string GroomName)
{
    /// <summary>The couple as a guest's message names them: "Meera & Sahil", in Hindi "Meera और Sahil".</summary>
    public string Couple(string language) => language == "hi" ? $"{BrideName} और {GroomName}" : $"{BrideName} & {GroomName}";
}

/// <summary>
/// What other modules ask of the weddings. The queries compose into the asker's own query, so a filter by wedding
/// stays one round trip.
/// </summary>
public interface IWeddingDirectory
{
    /// <summary>The ids of the weddings the caller may see.</summary>
    IQueryable<Guid> VisibleIds();

    /// <summary>The ids of the weddings that are not deleted.</summary>
    IQueryable<Guid> Ids();

    /// <summary>The ids of the weddings whose team this user is on.</summary>
    IQueryable<Guid> IdsWithMember(Guid userId);

    /// <summary>Whether the caller may see the wedding; false in a scope without a user (a job acting for no one).</summary>
    Task<bool> IsVisibleAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Refuses (404) a wedding the caller may not see.</summary>
    Task RequireVisibleAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Whether the wedding exists (not deleted), whoever asks.</summary>
    Task<bool> ExistsAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The titles of those of these weddings the caller may see.</summary>
    Task<Dictionary<Guid, string>> TitlesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    /// <summary>The wedding's title and the couple's names, whoever asks (a guest on their RSVP page); null when it is deleted.</summary>
    Task<WeddingNames?> NamesAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The staff (not the clients) on the wedding's team.</summary>
    Task<List<Guid>> StaffAsync(Guid weddingId, CancellationToken cancellationToken);

    /// <summary>The couple's users on the wedding's team (role client).</summary>
    Task<List<Guid>> ClientsAsync(Guid weddingId, CancellationToken cancellationToken);

    /// <summary>The main day of each of these weddings that is not deleted, whoever asks (a daily duty).</summary>
    Task<Dictionary<Guid, DateOnly>> PrimaryDatesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    /// <summary>Everyone on the wedding's team with their role on it.</summary>
    Task<List<(Guid UserId, TeamRole Role)>> TeamAsync(Guid weddingId, CancellationToken cancellationToken);

    /// <summary>Whether this user is staff on the wedding's team.</summary>
    Task<bool> IsStaffAsync(Guid weddingId, Guid userId, CancellationToken cancellationToken);
}

internal sealed class WeddingDirectory(TenantDbContext db, WeddingService weddings) : IWeddingDirectory, ICalendarWeddings, IWeddingVisibility
{
    public IQueryable<Guid> VisibleIds() => weddings.Visible().Select(w => w.Id);

    public IQueryable<Guid> Ids() => db.Weddings.Select(w => w.Id);

    public IQueryable<Guid> IdsWithMember(Guid userId) => db.WeddingTeamMembers.Where(t => t.UserId == userId).Select(t => t.WeddingId);

    public Task<bool> IsVisibleAsync(Guid id, CancellationToken cancellationToken) => weddings.IsVisibleAsync(id, cancellationToken);

    public async Task RequireVisibleAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await weddings.IsVisibleAsync(id, cancellationToken))
        {
            throw ApiException.NotFound("Wedding");
        }
    }

    public Task<bool> ExistsAsync(Guid id, CancellationToken cancellationToken) => db.Weddings.AnyAsync(w => w.Id == id, cancellationToken);

    public Task<Dictionary<Guid, string>> TitlesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) => weddings.TitlesAsync(ids, cancellationToken);

    public Task<WeddingNames?> NamesAsync(Guid id, CancellationToken cancellationToken) =>
        db.Weddings.AsNoTracking().Where(w => w.Id == id).Select(w => new WeddingNames(w.Title, w.BrideName, w.GroomName)).FirstOrDefaultAsync(cancellationToken);

    public Task<Dictionary<Guid, DateOnly>> PrimaryDatesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        db.Weddings.AsNoTracking().Where(w => ids.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.PrimaryDate, cancellationToken);

    public Task<List<Guid>> StaffAsync(Guid weddingId, CancellationToken cancellationToken) =>
        db.WeddingTeamMembers.Where(t => t.WeddingId == weddingId && t.Role != TeamRole.Client).Select(t => t.UserId).ToListAsync(cancellationToken);

    public Task<List<Guid>> ClientsAsync(Guid weddingId, CancellationToken cancellationToken) =>
        db.WeddingTeamMembers.Where(t => t.WeddingId == weddingId && t.Role == TeamRole.Client).Select(t => t.UserId).ToListAsync(cancellationToken);

    public async Task<List<(Guid UserId, TeamRole Role)>> TeamAsync(Guid weddingId, CancellationToken cancellationToken) =>
        [.. (await db.WeddingTeamMembers.AsNoTracking().Where(t => t.WeddingId == weddingId).Select(t => new { t.UserId, t.Role }).ToListAsync(cancellationToken))
            .Select(t => (t.UserId, t.Role))];

    public Task<bool> IsStaffAsync(Guid weddingId, Guid userId, CancellationToken cancellationToken) =>
        db.WeddingTeamMembers.AnyAsync(t => t.WeddingId == weddingId && t.UserId == userId && t.Role != TeamRole.Client, cancellationToken);
}
