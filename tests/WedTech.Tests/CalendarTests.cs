using System.Net;
using System.Text;
using WedTech.Contracts;
using WedTech.Server.Calendar;
using WedTech.Tests.Calendar;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

public abstract class CalendarTests(TestServer server) : ProviderTests(server)
{
    private static readonly CreateCalendarFeedRequest Personal = new(CalendarFeedKind.User, null);

    private static WeddingRequest Wedding(string bride, string groom, DateOnly date, WeddingStatus status = WeddingStatus.Booked, string? title = null,
        string? city = "Jaipur", IReadOnlyList<TeamAssignment>? team = null) =>
        new(title ?? $"{bride} & {groom}", bride, groom, date, city, status, 40_00_000_00, 300, "Internal note: never in a feed.", team);

    private static async Task<WeddingResponse> CreateAsync(HttpClient admin, WeddingRequest wedding) =>
        await (await admin.PostJsonAsync("/api/v1/weddings", wedding)).ReadAsync<WeddingResponse>(HttpStatusCode.Created);

    private static async Task<CalendarFeedCreatedResponse> NewFeedAsync(HttpClient client, CreateCalendarFeedRequest request) =>
        await (await client.PostJsonAsync("/api/v1/calendar/feeds", request)).ReadAsync<CalendarFeedCreatedResponse>(HttpStatusCode.Created);

