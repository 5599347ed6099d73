using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using WedTech.App.Features.Events;
using WedTech.App.Features.Events.Components;
using WedTech.App.Features.Realtime;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;
using static WedTech.App.Tests.Infrastructure.Schedules;

namespace WedTech.App.Tests;

public class EventsCardTests : AppTestContext
{
    private const string MehendiId = "01938a00-0000-7000-8000-000000000001";
    private const string SangeetId = "01938a00-0000-7000-8000-000000000002";
    private const string PherasId = "01938a00-0000-7000-8000-000000000003";
    private const string CocktailId = "01938a00-0000-7000-8000-000000000004";
    private const string HennaItem = "01938a00-0000-7000-8000-000000000011";
    private static readonly string ScheduleUrl = EventsApi.Routes.Schedule(WeddingId);

    private static readonly EventConflict OtherWeddingAtRambagh = new(Guid.NewGuid(), Guid.NewGuid(), null, null,
        new DateTimeOffset(2026, 12, 10, 21, 0, 0, India), new DateTimeOffset(2026, 12, 10, 23, 0, 0, India));

    private static EventResponse Mehendi(RunOfShowStatus henna = RunOfShowStatus.Pending, long hennaVersion = 1) =>
        Event(MehendiId, EventType.Mehendi, "Mehendi by the pool", new DateTime(2026, 12, 10, 15, 0, 0), new DateTime(2026, 12, 10, 19, 0, 0), Rambagh,
        [
            Item(MehendiId, HennaItem, new DateTime(2026, 12, 10, 15, 0, 0), "Bride's henna", henna, version: hennaVersion),
            Item(MehendiId, "01938a00-0000-7000-8000-000000000012", new DateTime(2026, 12, 10, 16, 0, 0), "Dhol arrives", RunOfShowStatus.Done),
            Item(MehendiId, "01938a00-0000-7000-8000-000000000013", new DateTime(2026, 12, 10, 17, 0, 0), "Snacks"),
        ]);

    private static WeddingScheduleResponse ForStaff(EventResponse? mehendi = null) => Schedule(
        Event(CocktailId, EventType.Cocktail, "Cocktails at the Palm", new DateTime(2026, 12, 12, 19, 0, 0), new DateTime(2026, 12, 12, 23, 0, 0), Atlantis, zone: "Asia/Dubai"),
        Event(SangeetId, EventType.Sangeet, "Sangeet night", new DateTime(2026, 12, 10, 20, 30, 0), new DateTime(2026, 12, 11, 1, 0, 0), Rambagh, conflicts: [OtherWeddingAtRambagh]),
        Event(PherasId, EventType.Ceremony, "Pheras", new DateTime(2026, 12, 11, 19, 0, 0), new DateTime(2026, 12, 11, 23, 30, 0), Rambagh,
            [Item(PherasId, "01938a00-0000-7000-8000-000000000031", new DateTime(2026, 12, 11, 21, 14, 0), "Saat phere", isFixed: true, isShared: true)]),
        mehendi ?? Mehendi());

    private IRenderedComponent<EventsCard> RenderCard() => Render<EventsCard>(p => p.Add(c => c.WeddingId, WeddingId));

