using System.Net;
using System.Text.Json;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Shouldly;
using WedTech.App.Features.Guests;
using WedTech.App.Features.Guests.Components;
using WedTech.App.Features.Realtime;
using WedTech.App.Features.Travel;
using WedTech.App.Features.Travel.Pages;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;
using static WedTech.App.Tests.Infrastructure.Schedules;
using static WedTech.App.Tests.Infrastructure.TravelSamples;

namespace WedTech.App.Tests;

public class TravelPageTests : AppTestContext
{
    private static readonly string LegsUrl = TravelApi.Routes.LegPage(WeddingId, LegFilter.All, 1, 50);
    private static readonly string TripsUrl = TravelApi.Routes.TripPage(WeddingId, null, null, null, null, 1, 100);
    private static readonly string VehiclesUrl = TravelApi.Routes.VehiclePage(WeddingId, 1, 100);

    /// <summary>The Sharmas arriving (on the pickup) and the Mehtas leaving; one pickup in the Innova; the Innova.</summary>
    private void AnswerTravel(string? notes = null)
    {
        var arrival = Leg(Sharma, TravelDirection.Arrival, tripId: Guid.Parse("01938a00-0000-7000-8000-000000000201"), notes: notes);
        Api.Returns(LegsUrl, Page(arrival, Leg(Mehta, TravelDirection.Departure)));
        Api.Returns(TripsUrl, Page(Pickup([arrival])));
        Api.Returns(VehiclesUrl, Page(Innova));
    }

    private IRenderedComponent<TravelPage> RenderPage()
    {
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        Render<MudDialogProvider>();
        var page = Render<TravelPage>(p => p.Add(c => c.Id, WeddingId));
        page.WaitForElement("[data-test=leg]");
        return page;
    }

    private static async Task OpenAsync(IRenderedComponent<TravelPage> page, string tab, string shows)
    {
        await page.InvokeAsync(() => page.Find($"[data-test=tab-{tab}]").Click());
        page.WaitForElement($"[data-test={shows}]");
    }

    [Fact]
    public async Task A_coordinator_sees_arrivals_and_departures_the_pickups_by_day_and_the_vehicles_and_may_change_them()
    {
        await SignInAsAsync(Role.Coordinator);
        AnswerTravel(notes: "Wheelchair for Dadi at the gate");

        var page = RenderPage();

        var legs = page.FindAll("[data-test=leg]");
        legs.Count.ShouldBe(2);
        legs[0].QuerySelector("[data-test=leg-time]")!.TextContent.ShouldBe("12 Feb 2027, 14:30");
        legs[0].QuerySelector("[data-test=leg-who]")!.TextContent.ShouldBe("Sharma family: सुनीता शर्मा, Rahul Sharma");
        legs[0].QuerySelector("[data-test=leg-journey]")!.TextContent.ShouldBe("Flight IndiGo 6E 2145 · Terminal 2 · Jaipur airport (JAI)");
        legs[0].QuerySelector("[data-test=leg-on-trip]")!.TextContent.ShouldBe("On a pickup");
        legs[0].QuerySelector("[data-test=leg-notes]")!.TextContent.ShouldBe("Wheelchair for Dadi at the gate");
        legs[1].QuerySelector("[data-test=leg-journey]")!.TextContent.ShouldBe("Train Rajdhani 12956 · Platform 1 · Jaipur Junction");
        legs[1].QuerySelector("[data-test=leg-on-trip]")!.TextContent.ShouldBe("Needs a drop");
        page.FindAll("[data-test=add-leg]").Count.ShouldBe(1);
        page.FindAll("[data-test=edit-leg]").Count.ShouldBe(2);

        await OpenAsync(page, "trips", "trip");
        page.Find("[data-test=trip-day]").TextContent.ShouldBe("Fri, 12 Feb 2027");
        var trip = page.Find("[data-test=trip]");
        trip.QuerySelector("[data-test=trip-time]")!.TextContent.ShouldBe("15:00");
        trip.QuerySelector("[data-test=trip-place]")!.TextContent.ShouldBe("Pickup at Jaipur airport (JAI), T2");
        trip.QuerySelector("[data-test=trip-vehicle]")!.TextContent.ShouldBe("Innova Crysta (RJ14 CD 4521)");
        trip.QuerySelector("[data-test=trip-driver]")!.GetAttribute("href").ShouldBe("tel:+919876543210");
        trip.QuerySelector("[data-test=trip-people]")!.TextContent.ShouldBe("2 people · 6 seats");
        trip.QuerySelector("[data-test=trip-households]")!.TextContent.ShouldBe("Sharma family");
        foreach (var control in new[] { "plan-trips", "add-trip", "edit-trip", "tell-guests", "delete-trip" })
        {
            page.FindAll($"[data-test={control}]").ShouldNotBeEmpty(control);
        }

        await OpenAsync(page, "vehicles", "vehicle");
        page.Find("[data-test=vehicle-kind]").TextContent.ShouldBe("Innova Crysta (RJ14 CD 4521)");
        page.Find("[data-test=vehicle-meta]").TextContent.ShouldBe("6 seats · 1 trip");
        page.Find("[data-test=manifest-pdf]").GetAttribute("href").ShouldBe($"/api/v1/weddings/{WeddingId}/vehicles/{InnovaId}/manifest?day=2027-02-12");
        foreach (var control in new[] { "add-vehicle", "edit-vehicle", "send-to-driver", "delete-vehicle" })
        {
            page.FindAll($"[data-test={control}]").ShouldNotBeEmpty(control);
        }
    }

