using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using WedTech.Server.Tenancy;

namespace WedTech.Server.Calendar;

public static class CalendarEndpoints
{
    public static readonly ApiTag Tag = new("Calendar", "Calendar subscriptions: iCalendar feeds of the weddings a user may see, and the feeds themselves.");

    public static WebApplication MapCalendar(this WebApplication app)
    {
        var feeds = app.MapTenantApi().MapGroup("/calendar/feeds").WithApiTag(Tag);

        feeds.MapPost("/", async Task<Created<CalendarFeedCreatedResponse>> (CreateCalendarFeedRequest request, CalendarFeedService service, HttpContext http,
            CancellationToken ct) =>
        {
            var created = await service.CreateAsync(request, ct);
            http.Response.Headers.CacheControl = "no-store"; // the one time the secret address is shown
            return TypedResults.Created((string?)null, created);
        }).RequireAuthorization(Permissions.WeddingView)
            .WithSummary("Create a calendar feed")
            .WithDescription("A subscription address for your own calendar (kind user: every wedding you can see) or for one wedding you can see (kind wedding). The address is shown only in this answer.");

        feeds.MapGet("/", (CalendarFeedService service, CancellationToken ct) => service.ListAsync(ct))
            .RequireAuthorization(Permissions.WeddingView)
            .WithSummary("List your calendar feeds").WithDescription($"Your feeds that still work (at most {CalendarFeedService.MaxFeedsPerUser}), without their addresses.");

        feeds.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, CalendarFeedService service, CancellationToken ct) =>
        {
            await service.RevokeAsync(id, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Permissions.WeddingView)
            .WithSummary("Revoke a calendar feed").WithDescription("Its address stops working at once.");

        // The subscription address itself: no sign-in, the secret in the path is the credential.
        app.MapGet("/calendar/{token}.ics", async (string token, CalendarFeedService service, HttpContext http, CancellationToken ct) =>
        {
            var body = Encoding.UTF8.GetBytes(await service.RenderAsync(token, ct));
            var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16))}\"");
            http.Response.Headers.ETag = etag.ToString();
            // Calendar apps may keep a copy but must ask again (If-None-Match) before using it.
            http.Response.Headers.CacheControl = "private, no-cache";
            var known = http.Request.GetTypedHeaders().IfNoneMatch;
            return known.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false))
                ? Results.StatusCode(StatusCodes.Status304NotModified)
                : Results.Bytes(body, "text/calendar; charset=utf-8");
        }).WithMetadata(TenantScopedAttribute.Instance).RequireRateLimiting(CalendarModule.FeedRateLimit).WithApiTag(Tag)
            .WithSummary("Fetch a calendar feed")
            .WithDescription("The iCalendar (RFC 5545) document of a feed, at the address its creation returned. No sign-in; answers 404 once the feed is revoked.");
        return app;
    }
}
