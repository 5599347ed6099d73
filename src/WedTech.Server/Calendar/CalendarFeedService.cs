using Microsoft.Extensions.Options;
using WedTech.Server.Identity;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Tenancy;
using WedTech.Server.Tenancy.Settings;

namespace WedTech.Server.Calendar;

public sealed class CalendarFeedService(
    TenantDbContext db, CurrentUser currentUser, UserDirectory users, ICalendarWeddings weddings, IEnumerable<ICalendarSource> sources,
    AuditLog audit, TenantContext tenant, StudioAddresses addresses, IOptions<CalendarOptions> options, TimeProvider time, IStudioSettings studio)
{
    /// <summary>Keeps a user's list short enough to show whole, and a leaked session from minting addresses without end.</summary>
    public const int MaxFeedsPerUser = 20;

    public async Task<CalendarFeedCreatedResponse> CreateAsync(CreateCalendarFeedRequest request, CancellationToken cancellationToken)
    {
        var kind = request.Kind!.Value;
        string? weddingTitle = null;
        switch (kind, request.WeddingId)
        {
            case (CalendarFeedKind.Wedding, null):
                throw new ValidationFailedException("weddingId", "Give the wedding whose calendar this is.");
            case (CalendarFeedKind.User, not null):
                throw new ValidationFailedException("weddingId", "A personal feed covers every wedding you can see; leave weddingId out.");
            case (CalendarFeedKind.Wedding, { } weddingId):
                weddingTitle = (await weddings.TitlesAsync([weddingId], cancellationToken)).GetValueOrDefault(weddingId)
                    ?? throw ApiException.NotFound("Wedding");
                break;
        }
        var userId = currentUser.Required.Id;
        if (await db.CalendarFeeds.CountAsync(f => f.UserId == userId && f.RevokedAt == null, cancellationToken) >= MaxFeedsPerUser)
        {
            throw ApiException.Conflict($"You already have {MaxFeedsPerUser} calendar feeds; revoke one before adding another.");
        }

        var secret = TokenService.NewSecret();
        var feed = new CalendarFeed
        {
            Kind = kind,
            UserId = userId,
            WeddingId = request.WeddingId,
            TokenHash = TokenService.Hash(secret),
            CreatedAt = time.GetUtcNow(),
        };
        db.CalendarFeeds.Add(feed);
        audit.Record("calendar-feed.created", nameof(CalendarFeed), feed.Id, Describe(feed, weddingTitle));
        await db.SaveChangesAsync(cancellationToken);

        var url = $"{addresses.For(tenant.Current.Slug)}/calendar/{secret}.ics";
        var webcal = "webcal://" + url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..];
        return new CalendarFeedCreatedResponse(ToResponse(feed, weddingTitle), url, webcal);
    }

    /// <summary>The caller's feeds that still work, oldest first.</summary>
    public async Task<IReadOnlyList<CalendarFeedResponse>> ListAsync(CancellationToken cancellationToken)
    {
        var userId = currentUser.Required.Id;
        var feeds = await db.CalendarFeeds.AsNoTracking().Where(f => f.UserId == userId && f.RevokedAt == null)
            .OrderBy(f => f.CreatedAt).ThenBy(f => f.Id).ToListAsync(cancellationToken);
        var titles = await weddings.TitlesAsync(feeds.Where(f => f.WeddingId is not null).Select(f => f.WeddingId!.Value).ToList(), cancellationToken);
        return feeds.Select(f => ToResponse(f, f.WeddingId is { } id ? titles.GetValueOrDefault(id) : null)).ToList();
    }

    /// <summary>Revokes one of the caller's feeds: its address answers 404 from now on.</summary>
    public async Task RevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        var userId = currentUser.Required.Id;
        var feed = await db.CalendarFeeds.FirstOrDefaultAsync(f => f.Id == id && f.UserId == userId && f.RevokedAt == null, cancellationToken)
            ?? throw ApiException.NotFound("Calendar feed");
        feed.RevokedAt = time.GetUtcNow();
        var weddingTitle = feed.WeddingId is { } weddingId ? (await weddings.TitlesAsync([weddingId], cancellationToken)).GetValueOrDefault(weddingId) : null;
        audit.Record("calendar-feed.revoked", nameof(CalendarFeed), feed.Id, Describe(feed, weddingTitle));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The document behind a feed's secret address, showing what the feed's user may see now: the request takes
    /// on that user (whoever else it may carry a session of), so every source applies its rules for them.
    /// A revoked feed, a user no longer active, or a wedding they may no longer see answer 404.
    /// </summary>
    public async Task<string> RenderAsync(string secret, CancellationToken cancellationToken)
    {
        var hash = TokenService.Hash(secret);
        var feed = await db.CalendarFeeds.AsNoTracking().FirstOrDefaultAsync(f => f.TokenHash == hash && f.RevokedAt == null, cancellationToken)
            ?? throw ApiException.NotFound("Calendar feed");
        var user = await users.FindAsync(feed.UserId, cancellationToken);
        if (user is not { Status: UserStatus.Active })
        {
            throw ApiException.NotFound("Calendar feed");
        }
        currentUser.Set(user);

        var name = tenant.Current.CompanyName;
        if (feed.WeddingId is { } weddingId)
        {
            var title = (await weddings.TitlesAsync([weddingId], cancellationToken)).GetValueOrDefault(weddingId) ?? throw ApiException.NotFound("Calendar feed");
            name = $"{title} · {name}";
        }
        var since = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(-options.Value.PastDays);
        var scope = new CalendarScope(feed.WeddingId, since);
        var items = new List<CalendarItem>();
        foreach (var source in sources)
        {
            items.AddRange(await source.ItemsAsync(scope, cancellationToken));
        }
        var timeZone = await studio.TimeZoneAsync(cancellationToken);
        return IcsWriter.Write(name, timeZone, since, items);
    }

    private static string Describe(CalendarFeed feed, string? weddingTitle) =>
        feed.Kind == CalendarFeedKind.User ? "personal feed" : $"feed of wedding {weddingTitle ?? feed.WeddingId.ToString()}";

    private static CalendarFeedResponse ToResponse(CalendarFeed feed, string? weddingTitle) =>
        new(feed.Id, feed.Kind, feed.WeddingId, weddingTitle, feed.CreatedAt);
}
