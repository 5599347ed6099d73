using Microsoft.Playwright;
using Shouldly;
using WedTech.Contracts;

namespace WedTech.Tests.Browser;

/// <summary>
/// The guest list in the real app in Chromium: a planner finds households in any script, adds one with its invitations and
/// sends invitations, and sees answers arrive without a reload on the list, the headcounts and the RSVP board; the couple adds a
/// household from a phone and looks at the board there.
/// </summary>
[Collection(BrowserServer.Collection)]
public sealed class GuestListTests(BrowserServer server)
{
    private static GuestRequest Member(string name, Diet? diet = null, AgeGroup age = AgeGroup.Adult) => new(null, name, null, null, age, diet, null, null, null, null);

    private static HouseholdRequest Household(string name, GuestSide side, params GuestRequest[] members) =>
        new(name, side, null, null, null, "Jaipur", null, null, ["outstation"], null, null, members);

    private static HouseholdRequest Household(string name, GuestSide side, string email, params GuestRequest[] members) =>
        Household(name, side, members) with { Email = email };

    [Fact]
    public async Task A_planner_keeps_the_guest_list_and_sees_answers_arrive_and_the_couple_adds_a_household_from_a_phone()
    {
        using var api = await BrowserApi.SignUpAsync(server);
        var planner = await api.AddPersonAsync(Role.Planner, "Neha Kapoor");
        var bride = await api.AddPersonAsync(Role.Client, "Priya Sharma");
        var wedding = await api.CreateWeddingAsync("Sharma–Verma wedding", "Priya Sharma", "Rohan Verma", new DateOnly(2027, 2, 14),
            new TeamAssignment(planner.Id, TeamRole.LeadPlanner), new TeamAssignment(bride.Id, TeamRole.Client));
        var mehendi = await api.AddEventAsync(wedding.Id, new EventRequest(EventType.Mehendi, "Mehendi", new DateTime(2027, 2, 12, 15, 0, 0), new DateTime(2027, 2, 12, 20, 0, 0),
            null, null, null, null, null, null, null));
        var sangeet = await api.AddEventAsync(wedding.Id, new EventRequest(EventType.Sangeet, "Sangeet", new DateTime(2027, 2, 13, 19, 0, 0), new DateTime(2027, 2, 13, 23, 0, 0),
            null, null, null, null, null, null, null));
        var sharma = await api.AddHouseholdAsync(wedding.Id, Household("शर्मा परिवार", GuestSide.Bride, Member("सुनीता शर्मा", Diet.Jain), Member("Rahul Sharma", Diet.Veg)),
            new InvitationRequest(mehendi.Id, 4, null), new InvitationRequest(sangeet.Id, 2, null));
        var verma = await api.AddHouseholdAsync(wedding.Id, Household("Verma family", GuestSide.Groom, "anil.verma@example.com", Member("Anil Verma", Diet.NonVeg)), new InvitationRequest(sangeet.Id, 3, null));
        var guestsPath = $"/app/weddings/{wedding.Id}/guests";
        var page = await server.NewPageAsync();

        await BrowserServer.ScenarioAsync(page, "guest-list", async () =>
        {
            await server.SignInAsync(page, api.Slug, planner.Email, expectedPath: guestsPath, open: guestsPath);
            await Expect(page.Locator("[data-test=household-row]")).ToHaveCountAsync(2);
            await Expect(page.Locator("[data-test=guest-count]")).ToContainTextAsync("2 households · 3 guests");

            // Search in the script the name was written in, and filter by side.
            await page.Locator("#guest-search").FillAsync("सुनीता");
            await Expect(page.Locator("[data-test=household-name]")).ToHaveTextAsync(["शर्मा परिवार"]);
            await page.Locator("#guest-search").FillAsync("");
            await Expect(page.Locator("[data-test=household-row]")).ToHaveCountAsync(2);

            // A new household with two members, invited to the Sangeet for two.
            await page.Locator("[data-test=add-household]").ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await page.Locator("#household-name").FillAsync("Kapoor family");
            await page.Locator("#household-side").ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "Groom's side" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Listbox)).ToHaveCountAsync(0);
            await page.Locator("#household-phone").FillAsync("98765 43210");
            await BrowserServer.EnterAsync(page.Locator("#member-name-0"), "Vikram Kapoor");
            await page.Locator("[data-test=add-member]").ClickAsync();
            await page.Locator("#member-name-1").FillAsync("Meera Kapoor");
            await BrowserServer.EnterAsync(page.Locator($"#places-{sangeet.Id}"), "2");
            await Accessibility.CheckAsync(page, "household dialog");
            await BrowserServer.ScreenshotAsync(page, "household-dialog");
            await page.Locator("[data-test=save-household]").ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);
            await Expect(page.GetByText("Kapoor family added.")).ToBeVisibleAsync();
            await Expect(page.Locator("[data-test=guest-count]")).ToContainTextAsync("3 households · 5 guests");
            var kapoor = page.Locator("[data-test=household-row]", new() { HasText = "Kapoor family" });
            await Expect(kapoor.Locator("[data-test=invitation-chip]")).ToHaveTextAsync(["Sangeet: Waiting"]);

