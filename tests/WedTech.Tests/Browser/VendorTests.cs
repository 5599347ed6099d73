using Microsoft.Playwright;
using Shouldly;
using WedTech.Contracts;

namespace WedTech.Tests.Browser;

/// <summary>
/// Vendors and the budget in Chromium: a planner books a caterer at a price per plate, watches the budget follow an RSVP
/// and plays with a what-if on a 360 px phone; the caterer opens the day link on a phone, sees their arrival and their
/// part of the evening (nobody else's), proposes another time and then confirms the first; the studio sees the answer.
/// </summary>
[Collection(BrowserServer.Collection)]
public sealed class VendorTests(BrowserServer server)
{
    [Fact]
    public async Task A_planner_books_a_caterer_per_plate_sees_the_budget_follow_an_rsvp_and_tries_a_what_if_on_a_phone()
    {
        using var api = await BrowserApi.SignUpAsync(server);
        var planner = await api.AddPersonAsync(Role.Planner, "Neha Kapoor");
        var wedding = await api.CreateWeddingAsync("Sharma–Verma wedding", "Priya Sharma", "Rohan Verma", new DateOnly(2027, 2, 14),
            new TeamAssignment(planner.Id, TeamRole.LeadPlanner));
        var sangeet = await api.AddEventAsync(wedding.Id, new EventRequest(EventType.Sangeet, "Sangeet", new DateTime(2027, 2, 13, 19, 0, 0),
            new DateTime(2027, 2, 13, 23, 30, 0), null, null, null, null, null, null, null));
        var family = await api.AddHouseholdAsync(wedding.Id, new HouseholdRequest("Sharma family", GuestSide.Bride, null, null, null, null, null, null, null, null, null,
            [new GuestRequest(null, "Sunita Sharma", null, null, AgeGroup.Adult, null, null, null, null, null)]), new InvitationRequest(sangeet.Id, 20, null));
        await api.AnswerAsync(wedding.Id, family.Id, sangeet.Id, new RsvpRequest(null, 10));
        await api.AddAsync<VendorRequest, VendorResponse>("/api/v1/vendors", new VendorRequest("Annapurna Caterers", ["Caterer"], null, null, null, null, "Jaipur", "08",
            null, 5, null));
        var vendorsPath = $"/app/weddings/{wedding.Id}/vendors";
        var budgetPath = $"/app/weddings/{wedding.Id}/budget";
        var page = await server.NewPageAsync();

        await BrowserServer.ScenarioAsync(page, "book-caterer", async () =>
        {
            await server.SignInAsync(page, api.Slug, planner.Email, expectedPath: vendorsPath, open: vendorsPath);
            await page.Locator("[data-test=add-booking]").ClickAsync();
            await page.Locator("#booking-vendor").FillAsync("Annapurna");
            await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Annapurna Caterers" }).ClickAsync();
            // A select with a value hides its input: open it by what shows the value.
            await page.Locator("div.mud-select", new() { Has = page.Locator("#booking-event") }).First.ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "Sangeet · 13 Feb 2027" }).ClickAsync();
            await page.Locator("#booking-service").FillAsync("Sangeet dinner");
            await page.Locator("div.mud-select", new() { Has = page.Locator("#booking-status") }).First.ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "Booked", Exact = true }).ClickAsync();
            if (await page.Locator("[data-test=quote-line]").CountAsync() == 0)
            {
                await page.Locator("[data-test=add-line]").ClickAsync();
            }
            await page.Locator("#line-description-0").FillAsync("Dinner, per plate");
            await page.Locator("[data-test=quote-line]").First.GetByLabel("Per guest").CheckAsync();
            await Expect(page.Locator("[data-test=line-guests]")).ToContainTextAsync("10 guests");
            await page.Locator("#line-unit-0").FillAsync("1200");
            await page.Locator("div.mud-select", new() { Has = page.Locator("#line-gst-0") }).First.ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "5%", Exact = true }).ClickAsync();
            await Expect(page.Locator("[data-test=quote-total]")).ToHaveTextAsync("₹12,600");
            await BrowserServer.ScreenshotAsync(page, "booking-dialog-desktop");
            await page.Locator("[data-test=save-booking]").ClickAsync();
            await Expect(page.Locator("[data-test=booking]")).ToHaveCountAsync(1);
            await Expect(page.Locator("[data-test=booking-total]")).ToHaveTextAsync("₹12,600");
            await Accessibility.CheckAsync(page, "the wedding's vendors");
            await BrowserServer.ScreenshotAsync(page, "wedding-vendors-desktop");
        });

        var phone = await server.NewPageAsync(phone: true);
        await BrowserServer.ScenarioAsync(phone, "budget-what-if", async () =>
        {
            await server.SignInAsync(phone, api.Slug, planner.Email, expectedPath: budgetPath, open: budgetPath);
            await Expect(phone.Locator("[data-test=total-committed]")).ToHaveTextAsync("₹12,600");
            // Two more say yes in another session: two more plates, without a reload.
            await api.AnswerAsync(wedding.Id, family.Id, sangeet.Id, new RsvpRequest(null, 12));
            await Expect(phone.Locator("[data-test=total-committed]")).ToHaveTextAsync("₹15,120");
            await BrowserServer.NoHorizontalScrollAsync(phone, "the budget on a phone");
            await Accessibility.CheckAsync(phone, "the budget");

            // "What if only 8 come?": the caterer's category and the couple's total fall by 4 plates with GST; nothing is saved.
            await phone.Locator($"#whatif-guests-{sangeet.Id}").FillAsync("8");
            await Expect(phone.Locator("[data-test=what-if-total-delta]")).ToHaveTextAsync("−₹5,040");
            await Expect(phone.Locator("[data-test=what-if-category][data-category=Caterer] [data-test=what-if-delta]")).ToHaveTextAsync("−₹5,040");
            await BrowserServer.NoHorizontalScrollAsync(phone, "a what-if on a phone");
            await BrowserServer.ScreenshotAsync(phone, "budget-what-if-phone");
            await phone.Locator("[data-test=what-if-reset]").ClickAsync();
            await Expect(phone.Locator("[data-test=what-if-result]")).ToHaveCountAsync(0);
            await Expect(phone.Locator("[data-test=total-committed]")).ToHaveTextAsync("₹15,120");
        });
        (await api.GetAsync<BudgetResponse>($"/api/v1/weddings/{wedding.Id}/budget")).Totals.CommittedPaise.ShouldBe(15_120_00);
    }

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
