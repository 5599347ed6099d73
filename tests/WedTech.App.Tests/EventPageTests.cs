using System.Net;
using System.Text.Json;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using Shouldly;
using WedTech.App.Features.CheckIn;
using WedTech.App.Features.Events;
using WedTech.App.Features.Events.Pages;
using WedTech.App.Features.Realtime;
using WedTech.App.Features.Seating;
using WedTech.App.Features.Travel;
using WedTech.App.Features.Weddings;
using WedTech.App.Platform;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;
using static WedTech.App.Tests.Infrastructure.Schedules;

namespace WedTech.App.Tests;

public class EventPageTests : AppTestContext
{
    private const string SangeetId = "01938a00-0000-7000-8000-000000000002";
    private static readonly Guid EventId = Guid.Parse(SangeetId);
    private static readonly string EventUrl = EventsApi.Routes.One(EventId);

    private static readonly RunOfShowItemResponse Drinks = Item(SangeetId, "01938a00-0000-7000-8000-000000000021", new DateTime(2026, 12, 10, 20, 30, 0), "Welcome drinks", isShared: true);
    private static readonly RunOfShowItemResponse Performances = Item(SangeetId, "01938a00-0000-7000-8000-000000000022", new DateTime(2026, 12, 10, 21, 0, 0), "Family performances", isShared: true);
    private static readonly RunOfShowItemResponse Ring = Item(SangeetId, "01938a00-0000-7000-8000-000000000023", new DateTime(2026, 12, 10, 22, 45, 0), "Ring ceremony", isFixed: true, isShared: true);
    private static readonly RunOfShowItemResponse Band = Item(SangeetId, "01938a00-0000-7000-8000-000000000024", new DateTime(2026, 12, 10, 23, 0, 0), "Pay the band", notes: "Cash envelope with Meera");

    private static readonly TeamMemberResponse Kavya = new(Guid.Parse("66666666-6666-7666-8666-666666666666"), "Kavya Reddy", Role.Coordinator, TeamRole.Coordinator);

    private static EventResponse Sangeet(IReadOnlyList<RunOfShowItemResponse> items, long version = 4) =>
        Event(SangeetId, EventType.Sangeet, "Sangeet night", new DateTime(2026, 12, 10, 20, 30, 0), new DateTime(2026, 12, 11, 1, 0, 0), Rambagh, items,
            notes: "Fireworks need the permit", version: version, team: [Kavya],
            conflicts: [new EventConflict(Guid.NewGuid(), Guid.NewGuid(), "Reception", "Iyer–Menon wedding", new DateTimeOffset(2026, 12, 10, 22, 0, 0, India), new DateTimeOffset(2026, 12, 11, 0, 0, 0, India))]);

    /// <summary>Dialogs render here, as in MainLayout.</summary>
    private IRenderedComponent<MudDialogProvider> _dialogs = default!;

    private IRenderedComponent<EventPage> RenderPage()
    {
        Render<MudPopoverProvider>();
        _dialogs = Render<MudDialogProvider>();
        return Render<EventPage>(p => p.Add(x => x.WeddingId, WeddingId).Add(x => x.EventId, EventId));
    }

    [Fact]
    public async Task The_couple_sees_the_event_and_its_programme_without_notes_clashes_team_notes_or_any_button()
    {
        await SignInAsAsync(Role.Client);
        // The couple's projection, as the API sends it: shared items only, no notes, no clashes.
        Api.Returns(EventUrl, Sangeet([Drinks, Performances, Ring]) with { Notes = null, Conflicts = [] });

        var page = RenderPage();

        page.WaitForAssertion(() => page.Find("[data-test=event-title]").TextContent.ShouldBe("Sangeet night"));
        page.Find("[data-test=run-of-show] h2").TextContent.ShouldBe("Programme");
        page.FindAll("[data-test=ros-item]").Count.ShouldBe(3);
        page.Find("[data-test=event-venue]").TextContent.ShouldContain("Rambagh Palace");
        page.Find("[data-test=event-summary]").TextContent.ShouldContain("Thu, 10 Dec 2026 · 20:30–01:00 (next day)");
        foreach (var staffOnly in new[] { "edit-event", "delete-event", "print-run-sheet", "add-item", "event-notes", "conflicts", "ros-progress", "ros-done", "ros-start", "ros-shared", "ros-notes", "open-stock" })
        {
            page.FindAll($"[data-test={staffOnly}]").ShouldBeEmpty(staffOnly);
        }
        page.FindAll("dt").Select(d => d.TextContent).ShouldNotContain("Status");
    }

