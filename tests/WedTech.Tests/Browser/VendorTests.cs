using Microsoft.Playwright;
using Shouldly;
using WedTech.Contracts;

namespace WedTech.Tests.Browser;

/// <summary>
/// Vendors in Chromium: the caterer opens the day link on a 360 px phone, sees their arrival and their part of the
/// evening (nobody else's), proposes another time and then confirms the first; the coordinator sees the answer.
/// </summary>
[Collection(BrowserServer.Collection)]
public sealed class VendorTests(BrowserServer server)
{
    [Fact]
    public async Task A_caterer_answers_the_arrival_time_from_the_day_link_on_a_phone()
    {
        using var api = await BrowserApi.SignUpAsync(server);
        var wedding = await api.CreateWeddingAsync("Sharma–Verma wedding", "Priya Sharma", "Rohan Verma", new DateOnly(2027, 2, 14));
        var sangeet = await api.AddEventAsync(wedding.Id, new EventRequest(EventType.Sangeet, "Sangeet", new DateTime(2027, 2, 13, 19, 0, 0),
            new DateTime(2027, 2, 13, 23, 30, 0), null, null, null, null, null, null, null));
        var caterer = await api.AddAsync<VendorRequest, VendorResponse>("/api/v1/vendors", new VendorRequest("Annapurna Caterers", ["Caterer"], null, "27AAACR5055K1Z7",
            null, null, "Jaipur", null, null, null, null));
        var booking = await api.AddAsync<BookingRequest, BookingResponse>($"/api/v1/weddings/{wedding.Id}/bookings", new BookingRequest(caterer.Id, sangeet.Id,
            "Sangeet dinner", null, BookingStatus.Booked, [new QuoteLineRequest("Dinner", null, 1_200_00, true, 500)], null, new DateTime(2027, 2, 13, 16, 0, 0),
            "Gopal", "98290 11111", null));
        await api.AddAsync<RunOfShowItemRequest, RunOfShowItemResponse>($"/api/v1/events/{sangeet.Id}/run-of-show", new RunOfShowItemRequest(
            new DateTime(2027, 2, 13, 20, 30, 0), 90, "Dinner service", null, "Annapurna Caterers", "Garden lawn", null, null, null, null));
        await api.AddAsync<RunOfShowItemRequest, RunOfShowItemResponse>($"/api/v1/events/{sangeet.Id}/run-of-show", new RunOfShowItemRequest(
            new DateTime(2027, 2, 13, 19, 30, 0), 30, "Couple's entry", null, "DJ Akbar", null, null, null, null, null));
        var link = (await api.SendAsync<VendorDayLinkRequest, VendorDayLinkResponse>($"/api/v1/weddings/{wedding.Id}/bookings/{booking.Id}/day-link",
            new VendorDayLinkRequest(MessageChannel.WhatsApp, "en"))).Url;
        var phone = await server.NewPageAsync(phone: true);

        await BrowserServer.ScenarioAsync(phone, "vendor-day", async () =>
        {
            await phone.GotoAsync(link);
            await Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your schedule: Sangeet");
            await Expect(phone.Locator("[data-test=arrival]")).ToContainTextAsync("Sat 13 Feb, 4:00 pm");
            await Expect(phone.Locator("[data-test=items] li")).ToHaveTextAsync(["4:00 pm Annapurna Caterers arrives (Sangeet dinner)", "8:30 pm Dinner service · Garden lawn"]);
            (await phone.Locator("script").CountAsync()).ShouldBe(0);
            await BrowserServer.NoHorizontalScrollAsync(phone, "vendor's day page");
            await Accessibility.CheckAsync(phone, "vendor's day page");
            await BrowserServer.ScreenshotAsync(phone, "vendor-day-phone");

            // The caterer first proposes a quarter past five (the truck may enter only after five), then finds a way and confirms four.
            await phone.GetByLabel("Time").FillAsync("17:15");
            await phone.GetByLabel("A note for the planner (optional)").FillAsync("The truck may enter only after 5");
            await phone.GetByRole(AriaRole.Button, new() { Name = "Propose this time" }).ClickAsync();
            await Expect(phone.Locator("[data-test=answer]")).ToHaveTextAsync("You proposed Sat 13 Feb, 5:15 pm. The planner will confirm.");
            var proposed = (await api.GetAsync<List<EventVendorResponse>>($"/api/v1/events/{sangeet.Id}/vendors")).ShouldHaveSingleItem();
            (proposed.Arrival.Answer, proposed.Arrival.ProposedTime, proposed.Arrival.Note).ShouldBe((ArrivalAnswer.Proposed, new DateTime(2027, 2, 13, 17, 15, 0),
                "The truck may enter only after 5"));
            await phone.GetByRole(AriaRole.Button, new() { Name = "I will be there at this time" }).ClickAsync();
            await Expect(phone.Locator("[data-test=answer]")).ToHaveTextAsync("You confirmed this time. Thank you!");
            await BrowserServer.ScreenshotAsync(phone, "vendor-day-confirmed-phone");
        });
        (await api.GetAsync<List<EventVendorResponse>>($"/api/v1/events/{sangeet.Id}/vendors")).ShouldHaveSingleItem().Arrival.Answer.ShouldBe(ArrivalAnswer.Confirmed);
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
