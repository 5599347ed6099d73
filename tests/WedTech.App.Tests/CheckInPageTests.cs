using System.Net;
using System.Text.Json;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Shouldly;
using WedTech.App.Features.CheckIn;
using WedTech.App.Features.CheckIn.Components;
using WedTech.App.Features.CheckIn.Pages;
using WedTech.App.Features.Realtime;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;
using static WedTech.App.Tests.Infrastructure.Schedules;

namespace WedTech.App.Tests;

public class CheckInPageTests : AppTestContext
{
    private static readonly Guid EventId = Guid.Parse("01938a00-0000-7000-8000-0000000000e1");
    private static readonly Guid HouseholdId = Guid.Parse("01938a00-0000-7000-8000-0000000000f1");
    private static readonly Guid Sunita = Guid.Parse("01938a00-0000-7000-8000-0000000000a1");
    private static readonly Guid Rahul = Guid.Parse("01938a00-0000-7000-8000-0000000000a2");
    private static readonly DateTimeOffset SevenFortyTwo = new(2027, 2, 12, 14, 12, 0, TimeSpan.Zero); // 19:42 in India

    private static string List(ArrivalFilter show = ArrivalFilter.All, string? search = null, int pageSize = 20) =>
        CheckInApi.Routes.Arrivals(EventId, show, search, 1, pageSize);

    private static EventArrivalsResponse Arrivals(int arrived, params ArrivalRow[] rows) =>
        new(new ArrivalCounts(EventId, "Sangeet", new DateTime(2027, 2, 12, 19, 0, 0), arrived, 40, 20, arrived == 0 ? 0 : 1), new PagedResponse<ArrivalRow>(rows, 1, 20, rows.Length));

    private static CheckInResponse Card(CheckInOutcome outcome, string message, bool sunitaIn, bool rahulIn) => new(EventId, HouseholdId, "Sharma family", outcome, message, 2,
    [
        new ArrivingGuest(Sunita, "Sunita Sharma", "Smt", AgeGroup.Adult, Diet.Jain, null, RsvpAnswer.Attending, sunitaIn ? SevenFortyTwo : null, sunitaIn ? "Asha" : null),
        new ArrivingGuest(Rahul, "Rahul Sharma", null, AgeGroup.Adult, Diet.Veg, "Peanuts", RsvpAnswer.Attending, rahulIn ? SevenFortyTwo : null, rahulIn ? "Asha" : null),
    ]);

    private IRenderedComponent<CheckInPage> RenderPage()
    {
        Render<MudPopoverProvider>();
        return Render<CheckInPage>(p => p.Add(x => x.WeddingId, WeddingId).Add(x => x.EventId, EventId));
    }

    [Fact]
    public async Task A_scanned_pass_shows_the_household_checked_in_with_its_food_and_the_counts_move_live()
    {
        await SignInAsAsync(Role.Coordinator);
        Api.Returns(List(), Arrivals(0, new ArrivalRow(HouseholdId, "Sharma family", 2, 2, 0, null)));
        Api.Returns(CheckInApi.Routes.CheckIns(EventId), Card(CheckInOutcome.CheckedIn, "Welcome! All 2 guests checked in.", true, true), "POST");

        var page = RenderPage();
        page.WaitForAssertion(() => page.Find("[data-test=arrived-count]").TextContent.ShouldBe("0"));
        page.Find("[data-test=expected-count]").TextContent.ShouldBe("40");
        page.Find("[data-test=scanner-start]").TextContent.ShouldContain("Scan a guest pass");

        Api.Returns(List(), Arrivals(2, new ArrivalRow(HouseholdId, "Sharma family", 2, 2, 2, SevenFortyTwo)));
        await page.InvokeAsync(() => page.FindComponent<QrScanner>().Instance.OnScanned("WT1-the-code"));

        page.WaitForAssertion(() => page.Find("[data-test=checkin-card]").GetAttribute("data-outcome").ShouldBe("checked-in"));
        JsonDocument.Parse(Api.RequestBodies[^1]).RootElement.GetProperty("code").GetString().ShouldBe("WT1-the-code");
        page.Find("[data-test=checkin-message]").TextContent.ShouldBe("Welcome! All 2 guests checked in.");
        page.FindAll("[data-test=member-diet]").Select(d => d.TextContent).ShouldBe(["Jain", "Veg"]);
        page.Find("[data-test=member-allergy]").TextContent.ShouldBe("Allergy: Peanuts");
        page.FindAll("[data-test=checkin-all]").ShouldBeEmpty();
        page.WaitForAssertion(() => page.Find("[data-test=arrived-count]").TextContent.ShouldBe("2"));

        // Another coordinator's arrival, heard live: the counts load again.
        Api.Returns(List(), Arrivals(5, new ArrivalRow(HouseholdId, "Sharma family", 2, 2, 2, SevenFortyTwo)));
        Services.GetRequiredService<LiveUpdates>().Deliver(new WeddingChangedMessage(WeddingId, WeddingChange.GuestsArrived, null, EventId));
        page.WaitForAssertion(() => page.Find("[data-test=arrived-count]").TextContent.ShouldBe("5"));
        var before = Api.Requests.Count;
        Services.GetRequiredService<LiveUpdates>().Deliver(new WeddingChangedMessage(WeddingId, WeddingChange.GuestsArrived, null, Guid.NewGuid()));
        Api.Requests.Count.ShouldBe(before);
    }