    [Fact]
    public async Task Staff_see_notes_clashes_and_the_team_and_the_whole_run_of_show()
    {
        await SignInAsAsync(Role.Planner);
        Api.Returns(EventUrl, Sangeet([Drinks, Performances, Ring, Band]));

        var page = RenderPage();

        page.WaitForAssertion(() => page.FindAll("[data-test=ros-item]").Count.ShouldBe(4));
        page.Find("[data-test=event-notes]").TextContent.ShouldBe("Fireworks need the permit");
        page.Find("[data-test=conflicts]").TextContent.ShouldContain("Reception (Iyer–Menon wedding), 22:00–00:00 (next day)");
        page.Find("[data-test=event-team]").TextContent.ShouldContain("Kavya Reddy · Coordinator");
        page.Find("[data-test=ros-progress]").TextContent.ShouldBe("0 of 4 done");
        page.FindAll("[data-test=edit-event]").Count.ShouldBe(1);
        page.FindAll("[data-test=print-run-sheet]").Count.ShouldBe(1);
        page.Find("[data-test=open-stock]").GetAttribute("href").ShouldBe($"events/{EventId}/stock");
    }

    [Fact]
    public async Task A_coordinator_marks_an_item_done_with_one_tap_and_the_echo_of_it_is_not_fetched_again()
    {
        await SignInAsAsync(Role.Coordinator);
        Api.Returns(EventUrl, Sangeet([Drinks, Performances, Ring, Band]));
        var done = Drinks with { Status = RunOfShowStatus.Done, Version = 2, StatusChangedBy = "Test Coordinator", StatusChangedAt = DateTimeOffset.UtcNow };
        Api.Returns(EventsApi.Routes.ItemStatus(EventId, Drinks.Id), done, "POST");
        var page = RenderPage();
        page.WaitForAssertion(() => page.FindAll("[data-test=ros-done]").Count.ShouldBe(4));
        page.FindAll("[data-test=edit-event], [data-test=ros-edit], [data-test=add-item]").ShouldBeEmpty();

        page.Find($"[data-item='{Drinks.Id}'] [data-test=ros-done]").Click();

        page.WaitForAssertion(() => page.Find($"[data-item='{Drinks.Id}']").GetAttribute("data-status").ShouldBe("done"));
        page.Find("[data-test=ros-progress]").TextContent.ShouldBe("1 of 4 done");
        Api.RequestBodies.ShouldContain("""{"status":"done"}""");
        var fetched = Api.Requests.Count(r => r.RequestUri!.PathAndQuery == EventUrl);
        Services.GetRequiredService<LiveUpdates>().Deliver(new WeddingChangedMessage(WeddingId, WeddingChange.RunOfShowChanged, 2, EventId, Drinks.Id));
        Api.Requests.Count(r => r.RequestUri!.PathAndQuery == EventUrl).ShouldBe(fetched);
    }

