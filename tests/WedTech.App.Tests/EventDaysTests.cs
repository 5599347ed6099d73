using Bunit;
using MudBlazor;
using Shouldly;
using WedTech.App.Features.Events;
using WedTech.App.Features.Events.Components;
using WedTech.App.Features.Weddings;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;

namespace WedTech.App.Tests;

public class EventDaysTests : AppTestContext
{
    private static readonly DateOnly Today = new(2026, 12, 15);
    private const string StudioWeek = "/api/v1/events?from=2026-12-15&to=2026-12-21&pageSize=100";
    private const string MyWeek = "/api/v1/events?from=2026-12-15&to=2026-12-21&mine=true&pageSize=100";
    private static readonly Guid Kapoor = Guid.Parse("aaaaaaaa-0000-7000-8000-000000000001");
    private static readonly Guid Iyer = Guid.Parse("aaaaaaaa-0000-7000-8000-000000000002");
    private static readonly VenueSummary TajPalace = new(Guid.NewGuid(), "Taj Palace", null, "Delhi", "07", null);

    private static int _ids;

    /// <summary>An event at a venue-local time, in Delhi unless another zone is given.</summary>
    private static EventSummaryResponse Event(string name, EventType type, DateTime start, Guid? wedding = null, string zone = "Asia/Kolkata",
        int items = 0, int done = 0, VenueSummary? venue = null)
    {
        var offset = zone == "Asia/Dubai" ? TimeSpan.FromHours(4) : TimeSpan.FromHours(5.5);
        var startsAt = new DateTimeOffset(start, offset);
        var weddingId = wedding ?? Kapoor;
        return new EventSummaryResponse(Guid.Parse($"bbbbbbbb-0000-7000-8000-{++_ids:000000000000}"), weddingId, weddingId == Kapoor ? "Kapoor–Malhotra wedding" : "Iyer–Menon wedding",
            type, name, start, start.AddHours(3), zone, startsAt, startsAt.AddHours(3), venue, EventStatus.Planned, items, done, [], HasConflicts: false,
            AssignedToMe: false, Version: 1);
    }

    private static readonly EventSummaryResponse Haldi = Event("Haldi", EventType.Haldi, new DateTime(2026, 12, 15, 10, 0, 0), items: 12, done: 3, venue: TajPalace);
    // 20:00 in Delhi happens before 19:00 in Dubai (20:30 in Delhi).
    private static readonly EventSummaryResponse DelhiSangeet = Event("Sangeet night", EventType.Sangeet, new DateTime(2026, 12, 15, 20, 0, 0));
    private static readonly EventSummaryResponse DubaiCocktails = Event("Cocktails by the marina", EventType.Cocktail, new DateTime(2026, 12, 15, 19, 0, 0), Iyer, "Asia/Dubai");
    // Began last night and still going after midnight: today's.
    private static readonly EventSummaryResponse LateSangeet = Event("Late sangeet", EventType.Sangeet, new DateTime(2026, 12, 14, 22, 0, 0), Iyer);
    private static readonly EventSummaryResponse Mehendi = Event("Mehendi", EventType.Mehendi, new DateTime(2026, 12, 16, 11, 0, 0));
    private static readonly EventSummaryResponse Reception = Event("Reception", EventType.Reception, new DateTime(2026, 12, 18, 19, 30, 0));
    private static readonly EventSummaryResponse Pheras = Event("Pheras", EventType.Ceremony, new DateTime(2026, 12, 18, 6, 15, 0));
    private static readonly EventSummaryResponse Brunch = Event("Farewell brunch", EventType.Brunch, new DateTime(2026, 12, 21, 11, 0, 0), Iyer);

    private static PagedResponse<EventSummaryResponse> Page(params EventSummaryResponse[] events) => new(events, 1, 100, events.Length);

    private IRenderedComponent<EventDays> RenderDays(DateOnly? today = null)
    {
        Render<MudPopoverProvider>();
        return Render<EventDays>(p => p.Add(c => c.Today, today ?? Today));
    }

    private static string[] Names(AngleSharp.Dom.IElement card) =>
        [.. card.QuerySelectorAll("[data-test=day-event] .day-event-main a").Select(a => a.TextContent.Trim())];

