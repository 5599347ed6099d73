using System.Net;
using WedTech.Contracts;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

public abstract class WeddingTemplateTests(TestServer server) : ProviderTests(server)
{
    private static readonly string[] BuiltIn = ["North Indian 4-day", "South Indian 1-day"];

    private static WeddingRequest NewWedding(string title = "Isha & Arjun", IReadOnlyList<TeamAssignment>? team = null) =>
        new(title, "Isha", "Arjun", new DateOnly(2027, 11, 21), "Udaipur", WeddingStatus.Booked, null, 250, null, team);

    /// <summary>
    /// Through the events API: a wedding with a Mehendi on 12 Feb and a Sangeet on 13 Feb (one item past midnight, one
    /// fixed), and a cancelled welcome dinner on 11 Feb that a template leaves out.
    /// </summary>
    private static async Task<WeddingResponse> WeddingWithEventsAsync(HttpClient admin)
    {
        var wedding = await admin.CreateWeddingAsync("Meher & Dev");
        async Task<Guid> EventAsync(EventType type, string name, DateTime start, DateTime end, EventStatus status = EventStatus.Confirmed, string? dressCode = null,
            string? notes = null) => (await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/events",
                new EventRequest(type, name, start, end, null, null, dressCode, 120, notes, status, null))).ReadAsync<EventResponse>(HttpStatusCode.Created)).Id;
        async Task ItemAsync(Guid eventId, DateTime start, int minutes, string title, bool isFixed = false, bool isShared = false, string? owner = null,
            string? location = null, string? notes = null) => (await admin.PostJsonAsync($"/api/v1/events/{eventId}/run-of-show",
                new RunOfShowItemRequest(start, minutes, title, null, owner, location, notes, isFixed, isShared, null))).EnsureSuccessStatusCode();

        var mehendi = await EventAsync(EventType.Mehendi, "Mehendi on the lawn", new(2027, 2, 12, 16, 0, 0), new(2027, 2, 12, 21, 0, 0), dressCode: "Greens",
            notes: "Generator on standby.");
        await ItemAsync(mehendi, new(2027, 2, 12, 15, 0, 0), 45, "Set up mehendi stations", owner: "Décor vendor", notes: "Check generator fuel");
        await ItemAsync(mehendi, new(2027, 2, 12, 16, 30, 0), 120, "Bride's mehendi", isShared: true, location: "Stage");
        var sangeet = await EventAsync(EventType.Sangeet, "Sangeet", new(2027, 2, 13, 19, 30, 0), new(2027, 2, 14, 0, 30, 0));
        await ItemAsync(sangeet, new(2027, 2, 13, 21, 0, 0), 15, "Couple's performance", isFixed: true, isShared: true);
        await ItemAsync(sangeet, new(2027, 2, 14, 0, 15, 0), 30, "Last song", owner: "DJ");
        await EventAsync(EventType.WelcomeDinner, "Welcome dinner", new(2027, 2, 11, 20, 0, 0), new(2027, 2, 11, 23, 0, 0), EventStatus.Cancelled);
        return wedding;
    }

    private static async Task<IReadOnlyList<EventResponse>> ScheduleAsync(HttpClient client, Guid weddingId) =>
        (await client.GetAsync<WeddingScheduleResponse>($"/api/v1/weddings/{weddingId}/schedule")).Events;

    [Fact]
    public async Task A_wedding_saved_as_a_template_makes_new_weddings_with_dates_shifted_and_local_times_kept()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var source = await WeddingWithEventsAsync(admin);

        var saved = await admin.PostJsonAsync("/api/v1/templates", new WeddingTemplateRequest("  Jaipur 2-day ", "Mehendi and sangeet", source.Id));
        var template = await saved.ReadAsync<WeddingTemplateResponse>(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/templates/{template.Id}", saved.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", saved.Headers.ETag?.Tag);
        Assert.Equal("Jaipur 2-day", template.Name);
        Assert.Equal([(0, EventType.Mehendi, new TimeOnly(16, 0), 300), (1, EventType.Sangeet, new TimeOnly(19, 30), 300)],
            template.Events.Select(e => (e.Day, e.Type, e.Start, e.DurationMinutes)));
        Assert.Equal(("Greens", "Generator on standby."), (template.Events[0].DressCode, template.Events[0].Notes));
        Assert.Equal([(-60, false, false, "Check generator fuel"), (30, false, true, null)],
            template.Events[0].Items.Select(i => (i.OffsetMinutes, i.IsFixed, i.IsShared, i.Notes)));
        Assert.Equal([(90, true, true), (285, false, false)], template.Events[1].Items.Select(i => (i.OffsetMinutes, i.IsFixed, i.IsShared)));

        var read = await admin.GetAsync($"/api/v1/templates/{template.Id}", Cancel);
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
        Assert.Equal(template.Events.Count, (await read.ReadAsync<WeddingTemplateResponse>()).Events.Count);
        var summary = Assert.Single((await admin.GetAsync<PagedResponse<WeddingTemplateSummary>>("/api/v1/templates?q=jaipur")).Items);
        Assert.Equal((2, 2, 4), (summary.Days, summary.EventCount, summary.ItemCount));

        // In the studio's zone (Asia/Kolkata), 281 days later.
        var created = await admin.PostJsonAsync($"/api/v1/templates/{template.Id}/weddings", new WeddingFromTemplateRequest(NewWedding(), new DateOnly(2027, 11, 20), null));
        var wedding = await created.ReadAsync<WeddingResponse>(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/weddings/{wedding.Id}", created.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", created.Headers.ETag?.Tag);
        Assert.Equal("Isha & Arjun", wedding.Title);

        var original = (await ScheduleAsync(admin, source.Id)).Where(e => e.Status != EventStatus.Cancelled).ToList();
        var copied = await ScheduleAsync(admin, wedding.Id);
        var shift = TimeSpan.FromDays(new DateOnly(2027, 11, 20).DayNumber - new DateOnly(2027, 2, 12).DayNumber);
        Assert.Equal(original.Select(e => (e.Type, e.Name, e.Start + shift, e.End + shift, e.DressCode, e.Notes)),
            copied.Select(e => (e.Type, e.Name, e.Start, e.End, e.DressCode, e.Notes)));
        Assert.All(copied, e => Assert.Equal(("Asia/Kolkata", EventStatus.Planned, (VenueSummary?)null), (e.TimeZone, e.Status, e.Venue)));
        Assert.Equal(new DateTimeOffset(2027, 11, 20, 10, 30, 0, TimeSpan.Zero), copied[0].StartsAt);
        Assert.Equal(new DateTimeOffset(2027, 11, 21, 14, 0, 0, TimeSpan.Zero), copied[1].StartsAt);
        Assert.Equal(new DateTimeOffset(2027, 11, 21, 19, 0, 0, TimeSpan.Zero), copied[1].EndsAt);
        for (var i = 0; i < original.Count; i++)
        {
            Assert.Equal(original[i].RunOfShow.Select(x => (x.Start + shift, x.DurationMinutes, x.Title, x.OwnerName, x.Location, x.Notes, x.IsFixed, x.IsShared)),
                copied[i].RunOfShow.Select(x => (x.Start, x.DurationMinutes, x.Title, x.OwnerName, x.Location, x.Notes, x.IsFixed, x.IsShared)));
            Assert.All(copied[i].RunOfShow, x => Assert.Equal(RunOfShowStatus.Pending, x.Status));
        }

        // In Dubai the same local times are other instants: 19:30 there is 15:30Z.
        var dubai = await (await admin.PostJsonAsync($"/api/v1/templates/{template.Id}/weddings",
            new WeddingFromTemplateRequest(NewWedding("Zara & Omar"), new DateOnly(2027, 12, 4), "asia/dubai"))).ReadAsync<WeddingResponse>(HttpStatusCode.Created);
        var inDubai = await ScheduleAsync(admin, dubai.Id);
        Assert.Equal([new DateTime(2027, 12, 4, 16, 0, 0), new DateTime(2027, 12, 5, 19, 30, 0)], inDubai.Select(e => e.Start));
        Assert.Equal([new DateTimeOffset(2027, 12, 4, 12, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 12, 5, 15, 30, 0, TimeSpan.Zero)], inDubai.Select(e => e.StartsAt));
        Assert.All(inDubai, e => Assert.Equal("Asia/Dubai", e.TimeZone));
        Assert.Equal(new DateTime(2027, 12, 6, 0, 15, 0), inDubai[1].RunOfShow[1].Start);

        var weddings = await admin.GetAsync<PagedResponse<WeddingSummaryResponse>>("/api/v1/weddings");
        Assert.Equal(3, weddings.TotalCount);
        var audit = await admin.GetAsync<PagedResponse<AuditEntryResponse>>($"/api/v1/audit?entityId={wedding.Id}");
        Assert.Equal(["wedding.created", "wedding.created-from-template"], audit.Items.Select(e => e.Action).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_new_studio_has_the_built_in_templates_and_makes_a_wedding_from_one()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();

        var list = await admin.GetAsync<PagedResponse<WeddingTemplateSummary>>("/api/v1/templates");
        Assert.Equal(BuiltIn, list.Items.Select(t => t.Name));
        var south = list.Items[1];
        Assert.Equal((1, 3), (south.Days, south.EventCount));

        foreach (var summary in list.Items)
        {
            var template = await admin.GetAsync<WeddingTemplateResponse>($"/api/v1/templates/{summary.Id}");
            Assert.All(template.Events, e => Assert.InRange(e.Items.Count, 6, 15));
            Assert.Contains(template.Events.SelectMany(e => e.Items), i => i.IsFixed && i.IsShared);
            Assert.Contains(template.Events.SelectMany(e => e.Items), i => !i.IsShared && i.Notes is not null);
            Assert.Equal(summary.ItemCount, template.Events.Sum(e => e.Items.Count));
        }
        var north = await admin.GetAsync<WeddingTemplateResponse>($"/api/v1/templates/{list.Items[0].Id}");
        var pheras = Assert.Single(north.Events, e => e.Type == EventType.Ceremony);
        Assert.Equal((2, new TimeOnly(20, 0)), (pheras.Day, pheras.Start));
        Assert.True(Assert.Single(pheras.Items, i => i.Title == "Pheras (muhurat)").IsFixed);

        var wedding = await (await admin.PostJsonAsync($"/api/v1/templates/{south.Id}/weddings", new WeddingFromTemplateRequest(NewWedding("Lakshmi & Karthik"), new DateOnly(2027, 1, 25), null)))
            .ReadAsync<WeddingResponse>(HttpStatusCode.Created);
        var events = await ScheduleAsync(admin, wedding.Id);
        Assert.Equal(["Muhurtham", "Wedding lunch", "Reception"], events.Select(e => e.Name));
        Assert.All(events, e => Assert.Equal(new DateOnly(2027, 1, 25), DateOnly.FromDateTime(e.Start)));
        var muhurtham = Assert.Single(events[0].RunOfShow, i => i.IsFixed);
        Assert.Equal(new DateTime(2027, 1, 25, 7, 15, 0), muhurtham.Start);
        Assert.Equal(new DateTime(2027, 1, 25, 3, 30, 0), events[0].RunOfShow[0].Start);
    }

    [Fact]
    public async Task Names_are_unique_and_renames_and_deletes_follow_If_Match()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var source = await WeddingWithEventsAsync(admin);
        var list = await admin.GetAsync<PagedResponse<WeddingTemplateSummary>>("/api/v1/templates");
        var north = list.Items[0];

        await (await admin.PostJsonAsync("/api/v1/templates", new WeddingTemplateRequest("north indian 4-DAY", null, source.Id))).ProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PutJsonAsync($"/api/v1/templates/{north.Id}", new WeddingTemplateUpdate("South Indian 1-day", null), "\"1\"")).ProblemAsync(HttpStatusCode.Conflict);

        var renamed = await (await admin.PutJsonAsync($"/api/v1/templates/{north.Id}", new WeddingTemplateUpdate(" Punjabi 3-day ", "With a jaggo night"), "\"1\""))
            .ReadAsync<WeddingTemplateResponse>();
        Assert.Equal(("Punjabi 3-day", "With a jaggo night", 2L), (renamed.Name, renamed.Description, renamed.Version));
        await (await admin.PutJsonAsync($"/api/v1/templates/{north.Id}", new WeddingTemplateUpdate("Old copy", null), "\"1\"")).ProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PutJsonAsync($"/api/v1/templates/{north.Id}", new WeddingTemplateUpdate("No precondition", null))).ProblemAsync(HttpStatusCode.PreconditionRequired);
        // A name freed by the rename can be taken again.
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJsonAsync("/api/v1/templates", new WeddingTemplateRequest("North Indian 4-day", null, source.Id))).StatusCode);

        using var staleDelete = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/templates/{north.Id}");
        staleDelete.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        await (await admin.SendAsync(staleDelete, Cancel)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/templates/{north.Id}", Cancel)).StatusCode);
        await (await admin.GetAsync($"/api/v1/templates/{north.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(BuiltIn, (await admin.GetAsync<PagedResponse<WeddingTemplateSummary>>("/api/v1/templates")).Items.Select(t => t.Name));
        var page2 = await admin.GetAsync<PagedResponse<WeddingTemplateSummary>>("/api/v1/templates?page=2&pageSize=1");
        Assert.Equal((2, "South Indian 1-day"), (page2.TotalCount, Assert.Single(page2.Items).Name));
    }

    [Fact]
    public async Task Bad_requests_get_field_errors_and_create_nothing()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var south = (await admin.GetAsync<PagedResponse<WeddingTemplateSummary>>("/api/v1/templates")).Items[1];
        var empty = await admin.CreateWeddingAsync("No events yet");

        async Task<IReadOnlyCollection<string>> ErrorsAsync(string url, object request) =>
            (await (await admin.PostJsonAsync(url, request)).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys;

        Assert.Equal(["weddingId"], await ErrorsAsync("/api/v1/templates", new WeddingTemplateRequest("Empty", null, empty.Id)));
        Assert.Contains("weddingId", await ErrorsAsync("/api/v1/templates", new { name = "No wedding" }));
        Assert.Contains("name", await ErrorsAsync("/api/v1/templates", new WeddingTemplateRequest(" ", null, empty.Id)));
        await (await admin.PostJsonAsync("/api/v1/templates", new WeddingTemplateRequest("Nobody's", null, Guid.CreateVersion7()))).ProblemAsync(HttpStatusCode.NotFound);

        var fromSouth = $"/api/v1/templates/{south.Id}/weddings";
        Assert.Contains("wedding.title", await ErrorsAsync(fromSouth, new { wedding = new { brideName = "A", groomName = "B", primaryDate = "2027-01-25" }, firstDay = "2027-01-25" }));
        Assert.Equal(["wedding.primaryDate"], await ErrorsAsync(fromSouth, new WeddingFromTemplateRequest(NewWedding() with { PrimaryDate = new DateOnly(1999, 1, 1) }, new DateOnly(2027, 1, 25), null)));
        Assert.Equal(["wedding.team[0].userId"], await ErrorsAsync(fromSouth,
            new WeddingFromTemplateRequest(NewWedding(team: [new(Guid.CreateVersion7(), TeamRole.Coordinator)]), new DateOnly(2027, 1, 25), null)));
        Assert.Contains("wedding", await ErrorsAsync(fromSouth, new { firstDay = "2027-01-25" }));
        Assert.Contains("firstDay", await ErrorsAsync(fromSouth, new WeddingFromTemplateRequest(NewWedding(), null, null)));
        Assert.Equal(["firstDay"], await ErrorsAsync(fromSouth, new WeddingFromTemplateRequest(NewWedding(), new DateOnly(1999, 12, 31), null)));
        Assert.Equal(["firstDay"], await ErrorsAsync(fromSouth, new WeddingFromTemplateRequest(NewWedding(), DateOnly.MaxValue, null)));
        Assert.Equal(["timeZone"], await ErrorsAsync(fromSouth, new WeddingFromTemplateRequest(NewWedding(), new DateOnly(2027, 1, 25), "Mars/Base_Alpha")));
        await (await admin.PostJsonAsync($"/api/v1/templates/{Guid.CreateVersion7()}/weddings", new WeddingFromTemplateRequest(NewWedding(), new DateOnly(2027, 1, 25), null)))
            .ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync($"/api/v1/templates/{Guid.CreateVersion7()}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("q", (await (await admin.GetAsync("/api/v1/templates?q=%00", Cancel)).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        Assert.Contains("pageSize", (await (await admin.GetAsync("/api/v1/templates?pageSize=0", Cancel)).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);

        Assert.Equal(1, (await admin.GetAsync<PagedResponse<WeddingSummaryResponse>>("/api/v1/weddings")).TotalCount);
        Assert.Equal(2, (await admin.GetAsync<PagedResponse<WeddingTemplateSummary>>("/api/v1/templates")).TotalCount);
        Assert.Equal(0, (await admin.GetAsync<PagedResponse<EventSummaryResponse>>("/api/v1/events")).TotalCount);
    }

    [Fact]
    public async Task Another_studios_templates_and_weddings_are_not_found_on_any_verb()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var source = await WeddingWithEventsAsync(admin);
        var template = await (await admin.PostJsonAsync("/api/v1/templates", new WeddingTemplateRequest("Ours", null, source.Id)))
            .ReadAsync<WeddingTemplateResponse>(HttpStatusCode.Created);
        var other = await NewStudioAsync();
        using var intruder = await other.AdminAsync();

        await (await intruder.GetAsync($"/api/v1/templates/{template.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await intruder.PutJsonAsync($"/api/v1/templates/{template.Id}", new WeddingTemplateUpdate("Theirs", null), "*")).ProblemAsync(HttpStatusCode.NotFound);
        await (await intruder.DeleteAsync($"/api/v1/templates/{template.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await intruder.PostJsonAsync($"/api/v1/templates/{template.Id}/weddings", new WeddingFromTemplateRequest(NewWedding(), new DateOnly(2027, 1, 25), null)))
            .ProblemAsync(HttpStatusCode.NotFound);
        await (await intruder.PostJsonAsync("/api/v1/templates", new WeddingTemplateRequest("Copied", null, source.Id))).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(BuiltIn, (await intruder.GetAsync<PagedResponse<WeddingTemplateSummary>>("/api/v1/templates")).Items.Select(t => t.Name));
        Assert.Equal(0, (await intruder.GetAsync<PagedResponse<WeddingSummaryResponse>>("/api/v1/weddings")).TotalCount);
        var unchanged = await admin.GetAsync<WeddingTemplateResponse>($"/api/v1/templates/{template.Id}");
        Assert.Equal(("Ours", 1L), (unchanged.Name, unchanged.Version));
    }

    [Fact]
    public async Task Planners_use_and_manage_templates_coordinators_and_clients_neither()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var planner = await studio.AddMemberAsync(Role.Planner, admin);
        var coordinator = await studio.AddMemberAsync(Role.Coordinator, admin);
        var client = await studio.AddMemberAsync(Role.Client, admin);
        var south = (await planner.Client.GetAsync<PagedResponse<WeddingTemplateSummary>>("/api/v1/templates")).Items[1];
        var request = new WeddingFromTemplateRequest(NewWedding(), new DateOnly(2027, 1, 25), null);

        Assert.Equal(HttpStatusCode.Created, (await planner.Client.PostJsonAsync($"/api/v1/templates/{south.Id}/weddings", request)).StatusCode);
        foreach (var member in new[] { coordinator, client })
        {
            await (await member.Client.GetAsync("/api/v1/templates", Cancel)).ProblemAsync(HttpStatusCode.Forbidden);
            await (await member.Client.GetAsync($"/api/v1/templates/{south.Id}", Cancel)).ProblemAsync(HttpStatusCode.Forbidden);
            await (await member.Client.PostJsonAsync($"/api/v1/templates/{south.Id}/weddings", request)).ProblemAsync(HttpStatusCode.Forbidden);
            await (await member.Client.DeleteAsync($"/api/v1/templates/{south.Id}", Cancel)).ProblemAsync(HttpStatusCode.Forbidden);
        }
        Assert.Equal(1, (await admin.GetAsync<PagedResponse<WeddingSummaryResponse>>("/api/v1/weddings")).TotalCount);
    }
}

public sealed class WeddingTemplateTestsOnSqlite(SqliteServer server) : WeddingTemplateTests(server);

public sealed class WeddingTemplateTestsOnPostgres(PostgresServer server) : WeddingTemplateTests(server);