    [Fact]
    public async Task Events_are_grouped_by_venue_local_day_in_time_order_and_name_their_zone_only_when_it_is_not_the_studios()
    {
        await SignInAsAsync(Role.Planner);
        Api.Returns("/api/v1/settings", new TenantSettingsResponse("Shaadi Studio", "Asia/Kolkata", "INR", null, 1));
        Api.Returns(ScheduleUrl, ForStaff());

        var card = RenderCard();

        card.WaitForAssertion(() => card.FindAll("[data-test=event-day]").Count.ShouldBe(3));
        card.FindAll("[data-test=event-day-title]").Select(d => d.TextContent).ShouldBe(["Thu, 10 Dec 2026", "Fri, 11 Dec 2026", "Sat, 12 Dec 2026"]);
        var days = card.FindAll("[data-test=event-day]");
        days[0].QuerySelectorAll("[data-test=event-name]").Select(n => n.TextContent).ShouldBe(["Mehendi by the pool", "Sangeet night"]);
        days[1].QuerySelectorAll("[data-test=event-name]").Select(n => n.TextContent).ShouldBe(["Pheras"]);
        days[2].QuerySelectorAll("[data-test=event-name]").Select(n => n.TextContent).ShouldBe(["Cocktails at the Palm"]);

        var rows = card.FindAll("[data-test=event-row]");
        rows[0].QuerySelector("[data-test=event-name]")!.GetAttribute("href").ShouldBe($"weddings/{WeddingId}/events/{MehendiId}");
        rows[0].QuerySelector("[data-test=event-time]")!.TextContent.Trim().ShouldBe("15:00–19:00");
        rows[0].QuerySelector("[data-test=event-venue]")!.TextContent.ShouldBe("Rambagh Palace, Jaipur");
        rows[0].QuerySelector("[data-test=event-progress]")!.TextContent.Trim().ShouldBe("1 of 3 done");
        rows[1].QuerySelector("[data-test=event-time]")!.TextContent.Trim().ShouldBe("20:30–01:00 (next day)");
        rows[2].QuerySelector("[data-test=key-moment]")!.TextContent.Trim().ShouldBe("Muhurat 21:14 · Saat phere");
        rows[3].QuerySelector("[data-test=event-zone]")!.TextContent.ShouldContain("Dubai time (UTC+04:00)");
        card.FindAll("[data-test=event-zone]").Count.ShouldBe(1, "events in the studio's own zone read as usual");
        card.FindAll("[data-test=event-conflict]").Count.ShouldBe(1);
        rows[1].QuerySelector("[data-test=event-conflict]").ShouldNotBeNull();
        card.FindAll("[data-test=event-status]").Count.ShouldBe(4);
        card.FindAll("[data-test=add-event]").Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_studio_in_Dubai_sees_its_Jaipur_events_with_their_zone_and_its_Dubai_ones_without()
    {
        await SignInAsAsync(Role.Admin, studioZone: "Asia/Dubai");
        Api.Returns(ScheduleUrl, ForStaff());

        var card = RenderCard();

        card.WaitForAssertion(() => card.FindAll("[data-test=event-zone]").Count.ShouldBe(3));
        card.FindAll("[data-test=event-zone]").ShouldAllBe(zone => zone.TextContent.Contains("Kolkata time (UTC+05:30)"));
    }

    [Fact]
    public async Task The_couple_sees_times_places_and_their_programme_but_no_status_progress_clashes_or_add_button()
    {
        await SignInAsAsync(Role.Client);
        // What the API gives a client: shared items only, no notes, no clashes.
        Api.Returns(ScheduleUrl, Schedule(
            Event(SangeetId, EventType.Sangeet, "Sangeet night", new DateTime(2026, 12, 10, 20, 30, 0), new DateTime(2026, 12, 11, 1, 0, 0), Rambagh,
            [
                Item(SangeetId, "01938a00-0000-7000-8000-000000000021", new DateTime(2026, 12, 10, 20, 30, 0), "Welcome drinks", isShared: true, location: "Lawn"),
                Item(SangeetId, "01938a00-0000-7000-8000-000000000022", new DateTime(2026, 12, 10, 21, 30, 0), "Family performances", RunOfShowStatus.Done, isShared: true),
            ])));

        var card = RenderCard();

        card.WaitForAssertion(() => card.FindAll("[data-test=shared-items] li").Count.ShouldBe(2));
        card.Find("[data-test=shared-items]").TextContent.ShouldContain("Welcome drinks · Lawn");
        card.Find("[data-test=event-row]").TextContent.ShouldContain("Dress code: Pastels");
        card.FindAll("[data-test=add-event]").ShouldBeEmpty();
        card.FindAll("[data-test=event-status]").ShouldBeEmpty();
        card.FindAll("[data-test=event-progress]").ShouldBeEmpty();
        card.FindAll("[data-test=event-conflict]").ShouldBeEmpty();
        card.FindAll("[data-test=key-moment]").ShouldBeEmpty();
        Api.Requests.ShouldNotContain(r => r.RequestUri!.AbsolutePath == "/api/v1/settings", "a client may not see the settings");
    }

    [Fact]
    public async Task A_tap_someone_else_made_is_fetched_alone_and_shown_and_a_repeat_of_it_is_not_fetched_again()
    {
        await SignInAsAsync(Role.Coordinator);
        Api.Returns(ScheduleUrl, ForStaff());
        var card = RenderCard();
        card.WaitForAssertion(() => card.Find("[data-test=event-progress]").TextContent.Trim().ShouldBe("1 of 3 done"));
        var live = Services.GetRequiredService<LiveUpdates>();

        // A tap on one item: that item alone is fetched and put into the schedule shown.
        var fetched = ScheduleFetches();
        var henna = Mehendi(RunOfShowStatus.Done, hennaVersion: 2).RunOfShow.Single(i => i.Id == Guid.Parse(HennaItem));
        Api.Returns(EventsApi.Routes.Item(Guid.Parse(MehendiId), henna.Id), henna);
        var message = new WeddingChangedMessage(WeddingId, WeddingChange.RunOfShowChanged, 2, Guid.Parse(MehendiId), Guid.Parse(HennaItem));
        live.Deliver(message);

        card.WaitForAssertion(() => card.Find("[data-test=event-progress]").TextContent.Trim().ShouldBe("2 of 3 done"));
        ScheduleFetches().ShouldBe(fetched);
        live.Deliver(message);
        live.Deliver(message with { WeddingId = Guid.NewGuid(), Version = 3 });
        live.Deliver(new WeddingChangedMessage(WeddingId, WeddingChange.Updated, 9));
        ScheduleFetches().ShouldBe(fetched);

        live.Deliver(new WeddingChangedMessage(WeddingId, WeddingChange.EventCreated, 1, Guid.NewGuid()));
        card.WaitForAssertion(() => ScheduleFetches().ShouldBe(fetched + 1));
    }

    [Fact]
    public async Task A_wedding_without_events_says_so()
    {
        await SignInAsAsync(Role.Planner);
        Api.Returns(ScheduleUrl, Schedule());

        var card = RenderCard();

        card.WaitForAssertion(() => card.Find("[data-test=no-events]").TextContent.ShouldBe("No events yet."));
    }

    private int ScheduleFetches() => Api.Requests.Count(r => r.RequestUri!.PathAndQuery == ScheduleUrl);
}