    [Fact]
    public void Events_are_grouped_on_the_venue_local_day_they_start_in_the_order_they_happen()
    {
        var (today, later) = EventDayGroups.Split([Brunch, Reception, DubaiCocktails, Mehendi, Haldi, LateSangeet, Pheras, DelhiSangeet], Today);

        today.Select(e => e.Name).ShouldBe(["Late sangeet", "Haldi", "Sangeet night", "Cocktails by the marina"]);
        later.Select(d => d.Date).ShouldBe([new DateOnly(2026, 12, 16), new DateOnly(2026, 12, 18), new DateOnly(2026, 12, 21)]);
        later[1].Events.Select(e => e.Name).ShouldBe(["Pheras", "Reception"]);
        later.Select(d => EventDayGroups.Label(d.Date, Today)).ShouldBe(["Tomorrow", "Fri, 18 Dec 2026", "Mon, 21 Dec 2026"]);
    }

    [Fact]
    public async Task A_planner_sees_todays_events_and_the_rest_of_the_week_by_day_with_links_and_progress()
    {
        await SignInAsAsync(Role.Planner);
        Api.Returns(StudioWeek, Page(Brunch, Reception, DubaiCocktails, Mehendi, Haldi, Pheras, DelhiSangeet));

        var days = RenderDays();

        days.WaitForElement("[data-test=today-events]");
        var todayCard = days.Find("[data-test=today-events]");
        Names(todayCard).ShouldBe(["Haldi", "Sangeet night", "Cocktails by the marina"]);
        var week = days.Find("[data-test=week-events]");
        week.QuerySelectorAll("[data-test=day-heading]").Select(h => h.TextContent.Trim()).ShouldBe(["Tomorrow", "Fri, 18 Dec 2026", "Mon, 21 Dec 2026"]);
        Names(week).ShouldBe(["Mehendi", "Pheras", "Reception", "Farewell brunch"]);

        var haldi = todayCard.QuerySelectorAll("[data-test=day-event]")[0];
        haldi.QuerySelector("a")!.GetAttribute("href").ShouldBe($"weddings/{Kapoor}/events/{Haldi.Id}");
        haldi.TextContent.ShouldContain("10:00");
        haldi.TextContent.ShouldContain("Haldi");
        haldi.TextContent.ShouldContain("Kapoor–Malhotra wedding · Taj Palace, Delhi");
        haldi.TextContent.ShouldContain("3/12 done");
        haldi.QuerySelector("[aria-label='3 of 12 run-of-show items done']").ShouldNotBeNull();
        var dubai = todayCard.QuerySelectorAll("[data-test=day-event]")[2];
        dubai.TextContent.ShouldContain("19:00");
        dubai.TextContent.ShouldContain("Iyer–Menon wedding · Dubai time (UTC+04:00)");
        haldi.TextContent.ShouldNotContain("Kolkata");
        dubai.TextContent.ShouldContain("No run-of-show");
        days.Find("input[data-test=only-mine]").GetAttribute("aria-checked").ShouldBe("false");
    }

    [Fact]
    public async Task Only_mine_asks_for_the_planners_own_events()
    {
        await SignInAsAsync(Role.Planner);
        Api.Returns(StudioWeek, Page(Haldi, Mehendi));
        Api.Returns(MyWeek, Page(Mehendi));
        var days = RenderDays();
        days.WaitForAssertion(() => Names(days.Find("[data-test=today-events]")).ShouldBe(["Haldi"]));

        days.Find("input[data-test=only-mine]").Change(true);

        days.WaitForAssertion(() => days.Find("[data-test=today-events]").TextContent.ShouldContain("Nothing of yours today."));
        Names(days.Find("[data-test=week-events]")).ShouldBe(["Mehendi"]);
        Api.Requests.Select(r => r.RequestUri!.PathAndQuery).ShouldContain(MyWeek);
    }

    [Fact]
    public async Task A_coordinator_sees_their_own_by_default_from_the_studios_today()
    {
        await SignInAsAsync(Role.Coordinator);
        Api.Returns(WeddingsApi.Routes.Overview, new WeddingOverviewResponse([], [], Today, []));
        Api.Returns(MyWeek, Page(Pheras));

        Render<MudPopoverProvider>();
        var days = Render<EventDays>();

        days.WaitForAssertion(() => Names(days.Find("[data-test=week-events]")).ShouldBe(["Pheras"]));
        days.Find("input[data-test=only-mine]").GetAttribute("aria-checked").ShouldBe("true");
        Api.Requests.Select(r => r.RequestUri!.PathAndQuery).ShouldNotContain(StudioWeek);
    }

    [Fact]
    public async Task An_empty_week_says_so()
    {
        await SignInAsAsync(Role.Planner);
        Api.Returns(StudioWeek, Page());

        var days = RenderDays();

        days.WaitForAssertion(() => days.Find("[data-test=today-events]").TextContent.ShouldContain("No events today."));
        days.Find("[data-test=week-events]").TextContent.ShouldContain("No more events this week.");
    }
}