            // An answer recorded elsewhere (on the phone, by a coordinator) reaches the open list without a reload.
            await api.AnswerAsync(wedding.Id, sharma.Id, mehendi.Id, new RsvpRequest(null, 3));
            var sharmaRow = page.Locator("[data-test=household-row]", new() { HasText = "शर्मा परिवार" });
            await Expect(sharmaRow.Locator("[data-test=invitation-chip]").First).ToHaveTextAsync("Mehendi: 3 of 4");
            // Invitations by e-mail: what goes, and to whom not, is shown before anything is sent; the list then shows it sent.
            await page.Locator("[data-test=send-invitations]").ClickAsync();
            await Expect(page.Locator("[data-test=send-count]")).ToHaveTextAsync("1 message to the wedding's households");
            await Expect(page.Locator("[data-test=send-quota]")).ToContainTextAsync("left today");
            await page.Locator("[data-test=send-channel] .mud-radio", new() { HasText = "E-mail" }).ClickAsync();
            await Expect(page.Locator("[data-test=send-quota]")).ToHaveCountAsync(0);
            await Expect(page.Locator("[data-test=send-skipped] summary")).ToHaveTextAsync("2 households can't get it");
            await Expect(page.Locator("[data-test=send-sample]")).ToContainTextAsync("Namaste Verma family, Priya Sharma & Rohan Verma would love to have you");
            await Accessibility.CheckAsync(page, "send dialog");
            await BrowserServer.ScreenshotAsync(page, "send-dialog");
            await page.Locator("[data-test=send-confirm]").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
            await Expect(page.Locator("[data-test=guest-send-state]")).ToContainTextAsync("1 sent");
            var vermaRow = page.Locator("[data-test=household-row]", new() { HasText = "Verma family" });
            await Expect(vermaRow.Locator("[data-test=message-state]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Invitation (sent|delivered)$"));

            await Accessibility.CheckAsync(page, "guest list");
            await BrowserServer.ScreenshotAsync(page, "guest-list");

            // The wedding page's headcounts follow the answers live too.
            await BrowserServer.GoInAppAsync(page, $"/app/weddings/{wedding.Id}");
            var mehendiRow = page.Locator("[data-test=headcount-row]", new() { HasText = "Mehendi" });
            await Expect(mehendiRow.Locator("[data-test=headcount-coming]")).ToHaveTextAsync("3");
            await api.AnswerAsync(wedding.Id, sharma.Id, sangeet.Id, new RsvpRequest(null, 0));
            var sangeetRow = page.Locator("[data-test=headcount-row]", new() { HasText = "Sangeet" });
            await Expect(sangeetRow.Locator("[data-test=headcount-waiting]")).ToHaveTextAsync("5");
            await BrowserServer.ScreenshotAsync(page, "wedding-headcounts");