    [Fact]
    public async Task An_item_someone_else_ticked_appears_without_reloading()
    {
        await SignInAsAsync(Role.Planner);
        Api.Returns(EventUrl, Sangeet([Drinks, Performances]));
        var page = RenderPage();
        page.WaitForAssertion(() => page.Find("[data-test=ros-progress]").TextContent.ShouldBe("0 of 2 done"));

        // One item changed: only that item is fetched, not the whole event.
        var fetched = Api.Requests.Count(r => r.RequestUri!.PathAndQuery == EventUrl);
        Api.Returns(EventsApi.Routes.Item(EventId, Drinks.Id), Drinks with { Status = RunOfShowStatus.Done, Version = 2 });
        Services.GetRequiredService<LiveUpdates>().Deliver(new WeddingChangedMessage(WeddingId, WeddingChange.RunOfShowChanged, 2, EventId, Drinks.Id));
        page.WaitForAssertion(() => page.Find("[data-test=ros-progress]").TextContent.ShouldBe("1 of 2 done"));
        Api.Returns(EventsApi.Routes.Item(EventId, Performances.Id), Performances with { Status = RunOfShowStatus.InProgress, Version = 2 });
        Services.GetRequiredService<LiveUpdates>().Deliver(new WeddingChangedMessage(WeddingId, WeddingChange.RunOfShowChanged, 2, EventId, Performances.Id));
        page.WaitForAssertion(() => page.Find($"[data-item='{Performances.Id}'] [data-test=ros-now]").ShouldNotBeNull());

        // An item that is gone (deleted, or no longer shared) leaves the list.
        Api.Returns(EventsApi.Routes.Item(EventId, Drinks.Id), HttpStatusCode.NotFound);
        Services.GetRequiredService<LiveUpdates>().Deliver(new WeddingChangedMessage(WeddingId, WeddingChange.RunOfShowChanged, 3, EventId, Drinks.Id));
        page.WaitForAssertion(() => page.FindAll($"[data-item='{Drinks.Id}']").ShouldBeEmpty());
        Api.Requests.Count(r => r.RequestUri!.PathAndQuery == EventUrl).ShouldBe(fetched);
    }