    /// <summary>Fetches an address as a calendar app does: no session, no X-Tenant header, the studio only in the host.</summary>
    private async Task<(HttpResponseMessage Response, byte[] Body)> FetchAsync(string url, string? ifNoneMatch = null)
    {
        using var calendarApp = AnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }
        var response = await calendarApp.SendAsync(request, Cancel);
        return (response, await response.Content.ReadAsByteArrayAsync(Cancel));
    }

    private async Task<ParsedCalendar> FetchParsedAsync(string url)
    {
        var (response, body) = await FetchAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}");
        IcsFormat.AssertWellFormed(body);
        var parsed = await IcsParser.ParseAsync(body);
        Assert.Empty(parsed.Errors);
        return parsed;
    }

    private static Task<Problem> AssertGoneAsync(HttpResponseMessage response) => response.ProblemAsync(HttpStatusCode.NotFound);

    [Fact]
    public async Task A_personal_feed_is_valid_icalendar_that_a_real_parser_reads()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var priya = await CreateAsync(admin, Wedding("Priya", "Arjun", new DateOnly(2027, 2, 14)));
        // Long Devanagari names: the SUMMARY line must fold inside them.
        var ananya = await CreateAsync(admin, Wedding("अनन्या लक्ष्मी नारायणन", "विक्रमादित्य सिंह राठौड़", new DateOnly(2027, 3, 5), city: "उदयपुर, राजस्थान"));
        var escaped = await CreateAsync(admin, Wedding("Sara; Kaur", @"Arjun, Jr. \ II", new DateOnly(2027, 4, 1), WeddingStatus.Inquiry, title: "Kaur, Singh; and \\ family"));
        var cancelled = await CreateAsync(admin, Wedding("Meera", "Sahil", new DateOnly(2027, 5, 9), WeddingStatus.Cancelled, city: null));
        await CreateAsync(admin, Wedding("Long", "Ago", new DateOnly(2020, 1, 1), WeddingStatus.Completed)); // beyond the feed's reach into the past

        var created = await admin.PostJsonAsync("/api/v1/calendar/feeds", Personal);
        Assert.Equal("no-store", created.Headers.CacheControl?.ToString());
        var feed = await created.ReadAsync<CalendarFeedCreatedResponse>(HttpStatusCode.Created);
        Assert.Equal(CalendarFeedKind.User, feed.Feed.Kind);
        Assert.Null(feed.Feed.WeddingId);
        Assert.Matches($"^http://{studio.Slug}\\.localhost/calendar/[A-Za-z0-9_-]{{43}}\\.ics$", feed.Url);
        Assert.Equal("webcal" + feed.Url["http".Length..], feed.WebcalUrl);

        var (response, body) = await FetchAsync(feed.Url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar; charset=utf-8", response.Content.Headers.ContentType?.ToString());

        var lines = IcsFormat.AssertWellFormed(body);
        // The fold falls between two Devanagari letters, and every physical line is whole UTF-8 (checked above).
        Assert.Contains(Enumerable.Range(1, lines.Count - 1), i => lines[i].StartsWith(' ') && IsDevanagari(lines[i][1]) && IsDevanagari(lines[i - 1][^1]));
        var unfolded = IcsFormat.Unfold(lines);
        Assert.Contains(@"SUMMARY:Wedding: Sara\; Kaur & Arjun\, Jr. \\ II", unfolded);
        Assert.Contains(unfolded, l => l.StartsWith(@"DESCRIPTION:Kaur\, Singh\; and \\ family\nhttp://", StringComparison.Ordinal));
        Assert.Contains(@"LOCATION:उदयपुर\, राजस्थान", unfolded);
        Assert.DoesNotContain("Internal note", Encoding.UTF8.GetString(body), StringComparison.Ordinal);

        var parsed = await IcsParser.ParseAsync(body);
        Assert.Empty(parsed.Errors);
        Assert.Equal(IcsWriter.ProductId, parsed.Properties["PRODID"]);
        Assert.Equal("2.0", parsed.Properties["VERSION"]);
        Assert.Equal("GREGORIAN", parsed.Properties["CALSCALE"]);
        Assert.Equal("PUBLISH", parsed.Properties["METHOD"]);
        Assert.Equal("Shaadi Studio", parsed.Properties["X-WR-CALNAME"]);
        Assert.Equal("Asia/Kolkata", parsed.Properties["X-WR-TIMEZONE"]);
        Assert.Equal("PT1H", parsed.Properties["REFRESH-INTERVAL"]);
        Assert.Equal("DURATION", parsed.RefreshIntervalValueType);
        Assert.Equal("PT1H", parsed.Properties["X-PUBLISHED-TTL"]);
        var kolkata = Assert.Single(parsed.TimeZones);
        Assert.Equal("Asia/Kolkata", kolkata.Tzid);
        Assert.Equal([330], kolkata.OffsetsTo);

        Assert.Equal([$"{priya.Id}@wedtech", $"{ananya.Id}@wedtech", $"{escaped.Id}@wedtech", $"{cancelled.Id}@wedtech"], parsed.Events.Select(e => e.Uid));
        var first = parsed.Events[0];
        Assert.Equal("Wedding: Priya & Arjun", first.Summary);
        Assert.Equal(("2027-02-14", "2027-02-15"), (first.Start.Date, first.End?.Date));
        Assert.Equal("Jaipur", first.Location);
        Assert.Equal("CONFIRMED", first.Status);
        Assert.Equal($"http://{studio.Slug}.localhost/app/weddings/{priya.Id}", first.Url);
        Assert.Equal(priya.UpdatedAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture), first.Dtstamp);
        Assert.Equal("Wedding: अनन्या लक्ष्मी नारायणन & विक्रमादित्य सिंह राठौड़", parsed.Events[1].Summary);
        Assert.Equal("उदयपुर, राजस्थान", parsed.Events[1].Location);
        Assert.Equal(@"Wedding: Sara; Kaur & Arjun, Jr. \ II", parsed.Events[2].Summary);
        Assert.Equal($"Kaur, Singh; and \\ family\n{parsed.Events[2].Url}", parsed.Events[2].Description);
        Assert.Equal("TENTATIVE", parsed.Events[2].Status);
        Assert.Equal("CANCELLED", parsed.Events[3].Status);
        Assert.Null(parsed.Events[3].Location);

        // The same document the next time, unless something changed.
        var etag = response.Headers.ETag!.Tag;
        var (again, _) = await FetchAsync(feed.Url, etag);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(etag, again.Headers.ETag?.Tag);
        (await admin.PutJsonAsync($"/api/v1/weddings/{priya.Id}", Wedding("Priya", "Arjun", new DateOnly(2027, 2, 15)), "\"1\"")).EnsureSuccessStatusCode();
        var (changed, changedBody) = await FetchAsync(feed.Url, etag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag?.Tag);
        Assert.Equal("2027-02-15", (await IcsParser.ParseAsync(changedBody)).Events.Single(e => e.Uid == $"{priya.Id}@wedtech").Start.Date);
    }

    [Fact]
    public async Task A_revoked_feed_answers_404_and_creation_and_revocation_are_audited()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var wedding = await CreateAsync(admin, Wedding("Priya", "Arjun", new DateOnly(2027, 2, 14)));
        var personal = await NewFeedAsync(admin, Personal);
        var forWedding = await NewFeedAsync(admin, new CreateCalendarFeedRequest(CalendarFeedKind.Wedding, wedding.Id));
        Assert.Equal(wedding.Title, forWedding.Feed.WeddingTitle);

        var listed = await admin.GetAsync<List<CalendarFeedResponse>>("/api/v1/calendar/feeds");
        Assert.Equal([(personal.Feed.Id, CalendarFeedKind.User, null, null), (forWedding.Feed.Id, CalendarFeedKind.Wedding, wedding.Id, "Priya & Arjun")],
            listed.Select(f => (f.Id, f.Kind, f.WeddingId, f.WeddingTitle)));
        var weddingCalendar = await FetchParsedAsync(forWedding.Url);
        Assert.Equal("Priya & Arjun · Shaadi Studio", weddingCalendar.Properties["X-WR-CALNAME"]);
        Assert.Equal($"{wedding.Id}@wedtech", Assert.Single(weddingCalendar.Events).Uid);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/calendar/feeds/{forWedding.Feed.Id}", Cancel)).StatusCode);
        await AssertGoneAsync((await FetchAsync(forWedding.Url)).Response);
        Assert.Equal(personal.Feed.Id, Assert.Single(await admin.GetAsync<List<CalendarFeedResponse>>("/api/v1/calendar/feeds")).Id);
        await (await admin.DeleteAsync($"/api/v1/calendar/feeds/{forWedding.Feed.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Single((await FetchParsedAsync(personal.Url)).Events);

        var log = await admin.GetAsync<PagedResponse<AuditEntryResponse>>("/api/v1/audit?pageSize=100");
        var entries = log.Items.Where(e => e.EntityType == "CalendarFeed").Select(e => (e.Action, e.EntityId, e.Details, e.UserEmail)).ToList();
        Assert.Contains(("calendar-feed.created", personal.Feed.Id, "personal feed", studio.AdminEmail), entries);
        Assert.Contains(("calendar-feed.created", forWedding.Feed.Id, "feed of wedding Priya & Arjun", studio.AdminEmail), entries);
        Assert.Contains(("calendar-feed.revoked", forWedding.Feed.Id, "feed of wedding Priya & Arjun", studio.AdminEmail), entries);
        Assert.Equal(3, entries.Count);
        // The secret is not kept anywhere it could be read back.
        var secret = personal.Url[(personal.Url.LastIndexOf('/') + 1)..^".ics".Length];
        Assert.DoesNotContain(log.Items, e => e.Details?.Contains(secret, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_feed_is_found_only_at_its_own_studio()
    {
        var studio = await NewStudioAsync();
        var other = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        await CreateAsync(admin, Wedding("Priya", "Arjun", new DateOnly(2027, 2, 14)));
        var feed = await NewFeedAsync(admin, Personal);
        Assert.Single((await FetchParsedAsync(feed.Url)).Events);

        await AssertGoneAsync((await FetchAsync(feed.Url.Replace($"//{studio.Slug}.", $"//{other.Slug}.", StringComparison.Ordinal))).Response);
        await AssertGoneAsync((await FetchAsync(feed.Url.Replace($"//{studio.Slug}.localhost", "//localhost", StringComparison.Ordinal))).Response);
        await AssertGoneAsync((await FetchAsync($"http://{studio.Slug}.localhost/calendar/{new string('A', 43)}.ics")).Response);
        await AssertGoneAsync((await FetchAsync($"http://{studio.Slug}.localhost/calendar/{new string('x', 300)}.ics")).Response);

        // Another studio's admin can neither list nor revoke it.
        using var otherAdmin = await other.AdminAsync();
        Assert.Empty(await otherAdmin.GetAsync<List<CalendarFeedResponse>>("/api/v1/calendar/feeds"));
        await (await otherAdmin.DeleteAsync($"/api/v1/calendar/feeds/{feed.Feed.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Single((await FetchParsedAsync(feed.Url)).Events);
    }

    [Fact]
    public async Task Feeds_show_what_their_user_may_see_at_the_time_of_each_fetch()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var coordinator = await studio.AddMemberAsync(Role.Coordinator, admin);
        var client = await studio.AddMemberAsync(Role.Client, admin);
        var assigned = await CreateAsync(admin, Wedding("Priya", "Arjun", new DateOnly(2027, 2, 14),
            team: [new(coordinator.Id, TeamRole.Coordinator), new(client.Id, TeamRole.Client)]));
        var alsoAssigned = await CreateAsync(admin, Wedding("Meera", "Sahil", new DateOnly(2027, 3, 1), team: [new(coordinator.Id, TeamRole.Coordinator)]));
        var notAssigned = await CreateAsync(admin, Wedding("Kaveri", "Aditya", new DateOnly(2027, 4, 1)));

        var coordinatorFeed = await NewFeedAsync(coordinator.Client, Personal);
        var clientFeed = await NewFeedAsync(client.Client, Personal);
        var adminFeed = await NewFeedAsync(admin, Personal);
        Assert.Equal([$"{assigned.Id}@wedtech", $"{alsoAssigned.Id}@wedtech"], (await FetchParsedAsync(coordinatorFeed.Url)).Events.Select(e => e.Uid));
        Assert.Equal([$"{assigned.Id}@wedtech"], (await FetchParsedAsync(clientFeed.Url)).Events.Select(e => e.Uid));
        Assert.Equal(3, (await FetchParsedAsync(adminFeed.Url)).Events.Count);

        // A wedding feed only for a wedding the user can see.
        await (await coordinator.Client.PostJsonAsync("/api/v1/calendar/feeds", new CreateCalendarFeedRequest(CalendarFeedKind.Wedding, notAssigned.Id)))
            .ProblemAsync(HttpStatusCode.NotFound);
        await (await client.Client.PostJsonAsync("/api/v1/calendar/feeds", new CreateCalendarFeedRequest(CalendarFeedKind.Wedding, alsoAssigned.Id)))
            .ProblemAsync(HttpStatusCode.NotFound);
        var coordinatorWeddingFeed = await NewFeedAsync(coordinator.Client, new CreateCalendarFeedRequest(CalendarFeedKind.Wedding, alsoAssigned.Id));
        Assert.Single((await FetchParsedAsync(coordinatorWeddingFeed.Url)).Events);

        // Taken off a wedding: it leaves the personal feed, and its wedding feed is gone.
        (await admin.PutJsonAsync($"/api/v1/weddings/{alsoAssigned.Id}", Wedding("Meera", "Sahil", new DateOnly(2027, 3, 1), team: []), "\"1\"")).EnsureSuccessStatusCode();
        Assert.Equal([$"{assigned.Id}@wedtech"], (await FetchParsedAsync(coordinatorFeed.Url)).Events.Select(e => e.Uid));
        await AssertGoneAsync((await FetchAsync(coordinatorWeddingFeed.Url)).Response);
        var listed = Assert.Single(await coordinator.Client.GetAsync<List<CalendarFeedResponse>>("/api/v1/calendar/feeds"), f => f.Kind == CalendarFeedKind.Wedding);
        Assert.Null(listed.WeddingTitle);

        // A deleted wedding leaves every feed.
        (await admin.DeleteAsync($"/api/v1/weddings/{assigned.Id}", Cancel)).EnsureSuccessStatusCode();
        Assert.Empty((await FetchParsedAsync(clientFeed.Url)).Events);
        Assert.Equal([$"{alsoAssigned.Id}@wedtech", $"{notAssigned.Id}@wedtech"], (await FetchParsedAsync(adminFeed.Url)).Events.Select(e => e.Uid));

        // A disabled user's feeds stop working at once.
        (await admin.PostAsync($"/api/v1/users/{coordinator.Id}/disable", null, Cancel)).EnsureSuccessStatusCode();
        await AssertGoneAsync((await FetchAsync(coordinatorFeed.Url)).Response);
    }

    [Fact]
    public async Task Invalid_requests_get_problem_details()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var wedding = await CreateAsync(admin, Wedding("Priya", "Arjun", new DateOnly(2027, 2, 14)));

        Assert.Contains("kind", (await (await admin.PostJsonAsync("/api/v1/calendar/feeds", new { weddingId = wedding.Id })).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        Assert.Contains("kind", (await (await admin.PostJsonAsync("/api/v1/calendar/feeds", new { kind = "team" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        Assert.Contains("weddingId", (await (await admin.PostJsonAsync("/api/v1/calendar/feeds", new { kind = "wedding" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        Assert.Contains("weddingId", (await (await admin.PostJsonAsync("/api/v1/calendar/feeds", new { kind = "wedding", weddingId = "not-a-guid" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        Assert.Contains("weddingId", (await (await admin.PostJsonAsync("/api/v1/calendar/feeds", new { kind = "user", weddingId = wedding.Id })).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        await (await admin.PostJsonAsync("/api/v1/calendar/feeds", new CreateCalendarFeedRequest(CalendarFeedKind.Wedding, Guid.CreateVersion7()))).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PostAsync("/api/v1/calendar/feeds", new StringContent("kind=user", Encoding.UTF8, "text/plain"), Cancel)).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await admin.DeleteAsync($"/api/v1/calendar/feeds/{Guid.CreateVersion7()}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.DeleteAsync("/api/v1/calendar/feeds/not-a-guid", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        using (var anonymous = studio.Anonymous())
        {
            await (await anonymous.PostJsonAsync("/api/v1/calendar/feeds", Personal)).ProblemAsync(HttpStatusCode.Unauthorized);
            await (await anonymous.GetAsync("/api/v1/calendar/feeds", Cancel)).ProblemAsync(HttpStatusCode.Unauthorized);
        }
        Assert.Empty(await admin.GetAsync<List<CalendarFeedResponse>>("/api/v1/calendar/feeds"));

        // Someone else's feed cannot be revoked by id.
        var planner = await studio.AddMemberAsync(Role.Planner, admin);
        var plannerFeed = await NewFeedAsync(planner.Client, Personal);
        await (await admin.DeleteAsync($"/api/v1/calendar/feeds/{plannerFeed.Feed.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Single((await FetchParsedAsync(plannerFeed.Url)).Events);

        // A bounded number per user.
        for (var i = 0; i < CalendarFeedService.MaxFeedsPerUser; i++)
        {
            await NewFeedAsync(admin, Personal);
        }
        await (await admin.PostJsonAsync("/api/v1/calendar/feeds", Personal)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(CalendarFeedService.MaxFeedsPerUser, (await admin.GetAsync<List<CalendarFeedResponse>>("/api/v1/calendar/feeds")).Count);
    }

    [Fact]
    public async Task Fetches_are_rate_limited_per_studio_and_address()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var feed = await NewFeedAsync(admin, Personal);
        for (var i = 0; i < new CalendarOptions().FeedRequestsPerMinute; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await FetchAsync(feed.Url)).Response.StatusCode);
        }
        var (limited, _) = await FetchAsync(feed.Url);
        await limited.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.NotNull(limited.Headers.RetryAfter);

        // Another studio's calendars are not held up.
        var other = await NewStudioAsync();
        using var otherAdmin = await other.AdminAsync();
        Assert.Equal(HttpStatusCode.OK, (await FetchAsync((await NewFeedAsync(otherAdmin, Personal)).Url)).Response.StatusCode);
    }

    [Fact]
    public async Task A_weddings_events_appear_at_their_venue_local_time_in_their_own_zone_and_the_couple_gets_no_internal_notes()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var couple = await studio.AddMemberAsync(Role.Client, admin);
        var wedding = await CreateAsync(admin, Wedding("Riya", "Kabir", new DateOnly(2027, 2, 13)) with { Team = [new TeamAssignment(couple.Id, TeamRole.Client)] });
        EventRequest Event(string name, DateTime start, DateTime end, string? zone, EventStatus status) =>
            new(EventType.Reception, name, start, end, zone, null, "Black tie", 300, "Internal: the caterer is new to us.", status, null);
        var sangeet = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/events",
            Event("Sangeet", new DateTime(2027, 2, 12, 19, 30, 0), new DateTime(2027, 2, 13, 1, 0, 0), null, EventStatus.Confirmed))).ReadAsync<EventResponse>(HttpStatusCode.Created);
        var reception = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/events",
            Event("Reception in Dubai", new DateTime(2027, 2, 14, 19, 30, 0), new DateTime(2027, 2, 14, 23, 30, 0), "Asia/Dubai", EventStatus.Planned)))
            .ReadAsync<EventResponse>(HttpStatusCode.Created);

        var staffFeed = await FetchParsedAsync((await NewFeedAsync(admin, new CreateCalendarFeedRequest(CalendarFeedKind.Wedding, wedding.Id))).Url);
        Assert.Equal(["Asia/Dubai", "Asia/Kolkata"], staffFeed.TimeZones.Select(z => z.Tzid).Order());
        var byUid = staffFeed.Events.ToDictionary(e => e.Uid);
        CalendarWriterTests.AssertInstant(byUid[$"{sangeet.Id}@wedtech"].Start, "Asia/Kolkata", "2027-02-12T19:30:00", "2027-02-12T14:00:00Z");
        CalendarWriterTests.AssertInstant(byUid[$"{sangeet.Id}@wedtech"].End!, "Asia/Kolkata", "2027-02-13T01:00:00", "2027-02-12T19:30:00Z");
        CalendarWriterTests.AssertInstant(byUid[$"{reception.Id}@wedtech"].Start, "Asia/Dubai", "2027-02-14T19:30:00", "2027-02-14T15:30:00Z");
        Assert.Equal("TENTATIVE", byUid[$"{reception.Id}@wedtech"].Status);
        Assert.Equal("Sangeet · Riya & Kabir", byUid[$"{sangeet.Id}@wedtech"].Summary);
        Assert.Contains("Dress code: Black tie", byUid[$"{sangeet.Id}@wedtech"].Description);
        Assert.Contains("Internal: the caterer", byUid[$"{sangeet.Id}@wedtech"].Description);
        Assert.EndsWith($"/weddings/{wedding.Id}/events/{sangeet.Id}", byUid[$"{sangeet.Id}@wedtech"].Url);
        Assert.Contains($"{wedding.Id}@wedtech", byUid.Keys); // the wedding day itself is still there

        var coupleFeed = await NewFeedAsync(couple.Client, new CreateCalendarFeedRequest(CalendarFeedKind.Wedding, wedding.Id));
        var (_, body) = await FetchAsync(coupleFeed.Url);
        var text = Encoding.UTF8.GetString(body);
        Assert.Contains("Reception in Dubai", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Internal", text, StringComparison.Ordinal);
    }

    private static bool IsDevanagari(char c) => c is >= '\u0900' and <= '\u097F';
}

public sealed class CalendarTestsOnSqlite(SqliteServer server) : CalendarTests(server);

public sealed class CalendarTestsOnPostgres(PostgresServer server) : CalendarTests(server);

/// <summary>The writer alone, with the timed items (venue-local times in their IANA zones) that events and tasks will bring.</summary>
public sealed class CalendarWriterTests
{
    private static readonly DateTimeOffset Updated = new(2026, 11, 1, 10, 0, 0, TimeSpan.Zero);

    private static CalendarItem Item(string title, CalendarTime time) =>
        new(Guid.CreateVersion7(), title, null, null, time, CalendarItemStatus.Confirmed, Updated, null);

    [Fact]
    public async Task Venue_local_times_become_the_right_instants_through_the_documents_own_time_zones()
    {
        CalendarItem[] items =
        [
            Item("Sangeet", new CalendarTime.Local(new DateTime(2027, 2, 13, 19, 30, 0), new DateTime(2027, 2, 13, 23, 0, 0), "Asia/Kolkata")),
            Item("Reception", new CalendarTime.Local(new DateTime(2027, 2, 16, 19, 30, 0), new DateTime(2027, 2, 17, 1, 0, 0), "Asia/Dubai")),
            Item("Mehendi in London, summer", new CalendarTime.Local(new DateTime(2027, 7, 10, 18, 0, 0), null, "Europe/London")),
            Item("Mehendi in London, winter", new CalendarTime.Local(new DateTime(2027, 12, 11, 18, 0, 0), null, "Europe/London")),
            Item("Pay the caterer", new CalendarTime.Days(new DateOnly(2027, 2, 1), new DateOnly(2027, 2, 1))),
            Item("Haldi and Mehendi", new CalendarTime.Days(new DateOnly(2027, 2, 11), new DateOnly(2027, 2, 12))),
        ];
        var body = Encoding.UTF8.GetBytes(IcsWriter.Write("Test", "Asia/Kolkata", new DateOnly(2026, 1, 1), items));
        IcsFormat.AssertWellFormed(body);
        var parsed = await IcsParser.ParseAsync(body);
        Assert.Empty(parsed.Errors);

        Assert.Equal(["Asia/Dubai", "Asia/Kolkata", "Europe/London"], parsed.TimeZones.Select(z => z.Tzid));
        Assert.Equal([240], parsed.TimeZones[0].OffsetsTo);
        Assert.Equal([330], parsed.TimeZones[1].OffsetsTo);
        Assert.Equal([0, 60], parsed.TimeZones[2].OffsetsTo.Order());
        Assert.All(parsed.Events.Where(e => e.Start.Tzid is not null), e => Assert.Contains(e.Start.Tzid, parsed.TimeZones.Select(z => z.Tzid)));

        var byTitle = parsed.Events.ToDictionary(e => e.Summary!);
        AssertInstant(byTitle["Sangeet"].Start, "Asia/Kolkata", "2027-02-13T19:30:00", "2027-02-13T14:00:00Z");
        AssertInstant(byTitle["Sangeet"].End!, "Asia/Kolkata", "2027-02-13T23:00:00", "2027-02-13T17:30:00Z");
        AssertInstant(byTitle["Reception"].Start, "Asia/Dubai", "2027-02-16T19:30:00", "2027-02-16T15:30:00Z");
        AssertInstant(byTitle["Reception"].End!, "Asia/Dubai", "2027-02-17T01:00:00", "2027-02-16T21:00:00Z");
        AssertInstant(byTitle["Mehendi in London, summer"].Start, "Europe/London", "2027-07-10T18:00:00", "2027-07-10T17:00:00Z");
        AssertInstant(byTitle["Mehendi in London, winter"].Start, "Europe/London", "2027-12-11T18:00:00", "2027-12-11T18:00:00Z");
        Assert.Null(byTitle["Mehendi in London, winter"].End);
        Assert.Equal(("2027-02-01", "2027-02-02"), (byTitle["Pay the caterer"].Start.Date, byTitle["Pay the caterer"].End?.Date));
        Assert.Equal(("2027-02-11", "2027-02-13"), (byTitle["Haldi and Mehendi"].Start.Date, byTitle["Haldi and Mehendi"].End?.Date));
        Assert.All(parsed.Events, e => Assert.Equal("2026-11-01T10:00:00Z", e.Dtstamp));
        Assert.Equal(items.Select(i => $"{i.Id}@wedtech"), parsed.Events.Select(e => e.Uid));
    }

    internal static void AssertInstant(ParsedTime time, string zone, string local, string utc)
    {
        Assert.Equal((zone, local), (time.Tzid, time.Local));
        Assert.Equal(utc, time.Utc);
        Assert.Equal(utc, time.UtcByVtimezone);
    }

    [Fact]
    public void Folding_keeps_every_character_whole_at_any_position()
    {
        // Emoji are two UTF-16 units and four octets; Devanagari three octets; shifted by one ASCII letter at a time so
        // that a fold lands on every kind of boundary.
        for (var shift = 0; shift < 8; shift++)
        {
            var summary = new string('a', shift) + string.Concat(Enumerable.Repeat("💍 अनन्या é ", 12));
            var ics = IcsWriter.Write("Test", "Asia/Kolkata", new DateOnly(2026, 1, 1), [Item(summary, new CalendarTime.Days(new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 1)))]);
            var lines = IcsFormat.AssertWellFormed(Encoding.UTF8.GetBytes(ics));
            Assert.Contains(lines, l => l.StartsWith(' '));
            Assert.Contains("SUMMARY:" + summary, IcsFormat.Unfold(lines));
        }
    }
}