            // The RSVP board, from the wedding page: the first event anyone is invited to, its households by answer.
            await page.Locator("[data-test=open-board]").ClickAsync();
            var coming = page.Locator("[data-test=board-attending]");
            var waiting = page.Locator("[data-test=board-pending]");
            var notComing = page.Locator("[data-test=board-declined]");
            await Expect(coming.Locator("[data-test=household-name]")).ToHaveTextAsync(["शर्मा परिवार"]);
            await Expect(coming.Locator("[data-test=card-places]")).ToHaveTextAsync(["3 of 4 places coming"]);
            // A select with a value hides its input: open it by what shows the value.
            await page.Locator("div.mud-select", new() { Has = page.Locator("#board-event") }).First.ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "Sangeet · 13 Feb 2027" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Listbox)).ToHaveCountAsync(0);
            await Expect(notComing.Locator("[data-test=household-name]")).ToHaveTextAsync(["शर्मा परिवार"]);
            await Expect(waiting.Locator("[data-test=household-name]")).ToHaveTextAsync(["Kapoor family", "Verma family"]);
            await Expect(waiting.Locator("[data-test=column-places]")).ToHaveTextAsync("5 places");
            await Expect(page.Locator("[data-test=caterer-pdf]")).ToHaveAttributeAsync("href", $"/api/v1/weddings/{wedding.Id}/caterer-sheet?eventId={sangeet.Id}&format=pdf");
            await Expect(page.Locator("[data-test=caterer-all-xlsx]")).ToHaveAttributeAsync("href", $"/api/v1/weddings/{wedding.Id}/caterer-sheet?format=xlsx");

            // An answer given in another session moves its household across without a reload, with the columns' places.
            await api.AnswerAsync(wedding.Id, verma.Id, sangeet.Id, new RsvpRequest(null, 2));
            await Expect(coming.Locator("[data-test=household-name]")).ToHaveTextAsync(["Verma family"]);
            await Expect(coming.Locator("[data-test=card-places]")).ToHaveTextAsync(["2 of 3 places coming"]);
            await Expect(coming.Locator("[data-test=column-places]")).ToHaveTextAsync("2 places");
            await Expect(waiting.Locator("[data-test=column-places]")).ToHaveTextAsync("2 places");
            await Expect(notComing.Locator("[data-test=column-places]")).ToHaveTextAsync("2 places");
            await Accessibility.CheckAsync(page, "RSVP board");
            await BrowserServer.ScreenshotAsync(page, "rsvp-board");
            await waiting.Locator("[data-test=board-card] button").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Heading, new() { Name = "Kapoor family" })).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        });

        var phone = await server.NewPageAsync(phone: true);
        await BrowserServer.ScenarioAsync(phone, "couple-guest-list", async () =>
        {
            await server.SignInAsync(phone, api.Slug, bride.Email, expectedPath: guestsPath, open: guestsPath);
            // On a phone the list starts below the fold, and a virtualised list draws its rows once it is scrolled to.
            await phone.Locator("[data-test=guest-list]").ScrollIntoViewIfNeededAsync();
            await Expect(phone.Locator("[data-test=household-row]")).ToHaveCountAsync(3);
            await Expect(phone.Locator("[data-test=send-invitations]")).ToHaveCountAsync(0);
            await phone.Locator("[data-test=add-household]").ClickAsync();
            await phone.Locator("#household-name").FillAsync("Iyer family");
            await phone.Locator("#household-side").ClickAsync();
            await phone.GetByRole(AriaRole.Option, new() { Name = "Bride's side" }).ClickAsync();
            await Expect(phone.GetByRole(AriaRole.Listbox)).ToHaveCountAsync(0);
            await BrowserServer.EnterAsync(phone.Locator("#member-name-0"), "Lakshmi Iyer");
            await Expect(phone.Locator("#household-notes")).ToHaveCountAsync(0);
            await BrowserServer.NoHorizontalScrollAsync(phone, "phone household dialog");
            await Accessibility.CheckAsync(phone, "phone household dialog");
            await phone.Locator("[data-test=save-household]").ClickAsync();
            await Expect(phone.GetByText("Iyer family added.")).ToBeVisibleAsync();
            await Expect(phone.Locator("[data-test=household-row]")).ToHaveCountAsync(4);
            await BrowserServer.NoHorizontalScrollAsync(phone, "phone guest list");
            await BrowserServer.ScreenshotAsync(phone, "phone-guest-list");

            // The board on a phone: one column at a time, swiped sideways inside the board, never the page.
            await phone.Locator("[data-test=open-board]").ClickAsync();
            await Expect(phone.Locator("[data-test=board-attending] [data-test=household-name]")).ToHaveTextAsync(["शर्मा परिवार"]);
            await BrowserServer.NoHorizontalScrollAsync(phone, "phone RSVP board");
            await Accessibility.CheckAsync(phone, "phone RSVP board");
            await BrowserServer.ScreenshotAsync(phone, "phone-rsvp-board");
        });
    }

    [Fact]
    public async Task A_planner_imports_the_family_workbook_and_fixes_one_mapping()
    {
        using var api = await BrowserApi.SignUpAsync(server);
        var planner = await api.AddPersonAsync(Role.Planner, "Neha Kapoor");
        var wedding = await api.CreateWeddingAsync("Sharma–Mehta wedding", "Priya Sharma", "Amit Mehta", new DateOnly(2027, 2, 14),
            new TeamAssignment(planner.Id, TeamRole.LeadPlanner));
        var guestsPath = $"/app/weddings/{wedding.Id}/guests";
        var page = await server.NewPageAsync();

        // Each step on a desktop, then on a 360 px phone (the same page, narrowed), with axe on both.
        async Task StepAsync(string name)
        {
            await Accessibility.CheckAsync(page, $"import wizard: {name}");
            await BrowserServer.ScreenshotAsync(page, $"import-{name}");
            await page.SetViewportSizeAsync(360, 740);
            await Expect(page.Locator("[data-test=import-dialog]")).ToBeInViewportAsync(new() { Ratio = 0.5f });
            await BrowserServer.NoHorizontalScrollAsync(page, $"phone import wizard: {name}");
            await Accessibility.CheckAsync(page, $"phone import wizard: {name}");
            await BrowserServer.ScreenshotAsync(page, $"phone-import-{name}");
            await page.SetViewportSizeAsync(1280, 860);
        }

        await BrowserServer.ScenarioAsync(page, "guest-import", async () =>
        {
            await server.SignInAsync(page, api.Slug, planner.Email, expectedPath: guestsPath, open: guestsPath);
            await Expect(page.Locator("[data-test=no-guests]")).ToBeVisibleAsync();
            await page.Locator("[data-test=import-guests]").ClickAsync();
            var dialog = page.Locator("[data-test=import-dialog]");
            await Expect(dialog.Locator("[data-test=import-choose]")).ToBeVisibleAsync();
            await StepAsync("upload");

            await dialog.Locator("input[type=file]").SetInputFilesAsync(Path.Combine(PublishTests.RepositoryRoot(), "tests", "data", "guests", "family-workbook.xlsx"));
            await Expect(dialog.GetByRole(AriaRole.Heading, new() { Name = "Sheet “Friends”" })).ToBeVisibleAsync();
            // The Friends tab's Tags column was detected as tags; the planner leaves it out.
            var tags = dialog.Locator("[data-test=import-column]", new() { HasText = "college, NRI" });
            await Expect(tags.Locator("input").First).ToHaveValueAsync("Tags");
            await StepAsync("mapping");
            await tags.Locator("div.mud-select").First.ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "Don't import" }).ClickAsync();
            await Expect(tags.Locator("input").First).ToHaveValueAsync("Don't import");

            await page.Locator("[data-test=import-check]").ClickAsync();
            await Expect(dialog.Locator("[data-test=import-counts]")).ToContainTextAsync("Households12");
            await Expect(dialog.Locator("[data-test=import-issues]")).ToContainTextAsync("Sharma side, row 10: '98765' is not a phone number");
            await StepAsync("preview");

            await page.Locator("[data-test=import-start]").ClickAsync();
            await Expect(dialog.Locator("[data-test=import-done]")).ToContainTextAsync("12 households added");
            await StepAsync("done");
            await page.Locator("[data-test=import-close]").ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);
            await Expect(page.Locator("[data-test=guest-count]")).ToContainTextAsync("12 households");
            var chris = page.Locator("[data-test=household-row]", new() { HasText = "Chris Evans" });
            await Expect(chris).ToContainTextAsync("Friends");
            await Expect(chris).Not.ToContainTextAsync("college");
        });
    }

    [Fact]
    public async Task A_guest_answers_for_three_events_in_Hindi_on_a_phone_and_the_headcounts_have_it()
    {
        using var api = await BrowserApi.SignUpAsync(server);
        var wedding = await api.CreateWeddingAsync("शर्मा–वर्मा विवाह", "प्रिया", "रोहन", new DateOnly(2027, 2, 14));
        EventRequest Event(EventType type, string name, int day, int hour) =>
            new(type, name, new DateTime(2027, 2, day, hour, 0, 0), new DateTime(2027, 2, day, hour + 3, 0, 0), null, null, null, null, null, null, null);
        var events = new[]
        {
            await api.AddEventAsync(wedding.Id, Event(EventType.Mehendi, "मेहंदी", 12, 15)),
            await api.AddEventAsync(wedding.Id, Event(EventType.Sangeet, "संगीत", 13, 19)),
            await api.AddEventAsync(wedding.Id, Event(EventType.Ceremony, "फेरे", 14, 18)),
        };
        var household = await api.AddHouseholdAsync(wedding.Id, Household("शर्मा परिवार", GuestSide.Bride, Member("सुनीता शर्मा"), Member("रमेश शर्मा")),
            [.. events.Select(e => new InvitationRequest(e.Id, 2, null))]);
        var link = await api.RsvpLinkAsync(wedding.Id, household.Id);
        var phone = await server.NewPageAsync(phone: true);

        await BrowserServer.ScenarioAsync(phone, "guest-rsvp-hindi", async () =>
        {
            await phone.GotoAsync(link + "?lang=hi");
            await Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("प्रिया");
            await Expect(phone.Locator("form > fieldset > legend")).ToHaveTextAsync(["मेहंदी", "संगीत", "फेरे", "भोजन", "यात्रा"]);
            (await phone.Locator("script").CountAsync()).ShouldBe(0);
            // Both come to the mehendi and the pheras; Ramesh misses the sangeet.
            var coming = phone.GetByRole(AriaRole.Radio, new() { Name = "आ रहे हैं", Exact = true });
            await Expect(coming).ToHaveCountAsync(6);
            for (var i = 0; i < 6; i++)
            {
                await coming.Nth(i).CheckAsync();
            }
            await phone.GetByRole(AriaRole.Radio, new() { Name = "नहीं आ रहे", Exact = true }).Nth(3).CheckAsync();
            await BrowserServer.NoHorizontalScrollAsync(phone, "guest's RSVP page");
            await Accessibility.CheckAsync(phone, "guest's RSVP page in Hindi");
            await BrowserServer.ScreenshotAsync(phone, "phone-rsvp-hindi");
            await phone.GetByRole(AriaRole.Button, new() { Name = "मेरा जवाब भेजें" }).ClickAsync();
            await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "धन्यवाद!" })).ToBeVisibleAsync();
            await Accessibility.CheckAsync(phone, "guest's thank-you page");
            await BrowserServer.ScreenshotAsync(phone, "phone-rsvp-thanks");
        });

        var counts = await api.GetAsync<HeadcountsResponse>($"/api/v1/weddings/{wedding.Id}/headcounts");
        counts.Events.Select(e => (e.Attending, e.Declined, e.Pending)).ShouldBe([(2, 0, 0), (1, 1, 0), (2, 0, 0)]);
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
