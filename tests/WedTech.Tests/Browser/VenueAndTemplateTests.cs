using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Shouldly;
using WedTech.Contracts;

namespace WedTech.Tests.Browser;

/// <summary>A planner's venue book and wedding templates, and the dashboard's week of events, in the real app in Chromium.</summary>
[Collection(BrowserServer.SecondLane)]
public sealed partial class VenueAndTemplateTests(BrowserServer server)
{
    private const string NorthIndian = "North Indian 4-day";
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    [Fact]
    public async Task A_planner_makes_a_wedding_from_the_North_Indian_template_sees_its_events_this_week_and_saves_it_as_a_template()
    {
        using var api = await BrowserApi.SignUpAsync(server);
        var planner = await api.AddPersonAsync(Role.Planner, "Neha Kapoor");
        var today = (await api.GetAsync<WeddingOverviewResponse>("/api/v1/weddings/overview")).Today;
        var templateId = (await api.GetAsync<PagedResponse<WeddingTemplateSummary>>("/api/v1/templates?pageSize=100")).Items.Single(t => t.Name == NorthIndian).Id;
        var template = await api.GetAsync<WeddingTemplateResponse>($"/api/v1/templates/{templateId}");
        var ceremonyDay = template.Events.Single(e => e.Type == EventType.Ceremony).Day;
        var page = await server.NewPageAsync();
        var weddingId = Guid.Empty;

        await BrowserServer.ScenarioAsync(page, "wedding-from-template", async () =>
        {
            await server.SignInAsync(page, api.Slug, planner.Email, expectedPath: "/app/");
            await Expect(page.Locator("[data-test=today-events]")).ToContainTextAsync("No events today.");
            await page.GetByRole(AriaRole.Link, new() { Name = "New wedding" }).First.ClickAsync();

            // Start from the seeded template, its first day today: the outline shows the days it will take.
            await page.Locator("[data-test=from-template] .mud-radio", new() { HasText = NorthIndian }).ClickAsync();
            await Expect(page.Locator("[data-test=template-outline]")).ToContainTextAsync("Day 1: Mehendi 15:00");
            await BrowserServer.EnterAsync(page.GetByLabel("First day", new() { Exact = true }), Typed(today));
            await Expect(page.Locator("[data-test=template-outline] li").First).ToContainTextAsync(Day(today) + ": Mehendi 15:00");
            await Expect(page.GetByLabel("Wedding date", new() { Exact = true })).ToHaveValueAsync(Typed(today.AddDays(ceremonyDay)));
            await page.GetByLabel("Title").FillAsync("Kapoor–Malhotra wedding");
            await page.GetByLabel("Bride's name").FillAsync("Simran Kapoor");
            await page.GetByLabel("Groom's name").FillAsync("Raj Malhotra");
            await Accessibility.CheckAsync(page, "new wedding from a template");
            await BrowserServer.ScreenshotAsync(page, "new-wedding-from-template");
            await page.Locator("[data-test=save]").ClickAsync();

            await Assertions.Expect(page).ToHaveURLAsync(WeddingPage());
            await Expect(page.Locator("[data-test=wedding-title]")).ToHaveTextAsync("Kapoor–Malhotra wedding");
            weddingId = Guid.Parse(WeddingPage().Match(page.Url).Groups[1].Value);
        });

        // The API has the template's events on the days from today, at the template's local times.
        var events = (await api.GetAsync<PagedResponse<EventSummaryResponse>>($"/api/v1/weddings/{weddingId}/events?pageSize=100")).Items;
        events.Count.ShouldBe(template.Events.Count);
        events.Count.ShouldBeGreaterThanOrEqualTo(3);
        foreach (var planned in template.Events)
        {
            var made = events.Where(e => e.Name == planned.Name && e.Type == planned.Type).ShouldHaveSingleItem();
            made.Start.ShouldBe(today.AddDays(planned.Day).ToDateTime(planned.Start), planned.Name);
            made.TimeZone.ShouldBe("Asia/Kolkata");
            made.ItemCount.ShouldBe(planned.Items.Count, planned.Name);
        }
        var first = events.MinBy(e => e.StartsAt)!;

        await BrowserServer.ScenarioAsync(page, "week-and-save-as-template", async () =>
        {
            // The dashboard's week: today's first event and the ceremony later on, each linked to its event page.
            await page.GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();
            await Expect(page.Locator("[data-test=today-events]")).ToContainTextAsync(first.Name);
            await Expect(page.Locator("[data-test=today-events]")).ToContainTextAsync("Kapoor–Malhotra wedding");
            var ceremony = template.Events.Single(e => e.Type == EventType.Ceremony);
            if (ceremonyDay > 0)
            {
                await Expect(page.Locator("[data-test=week-events]")).ToContainTextAsync(ceremony.Name);
            }
            await Expect(page.Locator("[data-test=today-events] [data-test=day-event]").First).ToContainTextAsync("0/");
            await Accessibility.CheckAsync(page, "dashboard with this week's events");
            await BrowserServer.ScreenshotAsync(page, "dashboard-week");
            await page.Locator("[data-test=today-events]").GetByRole(AriaRole.Link, new() { Name = first.Name }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync($"{server.StudioUrl(api.Slug)}/app/weddings/{weddingId}/events/{first.Id}");

            // Saved as a template of the studio's own, then viewed and renamed on the templates page.
            await BrowserServer.GoInAppAsync(page, $"/app/weddings/{weddingId}");
            await page.Locator("[data-test=save-as-template]").ClickAsync();
            await page.GetByLabel("Template name").FillAsync(NorthIndian);
            await page.Locator("[data-test=save-template]").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("There is already a template named");
            await page.GetByLabel("Template name").FillAsync("Kapoor–Malhotra days");
            await page.GetByLabel("Description").FillAsync("As we ran it for Simran and Raj");
            await page.Locator("[data-test=save-template]").ClickAsync();
            await Expect(page.GetByText("Saved as the template Kapoor–Malhotra days")).ToBeVisibleAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = "Templates", Exact = true }).ClickAsync();
            await Expect(page.Locator("[data-test=templates-table]")).ToContainTextAsync(NorthIndian);
            await Expect(page.Locator("[data-test=templates-table]")).ToContainTextAsync("South Indian 1-day");
            await Accessibility.CheckAsync(page, "templates");
            await BrowserServer.ScreenshotAsync(page, "templates");
            await page.GetByRole(AriaRole.Link, new() { Name = "Kapoor–Malhotra days" }).ClickAsync();
            await Expect(page.Locator("[data-test=template-name]")).ToHaveTextAsync("Kapoor–Malhotra days");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Day 1", Exact = true })).ToBeVisibleAsync();
            await Expect(page.Locator("[data-test=template-event]")).ToHaveCountAsync(template.Events.Count);
            await Expect(page.Locator("[data-test=template-event]").First).ToContainTextAsync("Mehendi");
            await Accessibility.CheckAsync(page, "template");
            await BrowserServer.ScreenshotAsync(page, "template");

            await page.Locator("[data-test=rename-template]").ClickAsync();
            await page.GetByLabel("Template name").FillAsync("North Indian, as for the Kapoors");
            await page.Locator("[data-test=save-template]").ClickAsync();
            await Expect(page.Locator("[data-test=template-name]")).ToHaveTextAsync("North Indian, as for the Kapoors");
        });

