using Microsoft.Playwright;
using Shouldly;
using WedTech.Contracts;

namespace WedTech.Tests.Browser;

/// <summary>
/// Travel in the real app in Chromium, on a 360 px phone: a coordinator sees the arrivals, tells a family of its pickup,
/// plans the pickup of the others, sends the driver the day's manifest and downloads it (read back by poppler), then finds
/// the pickups due, the arrivals and the tables on the event's page.
/// </summary>
[Collection(BrowserServer.SecondLane)]
public sealed class TravelTests(BrowserServer server)
{
    private static GuestRequest Member(string name) => new(null, name, null, null, AgeGroup.Adult, null, null, null, null, null);

    [Fact]
    public async Task A_coordinator_tells_a_family_its_pickup_plans_the_rest_and_sends_the_driver_the_day()
    {
        using var api = await BrowserApi.SignUpAsync(server);
        var coordinator = await api.AddPersonAsync(Role.Coordinator, "Kavya Reddy");
        // Within the next two hours, at the studio's (India's) wall clock, whenever the test runs.
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata")).DateTime;
        var landing = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0).AddMinutes(45);
        var wedding = await api.CreateWeddingAsync("Sharma–Verma wedding", "Priya Sharma", "Rohan Verma", DateOnly.FromDateTime(now),
            new TeamAssignment(coordinator.Id, TeamRole.Coordinator));
        var sangeet = await api.AddEventAsync(wedding.Id, new EventRequest(EventType.Sangeet, "Sangeet", landing.AddHours(2), landing.AddHours(6), null, null, null, null, null,
            null, null));
        var sharma = await api.AddHouseholdAsync(wedding.Id, new HouseholdRequest("Sharma family", GuestSide.Bride, null, "+919812345678", null, null, null, null, null, null,
            null, [Member("सुनीता शर्मा"), Member("Rahul Sharma")]), new InvitationRequest(sangeet.Id, 2, null));
        var verma = await api.AddHouseholdAsync(wedding.Id, new HouseholdRequest("Verma family", GuestSide.Groom, null, null, null, null, null, null, null, null, null,
            [Member("Anil Verma")]), new InvitationRequest(sangeet.Id, 1, null));
        var tempo = await api.AddAsync<VehicleRequest, VehicleResponse>($"/api/v1/weddings/{wedding.Id}/vehicles",
            new VehicleRequest("Tempo Traveller 12-seater", 12, "RJ14 CD 4521", "Ramesh Kumar", "9876543210", "Jaipur Cabs", null));
        var sharmaLands = await api.AddAsync<TravelLegRequest, TravelLegResponse>($"/api/v1/weddings/{wedding.Id}/travel", new TravelLegRequest(sharma.Id,
            [.. sharma.Members.Select(m => m.Id)], TravelDirection.Arrival, TravelMode.Flight, landing, null, "IndiGo", "6E 2145", "Jaipur airport (JAI)", "2", true, null));
        await api.AddAsync<TravelLegRequest, TravelLegResponse>($"/api/v1/weddings/{wedding.Id}/travel", new TravelLegRequest(verma.Id,
            [.. verma.Members.Select(m => m.Id)], TravelDirection.Arrival, TravelMode.Flight, landing.AddMinutes(20), null, "Air India", "AI 471", "Jaipur airport (JAI)", "2", true, null));
        await api.AddAsync<TripRequest, TripResponse>($"/api/v1/weddings/{wedding.Id}/trips",
            new TripRequest(TravelDirection.Arrival, landing.AddMinutes(15), null, "Jaipur airport (JAI)", "2", tempo.Id, [sharmaLands.Id], null));
        var travelPath = $"/app/weddings/{wedding.Id}/travel";
        var page = await server.NewPageAsync(phone: true);

        await BrowserServer.ScenarioAsync(page, "travel", async () =>
        {
            await server.SignInAsync(page, api.Slug, coordinator.Email, expectedPath: travelPath, open: travelPath);
            await Expect(page.Locator("[data-test=leg]")).ToHaveCountAsync(2);
            await Expect(page.Locator("[data-test=leg-journey]").First).ToHaveTextAsync("Flight IndiGo 6E 2145 · Terminal 2 · Jaipur airport (JAI)");
            await page.Locator("[data-test=legs-unplaced]").CheckAsync();
            await Expect(page.Locator("[data-test=leg]")).ToHaveCountAsync(1);
            await Expect(page.Locator("[data-test=leg-who]")).ToHaveTextAsync("Verma family: Anil Verma");
            await BrowserServer.NoHorizontalScrollAsync(page, "arrivals on a phone");
            await Accessibility.CheckAsync(page, "travel");

            // The Sharmas are told of their pickup; the Vermas' is planned (the tempo is busy then, so it has no vehicle yet).
            await page.Locator("[data-test=tab-trips]").ClickAsync();
            await Expect(page.Locator("[data-test=trip]")).ToHaveCountAsync(1);
            await Expect(page.Locator("[data-test=trip-driver]")).ToHaveAttributeAsync("href", "tel:+919876543210");
            await page.Locator("[data-test=tell-guests]").ClickAsync();
            await page.Locator("[data-test=send-notice]").ClickAsync();
            await Expect(page.Locator("[data-test=notice-result]")).ToHaveTextAsync("Sent to 1 household.");
            await Expect(page.Locator("[data-test=trip-announced]")).ToContainTextAsync("Guests told by WhatsApp");
            await page.Locator("[data-test=plan-trips]").ClickAsync();
            await Expect(page.Locator("[data-test=plan-result]")).ToContainTextAsync("1 pickup planned for 1 arrival");
            await Expect(page.Locator("[data-test=trip]")).ToHaveCountAsync(2);
            await BrowserServer.NoHorizontalScrollAsync(page, "pickups on a phone");
            await BrowserServer.ScreenshotAsync(page, "travel-pickups-phone");

            // The driver gets the day by WhatsApp; the manifest PDF comes through the app's session and lists the family.
            await page.Locator("[data-test=tab-vehicles]").ClickAsync();
            await page.Locator("[data-test=send-to-driver]").ClickAsync();
            await page.Locator("[data-test=send-manifest]").ClickAsync();
            await Expect(page.Locator("[data-test=send-result]")).ToContainTextAsync("goes to Ramesh Kumar by WhatsApp");
            var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-test=manifest-pdf]").First.ClickAsync());
            (await download.FailureAsync()).ShouldBeNull("the file comes through the app's session");
            var text = await PdfTools.RunAsync("pdftotext", await File.ReadAllBytesAsync((await download.PathAsync())!, TestContext.Current.CancellationToken));
            text.ShouldContain("Sharma family");
            await BrowserServer.NoHorizontalScrollAsync(page, "vehicles on a phone");

            // On the event's page: the pickups due, the arrivals and the tables.
            await BrowserServer.GoInAppAsync(page, $"/app/weddings/{wedding.Id}/events/{sangeet.Id}");
            await Expect(page.Locator("[data-test=pickups-due] [data-test=trip]")).ToHaveCountAsync(2);
            await Expect(page.Locator("[data-test=arrivals-households]")).ToHaveTextAsync("0 of 2 households");
            await Expect(page.Locator("[data-test=tables-none]")).ToBeVisibleAsync();
            await BrowserServer.NoHorizontalScrollAsync(page, "the event on a phone");
            await Accessibility.CheckAsync(page, "event with pickups");
            await BrowserServer.ScreenshotAsync(page, "event-day-cards-phone");
        });
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
