using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Shouldly;
using WedTech.Contracts;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

/// <summary>Events of a wedding, its run-of-show, who sees what of them, and the live updates the day runs on.</summary>
public abstract class EventTests(TestServer server) : ProviderTests(server)
{
    private static readonly DateOnly Day = new(2027, 2, 12);

    private static DateTime At(int hour, int minute = 0, int dayOffset = 0) => Day.AddDays(dayOffset).ToDateTime(new TimeOnly(hour, minute));

    private static EventRequest Event(string name, DateTime start, DateTime end, EventType type = EventType.Sangeet, string? zone = null,
        Guid? venue = null, IReadOnlyList<TeamAssignment>? team = null, EventStatus? status = EventStatus.Confirmed) =>
        new(type, name, start, end, zone, venue, "Indo-western, pastels", 250, "Band needs 2 hrs for sound check.", status, team);

    private static RunOfShowItemRequest Item(string title, DateTime start, bool fixedTime = false, bool shared = false, string? notes = null) =>
        new(start, 30, title, null, "DJ Aman", "Lawn", notes, fixedTime, shared, null);

    internal static async Task<EventResponse> AddEventAsync(HttpClient client, Guid weddingId, EventRequest request) =>
        await (await client.PostJsonAsync($"/api/v1/weddings/{weddingId}/events", request)).ReadAsync<EventResponse>(HttpStatusCode.Created);

    internal static async Task<RunOfShowItemResponse> AddItemAsync(HttpClient client, Guid eventId, RunOfShowItemRequest request) =>
        await (await client.PostJsonAsync($"/api/v1/events/{eventId}/run-of-show", request)).ReadAsync<RunOfShowItemResponse>(HttpStatusCode.Created);

    private static Task<HttpResponseMessage> PostAsync<T>(HttpClient client, string url, T body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = System.Net.Http.Json.JsonContent.Create(body, options: Api.Json) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return client.SendAsync(request, Cancel);
    }

    private static string Tag(long version) => $"\"{version}\"";

    private static async Task<Guid> AddVenueAsync(Studio studio, string name)
    {
        using var admin = await studio.AdminAsync();
        return (await (await admin.PostJsonAsync("/api/v1/venues", new VenueRequest(name, null, "Delhi", "07", null, null, 500, null, null, null)))
            .ReadAsync<VenueResponse>(HttpStatusCode.Created)).Id;
    }

    [Fact]
    public async Task Events_keep_venue_local_times_in_their_zone_and_are_ordered_by_the_instant()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var wedding = await admin.CreateWeddingAsync("Riya & Kabir");

        // A Delhi studio (Asia/Kolkata by default): the reception is in Dubai.
        var reception = await AddEventAsync(admin, wedding.Id, Event("Reception at the Palm", At(19, 0), At(23, 30), EventType.Reception, zone: "asia/dubai"));
        var sangeet = await AddEventAsync(admin, wedding.Id, Event("Sangeet", At(19, 30), At(1, 0, dayOffset: 1)));
        var mehendi = await AddEventAsync(admin, wedding.Id, Event("मेहंदी", At(15, 0, dayOffset: -1), At(20, 0, dayOffset: -1), EventType.Mehendi));

        reception.TimeZone.ShouldBe("Asia/Dubai");
        reception.Start.ShouldBe(At(19, 0));
        reception.StartsAt.ShouldBe(new DateTimeOffset(2027, 2, 12, 15, 0, 0, TimeSpan.Zero));
        sangeet.TimeZone.ShouldBe("Asia/Kolkata");
        sangeet.StartsAt.ShouldBe(new DateTimeOffset(2027, 2, 12, 14, 0, 0, TimeSpan.Zero));
        sangeet.EndsAt.ShouldBe(new DateTimeOffset(2027, 2, 12, 19, 30, 0, TimeSpan.Zero)); // 1 a.m. the next day, IST

        // 19:30 in Delhi comes before 19:00 in Dubai.
        var timeline = await admin.GetAsync<PagedResponse<EventSummaryResponse>>($"/api/v1/weddings/{wedding.Id}/events");
        timeline.Items.Select(e => e.Id).ShouldBe([mehendi.Id, sangeet.Id, reception.Id]);
        timeline.Items[0].Name.ShouldBe("मेहंदी");
        timeline.Items[0].WeddingTitle.ShouldBe("Riya & Kabir");
        (await admin.GetAsync<PagedResponse<EventSummaryResponse>>($"/api/v1/weddings/{wedding.Id}/events?type=reception")).Items.ShouldHaveSingleItem().Id.ShouldBe(reception.Id);
        (await admin.GetAsync<PagedResponse<EventSummaryResponse>>($"/api/v1/weddings/{wedding.Id}/events?from=2027-02-12&to=2027-02-12&pageSize=1"))
            .ShouldSatisfyAllConditions(page => page.TotalCount.ShouldBe(2), page => page.Items.ShouldHaveSingleItem().Id.ShouldBe(sangeet.Id));