        var phone = await server.NewPageAsync(phone: true, size: Phone);
        await BrowserServer.ScenarioAsync(phone, "phone-templates", async () =>
        {
            await server.SignInAsync(phone, api.Slug, planner.Email, expectedPath: "/app/");
            await Expect(phone.Locator("[data-test=today-events]")).ToContainTextAsync(first.Name);
            await CheckPhonePageAsync(phone, "phone-dashboard-week");

            await BrowserServer.GoInAppAsync(phone, $"/app/weddings/new?template={templateId}");
            await BrowserServer.EnterAsync(phone.GetByLabel("First day", new() { Exact = true }), Typed(today));
            await Expect(phone.Locator("[data-test=template-outline] li").First).ToContainTextAsync(Day(today));
            await CheckPhonePageAsync(phone, "phone-new-wedding-from-template");

            foreach (var (path, name, ready) in new[]
            {
                ($"weddings/{weddingId}", "phone-wedding-actions", "[data-test=save-as-template]"),
                ("templates", "phone-templates", "[data-test=templates-table]"),
                ($"templates/{templateId}", "phone-template", "[data-test=template-event]"),
            })
            {
                await BrowserServer.GoInAppAsync(phone, $"/app/{path}");
                await Expect(phone.Locator(ready).First).ToBeVisibleAsync();
                await CheckPhonePageAsync(phone, name);
            }
        });
    }

    [Fact]
    public async Task A_planner_adds_a_venue_with_its_state_and_a_contact_and_cannot_delete_it_while_an_event_is_there()
    {
        using var api = await BrowserApi.SignUpAsync(server);
        var planner = await api.AddPersonAsync(Role.Planner, "Neha Kapoor");
        var page = await server.NewPageAsync();
        var venueId = Guid.Empty;

        await BrowserServer.ScenarioAsync(page, "venue", async () =>
        {
            await server.SignInAsync(page, api.Slug, planner.Email, expectedPath: "/app/");
            await page.GetByRole(AriaRole.Link, new() { Name = "Venues" }).ClickAsync();
            await Expect(page.Locator("[data-test=empty]")).ToContainTextAsync("No venues yet.");
            await page.Locator("[data-test=new-venue]").ClickAsync();

            await page.Locator("#venue-name").FillAsync("Rambagh Palace");
            await page.Locator("#venue-address").FillAsync("Bhawani Singh Road");
            await page.Locator("#venue-city").FillAsync("Jaipur");
            await page.Locator("#venue-state").ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Rajasthan" }).ClickAsync();
            await Expect(page.Locator("#venue-state")).ToHaveValueAsync("Rajasthan (08)");
            await Expect(page.GetByText("GST state code 08")).ToBeVisibleAsync();
            await page.Locator("#venue-capacity").FillAsync("800");
            await page.Locator("#venue-map").FillAsync("https://maps.app.goo.gl/rambagh");
            await Expect(page.Locator("[data-test=open-map]")).ToHaveAttributeAsync("target", "_blank");
            await page.Locator("[data-test=add-contact]").ClickAsync();
            await page.Locator("#contact-name-0").FillAsync("Sunita Rathore");
            await page.Locator("#contact-role-0").FillAsync("Banquet manager");
            await page.Locator("#contact-phone-0").FillAsync("12345");
            await page.Locator("#contact-email-0").FillAsync("sunita@rambagh-palace.example.com");

            // The API's rule for phone numbers shows at the contact's phone.
            await page.Locator("[data-test=save-venue]").ClickAsync();
            var phoneField = page.Locator(".mud-input-control", new() { Has = page.Locator("#contact-phone-0") });
            await Expect(phoneField.Locator(".mud-input-helper-text.mud-input-error")).ToContainTextAsync("This is not a valid phone number.");
            await Expect(page.Locator("#contact-phone-0")).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(page.Locator("#venue-name")).ToHaveAttributeAsync("aria-invalid", "false");
            await Accessibility.CheckAsync(page, "venue form with an error");
            await BrowserServer.ScreenshotAsync(page, "venue-form-errors");

            await page.Locator("#contact-phone-0").FillAsync("98290 12345");
            await page.Locator("[data-test=save-venue]").ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/app/venues/([0-9a-f-]{36})$"));
            venueId = Guid.Parse(page.Url[^36..]);
            await Expect(page.Locator("[data-test=venue-name]")).ToHaveTextAsync("Rambagh Palace");
            await Expect(page.Locator("[data-test=venue-state]")).ToHaveTextAsync("Rajasthan GST 08");
            await Expect(page.Locator("[data-test=venue-contacts]")).ToContainTextAsync("+919829012345");
            await Accessibility.CheckAsync(page, "venue");
            await BrowserServer.ScreenshotAsync(page, "venue");
        });

        var venue = await api.GetAsync<VenueResponse>($"/api/v1/venues/{venueId}");
        venue.StateCode.ShouldBe("08");
        venue.Country.ShouldBe("IN");
        venue.TimeZone.ShouldBe("Asia/Kolkata");
        venue.Capacity.ShouldBe(800);
        venue.MapUrl.ShouldBe("https://maps.app.goo.gl/rambagh");
        venue.Contacts.ShouldBe([new VenueContact("Sunita Rathore", "Banquet manager", "+919829012345", "sunita@rambagh-palace.example.com")]);

        var wedding = await api.CreateWeddingAsync("Rathore–Shekhawat wedding", "Divya Rathore", "Vikram Shekhawat", new DateOnly(2027, 2, 14));
        await api.AddEventAsync(wedding.Id, new EventRequest(EventType.Sangeet, "Sangeet", new DateTime(2027, 2, 13, 19, 0, 0), new DateTime(2027, 2, 13, 23, 30, 0),
            null, venueId, null, 300, null, null, null));

        await BrowserServer.ScenarioAsync(page, "venues-list-and-in-use", async () =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Venues" }).ClickAsync();
            await Expect(page.Locator("[data-test=venues-table]")).ToContainTextAsync("Rambagh Palace");
            await page.Locator("input[data-test=state-filter]").ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Kerala" }).ClickAsync();
            await Expect(page.Locator("[data-test=empty]")).ToHaveTextAsync("No venues match these filters.");
            await page.Locator("input[data-test=state-filter]").ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Rajasthan" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("state=08"));
            await Expect(page.Locator("[data-test=venues-table] tbody tr")).ToHaveCountAsync(1);
            await Expect(page.Locator("[data-test=venues-table]")).ToContainTextAsync("Rajasthan (08)");
            await Accessibility.CheckAsync(page, "venues");
            await BrowserServer.ScreenshotAsync(page, "venues");

            // The sangeet is planned there: the venue stays, and the planner is told why.
            await page.GetByRole(AriaRole.Link, new() { Name = "Rambagh Palace" }).ClickAsync();
            await Expect(page.Locator("[data-test=event-count]")).ToHaveTextAsync("1 event");
            await page.Locator("[data-test=delete-venue]").ClickAsync();
            await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
            await Expect(page.Locator("[data-test=in-use]")).ToContainTextAsync("This venue is still in use. The venue is used by 1 event; move it to another venue first.");
            await Expect(page.Locator("[data-test=venue-name]")).ToHaveTextAsync("Rambagh Palace");
            await Accessibility.CheckAsync(page, "venue in use");
            await BrowserServer.ScreenshotAsync(page, "venue-in-use");
        });
        (await api.GetAsync<VenueResponse>($"/api/v1/venues/{venueId}")).EventCount.ShouldBe(1);

        var phone = await server.NewPageAsync(phone: true, size: Phone);
        await BrowserServer.ScenarioAsync(phone, "phone-venues", async () =>
        {
            await server.SignInAsync(phone, api.Slug, planner.Email, expectedPath: "/app/");
            foreach (var (path, name, ready) in new[]
            {
                ("venues", "phone-venues", "[data-test=venues-table]"),
                ($"venues/{venueId}", "phone-venue", "[data-test=venue-contacts]"),
                ($"venues/{venueId}/edit", "phone-venue-edit", "[data-test=contact-row]"),
            })
            {
                await BrowserServer.GoInAppAsync(phone, $"/app/{path}");
                await Expect(phone.Locator(ready)).ToBeVisibleAsync();
                await CheckPhonePageAsync(phone, name);
            }
        });
    }

    private static async Task CheckPhonePageAsync(IPage page, string name)
    {
        await BrowserServer.NoHorizontalScrollAsync(page, name);
        await Accessibility.CheckAsync(page, name);
        await BrowserServer.ScreenshotAsync(page, name);
    }

    /// <summary>A date as a person in India types it.</summary>
    private static string Typed(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>A day as the app writes it: "Thu, 10 Dec 2026".</summary>
    private static string Day(DateOnly day) => day.ToString("ddd", CultureInfo.InvariantCulture) + ", " + IndianFormat.Date(day);

    [GeneratedRegex(@"/app/weddings/([0-9a-f-]{36})$")]
    private static partial Regex WeddingPage();

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
