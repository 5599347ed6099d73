using Microsoft.Playwright;
using Shouldly;
using WedTech.Contracts;

namespace WedTech.Tests.Browser;

/// <summary>
/// An event's seating in the real app in Chromium: a planner adds a table, seats a family by dragging it onto the table and
/// another with the keyboard, looks at the page on a phone, and downloads the place cards, read back by poppler.
/// </summary>
// In the second lane: the first holds the guest list's and the people's scenarios, the longest (see BrowserServer.Collection).
[Collection(BrowserServer.SecondLane)]
public sealed class SeatingTests(BrowserServer server)
{
    private static readonly string[] OnTheCards = ["सुनीता शर्मा", "Rahul Sharma", "Anya Sharma", "Anil Verma", "Kiran Verma", "Table 1", "Lotus"];

    private static GuestRequest Member(string name) => new(null, name, null, null, AgeGroup.Adult, null, null, null, null, null);

    [Fact]
    public async Task A_planner_seats_a_family_by_dragging_it_and_downloads_the_place_cards()
    {
        using var api = await BrowserApi.SignUpAsync(server);
        var planner = await api.AddPersonAsync(Role.Planner, "Neha Kapoor");
        var wedding = await api.CreateWeddingAsync("Sharma–Verma wedding", "Priya Sharma", "Rohan Verma", new DateOnly(2027, 2, 14),
            new TeamAssignment(planner.Id, TeamRole.LeadPlanner));
        var reception = await api.AddEventAsync(wedding.Id, new EventRequest(EventType.Reception, "Reception", new DateTime(2027, 2, 14, 19, 0, 0),
            new DateTime(2027, 2, 14, 23, 0, 0), null, null, null, null, null, null, null));
        await api.AddHouseholdAsync(wedding.Id, new HouseholdRequest("शर्मा परिवार", GuestSide.Bride, "Mama's side", null, null, null, null, null, null, null, null,
            [Member("सुनीता शर्मा"), Member("Rahul Sharma"), Member("Anya Sharma")]), new InvitationRequest(reception.Id, 3, null));
        await api.AddHouseholdAsync(wedding.Id, new HouseholdRequest("Verma family", GuestSide.Groom, null, null, null, null, null, null, null, null, null,
            [Member("Anil Verma"), Member("Kiran Verma")]), new InvitationRequest(reception.Id, 2, null));
        var eventPath = $"/app/weddings/{wedding.Id}/events/{reception.Id}";
        var page = await server.NewPageAsync();

        await BrowserServer.ScenarioAsync(page, "seating", async () =>
        {
            await server.SignInAsync(page, api.Slug, planner.Email, expectedPath: eventPath, open: eventPath);
            await page.Locator("[data-test=open-seating]").ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/seating$"));
            await Expect(page.Locator("[data-test=no-tables]")).ToBeVisibleAsync();
            await Expect(page.Locator("[data-test=unseated-household]")).ToHaveCountAsync(2);

            // Two tables, added on the page.
            foreach (var (name, seats) in new[] { ("Table 1", "8"), ("Lotus", "4") })
            {
                await page.Locator("#table-name").FillAsync(name);
                await BrowserServer.EnterAsync(page.Locator("#table-seats"), seats);
                await page.Locator("[data-test=add-table-button]").ClickAsync();
                await Expect(page.Locator("[data-test=seating-table]", new() { HasText = name })).ToBeVisibleAsync();
            }

            // The family dragged onto Table 1 sits there, all three.
            var sharma = page.Locator("[data-test=unseated-household]", new() { HasText = "शर्मा परिवार" });
            var tableOne = page.Locator("[data-test=seating-table]", new() { HasText = "Table 1" });
            await sharma.DragToAsync(tableOne);
            await Expect(tableOne.Locator("[data-test=seated-party]")).ToContainTextAsync("सुनीता शर्मा, Rahul Sharma, Anya Sharma");
            await Expect(tableOne.Locator("[data-test=table-seats]")).ToHaveTextAsync("3 of 8 seats · Round");
            await Expect(page.Locator("[data-test=unseated-household]")).ToHaveCountAsync(1);

            // The other household with the keyboard: chosen, a table picked, the button pressed.
            await page.GetByRole(AriaRole.Button, new() { Name = "Verma family" }).ClickAsync();
            await page.GetByLabel("Table for the chosen household").SelectOptionAsync(new SelectOptionValue { Label = "Lotus (4 free)" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Seat household" }).ClickAsync();
            var lotus = page.Locator("[data-test=seating-table]", new() { HasText = "Lotus" });
            await Expect(lotus.Locator("[data-test=free-seats]")).ToHaveTextAsync("2 free seats");
            await Expect(page.Locator("[data-test=seating-summary]")).ToContainTextAsync("5 guests seated of 5 guests coming, at 2 tables");
            await Accessibility.CheckAsync(page, "seating");
            await BrowserServer.ScreenshotAsync(page, "seating-desktop");

            // On a phone: one column, nothing sideways.
            await page.SetViewportSizeAsync(360, 780);
            await BrowserServer.NoHorizontalScrollAsync(page, "seating on a phone");
            await BrowserServer.ScreenshotAsync(page, "seating-phone");
            await page.SetViewportSizeAsync(1280, 900);

            // The place cards: one per guest with the table, the Devanagari name shaped and extractable.
            var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-test=print-place-cards]").ClickAsync());
            download.SuggestedFilename.ShouldBe("place-cards-reception.pdf");
            (await download.FailureAsync()).ShouldBeNull("the file comes through the app's session");
            var text = await PdfTools.RunAsync("pdftotext", await File.ReadAllBytesAsync((await download.PathAsync())!, TestContext.Current.CancellationToken));
            foreach (var expected in OnTheCards)
            {
                text.ShouldContain(expected);
            }
        });
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static IPageAssertions Expect(IPage page) => Assertions.Expect(page);
}