        // Read, update with If-Match, stale write, delete.
        var read = await admin.GetAsync(new Uri($"/api/v1/events/{sangeet.Id}", UriKind.Relative), Cancel);
        read.Headers.ETag!.Tag.ShouldBe("\"1\"");
        var moved = await (await admin.PutJsonAsync($"/api/v1/events/{sangeet.Id}", Event("Sangeet night", At(20, 0), At(1, 30, 1)), "\"1\"")).ReadAsync<EventResponse>();
        moved.Version.ShouldBe(2);
        moved.Name.ShouldBe("Sangeet night");
        moved.StartsAt.ShouldBe(new DateTimeOffset(2027, 2, 12, 14, 30, 0, TimeSpan.Zero));
        await (await admin.PutJsonAsync($"/api/v1/events/{sangeet.Id}", Event("From an old copy", At(18, 0), At(22, 0)), "\"1\"")).ProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PutJsonAsync($"/api/v1/events/{sangeet.Id}", Event("No precondition", At(18, 0), At(22, 0)))).ProblemAsync(HttpStatusCode.PreconditionRequired);
        (await admin.GetAsync<EventResponse>($"/api/v1/events/{sangeet.Id}")).Name.ShouldBe("Sangeet night");

        (await admin.DeleteAsync($"/api/v1/events/{mehendi.Id}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await admin.GetAsync($"/api/v1/events/{mehendi.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        (await admin.GetAsync<PagedResponse<EventSummaryResponse>>($"/api/v1/weddings/{wedding.Id}/events")).TotalCount.ShouldBe(2);
    }

    [Fact]
    public async Task Bad_event_input_gets_a_field_error_and_changes_nothing()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var wedding = await admin.CreateWeddingAsync("Neha & Arjun");
        var outsider = await studio.AddMemberAsync(Role.Coordinator, admin);
        var url = $"/api/v1/weddings/{wedding.Id}/events";

        async Task FieldErrorAsync(object body, string field)
        {
            var problem = await (await admin.PostJsonAsync(url, body)).ProblemAsync(HttpStatusCode.BadRequest);
            problem.Errors.ShouldNotBeNull().Keys.ShouldContain(field, $"expected an error at {field}: {JsonSerializer.Serialize(problem.Errors)}");
        }

        await FieldErrorAsync(Event("Backwards", At(20, 0), At(19, 0)), "end");
        await FieldErrorAsync(Event("Zero length", At(20, 0), At(20, 0)), "end");
        await FieldErrorAsync(Event("Three days", At(10, 0), At(11, 0, dayOffset: 3)), "end");
        await FieldErrorAsync(Event("Nowhere", At(19, 0), At(22, 0), zone: "Mars/Olympus"), "timeZone");
        await FieldErrorAsync(Event("Windows zone", At(19, 0), At(22, 0), zone: "India Standard Time"), "timeZone");
        await FieldErrorAsync(Event("Unknown venue", At(19, 0), At(22, 0), venue: Guid.CreateVersion7()), "venueId");
        await FieldErrorAsync(Event("Skipped hour", new DateTime(2027, 3, 14, 2, 30, 0), new DateTime(2027, 3, 14, 5, 0, 0), zone: "America/New_York"), "start");
        await FieldErrorAsync(Event("Not on the wedding", At(19, 0), At(22, 0), team: [new TeamAssignment(outsider.Id, TeamRole.Coordinator)]), "team[0].userId");
        await FieldErrorAsync(new { type = "sangeet", name = "With an offset", start = "2027-02-12T19:30:00+05:30", end = "2027-02-12T23:00:00" }, "start");
        await FieldErrorAsync(new { type = "sangeet", name = "In UTC", start = "2027-02-12T19:30:00", end = "2027-02-12T23:00:00Z" }, "end");
        await FieldErrorAsync(new { type = "party", name = "Unknown type", start = "2027-02-12T19:30:00", end = "2027-02-12T23:00:00" }, "type");
        await FieldErrorAsync(new { name = "No type", start = "2027-02-12T19:30:00", end = "2027-02-12T23:00:00" }, "type");
        await FieldErrorAsync(new { type = "sangeet", name = "", start = "2027-02-12T19:30:00", end = "2027-02-12T23:00:00" }, "name");
        await FieldErrorAsync(new { type = "sangeet", name = "Year 3000", start = "3000-02-12T19:30:00", end = "3000-02-12T23:00:00" }, "start");

        (await admin.GetAsync<PagedResponse<EventSummaryResponse>>(url)).TotalCount.ShouldBe(0);
        await (await admin.GetAsync($"{url}?status=maybe", Cancel)).ProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.GetAsync($"{url}?from=2027-02-12&to=2027-02-11", Cancel)).ProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.GetAsync("/api/v1/events?from=2027-01-01&to=2027-06-30", Cancel)).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_dashboard_tells_each_person_what_needs_them_soonest_first_and_only_of_what_they_may_act_on()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var planner = await studio.AddMemberAsync(Role.Planner, admin);
        var coordinator = await studio.AddMemberAsync(Role.Coordinator, admin);
        var client = await studio.AddMemberAsync(Role.Client, admin);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata")).DateTime);
        DateTime On(int days, int hour, int minute = 0) => today.AddDays(days).ToDateTime(new TimeOnly(hour, minute));
        var lawns = await AddVenueAsync(studio, "Lotus Lawns");

        var staffed = await (await admin.PostJsonAsync("/api/v1/weddings", new WeddingRequest("Kaveri & Arjun", "Kaveri", "Arjun", today.AddDays(3), "Chennai",
            WeddingStatus.Booked, null, null, null,
            [new TeamAssignment(planner.Id, TeamRole.LeadPlanner), new TeamAssignment(coordinator.Id, TeamRole.Coordinator), new TeamAssignment(client.Id, TeamRole.Client)])))
            .ReadAsync<WeddingResponse>(HttpStatusCode.Created);
        var unstaffed = await admin.CreateWeddingAsync("Meera & Dev", today.AddDays(10));
        await admin.CreateWeddingAsync("Far off", today.AddDays(40));
        var sangeet = await AddEventAsync(admin, staffed.Id, Event("Sangeet", On(0, 10), On(0, 23)));
        await AddEventAsync(admin, staffed.Id, Event("Mehendi", On(3, 11), On(3, 15), EventType.Mehendi, venue: lawns));
        await AddEventAsync(admin, staffed.Id, Event("Haldi far off", On(20, 9), On(20, 12), EventType.Haldi));
        await AddEventAsync(admin, staffed.Id, Event("Cancelled brunch", On(1, 9), On(1, 12), EventType.Brunch, status: EventStatus.Cancelled));
        var reception = await AddEventAsync(admin, unstaffed.Id, Event("Reception", On(10, 19), On(10, 23), EventType.Reception));
        var grouped = await admin.CreateWeddingAsync("Many events", today.AddDays(12));
        foreach (var (name, day) in new[] { ("Haldi", 12), ("Sangeet", 11), ("Mehendi", 11), ("Baraat", 12) })
        {
            await AddEventAsync(admin, grouped.Id, Event(name, On(day, 9), On(day, 12)));
        }

        await AddItemAsync(admin, sangeet.Id, Item("Baraat arrives", On(0, 12)) with { OwnerUserId = coordinator.Id, OwnerName = null });
        var lights = await AddItemAsync(admin, sangeet.Id, Item("Lights check", On(0, 11)) with { OwnerUserId = coordinator.Id, OwnerName = null });
        await AddItemAsync(admin, sangeet.Id, Item("Welcome speech", On(0, 12, 30)) with { OwnerUserId = planner.Id, OwnerName = null });
        await AddItemAsync(admin, sangeet.Id, Item("Nobody's", On(0, 13)));
        (await coordinator.Client.PostJsonAsync($"/api/v1/events/{sangeet.Id}/run-of-show/{lights.Id}/status", new RunOfShowStatusRequest(RunOfShowStatus.Done)))
            .EnsureSuccessStatusCode();

        async Task<List<AttentionItem>> NeedsAsync(HttpClient caller) => [.. (await caller.GetAsync<WeddingOverviewResponse>("/api/v1/weddings/overview")).NeedsYou];

        // The coordinator: their own items still to do today, nothing they cannot act on.
        (await NeedsAsync(coordinator.Client)).ShouldSatisfyAllConditions(
            lines => lines.Select(l => (l.Kind, l.Title, l.Due)).ShouldBe([(AttentionKind.RunOfShowItem, "12:00 Baraat arrives", today)]),
            lines => lines[0].Link.ShouldBe($"weddings/{staffed.Id}/events/{sangeet.Id}"),
            lines => lines[0].Detail.ShouldContain("Sangeet"));

        // The planner: their own item, the events of the next two weeks with no venue, the weddings of the next month nobody is on.
        (await NeedsAsync(planner.Client)).Select(l => (l.Kind, l.Title, l.Due, l.Link)).ShouldBe(
        [
            (AttentionKind.RunOfShowItem, "12:30 Welcome speech", today, $"weddings/{staffed.Id}/events/{sangeet.Id}"),
            (AttentionKind.EventWithoutVenue, "Choose a venue for Sangeet", today, $"weddings/{staffed.Id}/events/{sangeet.Id}"),
            (AttentionKind.EventWithoutVenue, "Choose a venue for Reception", today.AddDays(10), $"weddings/{unstaffed.Id}/events/{reception.Id}"),
            (AttentionKind.WeddingWithoutStaff, "Put your team on Meera & Dev", today.AddDays(10), $"weddings/{unstaffed.Id}/edit"),
            // Several events of one wedding without a venue: one line, in the order they happen, opening the wedding.
            (AttentionKind.EventWithoutVenue, "Choose venues for Sangeet, Mehendi and 2 more", today.AddDays(11), $"weddings/{grouped.Id}"),
            (AttentionKind.WeddingWithoutStaff, "Put your team on Many events", today.AddDays(12), $"weddings/{grouped.Id}/edit"),
        ]);

        // The admin owns no item; the couple is never told of the studio's work.
        (await NeedsAsync(admin)).Select(l => l.Kind).ShouldBe(
            [AttentionKind.EventWithoutVenue, AttentionKind.EventWithoutVenue, AttentionKind.WeddingWithoutStaff, AttentionKind.EventWithoutVenue, AttentionKind.WeddingWithoutStaff]);
        (await NeedsAsync(client.Client)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Events_in_the_same_venue_at_overlapping_times_are_flagged_across_weddings()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var coordinator = await studio.AddMemberAsync(Role.Coordinator, admin);
        var lawns = await AddVenueAsync(studio, "Lotus Lawns");
        var hall = await AddVenueAsync(studio, "Banquet Hall");
        var ours = await (await admin.PostJsonAsync("/api/v1/weddings", new WeddingRequest("Ours", "A", "B", Day, "Delhi", WeddingStatus.Booked, null, null, null,
            [new TeamAssignment(coordinator.Id, TeamRole.Coordinator)]))).ReadAsync<WeddingResponse>(HttpStatusCode.Created);
        var theirs = await admin.CreateWeddingAsync("Someone else's");

        var sangeet = await AddEventAsync(admin, ours.Id, Event("Sangeet", At(18, 0), At(23, 0), venue: lawns));
        var clash = await AddEventAsync(admin, theirs.Id, Event("Cocktails", At(22, 0), At(23, 59), EventType.Cocktail, venue: lawns));
        var backToBack = await AddEventAsync(admin, ours.Id, Event("Brunch", At(11, 0), At(18, 0), EventType.Brunch, venue: lawns)); // ends as the Sangeet starts
        var elsewhere = await AddEventAsync(admin, ours.Id, Event("Haldi", At(18, 0), At(20, 0), EventType.Haldi, venue: hall));
        await AddEventAsync(admin, theirs.Id, Event("Called off", At(19, 0), At(21, 0), venue: lawns, status: EventStatus.Cancelled));

        var seen = await admin.GetAsync<EventResponse>($"/api/v1/events/{sangeet.Id}");
        var conflict = seen.Conflicts.ShouldHaveSingleItem();
        conflict.EventId.ShouldBe(clash.Id);
        conflict.EventName.ShouldBe("Cocktails");
        conflict.WeddingTitle.ShouldBe("Someone else's");
        (await admin.GetAsync<EventResponse>($"/api/v1/events/{clash.Id}")).Conflicts.ShouldHaveSingleItem().EventId.ShouldBe(sangeet.Id);
        (await admin.GetAsync<EventResponse>($"/api/v1/events/{backToBack.Id}")).Conflicts.ShouldBeEmpty();
        (await admin.GetAsync<EventResponse>($"/api/v1/events/{elsewhere.Id}")).Conflicts.ShouldBeEmpty();
        var timeline = await admin.GetAsync<PagedResponse<EventSummaryResponse>>($"/api/v1/weddings/{ours.Id}/events");
        timeline.Items.Where(e => e.HasConflicts).Select(e => e.Id).ShouldBe([sangeet.Id]);

        // The coordinator is warned of the clash without learning whose wedding it is.
        var forCoordinator = (await coordinator.Client.GetAsync<EventResponse>($"/api/v1/events/{sangeet.Id}")).Conflicts.ShouldHaveSingleItem();
        forCoordinator.EventId.ShouldBe(clash.Id);
        forCoordinator.EventName.ShouldBeNull();
        forCoordinator.WeddingTitle.ShouldBeNull();

        // Moving the other event away clears it.
        await (await admin.PutJsonAsync($"/api/v1/events/{clash.Id}", Event("Cocktails", At(23, 0), At(23, 59), EventType.Cocktail, venue: lawns), Tag(clash.Version)))
            .ReadAsync<EventResponse>();
        (await admin.GetAsync<EventResponse>($"/api/v1/events/{sangeet.Id}")).Conflicts.ShouldBeEmpty();
    }

    [Fact]
    public async Task Moving_an_event_moves_its_run_of_show_but_a_muhurat_stays_put()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var wedding = await admin.CreateWeddingAsync("Meera & Sahil");
        var pheras = await AddEventAsync(admin, wedding.Id, Event("Pheras", At(19, 0), At(23, 0), EventType.Ceremony));
        var baraat = await AddItemAsync(admin, pheras.Id, Item("Baraat arrives", At(19, 0)));
        var muhurat = await AddItemAsync(admin, pheras.Id, Item("Pheras (muhurat)", At(21, 17), fixedTime: true, shared: true));

        var moved = await (await admin.PutJsonAsync($"/api/v1/events/{pheras.Id}", Event("Pheras", At(19, 45), At(23, 45), EventType.Ceremony), Tag(pheras.Version)))
            .ReadAsync<EventResponse>();
        moved.RunOfShow.Single(i => i.Id == baraat.Id).ShouldSatisfyAllConditions(i => i.Start.ShouldBe(At(19, 45)), i => i.Version.ShouldBe(2));
        moved.RunOfShow.Single(i => i.Id == muhurat.Id).ShouldSatisfyAllConditions(i => i.Start.ShouldBe(At(21, 17)), i => i.Version.ShouldBe(1));
        var summary = (await admin.GetAsync<PagedResponse<EventSummaryResponse>>($"/api/v1/weddings/{wedding.Id}/events")).Items.ShouldHaveSingleItem();
        summary.KeyMoments.ShouldHaveSingleItem().ShouldBe(new KeyMoment(muhurat.Id, At(21, 17), "Pheras (muhurat)"));
        summary.ItemCount.ShouldBe(2);
    }

    [Fact]
    public async Task Shifting_from_an_item_moves_it_and_later_ones_but_not_fixed_or_done_items()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var wedding = await admin.CreateWeddingAsync("Isha & Dev");
        var ev = await AddEventAsync(admin, wedding.Id, Event("Ceremony", At(18, 0), At(23, 0), EventType.Ceremony));
        var before = await AddItemAsync(admin, ev.Id, Item("Guests arrive", At(18, 0)));
        var from = await AddItemAsync(admin, ev.Id, Item("Jaimala", At(19, 0)));
        var done = await AddItemAsync(admin, ev.Id, Item("Photos with family", At(19, 15)));
        var muhurat = await AddItemAsync(admin, ev.Id, Item("Kanyadaan (muhurat)", At(19, 30), fixedTime: true));
        var later = await AddItemAsync(admin, ev.Id, Item("Dinner", At(20, 0)));
        (await admin.PostJsonAsync($"/api/v1/events/{ev.Id}/run-of-show/{done.Id}/status", new RunOfShowStatusRequest(RunOfShowStatus.Done)))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var url = $"/api/v1/events/{ev.Id}/run-of-show/shift";
        var shift = new RunOfShowShiftRequest(from.Id, 20);
        await (await PostAsync(admin, url, shift, ifMatch: null)).ProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await PostAsync(admin, url, shift, Tag(ev.Version + 1))).ProblemAsync(HttpStatusCode.Conflict);
        (await (await PostAsync(admin, url, new RunOfShowShiftRequest(from.Id, 0), Tag(ev.Version))).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldContain("minutes");
        (await (await PostAsync(admin, url, new RunOfShowShiftRequest(from.Id, 721), Tag(ev.Version))).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldContain("minutes");
        (await (await PostAsync(admin, url, new RunOfShowShiftRequest(Guid.CreateVersion7(), 20), Tag(ev.Version))).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldContain("fromItemId");
        (await admin.GetAsync<EventResponse>($"/api/v1/events/{ev.Id}")).RunOfShow.Select(i => i.Start).ShouldBe([At(18, 0), At(19, 0), At(19, 15), At(19, 30), At(20, 0)]);

        var response = await PostAsync(admin, url, shift, Tag(ev.Version));
        var result = await response.ReadAsync<RunOfShowShiftResponse>();
        result.Moved.ShouldBe(2);
        result.KeptInPlace.ShouldBe([done.Id, muhurat.Id]);
        result.Event.Version.ShouldBe(ev.Version + 1);
        response.Headers.ETag!.Tag.ShouldBe(Tag(ev.Version + 1));
        var starts = result.Event.RunOfShow.ToDictionary(i => i.Id, i => i.Start);
        starts[before.Id].ShouldBe(At(18, 0));
        starts[from.Id].ShouldBe(At(19, 20));
        starts[done.Id].ShouldBe(At(19, 15));
        starts[muhurat.Id].ShouldBe(At(19, 30));
        starts[later.Id].ShouldBe(At(20, 20));

        // Earlier works too.
        (await (await PostAsync(admin, url, new RunOfShowShiftRequest(later.Id, -5), Tag(result.Event.Version))).ReadAsync<RunOfShowShiftResponse>())
            .Event.RunOfShow.Single(i => i.Id == later.Id).Start.ShouldBe(At(20, 15));
    }

    [Fact]
    public async Task A_coordinator_ticks_items_off_and_everyone_watching_hears_it_at_once()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var planner = await studio.AddMemberAsync(Role.Planner, admin);
        var coordinator = await studio.AddMemberAsync(Role.Coordinator, admin);
        var otherCoordinator = await studio.AddMemberAsync(Role.Coordinator, admin);
        var couple = await studio.AddMemberAsync(Role.Client, admin);
        var wedding = await (await admin.PostJsonAsync("/api/v1/weddings", new WeddingRequest("Tara & Rohan", "Tara", "Rohan", Day, "Goa", WeddingStatus.Booked, null, null, null,
            [new TeamAssignment(coordinator.Id, TeamRole.Coordinator), new TeamAssignment(couple.Id, TeamRole.Client)]))).ReadAsync<WeddingResponse>(HttpStatusCode.Created);
        var ev = await AddEventAsync(admin, wedding.Id, Event("Sangeet", At(18, 0), At(23, 0), team: [new TeamAssignment(coordinator.Id, TeamRole.Coordinator)]));
        var item = await AddItemAsync(admin, ev.Id, Item("Couple's entry", At(19, 0), shared: true));

        await using var plannerLink = await RealtimeListener.ConnectAsync(Server.Factory, studio.Slug, planner.Tokens.AccessToken);
        await using var coupleLink = await RealtimeListener.ConnectAsync(Server.Factory, studio.Slug, couple.Tokens.AccessToken, HttpTransportType.LongPolling);
        await coupleLink.JoinAsync(wedding.Id);

        var status = $"/api/v1/events/{ev.Id}/run-of-show/{item.Id}/status";
        var ticked = await (await coordinator.Client.PostJsonAsync(status, new RunOfShowStatusRequest(RunOfShowStatus.Done))).ReadAsync<RunOfShowItemResponse>();
        ticked.Status.ShouldBe(RunOfShowStatus.Done);
        ticked.Version.ShouldBe(2);
        ticked.StatusChangedBy.ShouldBe("Coordinator Person");
        var expected = new WeddingChangedMessage(wedding.Id, WeddingChange.RunOfShowChanged, 2, ev.Id, item.Id);
        (await plannerLink.NextChangeAsync()).ShouldBe(expected);
        (await coupleLink.NextChangeAsync()).ShouldBe(expected);

        // A repeated tap changes nothing and tells nobody; a tap from a stale copy is refused.
        (await (await coordinator.Client.PostJsonAsync(status, new RunOfShowStatusRequest(RunOfShowStatus.Done))).ReadAsync<RunOfShowItemResponse>()).Version.ShouldBe(2);
        await (await PostAsync(coordinator.Client, status, new RunOfShowStatusRequest(RunOfShowStatus.Slipped), Tag(1))).ProblemAsync(HttpStatusCode.Conflict);
        (await (await coordinator.Client.PostJsonAsync(status, new { status = "finished" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldContain("status");

        // The coordinator marks progress but does not reshape the day; the couple and outsiders do neither.
        await (await coordinator.Client.PutJsonAsync($"/api/v1/events/{ev.Id}/run-of-show/{item.Id}", Item("Renamed", At(19, 0)), Tag(2))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await coordinator.Client.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/events", Event("Extra", At(10, 0), At(11, 0)))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await couple.Client.PostJsonAsync(status, new RunOfShowStatusRequest(RunOfShowStatus.Pending))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await otherCoordinator.Client.PostJsonAsync(status, new RunOfShowStatusRequest(RunOfShowStatus.Pending))).ProblemAsync(HttpStatusCode.NotFound);
        await (await otherCoordinator.Client.GetAsync($"/api/v1/events/{ev.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);

        // The next message the planner hears is the next real change: nothing was sent for the refused or repeated taps.
        var renamed = await (await admin.PutJsonAsync($"/api/v1/events/{ev.Id}", Event("Sangeet night", At(18, 0), At(23, 0), team: ev.Team.Select(t => new TeamAssignment(t.UserId, t.Role)).ToList()), Tag(ev.Version)))
            .ReadAsync<EventResponse>();
        (await plannerLink.NextChangeAsync()).ShouldBe(new WeddingChangedMessage(wedding.Id, WeddingChange.EventUpdated, renamed.Version, ev.Id));

        // The coordinator's dashboard: their events this week.
        var mine = await coordinator.Client.GetAsync<PagedResponse<EventSummaryResponse>>("/api/v1/events?from=2027-02-10&to=2027-02-16&mine=true");
        mine.Items.ShouldHaveSingleItem().ShouldSatisfyAllConditions(e => e.Id.ShouldBe(ev.Id), e => e.AssignedToMe.ShouldBeTrue(), e => e.DoneCount.ShouldBe(1));
        (await planner.Client.GetAsync<PagedResponse<EventSummaryResponse>>("/api/v1/events?from=2027-02-10&to=2027-02-16&mine=true")).Items.ShouldBeEmpty();
        (await planner.Client.GetAsync<PagedResponse<EventSummaryResponse>>("/api/v1/events?from=2027-02-10&to=2027-02-16")).Items.ShouldHaveSingleItem();
        (await planner.Client.GetAsync<PagedResponse<EventSummaryResponse>>("/api/v1/events?from=2027-02-13&to=2027-02-16")).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_couple_sees_their_events_and_shared_items_but_never_notes_staff_only_items_clashes_or_money()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var couple = await studio.AddMemberAsync(Role.Client, admin);
        var lawns = await AddVenueAsync(studio, "Lotus Lawns");
        var wedding = await (await admin.PostJsonAsync("/api/v1/weddings", new WeddingRequest("Anaya & Kabir", "Anaya", "Kabir", Day, "Delhi", WeddingStatus.Booked,
            90_00_000_00, 300, "Father of the bride is hard to please.", [new TeamAssignment(couple.Id, TeamRole.Client)]))).ReadAsync<WeddingResponse>(HttpStatusCode.Created);
        var other = await admin.CreateWeddingAsync("Another couple");
        var ev = await AddEventAsync(admin, wedding.Id, Event("Sangeet", At(18, 0), At(23, 0), venue: lawns));
        await AddEventAsync(admin, other.Id, Event("Clashing party", At(20, 0), At(22, 0), venue: lawns));
        var entry = await AddItemAsync(admin, ev.Id, Item("Couple's entry", At(19, 0), shared: true, notes: "Cue the dhol only after the lights dim."));
        var muhurat = await AddItemAsync(admin, ev.Id, Item("Ring exchange (muhurat)", At(20, 0), fixedTime: true, shared: true));
        var backstage = await AddItemAsync(admin, ev.Id, Item("Pay the DJ balance", At(22, 30), notes: "₹45,000 in cash"));
        var staffMoment = await AddItemAsync(admin, ev.Id, Item("Generator check (fixed)", At(17, 0), fixedTime: true));

        var seen = await couple.Client.GetAsync<EventResponse>($"/api/v1/events/{ev.Id}");
        seen.Notes.ShouldBeNull();
        seen.Conflicts.ShouldBeEmpty();
        seen.Venue!.Name.ShouldBe("Lotus Lawns");
        seen.RunOfShow.Select(i => i.Id).ShouldBe([entry.Id, muhurat.Id]);
        seen.RunOfShow.ShouldAllBe(i => i.Notes == null && i.StatusChangedAt == null);
        await (await couple.Client.GetAsync($"/api/v1/events/{ev.Id}/run-of-show/{backstage.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        (await couple.Client.GetAsync<RunOfShowItemResponse>($"/api/v1/events/{ev.Id}/run-of-show/{entry.Id}")).Notes.ShouldBeNull();

        var schedule = await couple.Client.GetAsync<WeddingScheduleResponse>($"/api/v1/weddings/{wedding.Id}/schedule");
        var scheduled = schedule.Events.ShouldHaveSingleItem();
        scheduled.RunOfShow.Select(i => i.Title).ShouldBe(["Couple's entry", "Ring exchange (muhurat)"]);
        var raw = await (await couple.Client.GetAsync($"/api/v1/weddings/{wedding.Id}/schedule", Cancel)).Content.ReadAsStringAsync(Cancel);
        raw.ShouldNotContain("Pay the DJ");
        raw.ShouldNotContain("45,000");
        raw.ShouldNotContain("Band needs");
        raw.ShouldNotContain("Clashing party");

        var summary = (await couple.Client.GetAsync<PagedResponse<EventSummaryResponse>>($"/api/v1/weddings/{wedding.Id}/events")).Items.ShouldHaveSingleItem();
        summary.ItemCount.ShouldBe(2);
        summary.HasConflicts.ShouldBeFalse();
        summary.KeyMoments.Select(k => k.ItemId).ShouldBe([muhurat.Id]);
        (await admin.GetAsync<PagedResponse<EventSummaryResponse>>($"/api/v1/weddings/{wedding.Id}/events")).Items[0].KeyMoments.Select(k => k.ItemId)
            .ShouldBe([staffMoment.Id, muhurat.Id]);

        var weddingSeen = await couple.Client.GetAsync<WeddingResponse>($"/api/v1/weddings/{wedding.Id}");
        weddingSeen.Notes.ShouldBeNull();
        weddingSeen.EstimatedBudgetPaise.ShouldBeNull();
        await (await couple.Client.GetAsync($"/api/v1/weddings/{other.Id}/events", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await couple.Client.GetAsync($"/api/v1/weddings/{other.Id}/schedule", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        (await couple.Client.GetAsync<PagedResponse<EventSummaryResponse>>("/api/v1/events?from=2027-02-10&to=2027-02-16")).Items.ShouldHaveSingleItem().Id.ShouldBe(ev.Id);
    }

    [Fact]
    public async Task Another_studio_gets_404_for_every_event_and_item_and_changes_nothing()
    {
        var studioA = await NewStudioAsync();
        var studioB = await NewStudioAsync();
        using var adminA = await studioA.AdminAsync();
        using var adminB = await studioB.AdminAsync();
        var wedding = await adminA.CreateWeddingAsync("A's wedding");
        var ev = await AddEventAsync(adminA, wedding.Id, Event("Sangeet", At(18, 0), At(23, 0)));
        var item = await AddItemAsync(adminA, ev.Id, Item("Entry", At(19, 0)));
        var venueA = await AddVenueAsync(studioA, "A's venue");
        var ownWedding = await adminB.CreateWeddingAsync("B's wedding");

        await (await adminB.GetAsync($"/api/v1/weddings/{wedding.Id}/events", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await adminB.GetAsync($"/api/v1/weddings/{wedding.Id}/schedule", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await adminB.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/events", Event("Intruder", At(10, 0), At(11, 0)))).ProblemAsync(HttpStatusCode.NotFound);
        await (await adminB.GetAsync($"/api/v1/events/{ev.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await adminB.PutJsonAsync($"/api/v1/events/{ev.Id}", Event("Renamed", At(10, 0), At(11, 0)), "\"1\"")).ProblemAsync(HttpStatusCode.NotFound);
        await (await adminB.DeleteAsync($"/api/v1/events/{ev.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await adminB.PostJsonAsync($"/api/v1/events/{ev.Id}/run-of-show", Item("Intruder", At(19, 0)))).ProblemAsync(HttpStatusCode.NotFound);
        await (await adminB.GetAsync($"/api/v1/events/{ev.Id}/run-of-show/{item.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await adminB.PutJsonAsync($"/api/v1/events/{ev.Id}/run-of-show/{item.Id}", Item("Renamed", At(19, 0)), "\"1\"")).ProblemAsync(HttpStatusCode.NotFound);
        await (await adminB.PostJsonAsync($"/api/v1/events/{ev.Id}/run-of-show/{item.Id}/status", new RunOfShowStatusRequest(RunOfShowStatus.Done))).ProblemAsync(HttpStatusCode.NotFound);
        await (await PostAsync(adminB, $"/api/v1/events/{ev.Id}/run-of-show/shift", new RunOfShowShiftRequest(item.Id, 10), "\"1\"")).ProblemAsync(HttpStatusCode.NotFound);
        await (await adminB.DeleteAsync($"/api/v1/events/{ev.Id}/run-of-show/{item.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        (await adminB.GetAsync<PagedResponse<EventSummaryResponse>>("/api/v1/events?from=2027-02-10&to=2027-02-16")).Items.ShouldBeEmpty();
        // Another studio's venue is not in this studio's book.
        (await (await adminB.PostJsonAsync($"/api/v1/weddings/{ownWedding.Id}/events", Event("Borrowed venue", At(10, 0), At(11, 0), venue: venueA)))
            .ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldContain("venueId");
        // An item id of another event of the same studio is not this event's.
        var otherEvent = await AddEventAsync(adminA, wedding.Id, Event("Haldi", At(9, 0), At(12, 0), EventType.Haldi));
        await (await adminA.GetAsync($"/api/v1/events/{otherEvent.Id}/run-of-show/{item.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);

        var untouched = await adminA.GetAsync<EventResponse>($"/api/v1/events/{ev.Id}");
        untouched.Name.ShouldBe("Sangeet");
        untouched.Version.ShouldBe(1);
        untouched.RunOfShow.ShouldHaveSingleItem().ShouldSatisfyAllConditions(i => i.Title.ShouldBe("Entry"), i => i.Status.ShouldBe(RunOfShowStatus.Pending), i => i.Version.ShouldBe(1));
    }

    [Fact]
    public async Task Run_of_show_items_validate_their_time_owner_and_version()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var planner = await studio.AddMemberAsync(Role.Planner, admin);
        var stranger = await studio.AddMemberAsync(Role.Coordinator, admin);
        var wedding = await (await admin.PostJsonAsync("/api/v1/weddings", new WeddingRequest("Zoya & Aman", "Zoya", "Aman", Day, "Jaipur", WeddingStatus.Booked, null, null, null,
            [new TeamAssignment(planner.Id, TeamRole.LeadPlanner)]))).ReadAsync<WeddingResponse>(HttpStatusCode.Created);
        var ev = await AddEventAsync(admin, wedding.Id, Event("Mehendi", At(15, 0), At(20, 0), EventType.Mehendi));
        var url = $"/api/v1/events/{ev.Id}/run-of-show";

        async Task FieldErrorAsync(object body, string field) =>
            (await (await admin.PostJsonAsync(url, body)).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldContain(field);
        await FieldErrorAsync(Item("Two days early", At(15, 0, dayOffset: -2)), "start");
        await FieldErrorAsync(Item("No title", At(16, 0)) with { Title = "" }, "title");
        await FieldErrorAsync(Item("Too long", At(16, 0)) with { DurationMinutes = 1441 }, "durationMinutes");
        await FieldErrorAsync(Item("Stranger owns it", At(16, 0)) with { OwnerUserId = stranger.Id, OwnerName = null }, "ownerUserId");
        await FieldErrorAsync(Item("Both owners", At(16, 0)) with { OwnerUserId = planner.Id }, "ownerName");
        await FieldErrorAsync(new { start = "2027-02-12T16:00:00Z", title = "In UTC" }, "start");
        (await admin.GetAsync<EventResponse>($"/api/v1/events/{ev.Id}")).RunOfShow.ShouldBeEmpty();

        // Set-up the evening before is fine; the owner may be a planner on the wedding, shown by name.
        var setup = await AddItemAsync(admin, ev.Id, Item("Decor set-up", At(21, 0, dayOffset: -1)) with { OwnerUserId = planner.Id, OwnerName = null });
        setup.OwnerName.ShouldBe("Planner Person");
        var edited = await (await admin.PutJsonAsync($"{url}/{setup.Id}", Item("Decor set-up, marigolds", At(21, 30, dayOffset: -1)), Tag(1))).ReadAsync<RunOfShowItemResponse>();
        edited.ShouldSatisfyAllConditions(i => i.Version.ShouldBe(2), i => i.Title.ShouldBe("Decor set-up, marigolds"), i => i.OwnerName.ShouldBe("DJ Aman"));
        await (await admin.PutJsonAsync($"{url}/{setup.Id}", Item("From an old copy", At(21, 0, dayOffset: -1)), Tag(1))).ProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PutJsonAsync($"{url}/{setup.Id}", Item("No precondition", At(21, 0, dayOffset: -1)))).ProblemAsync(HttpStatusCode.PreconditionRequired);
        (await admin.DeleteAsync($"{url}/{setup.Id}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await admin.GetAsync($"{url}/{setup.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class EventTestsOnSqlite(SqliteServer server) : EventTests(server);

public sealed class EventTestsOnPostgres(PostgresServer server) : EventTests(server);