    [Fact]
    public async Task A_second_scan_warns_and_a_refused_pass_says_why_in_red()
    {
        await SignInAsAsync(Role.Coordinator);
        Api.Returns(List(), Arrivals(2));
        Api.Returns(CheckInApi.Routes.CheckIns(EventId), Card(CheckInOutcome.AlreadyArrived, "Already arrived at 19:42, checked in by Asha. Nothing was changed.", true, true), "POST");
        var page = RenderPage();
        page.WaitForAssertion(() => page.Find("[data-test=arrived-count]").TextContent.ShouldBe("2"));

        await page.InvokeAsync(() => page.FindComponent<QrScanner>().Instance.OnScanned("WT1-again"));
        page.WaitForAssertion(() => page.Find("[data-test=checkin-card]").GetAttribute("data-outcome").ShouldBe("already-arrived"));
        page.Find("[data-test=checkin-card]").ClassList.ShouldContain("warn");
        page.Find("[data-test=checkin-message]").TextContent.ShouldContain("Already arrived at 19:42, checked in by Asha");

        Api.ReturnsProblem(CheckInApi.Routes.CheckIns(EventId), HttpStatusCode.BadRequest, "One or more validation errors occurred.",
            new Dictionary<string, string[]> { ["code"] = ["This guest pass is for another wedding, not this one."] }, "POST");
        await page.InvokeAsync(() => page.FindComponent<QrScanner>().Instance.OnScanned("WT1-other"));
        page.WaitForAssertion(() => page.Find("[data-test=checkin-refused]").TextContent.ShouldContain("This guest pass is for another wedding, not this one."));
        page.FindAll("[data-test=checkin-card]").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_household_picked_by_name_is_checked_in_member_by_member_and_an_arrival_undone()
    {
        await SignInAsAsync(Role.Planner);
        Api.Returns(List(), Arrivals(0));
        Api.Returns(List(search: "sharma"), Arrivals(0, new ArrivalRow(HouseholdId, "Sharma family", 2, 2, 0, null)));
        Api.Returns(CheckInApi.Routes.Household(EventId, HouseholdId), Card(CheckInOutcome.NotCheckedIn, "Not checked in yet.", false, false));
        Api.Returns(CheckInApi.Routes.CheckIns(EventId), Card(CheckInOutcome.CheckedIn, "Checked in: 1 of 2.", false, true), "POST");
        Api.Returns(CheckInApi.Routes.Undo(EventId, HouseholdId, Rahul), Card(CheckInOutcome.NotCheckedIn, "Arrival undone for 1 guest.", false, false), "DELETE");
        var page = RenderPage();
        page.WaitForAssertion(() => page.Find("[data-test=arrived-count]").TextContent.ShouldBe("0"));

        page.Find("#checkin-search").Input("sharma");
        page.WaitForAssertion(() => page.Find("[data-test=arrival-row]").TextContent.ShouldContain("Sharma family"));
        page.Find("[data-test=arrival-row]").Click();
        page.WaitForAssertion(() => page.Find("[data-test=checkin-message]").TextContent.ShouldBe("Not checked in yet."));
        page.Find("[data-test=checkin-all]").TextContent.ShouldContain("Check in everyone");

        page.FindAll("[data-test=checkin-member] input[type=checkbox]")[1].Change(true);
        page.WaitForAssertion(() => page.Find("[data-test=checkin-message]").TextContent.ShouldBe("Checked in: 1 of 2."));
        var body = JsonDocument.Parse(Api.RequestBodies[^1]).RootElement;
        body.GetProperty("householdId").GetGuid().ShouldBe(HouseholdId);
        body.GetProperty("members").EnumerateArray().Select(m => m.GetGuid()).ShouldBe([Rahul]);

        page.FindAll("[data-test=checkin-member] input[type=checkbox]")[1].Change(false);
        page.WaitForAssertion(() => page.Find("[data-test=checkin-message]").TextContent.ShouldBe("Arrival undone for 1 guest."));
        Api.Requests.ShouldContain(r => r.Method == HttpMethod.Delete && r.RequestUri!.PathAndQuery == CheckInApi.Routes.Undo(EventId, HouseholdId, Rahul));
    }

    [Fact]
    public async Task The_couple_is_offered_no_check_in()
    {
        await SignInAsAsync(Role.Client);
        var page = RenderPage();
        page.Find("[data-test=checkin-not-allowed]").TextContent.ShouldContain("planners and coordinators");
        page.FindAll("[data-test=qr-scanner]").ShouldBeEmpty();
        Api.Requests.ShouldNotContain(r => r.RequestUri!.AbsolutePath.Contains("/arrivals", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Role.Planner, true)]
    [InlineData(Role.Client, false)]
    public async Task The_wedding_s_arrivals_move_live_and_only_those_who_check_in_get_the_way_to_the_door(Role role, bool offered)
    {
        await SignInAsAsync(role);
        var route = CheckInApi.Routes.OfWedding(WeddingId);
        WeddingArrivalsResponse Counts(int arrived) => new(WeddingId,
            [new ArrivalCounts(EventId, "Sangeet", new DateTime(2027, 2, 12, 19, 0, 0), arrived, 40, 20, 1), new ArrivalCounts(Guid.NewGuid(), "Haldi", new DateTime(2027, 2, 11, 10, 0, 0), 0, 0, 0, 0)]);
        Api.Returns(route, Counts(3));
        var card = Render<ArrivalsCard>(p => p.Add(c => c.WeddingId, WeddingId));
        card.WaitForAssertion(() => card.Find("[data-test=arrivals-count]").TextContent.ShouldBe("3 of 40 arrived"));
        card.FindAll("[data-test=arrivals-event]").Count.ShouldBe(1);
        card.FindAll("[data-test=open-checkin]").Count.ShouldBe(offered ? 1 : 0);

        Api.Returns(route, Counts(4));
        Services.GetRequiredService<LiveUpdates>().Deliver(new WeddingChangedMessage(WeddingId, WeddingChange.GuestsArrived, null, EventId));
        card.WaitForAssertion(() => card.Find("[data-test=arrivals-count]").TextContent.ShouldBe("4 of 40 arrived"));
    }

    [Fact]
    public void The_client_holds_the_routes_the_API_maps()
    {
        var household = Guid.Parse("01938a00-0000-7000-8000-0000000000bb");
        CheckInApi.Routes.CheckIns(EventId).ShouldBe($"/api/v1/events/{EventId}/check-ins");
        CheckInApi.Routes.Household(EventId, household).ShouldBe($"/api/v1/events/{EventId}/check-ins/{household}");
        CheckInApi.Routes.Undo(EventId, household, null).ShouldBe($"/api/v1/events/{EventId}/check-ins/{household}");
        CheckInApi.Routes.Undo(EventId, household, Rahul).ShouldBe($"/api/v1/events/{EventId}/check-ins/{household}?guestId={Rahul}");
        CheckInApi.Routes.Arrivals(EventId, ArrivalFilter.NotArrived, "Priya M", 2, 20).ShouldBe($"/api/v1/events/{EventId}/arrivals?show=not-arrived&q=Priya%20M&page=2&pageSize=20");
        CheckInApi.Routes.Arrivals(EventId, ArrivalFilter.All, null, 1, 20).ShouldBe($"/api/v1/events/{EventId}/arrivals?page=1&pageSize=20");
        CheckInApi.Routes.OfWedding(WeddingId).ShouldBe($"/api/v1/weddings/{WeddingId}/arrivals");
        CheckInApi.Routes.GuestPass(WeddingId, household).ShouldBe($"/api/v1/weddings/{WeddingId}/households/{household}/guest-pass");
    }
}
