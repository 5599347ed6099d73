using Microsoft.Extensions.Caching.Hybrid;
using WedTech.Server.Identity;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Platform.Caching;
using WedTech.Server.Realtime;
using WedTech.Server.Tenancy;
using WedTech.Server.Tenancy.Settings;

namespace WedTech.Server.Weddings;

public sealed record WeddingFilter(WeddingStatus? Status, DateOnly? From, DateOnly? To, string? Search);

public sealed class WeddingService(
    TenantDbContext db, CurrentUser currentUser, AuditLog audit, HybridCache cache, CacheInvalidator invalidator, IDatabaseProvider databases,
    TenantContext tenant, TimeProvider time, IRealtimePublisher realtime, IStudioSettings studio, IEnumerable<IWeddingPersonalData> personalData,
    IEnumerable<IWeddingDateFollower> dateFollowers)
{
    /// <summary>The dashboard's "needs you" shows this many lines, soonest first.</summary>
    internal const int MaxAttention = 20;

    private static readonly HybridCacheEntryOptions ListCacheOptions = new() { Expiration = TimeSpan.FromMinutes(5), LocalCacheExpiration = TimeSpan.FromMinutes(5) };

    /// <summary>The weddings the caller may see: all of them, or only those whose team they are on.</summary>
    internal IQueryable<Wedding> Visible() => Visible(db);

    private IQueryable<Wedding> Visible(TenantDbContext context)
    {
        if (currentUser.Can(Permissions.WeddingViewAll))
        {
            return context.Weddings;
        }
        var userId = currentUser.Required.Id;
        return context.Weddings.Where(w => w.Team.Any(t => t.UserId == userId));
    }

    /// <summary>
    /// List pages are the hottest read: cached per tenant, visibility (everything, or one user's weddings),
    /// status and page, and dropped on any wedding write of the tenant. Only the views an app asks for are
    /// cached (first pages, usual page sizes, no search or date range), so the number of entries a user can
    /// make stays small whatever they send.
    /// </summary>
    public async Task<PagedResponse<WeddingSummaryResponse>> ListAsync(WeddingFilter filter, Paging paging, CancellationToken cancellationToken)
    {
        var cacheable = string.IsNullOrWhiteSpace(filter.Search) && filter.From is null && filter.To is null
            && paging.Page <= 5 && paging.PageSize is 10 or 20 or 50 or 100;
        if (!cacheable)
        {
            return await QueryListAsync(db, filter, paging, cancellationToken);
        }
        var scope = currentUser.Can(Permissions.WeddingViewAll) ? "all" : currentUser.Required.Id.ToString("N");
        var key = invalidator.Key(ListsTag, string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{scope}:{(int?)filter.Status}:{paging.Page}:{paging.PageSize}"));
        // The read may outlive this request (others wait on it), so it uses a context of its own.
        return await cache.GetOrCreateAsync(key, (service: this, databases, tenant.Current.DatabaseName, filter, paging), static async (state, ct) =>
        {
            await using var context = state.databases.CreateTenantContext(state.DatabaseName);
            return await state.service.QueryListAsync(context, state.filter, state.paging, ct);
        }, ListCacheOptions, [ListsTag], cancellationToken);
    }

    internal static readonly System.Linq.Expressions.Expression<Func<Wedding, WeddingSummaryResponse>> Summary =
        w => new WeddingSummaryResponse(w.Id, w.Title, w.BrideName, w.GroomName, w.PrimaryDate, w.City, w.Status, w.GuestCountEstimate, w.Version);

    private string ListsTag => $"t:{tenant.Current.Id:N}:weddings";

    private async Task<PagedResponse<WeddingSummaryResponse>> QueryListAsync(TenantDbContext context, WeddingFilter filter, Paging paging, CancellationToken cancellationToken)
    {
        var query = Visible(context).AsNoTracking();
        if (filter.Status is { } status)
        {
            query = query.Where(w => w.Status == status);
        }
        if (filter.From is { } from)
        {
            query = query.Where(w => w.PrimaryDate >= from);
        }
        if (filter.To is { } to)
        {
            query = query.Where(w => w.PrimaryDate <= to);
        }
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim().ToLowerInvariant();
            query = query.Where(w => w.SearchText.Contains(term));
        }
        return await query.OrderBy(w => w.PrimaryDate).ThenBy(w => w.Id).ToPageAsync(paging, Summary, cancellationToken);
    }

    /// <summary>
    /// Saves a change to weddings; once it is committed, the tenant's cached lists are dropped and connected clients told
    /// (<paramref name="change"/>), even if the caller has gone away meanwhile.
    /// </summary>
    private async Task SaveAsync(Func<Task> change, CancellationToken cancellationToken)
    {
        db.AfterCommit(async () =>
        {
            await invalidator.InvalidateAsync(ListsTag, CancellationToken.None);
            await change();
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Counts by status and the next weddings still to happen, from "today" in the studio's time zone.</summary>
    /// <summary>The dashboard; <paramref name="attention"/> are the modules' "needs you" lines, asked one after another (they share this request's context).</summary>
    public async Task<WeddingOverviewResponse> OverviewAsync(int upcoming, IEnumerable<IAttentionSource> attention, CancellationToken cancellationToken)
    {
        var zone = await studio.TimeZoneAsync(cancellationToken);
        var today = VenueTime.Today(time, zone);
        var counts = await Visible().AsNoTracking().GroupBy(w => w.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var next = await Visible().AsNoTracking()
            .Where(w => w.PrimaryDate >= today && w.Status != WeddingStatus.Cancelled && w.Status != WeddingStatus.Completed)
            .OrderBy(w => w.PrimaryDate).ThenBy(w => w.Id).Take(upcoming).Select(Summary).ToListAsync(cancellationToken);
        var needsYou = new List<AttentionItem>();
        foreach (var source in attention)
        {
            needsYou.AddRange(await source.ItemsAsync(today, cancellationToken));
        }
        return new WeddingOverviewResponse(
            Enum.GetValues<WeddingStatus>().Select(s => new WeddingStatusCount(s, counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0)).ToList(),
            next, today, [.. needsYou.OrderBy(i => i.Due).ThenBy(i => i.Kind).ThenBy(i => i.Title, StringComparer.Ordinal).Take(MaxAttention)]);
    }

    /// <summary>The titles of those of these weddings the caller may see.</summary>
    public async Task<Dictionary<Guid, string>> TitlesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        ids.Count == 0 ? [] : await Visible().AsNoTracking().Where(w => ids.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.Title, cancellationToken);
    /// <summary>Whether the caller may see the wedding; false in a scope without a user (a job acting for no one).</summary>
    public async Task<bool> IsVisibleAsync(Guid id, CancellationToken cancellationToken) =>
        currentUser.User is not null && await Visible().AnyAsync(w => w.Id == id, cancellationToken);

    public async Task<WeddingResponse> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var wedding = await Visible().AsNoTracking().Include(w => w.Team).FirstOrDefaultAsync(w => w.Id == id, cancellationToken)
            ?? throw ApiException.NotFound("Wedding");
        return ToResponse(wedding, await UsersAsync(wedding.Team.Select(t => t.UserId), cancellationToken));
    }

    public Task<WeddingResponse> CreateAsync(WeddingRequest request, CancellationToken cancellationToken) => CreateAsync(request, null, cancellationToken);

    /// <summary>Creates a wedding; <paramref name="addParts"/> adds what comes with it (a template's events), saved together with it.</summary>
    public async Task<WeddingResponse> CreateAsync(WeddingRequest request, Action<Wedding>? addParts, CancellationToken cancellationToken)
    {
        var wedding = new Wedding { Title = "", BrideName = "", GroomName = "" };
        var errors = new FieldErrors();
        Apply(wedding, request, errors);
        var team = await CheckTeamAsync(request.Team, errors, cancellationToken);
        errors.ThrowIfAny();
        SetTeam(wedding, request.Team ?? []);
        db.Weddings.Add(wedding);
        audit.Record("wedding.created", nameof(Wedding), wedding.Id, wedding.Title);
        addParts?.Invoke(wedding);
        var tenantId = tenant.Current.Id;
        await SaveAsync(() => realtime.WeddingChangedAsync(tenantId, wedding.Id, WeddingChange.Created, wedding.Version,
            wedding.Team.Select(t => t.UserId).ToList(), CancellationToken.None), cancellationToken);
        return ToResponse(wedding, team);
    }

    public async Task<WeddingResponse> UpdateAsync(Guid id, WeddingRequest request, long expectedVersion, CancellationToken cancellationToken)
    {
        var wedding = await Visible().Include(w => w.Team).FirstOrDefaultAsync(w => w.Id == id, cancellationToken)
            ?? throw ApiException.NotFound("Wedding");
        Concurrency.Expect(wedding, expectedVersion, "wedding");

        var teamBefore = wedding.Team.Select(t => t.UserId).ToHashSet();
        var dateBefore = wedding.PrimaryDate;
        var errors = new FieldErrors();
        Apply(wedding, request, errors);
        var team = await CheckTeamAsync(request.Team, errors, cancellationToken);
        errors.ThrowIfAny();
        SetTeam(wedding, request.Team ?? []);
        if (wedding.PrimaryDate != dateBefore)
        {
            foreach (var follower in dateFollowers)
            {
                await follower.WeddingMovedAsync(wedding.Id, wedding.PrimaryDate, cancellationToken);
            }
        }
        if (WritePath.ChangedFields(db, wedding) is { } changed)
        {
            var tenantId = tenant.Current.Id;
            if (changed.Contains("team"))
            {
                teamBefore.SymmetricExceptWith(wedding.Team.Select(t => t.UserId));
                await SaveAsync(() => realtime.WeddingChangedAsync(tenantId, wedding.Id, WeddingChange.TeamChanged, wedding.Version, teamBefore, CancellationToken.None),
                    cancellationToken);
            }
            else
            {
                await SaveAsync(() => realtime.WeddingChangedAsync(tenantId, wedding.Id, WeddingChange.Updated, wedding.Version, CancellationToken.None), cancellationToken);
            }
        }
        return ToResponse(wedding, team);
    }

    public async Task DeleteAsync(Guid id, long? expectedVersion, CancellationToken cancellationToken)
    {
        var wedding = await Visible().FirstOrDefaultAsync(w => w.Id == id, cancellationToken) ?? throw ApiException.NotFound("Wedding");
        Concurrency.Expect(wedding, expectedVersion, "wedding");
        wedding.DeletedAt = time.GetUtcNow();
        // The wedding stays, hidden, for the studio's records; the personal data kept for it has no purpose left.
        foreach (var owner in personalData)
        {
            await owner.ForgetAsync(wedding.Id, cancellationToken);
        }
        audit.Record("wedding.deleted", nameof(Wedding), wedding.Id, wedding.Title);
        var tenantId = tenant.Current.Id;
        await SaveAsync(() => realtime.WeddingChangedAsync(tenantId, wedding.Id, WeddingChange.Deleted, wedding.Version, CancellationToken.None), cancellationToken);
    }

    /// <summary>The budget is money: who may set or change it is decided at save (<see cref="MoneyGuard"/>).</summary>
    private static void Apply(Wedding wedding, WeddingRequest request, FieldErrors errors)
    {
        if (request.PrimaryDate is { Year: < 2000 or > 2100 })
        {
            errors.Add("primaryDate", "The date must be between the years 2000 and 2100.");
        }
        wedding.Title = request.Title.Trim();
        wedding.BrideName = request.BrideName.Trim();
        wedding.GroomName = request.GroomName.Trim();
        wedding.PrimaryDate = request.PrimaryDate!.Value;
        wedding.City = request.City.TrimmedOrNull();
        wedding.Status = request.Status ?? WeddingStatus.Inquiry;
        wedding.EstimatedBudgetPaise = request.EstimatedBudgetPaise;
        wedding.GuestCountEstimate = request.GuestCountEstimate;
        wedding.Notes = string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes;
        wedding.RefreshSearchText();
    }

    private static void SetTeam(Wedding wedding, IReadOnlyList<TeamAssignment> team) =>
        team.ApplyTo(wedding.Team, (userId, role) => new WeddingTeamMember { WeddingId = wedding.Id, UserId = userId, Role = role });

    /// <summary>
    /// Team members must be active users of this studio; clients only as the couple, staff only as staff.
    /// Returns the team's users, for the response.
    /// </summary>
    private async Task<Dictionary<Guid, User>> CheckTeamAsync(IReadOnlyList<TeamAssignment>? team, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (team is null || team.Count == 0)
        {
            return [];
        }
        var missing = Enumerable.Range(0, team.Count).Where(i => team[i] is null || team[i].UserId is null || team[i].Role is null).ToList();
        foreach (var i in missing)
        {
            errors.Add($"team[{i}]", "Give the person's userId and role.");
        }
        if (missing.Count > 0)
        {
            return [];
        }
        var ids = team.Select(a => a.UserId!.Value).ToList();
        var users = await UsersAsync(ids, cancellationToken);
        for (var i = 0; i < team.Count; i++)
        {
            var assignment = team[i];
            if (ids.IndexOf(assignment.UserId!.Value) != i)
            {
                errors.Add($"team[{i}].userId", "This person is already on the team.");
            }
            else if (!users.TryGetValue(assignment.UserId.Value, out var user) || user.Status == UserStatus.Disabled)
            {
                errors.Add($"team[{i}].userId", "No active member of the studio has this id.");
            }
            else if ((assignment.Role == TeamRole.Client) != (user.Role == Role.Client))
            {
                errors.Add($"team[{i}].role", assignment.Role == TeamRole.Client
                    ? "Only a client account can be linked as the couple."
                    : "A client account can only be linked as the couple (role client).");
            }
        }
        return users;
    }

    private async Task<Dictionary<Guid, User>> UsersAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.ToList();
        return wanted.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
    }

    private WeddingResponse ToResponse(Wedding w, Dictionary<Guid, User> users)
    {
        var team = w.Team
            .Where(t => users.ContainsKey(t.UserId))
            .Select(t => new TeamMemberResponse(t.UserId, users[t.UserId].Name, users[t.UserId].Role, t.Role))
            .OrderBy(t => t.Role).ThenBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
        var budget = currentUser.Can(Permissions.FinancialView) ? w.EstimatedBudgetPaise : null;
        return new WeddingResponse(w.Id, w.Title, w.BrideName, w.GroomName, w.PrimaryDate, w.City, w.Status, budget, w.Currency,
            w.GuestCountEstimate, currentUser.Can(Permissions.WeddingInternal) ? w.Notes : null, team, w.Version, w.CreatedAt, w.UpdatedAt);
    }
}