    [Fact]
    public async Task The_couple_sees_every_part_and_is_offered_no_change()
    {
        await SignInAsAsync(Role.Client);
        AnswerTravel();

        var page = RenderPage();

        page.FindAll("[data-test=leg]").Count.ShouldBe(2);
        page.FindAll("[data-test=add-leg], [data-test=edit-leg], [data-test=delete-leg], [data-test=leg-form]").ShouldBeEmpty();
        await OpenAsync(page, "trips", "trip");
        page.Find("[data-test=trip-vehicle]").TextContent.ShouldBe("Innova Crysta (RJ14 CD 4521)");
        page.FindAll("[data-test=plan-form], [data-test=plan-trips], [data-test=add-trip], [data-test=edit-trip], [data-test=tell-guests], [data-test=delete-trip]").ShouldBeEmpty();
        await OpenAsync(page, "vehicles", "vehicle");
        page.Find("[data-test=vehicle-driver]").TextContent.ShouldBe("Ramesh Kumar");
        page.FindAll("[data-test=add-vehicle], [data-test=edit-vehicle], [data-test=send-to-driver], [data-test=delete-vehicle], [data-test=manifest-pdf]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Telling_guests_of_a_pickup_says_how_many_households_were_sent_it_and_who_has_no_number()
    {
        await SignInAsAsync(Role.Coordinator);
        AnswerTravel();
        var tripId = Guid.Parse("01938a00-0000-7000-8000-000000000201");
        Api.Returns(TravelApi.Routes.Notice(WeddingId, tripId), new TripNoticeResponse(4, ["Sharma family"]), "POST");
        var page = RenderPage();
        await OpenAsync(page, "trips", "trip");

        await page.InvokeAsync(() => page.Find("[data-test=tell-guests]").Click());
        page.WaitForElement("[data-test=send-notice]").Click();

        page.WaitForAssertion(() => page.Find("[data-test=notice-result]").TextContent.Trim().ShouldBe("Sent to 4 households; 1 has no WhatsApp number: Sharma family"));
        var body = JsonDocument.Parse(Api.RequestBodies.Single()).RootElement;
        (body.GetProperty("channel").GetString(), body.GetProperty("language").GetString()).ShouldBe((ApiJson.EnumName(MessageChannel.WhatsApp), "en"));
    }

    [Fact]
    public async Task Planning_pickups_sends_the_window_and_says_what_was_planned_then_shows_the_new_trips()
    {
        await SignInAsAsync(Role.Planner);
        AnswerTravel();
        var arrival = Leg(Sharma, TravelDirection.Arrival);
        Api.Returns(TravelApi.Routes.Plan(WeddingId), new TripPlanResponse([Pickup([arrival]), Pickup([arrival])], 3, 1), "POST");
        var page = RenderPage();
        await OpenAsync(page, "trips", "trip");
        var fetched = Api.Requests.Count(r => r.RequestUri!.PathAndQuery == TripsUrl);

        await page.InvokeAsync(() => page.Find("#plan-window").Change("90"));
        await page.InvokeAsync(() => page.Find("[data-test=plan-trips]").Click());

        page.WaitForAssertion(() => page.Find("[data-test=plan-result]").TextContent.Trim()
            .ShouldBe("2 pickups planned for 3 arrivals; 1 has no vehicle yet: none free with enough seats."));
        var body = JsonDocument.Parse(Api.RequestBodies.Single()).RootElement;
        (body.GetProperty("direction").GetString(), body.GetProperty("windowMinutes").GetInt32()).ShouldBe(("arrival", 90));
        Api.Requests.Count(r => r.RequestUri!.PathAndQuery == TripsUrl).ShouldBe(fetched + 1);
    }

    [Fact]
    public async Task A_changed_arrival_goes_with_the_version_read_and_a_refusal_is_shown_in_the_form()
    {
        await SignInAsAsync(Role.Coordinator);
        AnswerTravel();
        Api.Returns(GuestsApi.Routes.Page(WeddingId, 1), new PagedResponse<HouseholdResponse>([new(Sharma, WeddingId, "Sharma family", GuestSide.Bride, null, null, null, null, null,
            "IN", [], null, null, null, [new(Sunita, "सुनीता शर्मा", null, null, AgeGroup.Adult, null, null, null, null, null),
                new(Rahul, "Rahul Sharma", null, null, AgeGroup.Adult, null, null, null, null, null)], [], 1, DateTimeOffset.UnixEpoch)], 1, 100, 1));
        var leg = Leg(Sharma, TravelDirection.Arrival);
        Api.ReturnsProblem(TravelApi.Routes.Leg(WeddingId, leg.Id), HttpStatusCode.BadRequest, "Check the travel",
            new Dictionary<string, string[]> { ["place"] = ["Say where the guests arrive."] }, "PUT");
        var page = RenderPage();

        await page.InvokeAsync(() => page.FindAll("[data-test=edit-leg]")[0].Click());
        page.WaitForAssertion(() => page.Find("#leg-place").GetAttribute("value").ShouldBe("Jaipur airport (JAI)"));
        page.Find("#leg-time").GetAttribute("value").ShouldBe("12/02/2027");
        page.Find("#leg-time-time").GetAttribute("value").ShouldBe("14:30");
        await page.InvokeAsync(() => page.Find("#leg-number").Change("6E 2146"));
        await page.InvokeAsync(() => page.Find("[data-test=save-leg]").Click());

        page.WaitForAssertion(() => page.Markup.ShouldContain("Say where the guests arrive."));
        var put = Api.Requests.Single(r => r.Method == HttpMethod.Put);
        put.Headers.IfMatch.Single().Tag.ShouldBe("\"2\"");
        var body = JsonDocument.Parse(Api.RequestBodies.Single()).RootElement;
        body.GetProperty("number").GetString().ShouldBe("6E 2146");
        body.GetProperty("time").GetString().ShouldBe("2027-02-12T14:30:00");
        body.GetProperty("guests").EnumerateArray().Select(g => g.GetGuid()).ShouldBe([Sunita, Rahul], ignoreOrder: true);
        page.FindAll("[data-test=leg-form]").Count.ShouldBe(1);
    }

    [Fact]
    public async Task Only_those_on_no_trip_are_asked_for_and_a_travel_change_heard_loads_the_list_again()
    {
        await SignInAsAsync(Role.Coordinator);
        AnswerTravel();
        var unplaced = TravelApi.Routes.LegPage(WeddingId, new LegFilter(Unplaced: true), 1, 50);
        Api.Returns(unplaced, Page(Leg(Mehta, TravelDirection.Departure)));
        var page = RenderPage();

        await page.InvokeAsync(() => page.Find("input[data-test=legs-unplaced]").Change(true));

        page.WaitForAssertion(() => page.FindAll("[data-test=leg]").Count.ShouldBe(1));
        var fetched = Api.Requests.Count(r => r.RequestUri!.PathAndQuery == unplaced);
        Api.Returns(unplaced, Page(Leg(Mehta, TravelDirection.Departure), Leg(Sharma, TravelDirection.Arrival)));
        Services.GetRequiredService<LiveUpdates>().Deliver(new WeddingChangedMessage(WeddingId, WeddingChange.TravelChanged, 1, null, null));
        page.WaitForAssertion(() => page.FindAll("[data-test=leg]").Count.ShouldBe(2));
        Api.Requests.Count(r => r.RequestUri!.PathAndQuery == unplaced).ShouldBe(fetched + 1);
    }

    [Fact]
    public async Task The_weddings_guests_card_links_to_travel_beside_the_rooms()
    {
        await SignInAsAsync(Role.Client);
        Api.Returns(GuestsApi.Routes.Headcounts(WeddingId), new HeadcountsResponse(WeddingId, 0, 0, []));

        var card = Render<HeadcountsCard>(p => p.Add(c => c.WeddingId, WeddingId));

        card.WaitForElement("[data-test=no-invitations]");
        card.Find("[data-test=open-travel]").GetAttribute("href").ShouldBe($"weddings/{WeddingId}/travel");
        card.Find("[data-test=open-travel]").TextContent.Trim().ShouldBe("Travel");
    }

    [Fact]
    public async Task A_driver_is_sent_the_manifest_of_a_day_the_vehicle_drives()
    {
        await SignInAsAsync(Role.Coordinator);
        AnswerTravel();
        Api.Returns(TravelApi.Routes.ManifestSend(WeddingId, InnovaId), Queued, "POST");
        var page = RenderPage();
        await OpenAsync(page, "vehicles", "vehicle");

        await page.InvokeAsync(() => page.Find("[data-test=send-to-driver]").Click());
        page.WaitForElement("[data-test=send-manifest]").Click();

        page.WaitForAssertion(() => page.Find("[data-test=send-result]").TextContent.Trim().ShouldBe("The manifest for 12 Feb 2027 goes to Ramesh Kumar by WhatsApp."));
        var body = JsonDocument.Parse(Api.RequestBodies.Single()).RootElement;
        (body.GetProperty("day").GetString(), body.GetProperty("channel").GetString()).ShouldBe(("2027-02-12", ApiJson.EnumName(MessageChannel.WhatsApp)));
    }

    [Fact]
    public async Task A_trip_is_made_of_the_arrivals_chosen_and_a_refusal_for_too_few_seats_is_shown_in_the_form()
    {
        await SignInAsAsync(Role.Planner);
        AnswerTravel();
        var free = Leg(Mehta, TravelDirection.Arrival);
        Api.Returns(TravelApi.Routes.LegPage(WeddingId, new LegFilter(TravelDirection.Arrival, Unplaced: true), 1, 100), Page(free));
        Api.ReturnsProblem(TravelApi.Routes.Trips(WeddingId), HttpStatusCode.Conflict, "The Innova Crysta seats 6; this trip has 7 people.", method: "POST");
        var page = RenderPage();
        await OpenAsync(page, "trips", "trip");

        await page.InvokeAsync(() => page.Find("[data-test=add-trip]").Click());
        page.WaitForAssertion(() => page.Find("[data-test=trip-form]").TextContent.ShouldContain("06:10 · Mehta family (1 person) · Train Rajdhani 12956 · Platform 1 · Jaipur Junction"));
        await page.InvokeAsync(() => page.Find("[data-test=trip-form] input[type=checkbox]").Change(true));
        await page.InvokeAsync(() => page.Find("#trip-place").Change("Jaipur Junction"));
        await page.InvokeAsync(() => page.Find("#trip-time").Change("15/02/2027"));
        await page.InvokeAsync(() => page.Find("#trip-time-time").Change("06:30"));
        await page.InvokeAsync(() => page.Find("[data-test=save-trip]").Click());

        page.WaitForAssertion(() => page.Find("[data-test=trip-form] [data-test=problem]").TextContent.ShouldContain("this trip has 7 people"));
        var body = JsonDocument.Parse(Api.RequestBodies.Single()).RootElement;
        body.GetProperty("legs").EnumerateArray().Select(l => l.GetGuid()).ShouldBe([free.Id]);
        (body.GetProperty("place").GetString(), body.GetProperty("time").GetString(), body.GetProperty("direction").GetString())
            .ShouldBe(("Jaipur Junction", "2027-02-15T06:30:00", "arrival"));
    }
}
