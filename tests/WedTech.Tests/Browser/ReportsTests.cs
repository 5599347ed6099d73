using Microsoft.Playwright;
using Shouldly;
using WedTech.Contracts;

namespace WedTech.Tests.Browser;

/// <summary>A planner asks for reports from the screens, follows them on the Reports page, downloads them, and the bell's notifications open them.</summary>
// In the second lane: the first holds the guest list's and the people's scenarios, the longest (see BrowserServer.Collection).
[Collection(BrowserServer.SecondLane)]
public sealed class ReportsTests(BrowserServer server)
{
    [Fact]
    public async Task A_planner_asks_for_reports_where_they_work_downloads_them_and_a_notification_opens_its_report()
    {
        using var api = await BrowserApi.SignUpAsync(server);
        var wedding = await api.CreateWeddingAsync("Raghavan–Krishnamurthy grand reception and sangeet", "Meenakshi Sundaram Raghavan", "Venkatesh Krishnamurthy",
            new DateOnly(2027, 2, 14));
        var page = await server.NewPageAsync();
        var marked = page.Locator("[data-test=report][aria-current=true]");

        await BrowserServer.ScenarioAsync(page, "reports", async () =>
        {
            await server.SignInAsync(page, api.Slug, api.AdminEmail, expectedPath: $"/app/weddings/{wedding.Id}", open: $"/app/weddings/{wedding.Id}");

            // The wedding's summary, asked for on the wedding: the planner lands on it, marked, and follows it until it is ready.
            await page.Locator("[data-test=ask-wedding-summary]").ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/app/reports\?report="));
            var summaryId = new Uri(page.Url).Query[(new Uri(page.Url).Query.IndexOf('=') + 1)..];
            await Expect(marked).ToHaveAttributeAsync("data-report", summaryId);
            await Expect(marked.Locator("h2")).ToHaveTextAsync("Wedding summary");
            await Expect(marked.Locator("[data-test=report-subject]")).ToHaveTextAsync(wedding.Title);
            await Expect(marked.Locator("[data-test=download]")).ToBeVisibleAsync();
            var pdf = await page.RunAndWaitForDownloadAsync(() => marked.Locator("[data-test=download]").ClickAsync());
            pdf.SuggestedFilename.ShouldBe("wedding-summary-2027-02-14.pdf");
            (await pdf.FailureAsync()).ShouldBeNull("the file comes through the app's session");

            // The weddings list, asked for right there in the format chosen.
            await page.Locator("[data-test=ask-weddings-list] button").ClickAsync();
            await page.Locator("[data-test=ask-weddings-list-csv]").ClickAsync();
            await Expect(marked).Not.ToHaveAttributeAsync("data-report", summaryId);
            await Expect(marked.Locator("h2")).ToHaveTextAsync("Weddings list");
            await Expect(marked).ToContainTextAsync("CSV · asked");
            await Expect(marked.Locator("[data-test=download]")).ToBeVisibleAsync();
            await Expect(page.Locator("[data-test=report]")).ToHaveCountAsync(2);
            await Expect(page.Locator("[data-test=report] h2")).ToHaveTextAsync(["Weddings list", "Wedding summary"]);
            await Accessibility.CheckAsync(page, "reports");
            await BrowserServer.ScreenshotAsync(page, "reports");

            // Each report's notification opens it on the Reports page, marked, from anywhere in the app.
            await WaitForNotificationsAsync(api, count: 2);
            await BrowserServer.GoInAppAsync(page, "/app/weddings");
            await Expect(page.Locator("[data-test=weddings-table]")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Notifications") }).ClickAsync();
            var notifications = page.Locator("[data-test=notification]");
            await Expect(notifications).ToHaveCountAsync(2);
            // The summary's notification (each is written by a job, so which came first depends on the jobs' order).
            var summaryReady = notifications.Filter(new() { HasText = "wedding-summary-" });
            await Expect(summaryReady).ToContainTextAsync("Your report is ready");
            await summaryReady.ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync($"{server.StudioUrl(api.Slug)}/app/reports?report={summaryId}");
            await Expect(marked).ToHaveAttributeAsync("data-report", summaryId);
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Notifications, 1 unread" })).ToBeVisibleAsync();
            await UnreadCountIsWhollyInTheAppBarAsync(page);
        });

        var phone = await server.NewPageAsync(phone: true);
        await BrowserServer.ScenarioAsync(phone, "phone-reports", async () =>
        {
            await server.SignInAsync(phone, api.Slug, api.AdminEmail, expectedPath: "/app/reports", open: "/app/reports");
            await Expect(phone.Locator("[data-test=report]")).ToHaveCountAsync(2);
            await Expect(phone.Locator("[data-test=download]")).ToHaveCountAsync(2);
            await BrowserServer.NoHorizontalScrollAsync(phone, "reports");
            await Expect(phone.GetByRole(AriaRole.Button, new() { Name = "Notifications, 1 unread" })).ToBeVisibleAsync();
            await UnreadCountIsWhollyInTheAppBarAsync(phone);
            await Accessibility.CheckAsync(phone, "phone-reports");
            await BrowserServer.ScreenshotAsync(phone, "phone-reports");
        });
    }

    /// <summary>The bell's unread count is drawn inside the app bar, not cut off by the top of the screen or the bar's edge.</summary>
    private static async Task UnreadCountIsWhollyInTheAppBarAsync(IPage page)
    {
        var bar = (await page.Locator(".mud-appbar").BoundingBoxAsync())!;
        var count = (await page.Locator(".mud-appbar .mud-badge").BoundingBoxAsync())!;
        count.Y.ShouldBeGreaterThanOrEqualTo(bar.Y, "the unread count sticks out above the app bar");
        (count.Y + count.Height).ShouldBeLessThanOrEqualTo(bar.Y + bar.Height, "the unread count sticks out below the app bar");
        (count.X + count.Width).ShouldBeLessThanOrEqualTo(bar.X + bar.Width, "the unread count sticks out of the screen");
    }

    /// <summary>The notifications are written by a job after each report: waits until the admin has this many.</summary>
    private static async Task WaitForNotificationsAsync(BrowserApi api, int count)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((await api.GetAsync<PagedResponse<NotificationResponse>>("/api/v1/notifications")).TotalCount < count)
        {
            waited.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(120), "the reports' notifications were not written");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
