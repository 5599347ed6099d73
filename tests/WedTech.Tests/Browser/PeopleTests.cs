using Microsoft.Playwright;
using Shouldly;
using WedTech.Contracts;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests.Browser;

/// <summary>What each kind of person sees in the app, on a desktop and on a phone, online and offline.</summary>
[Collection(BrowserServer.Collection)]
public sealed class PeopleTests(BrowserServer server)
{
    private static readonly DateOnly WeddingDate = new(2027, 2, 14);

    [Fact]
    public async Task A_coordinator_sees_only_the_weddings_assigned_to_them()
    {
        using var api = await BrowserApi.SignUpAsync(server);
        var coordinator = await api.AddPersonAsync(Role.Coordinator, "Kavya Reddy");
        var assigned = await api.CreateWeddingAsync("Sharma–Verma wedding", "Priya Sharma", "Rahul Verma", WeddingDate, new TeamAssignment(coordinator.Id, TeamRole.Coordinator));
        var other = await api.CreateWeddingAsync("Iyer–Menon wedding", "Lakshmi Iyer", "Arjun Menon", WeddingDate);
        var page = await server.NewPageAsync();

        await BrowserServer.ScenarioAsync(page, "coordinator", async () =>
        {
            // A first visit to an app address: the sign-in page at once, asking to sign in (no session has "ended"), and none
            // of the app downloaded before signing in.
            var appFiles = 0;
            page.Request += (_, request) => appFiles += request.Url.Contains("/_framework/", StringComparison.Ordinal) ? 1 : 0;
            await page.GotoAsync($"{server.StudioUrl(api.Slug)}/app/weddings");
            await page.WaitForURLAsync($"{server.StudioUrl(api.Slug)}/login?returnUrl=%2Fapp%2Fweddings", BrowserServer.Committed);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to Shaadi Studio" })).ToBeVisibleAsync();
            await Expect(page.GetByText("session has ended")).ToHaveCountAsync(0);
            appFiles.ShouldBe(0, "the app is downloaded only once there is someone to show it to");
            await server.SignInWithTheFormAsync(page, api.Slug, coordinator.Email, expectedPath: "/app/weddings", isOnIt: true);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My weddings" })).ToBeVisibleAsync();
            await Expect(page.Locator("[data-test=weddings-table]")).ToContainTextAsync(assigned.Title);
            await Expect(page.Locator("[data-test=weddings-table] tbody tr")).ToHaveCountAsync(1);
            (await page.ContentAsync()).ShouldNotContain(other.Title);
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Team" })).ToHaveCountAsync(0);
            await Expect(page.Locator("[data-test=new-wedding]")).ToHaveCountAsync(0);

            // Coordinators never see money; another wedding's address is simply not found.
            await page.GetByRole(AriaRole.Link, new() { Name = assigned.Title }).ClickAsync();
            await Expect(page.Locator("[data-test=wedding-title]")).ToHaveTextAsync(assigned.Title);
            await Expect(page.Locator("[data-test=budget]")).ToHaveCountAsync(0);
            await Expect(page.Locator("[data-test=edit]")).ToHaveCountAsync(0);
            await Expect(page.Locator("[data-test=messages]")).ToHaveCountAsync(0);
            await BrowserServer.OpenAsync(page, $"{server.StudioUrl(api.Slug)}/app/weddings/{other.Id}");
            await Expect(page.Locator("[data-test=problem]")).ToContainTextAsync("Wedding not found");
            await BrowserServer.ScreenshotAsync(page, "coordinator-not-theirs");
        });
    }