    [Fact]
    public async Task A_planner_shifts_from_an_item_with_the_events_version_and_is_told_what_moved_and_what_stayed()
    {
        await SignInAsAsync(Role.Planner);
        Api.Returns(EventUrl, Sangeet([Drinks, Performances, Ring, Band]));
        var after = Sangeet([Drinks, Performances with { Start = Performances.Start.AddMinutes(20), Version = 2 }, Ring, Band with { Start = Band.Start.AddMinutes(20), Version = 2 }], version: 5);
        Api.Returns(EventsApi.Routes.Shift(EventId), new RunOfShowShiftResponse(2, [Ring.Id], after), "POST");
        var page = RenderPage();
        page.WaitForAssertion(() => page.FindAll("[data-test=ros-shift]").Count.ShouldBe(4));

        page.Find($"[data-item='{Performances.Id}'] [data-test=ros-shift]").Click();
        _dialogs.WaitForAssertion(() => _dialogs.Find("#shift-minutes"));
        _dialogs.Find("#shift-minutes").Change("20");
        _dialogs.Find("[data-test=shift-confirm]").Click();

        page.WaitForAssertion(() => page.Find($"[data-item='{Performances.Id}'] .ros-start").TextContent.ShouldBe("21:20"));
        var shift = Api.Requests.Single(r => r.RequestUri!.PathAndQuery == EventsApi.Routes.Shift(EventId));
        shift.Headers.IfMatch.Single().Tag.ShouldBe("\"4\"");
        Api.RequestBodies.ShouldContain($$"""{"fromItemId":"{{Performances.Id}}","minutes":20}""");
        Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message).ShouldContain("2 moved, 1 fixed kept in place.");
    }

    [Fact]
    public async Task A_shift_refused_because_someone_changed_the_event_reloads_it_and_says_why()
    {
        await SignInAsAsync(Role.Planner);
        Api.Returns(EventUrl, Sangeet([Drinks, Performances]));
        Api.ReturnsProblem(EventsApi.Routes.Shift(EventId), HttpStatusCode.Conflict, "Conflict", method: "POST");
        var page = RenderPage();
        page.WaitForAssertion(() => page.FindAll("[data-test=ros-shift]").Count.ShouldBe(2));

        page.Find($"[data-item='{Drinks.Id}'] [data-test=ros-shift]").Click();
        _dialogs.WaitForAssertion(() => _dialogs.Find("[data-test=shift-confirm]"));
        _dialogs.Find("[data-test=shift-confirm]").Click();

        page.WaitForAssertion(() => page.Find("[data-test=problem]").TextContent.ShouldContain("The run-of-show changed after you opened it."));
        Api.Requests.Count(r => r.RequestUri!.PathAndQuery == EventUrl).ShouldBe(2);
    }

    [Fact]
    public async Task Offline_an_event_never_opened_here_opens_read_only_from_the_weddings_schedule_kept_on_this_device()
    {
        var me = await SignInAsAsync(Role.Coordinator);
        Api.Unreachable(EventUrl);
        Api.Unreachable(WeddingsApi.Routes.One(WeddingId));
        var savedAt = new DateTimeOffset(2026, 12, 10, 14, 0, 0, TimeSpan.Zero);
        var kept = new { value = Schedule(Sangeet([Drinks, Performances, Ring, Band])), eTag = (string?)null, savedAt };
        JSInterop.Setup<string?>("wedtech.storage.get", "localStorage", $"{OfflineCopies.Prefix}{me.TenantId}:{me.Id}:{EventsApi.Routes.Schedule(WeddingId)}")
            .SetResult(JsonSerializer.Serialize(kept, ApiJson.Options));

        var page = RenderPage();

        page.WaitForAssertion(() => page.FindAll("[data-test=ros-item]").Count.ShouldBe(4));
        page.Find("[data-test=stale-notice]").TextContent.ShouldContain("Offline copy from 10 Dec 2026");
        page.FindAll("[data-test=ros-done], [data-test=ros-start], [data-test=ros-undo]").ShouldBeEmpty();
        page.Find("[data-test=live]").GetAttribute("data-live").ShouldBe("false");
    }

    [Fact]
    public async Task On_the_day_the_coordinator_sees_the_pickups_due_the_events_arrivals_and_its_tables()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 10, 13, 0, 0, TimeSpan.Zero));
        Services.AddSingleton<TimeProvider>(clock);
        await SignInAsAsync(Role.Coordinator);
        Api.Returns(EventUrl, Sangeet([Drinks]));
        var now = clock.GetUtcNow();
        var pickup = TravelSamples.Pickup([TravelSamples.Leg(TravelSamples.Sharma, TravelDirection.Arrival)]);
        Api.Returns(TravelApi.Routes.TripPage(WeddingId, null, now, now.AddHours(2), null, 1, 20), TravelSamples.Page(pickup));
        Api.Returns(CheckInApi.Routes.Arrivals(EventId, ArrivalFilter.All, null, 1, 1), new EventArrivalsResponse(
            new ArrivalCounts(EventId, "Sangeet night", new DateTime(2026, 12, 10, 20, 30, 0), 37, 120, 40, 14), new PagedResponse<ArrivalRow>([], 1, 1, 40)));
        var table = Guid.NewGuid();
        var guest = Guid.NewGuid();
        Api.Returns(SeatingApi.Routes.Seating(WeddingId, EventId), new SeatingResponse(WeddingId, EventId, "Sangeet night",
            [new SeatingTableResponse(table, EventId, "Table 1", TableShape.Round, 8, 0, null, [guest], 1)],
            [new SeatingHousehold(TravelSamples.Sharma, "Sharma family", GuestSide.Bride, null, false, [new SeatingGuest(guest, "Rahul Sharma", table), new SeatingGuest(Guid.NewGuid(), "सुनीता शर्मा", null)])],
            [], null, 3));

        var page = RenderPage();

        page.WaitForAssertion(() => page.Find("[data-test=pickups-due] [data-test=trip-driver]").GetAttribute("href").ShouldBe("tel:+919876543210"));
        page.Find("[data-test=pickups-due] [data-test=trip-households]").TextContent.ShouldBe("Sharma family");
        page.WaitForAssertion(() => page.Find("[data-test=arrivals-guests]").TextContent.ShouldBe("37 of 120 guests arrived"));
        page.Find("[data-test=arrivals-households]").TextContent.ShouldBe("14 of 40 households");
        page.FindAll("[data-test=arrivals-checkin]").Count.ShouldBe(1);
        page.WaitForAssertion(() => page.Find("[data-test=tables-summary]").TextContent.Trim().ShouldBe("1 guest seated of 2 coming, at 1 table"));
        page.Find("[data-test=tables-table]").TextContent.ShouldContain("1/8");
        page.Find("[data-test=tables-open-seating]").GetAttribute("href").ShouldBe($"weddings/{WeddingId}/events/{EventId}/seating");
    }
}
