using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Shouldly;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests.Browser;

/// <summary>A new visitor signs up a studio and plans a first wedding, in the real app in Chromium.</summary>
[Collection(BrowserServer.SecondLane)]
public sealed class StudioJourneyTests(BrowserServer server)
{
    [Fact]
    public async Task A_new_studio_signs_up_lands_signed_in_creates_edits_finds_a_wedding_and_invites_a_coordinator()
    {
        var page = await server.NewPageAsync();
        var slug = Studio.NewSlug("journey");
        await BrowserServer.ScenarioAsync(page, "journey", async () =>
        {
        await page.GotoAsync(server.RootUrl);
        await Accessibility.CheckAsync(page, "landing");
        await BrowserServer.ScreenshotAsync(page, "desktop-landing");
        await page.GetByLabel("Studio name").FillAsync("Saat Vachan Weddings");
        await page.GetByLabel("Your address").FillAsync(slug);
        await page.GetByLabel("Your name").FillAsync("Meera Iyer");
        await page.GetByLabel("Your e-mail").FillAsync($"meera@{slug}.example.com");
        await page.GetByLabel("Choose a password").FillAsync(Studio.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my studio" }).ClickAsync(BrowserServer.LoadsAnotherPage);

        // Landed on the studio's own host, signed in, on the dashboard.
        await page.WaitForURLAsync(server.StudioUrl(slug) + "/app/", BrowserServer.Committed);
        await BrowserServer.AppStartedAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Namaste, Meera Iyer" })).ToBeVisibleAsync();
        await BrowserServer.ScreenshotAsync(page, "dashboard-empty");

        // A wedding with names in Devanagari, and a budget shown the Indian way.
        await page.GetByRole(AriaRole.Link, new() { Name = "New wedding" }).First.ClickAsync();
        await page.GetByLabel("Title").FillAsync("शर्मा–वर्मा विवाह");
        await page.GetByLabel("Bride's name").FillAsync("प्रिया शर्मा");
        await page.GetByLabel("Groom's name").FillAsync("राहुल वर्मा");
        await BrowserServer.EnterAsync(page.GetByLabel("Wedding date", new() { Exact = true }), "12/12/2026");
        await page.GetByLabel("City").FillAsync("जयपुर");
        await page.GetByLabel("Estimated budget (₹)").FillAsync("1234567");
        await page.GetByLabel("Guests (estimate)").FocusAsync();
        await Expect(page.GetByText("₹12,34,567")).ToBeVisibleAsync();
        await page.Locator("[data-test=save]").ClickAsync();

        await Expect(page.Locator("[data-test=wedding-title]")).ToHaveTextAsync("शर्मा–वर्मा विवाह");
        await Expect(page.Locator("[data-test=couple]")).ToHaveTextAsync("प्रिया शर्मा & राहुल वर्मा");
        await Expect(page.Locator("[data-test=date]")).ToHaveTextAsync("12 Dec 2026");
        await Expect(page.Locator("[data-test=budget]")).ToHaveTextAsync("₹12,34,567");
        await Accessibility.CheckAsync(page, "wedding");
        await BrowserServer.ScreenshotAsync(page, "wedding");

        // It is in the list, and search finds it by the bride's name.
        await page.GetByRole(AriaRole.Link, new() { Name = "Weddings", Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-test=weddings-table]")).ToContainTextAsync("शर्मा–वर्मा विवाह");
        await page.GetByLabel("Search by title or couple's name").FillAsync("प्रिया");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("q=%E0%A4%AA"));
        await Expect(page.Locator("[data-test=weddings-table]")).ToContainTextAsync("प्रिया शर्मा");
        await page.GetByLabel("Search by title or couple's name").FillAsync("nobody-by-this-name");
        await Expect(page.Locator("[data-test=empty]")).ToBeVisibleAsync();
        await page.GetByLabel("Search by title or couple's name").FillAsync("");
        await Expect(page.Locator("[data-test=weddings-table]")).ToContainTextAsync("शर्मा–वर्मा विवाह");
        await Accessibility.CheckAsync(page, "weddings");
        await BrowserServer.ScreenshotAsync(page, "weddings");

        // Edit: a field error from the API shows at its field; a good value saves.
        await page.GetByRole(AriaRole.Link, new() { Name = "शर्मा–वर्मा विवाह" }).ClickAsync();
        await page.Locator("[data-test=edit]").ClickAsync();
        await BrowserServer.EnterAsync(page.GetByLabel("Wedding date", new() { Exact = true }), "12/12/1999");
        await page.Locator("[data-test=save]").ClickAsync();
        await Expect(page.GetByText("The date must be between the years 2000 and 2100.")).ToBeVisibleAsync();
        await BrowserServer.EnterAsync(page.GetByLabel("Wedding date", new() { Exact = true }), "13/12/2026");
        await page.GetByLabel("City").FillAsync("उदयपुर");
        await page.Locator("[data-test=save]").ClickAsync();
        await Expect(page.Locator("[data-test=date]")).ToHaveTextAsync("13 Dec 2026");
        await Expect(page.GetByText("उदयपुर")).ToBeVisibleAsync();

        // Invite a coordinator from the team page.
        await page.GetByRole(AriaRole.Link, new() { Name = "Team" }).ClickAsync();
        await page.GetByLabel("E-mail").FillAsync($"kavya@{slug}.example.com");
        await page.GetByLabel("Name").FillAsync("Kavya Reddy");
        await page.Locator("[data-test=send-invite]").ClickAsync();
        await Expect(page.GetByText($"Invitation sent to kavya@{slug}.example.com.")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-test=users-table]")).ToContainTextAsync("Kavya Reddy");
        await Expect(page.Locator("[data-test=users-table]")).ToContainTextAsync("Invited");
        (await Mailbox.LatestToAsync(server.MailDirectory, $"kavya@{slug}.example.com")).Subject.ShouldNotBeNullOrEmpty();
        await Accessibility.CheckAsync(page, "team");
        await BrowserServer.ScreenshotAsync(page, "team");
        });
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