    [Fact]
    public async Task A_client_lands_on_their_own_wedding_and_sees_nothing_internal()
    {
        using var api = await BrowserApi.SignUpAsync(server);
        var client = await api.AddPersonAsync(Role.Client, "Priya Sharma");
        var theirs = await api.CreateWeddingAsync("प्रिया और राहुल", "प्रिया शर्मा", "राहुल वर्मा", WeddingDate, new TeamAssignment(client.Id, TeamRole.Client));
        var other = await api.CreateWeddingAsync("Iyer–Menon wedding", "Lakshmi Iyer", "Arjun Menon", WeddingDate);
        var page = await server.NewPageAsync(phone: true);

        await BrowserServer.ScenarioAsync(page, "client", async () =>
        {
            await server.SignInAsync(page, api.Slug, client.Email, expectedPath: $"/app/weddings/{theirs.Id}");
            await Expect(page.Locator("[data-test=wedding-title]")).ToHaveTextAsync("प्रिया और राहुल");
            await Expect(page.Locator("[data-test=date]")).ToHaveTextAsync("14 Feb 2027");
            var content = await page.ContentAsync();
            content.ShouldNotContain("Staff-only note");
            content.ShouldNotContain("₹");
            content.ShouldNotContain(other.Title);
            await Expect(page.Locator("[data-test=messages]")).ToHaveCountAsync(0);
            await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToHaveCountAsync(0);
            await Expect(page.Locator("[data-test=ask-wedding-summary]")).ToHaveCountAsync(0);
            await Accessibility.CheckAsync(page, "client-wedding");
            await BrowserServer.NoHorizontalScrollAsync(page, "client wedding");
            await BrowserServer.ScreenshotAsync(page, "phone-client-wedding");

            await BrowserServer.OpenAsync(page, $"{server.StudioUrl(api.Slug)}/app/weddings/{other.Id}");
            await Expect(page.Locator("[data-test=problem]")).ToContainTextAsync("Wedding not found");

            // The couple subscribe their phone's calendar from their account menu.
            await page.GetByRole(AriaRole.Button, new() { Name = "Your account" }).ClickAsync();
            await page.Locator("[data-test=my-calendar]").ClickAsync();
            await page.Locator("[data-test=calendar-create]").ClickAsync();
            await Expect(page.Locator("#calendar-url")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"/calendar/[^/]+\.ics$"));
            await BrowserServer.NoHorizontalScrollAsync(page, "client calendar");
        });
    }

    [Fact]
    public async Task On_a_360_pixel_phone_the_main_pages_never_scroll_sideways()
    {
        using var api = await BrowserApi.SignUpAsync(server);
        var wedding = await api.CreateWeddingAsync("Raghavan–Krishnamurthy grand reception and sangeet", "Meenakshi Sundaram Raghavan", "Venkatesh Krishnamurthy", WeddingDate);
        await api.AddPersonAsync(Role.Planner, "Dhanalakshmi Venkataraman");
        var page = await server.NewPageAsync(phone: true);

        await BrowserServer.ScenarioAsync(page, "phone", async () =>
        {
            await page.GotoAsync(server.RootUrl);
            await BrowserServer.NoHorizontalScrollAsync(page, "landing");
            await BrowserServer.ScreenshotAsync(page, "phone-landing");

            await server.SignInAsync(page, api.Slug, api.AdminEmail, expectedPath: "/app/");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Namaste, Asha Admin" })).ToBeVisibleAsync();
            await Expect(page.Locator(".wedding-card")).ToHaveCountAsync(1);
            await BrowserServer.NoHorizontalScrollAsync(page, "dashboard");
            await Accessibility.CheckAsync(page, "dashboard");
            await BrowserServer.ScreenshotAsync(page, "phone-dashboard");

            foreach (var (path, name, ready) in new[]
            {
                ("weddings", "weddings", "[data-test=weddings-table]"),
                ($"weddings/{wedding.Id}", "wedding", "[data-test=wedding-title]"),
                ($"weddings/{wedding.Id}/edit", "wedding-edit", "#wedding-title"),
                ("team", "team", "[data-test=users-table]"),
                ("settings", "settings", "#settings-company"),
                ("calendar", "calendar", "[data-test=calendar-feeds]"),
                ("reports", "reports-empty", "[data-test=empty]"),
            })
            {
                await BrowserServer.GoInAppAsync(page, $"/app/{path}");
                await Expect(page.Locator(ready)).ToBeVisibleAsync();
                await BrowserServer.NoHorizontalScrollAsync(page, name);
                await Accessibility.CheckAsync(page, name);
                await BrowserServer.ScreenshotAsync(page, "phone-" + name);
            }
        });
    }

    [Fact]
    public async Task After_one_visit_the_app_opens_offline_shows_the_last_weddings_marked_stale_and_refuses_changes()
    {
        using var api = await BrowserApi.SignUpAsync(server);
        await api.CreateWeddingAsync("Kapoor–Malhotra wedding", "Simran Kapoor", "Raj Malhotra", WeddingDate);
        var page = await server.NewPageAsync();

        await BrowserServer.ScenarioAsync(page, "offline", async () =>
        {
            await server.SignInAsync(page, api.Slug, api.AdminEmail, expectedPath: "/app/");
            await page.GetByRole(AriaRole.Link, new() { Name = "Weddings", Exact = true }).ClickAsync();
            await Expect(page.Locator("[data-test=weddings-table]")).ToContainTextAsync("Kapoor–Malhotra wedding");
            // The service worker has taken over the page and kept the whole app shell.
            await WaitUntilAsync(page, """
                async () => navigator.serviceWorker.controller?.state === 'activated'
                    && (await caches.match(new URL('/app/', location.origin).href)) !== undefined
                """, TimeSpan.FromSeconds(90));

            // Cut the network: nothing reaches the server any more.
            await page.Context.SetOfflineAsync(true);
            await page.Context.RouteAsync("**/*", route => route.AbortAsync("internetdisconnected"));
            await BrowserServer.OpenAsync(page, $"{server.StudioUrl(api.Slug)}/app/weddings");

            await Expect(page.Locator("[data-test=offline-banner]")).ToBeVisibleAsync();
            await Expect(page.Locator("[data-test=stale-notice]")).ToContainTextAsync("Offline copy from");
            await Expect(page.Locator("[data-test=weddings-table]")).ToContainTextAsync("Kapoor–Malhotra wedding");
            await BrowserServer.ScreenshotAsync(page, "offline-weddings");

            await page.Locator("[data-test=new-wedding]").ClickAsync();
            await page.GetByLabel("Title").FillAsync("Written on a train");
            await page.GetByLabel("Bride's name").FillAsync("Anjali");
            await page.GetByLabel("Groom's name").FillAsync("Vikram");
            await BrowserServer.EnterAsync(page.GetByLabel("Wedding date", new() { Exact = true }), "01/03/2027");
            await page.Locator("[data-test=save]").ClickAsync();
            await Expect(page.Locator("[data-test=problem]")).ToContainTextAsync("You are offline, so this change was not saved.");
        });
    }

    [Fact]
    public async Task When_the_session_ends_mid_edit_signing_in_again_brings_back_what_was_typed()
    {
        using var api = await BrowserApi.SignUpAsync(server);
        var page = await server.NewPageAsync();

        await BrowserServer.ScenarioAsync(page, "session-expiry", async () =>
        {
            await server.SignInAsync(page, api.Slug, api.AdminEmail, expectedPath: "/app/weddings/new", open: "/app/weddings/new");
            await page.GetByLabel("Title").FillAsync("गुप्ता–सिंह विवाह");
            await page.GetByLabel("Bride's name").FillAsync("नेहा गुप्ता");

            // The session ends (both cookies gone, as after a week away): saving sends the planner to sign in.
            await page.Context.ClearCookiesAsync();
            await page.GetByLabel("Groom's name").FillAsync("अमन सिंह");
            await BrowserServer.EnterAsync(page.GetByLabel("Wedding date", new() { Exact = true }), "20/01/2027");
            await page.Locator("[data-test=save]").ClickAsync();
            await page.WaitForURLAsync(url => url.Contains("/login?ended=true&returnUrl=", StringComparison.Ordinal), BrowserServer.Committed);
            await Expect(page.GetByText("Your session has ended.")).ToBeVisibleAsync();

            await page.GetByLabel("E-mail").FillAsync(api.AdminEmail);
            await page.GetByLabel("Password").FillAsync(Studio.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync(BrowserServer.LoadsAnotherPage);
            await page.WaitForURLAsync($"{server.StudioUrl(api.Slug)}/app/weddings/new", BrowserServer.Committed);
            await BrowserServer.AppStartedAsync(page);
            await Expect(page.Locator("[data-test=draft-restored]")).ToBeVisibleAsync();
            await Expect(page.GetByLabel("Title")).ToHaveValueAsync("गुप्ता–सिंह विवाह");
            await Expect(page.GetByLabel("Groom's name")).ToHaveValueAsync("अमन सिंह");
            await page.Locator("[data-test=save]").ClickAsync();
            await Expect(page.Locator("[data-test=wedding-title]")).ToHaveTextAsync("गुप्ता–सिंह विवाह");
        });
    }

    [Fact]
    public async Task A_planner_is_told_when_someone_else_changed_the_wedding_and_can_delete_it_after_confirming()
    {
        using var api = await BrowserApi.SignUpAsync(server);
        var wedding = await api.CreateWeddingAsync("Bose–Das wedding", "Rituparna Bose", "Arindam Das", WeddingDate);
        var page = await server.NewPageAsync();

        await BrowserServer.ScenarioAsync(page, "conflict", async () =>
        {
            await server.SignInAsync(page, api.Slug, api.AdminEmail, expectedPath: $"/app/weddings/{wedding.Id}/edit", open: $"/app/weddings/{wedding.Id}/edit");
            await page.GetByLabel("City").FillAsync("Kolkata");

            // Meanwhile a colleague renames it.
            await api.RenameWeddingAsync(wedding, "Bose–Das wedding (Durga Puja week)");
            await page.Locator("[data-test=save]").ClickAsync();
            await Expect(page.Locator("[data-test=conflict]")).ToContainTextAsync("Someone else changed this wedding while you were editing it.");
            await Expect(page.GetByLabel("City")).ToHaveValueAsync("Kolkata");
            await Accessibility.CheckAsync(page, "conflict");
            await BrowserServer.ScreenshotAsync(page, "wedding-conflict");

            await page.Locator("[data-test=load-latest]").ClickAsync();
            await Expect(page.GetByLabel("Title")).ToHaveValueAsync("Bose–Das wedding (Durga Puja week)");
            await page.GetByLabel("City").FillAsync("Kolkata");
            await page.Locator("[data-test=save]").ClickAsync();
            await Expect(page.GetByText("Kolkata")).ToBeVisibleAsync();

            await page.Locator("[data-test=delete]").ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Keep it" }).ClickAsync();
            await Expect(page.Locator("[data-test=wedding-title]")).ToBeVisibleAsync();
            await page.Locator("[data-test=delete]").ClickAsync();
            await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync($"{server.StudioUrl(api.Slug)}/app/weddings");
            await Expect(page.Locator("[data-test=empty]")).ToHaveTextAsync("No weddings yet.");
        });
    }

    [Fact]
    public async Task Studio_settings_show_the_api_rules_at_their_fields_and_save()
    {
        using var api = await BrowserApi.SignUpAsync(server);
        var page = await server.NewPageAsync();

        await BrowserServer.ScenarioAsync(page, "settings", async () =>
        {
            await server.SignInAsync(page, api.Slug, api.AdminEmail, expectedPath: "/app/");
            await page.GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
            await Expect(page.GetByLabel("Company name")).ToHaveValueAsync("Shaadi Studio");
            await page.GetByLabel("GSTIN").FillAsync("27AAPFU0939F1ZX");
            await page.Locator("[data-test=save-settings]").ClickAsync();
            await Expect(page.Locator(".mud-input-helper-text.mud-input-error")).ToContainTextAsync("GSTIN");

            await page.GetByLabel("Company name").FillAsync("मेहंदी मोमेंट्स");
            await page.GetByLabel("GSTIN").FillAsync("27AAPFU0939F1ZV");
            await page.Locator("[data-test=save-settings]").ClickAsync();
            await Expect(page.GetByText("Settings saved.")).ToBeVisibleAsync();
            await Expect(page.Locator(".app-title")).ToHaveTextAsync("मेहंदी मोमेंट्स");
            await page.ReloadAsync();
            await Expect(page.GetByLabel("Company name")).ToHaveValueAsync("मेहंदी मोमेंट्स");
            await Expect(page.GetByLabel("GSTIN")).ToHaveValueAsync("27AAPFU0939F1ZV");
            await BrowserServer.ScreenshotAsync(page, "settings");
        });
    }

    /// <summary>Polls an async condition in the page (WaitForFunction does not await a returned promise).</summary>
    private static async Task WaitUntilAsync(IPage page, string condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await page.EvaluateAsync<bool>(condition))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not true after {timeout}: {condition}");
            }
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
