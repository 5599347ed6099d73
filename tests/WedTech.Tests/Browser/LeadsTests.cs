using Microsoft.Playwright;
using Shouldly;
using WedTech.Contracts;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests.Browser;

/// <summary>
/// The leads on a 360 px phone: the board moves a lead with "Move to…" (no dragging on a phone), the list finds it, and a
/// follow-up added on the lead's page shows on its timeline and on the board's card.
/// </summary>
[Collection(BrowserServer.SecondLane)]
public sealed class LeadsTests(BrowserServer server)
{
    private static readonly string[] OpenStagesButNew = ["Contacted", "Meeting", "Proposal sent"];

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    [Fact]
    public async Task On_a_phone_a_planner_moves_a_lead_with_move_to_finds_it_in_the_list_and_adds_a_follow_up()
    {
        using var api = await BrowserApi.SignUpAsync(server);
        var planner = await api.AddPersonAsync(Role.Planner, "Neha Kapoor");
        var names = $"Ishita & Kabir {Guid.NewGuid().ToString("N")[..4]}";
        var lead = await api.AddAsync<LeadRequest, LeadResponse>("/api/v1/leads", new LeadRequest(names, "Ishita Rao", "9876501234", null, null, null,
            [new DateOnly(2027, 12, 4)], ["Sangeet", "Wedding"], "Udaipur", 250, BudgetBand.From50LakhTo1Crore, LeadSource.WedMeGood, null, null, null));
        await api.AddAsync<LeadRequest, LeadResponse>("/api/v1/leads", new LeadRequest("Someone Else & Other", "Someone Else", null, $"else-{Guid.NewGuid():N}@example.com",
            null, null, [], [], "Pune", null, null, LeadSource.Referral, null, null, null));
        var studio = server.StudioUrl(api.Slug);
        var phone = await server.NewPageAsync(phone: true);

        await BrowserServer.ScenarioAsync(phone, "leads-phone", async () =>
        {
            await server.SignInAsync(phone, api.Slug, planner.Email, "/app/leads", "/app/leads");
            var card = phone.Locator("[data-test=lead-card]", new() { HasText = names });
            await Expect(phone.Locator("[data-test=column][data-stage='New']").Locator("[data-test=lead-card]", new() { HasText = names })).ToBeVisibleAsync();
            await Expect(card).Not.ToContainTextAsync("follow up");
            await BrowserServer.NoHorizontalScrollAsync(phone, "phone board");
            await BrowserServer.ScreenshotAsync(phone, "leads-1-phone-board");

            // "Move to…": the menu lists the open stages but this one; Won and Lost are the lead page's.
            await card.Locator("[data-test=move-menu] button").ClickAsync();
            var targets = phone.Locator("[data-test=move-to]");
            await Expect(targets).ToHaveTextAsync(OpenStagesButNew);
            await BrowserServer.ScreenshotAsync(phone, "leads-2-phone-move-to");
            // The card moves at once; the server's answer is awaited before asking it.
            var moved = await phone.RunAndWaitForResponseAsync(() => targets.Filter(new() { HasText = "Meeting" }).ClickAsync(),
                response => response.Url.EndsWith($"/api/v1/leads/{lead.Id}/move", StringComparison.Ordinal));
            moved.Status.ShouldBe(200);
            var meeting = phone.Locator("[data-test=column][data-stage='Meeting']");
            await Expect(meeting.Locator("[data-test=lead-card]", new() { HasText = names })).ToBeVisibleAsync();
            await Expect(phone.Locator("[data-test=column][data-stage='New']").Locator("[data-test=lead-card]", new() { HasText = names })).ToHaveCountAsync(0);
            (await api.GetAsync<LeadResponse>($"/api/v1/leads/{lead.Id}")).StageName.ShouldBe("Meeting");

            // The list: both leads, then the search finds one, with its stage.
            await phone.Locator("[data-test=view-list]").ClickAsync();
            await phone.WaitForURLAsync($"{studio}/app/leads?view=list", BrowserServer.Committed);
            await Expect(phone.Locator("[data-test=lead-row]")).ToHaveCountAsync(2);
            await phone.GetByLabel("Search names, e-mail, phone, city").FillAsync("Udaipur");
            await Expect(phone.Locator("[data-test=lead-row]")).ToHaveCountAsync(1);
            var row = phone.Locator("[data-test=lead-row]");
            await Expect(row).ToContainTextAsync(names);
            await Expect(row).ToContainTextAsync("Meeting");
            await BrowserServer.NoHorizontalScrollAsync(phone, "phone list");
            await BrowserServer.ScreenshotAsync(phone, "leads-3-phone-list");

            // The lead's page: a WhatsApp with a follow-up a week ahead, typed as a studio writes dates.
            await row.GetByRole(AriaRole.Link, new() { Name = names }).ClickAsync();
            await phone.WaitForURLAsync($"{studio}/app/leads/{lead.Id}", BrowserServer.Committed);
            await Expect(phone.Locator("[data-test=lead-title]")).ToHaveTextAsync(names);
            var due = DateTime.Today.AddDays(7);
            await phone.Locator("[data-test=activity-kind]", new() { HasText = "WhatsApp" }).ClickAsync();
            await phone.Locator("#activity-text").FillAsync("Sent the Udaipur venue shortlist; they will choose by the weekend.");
            await BrowserServer.EnterAsync(phone.Locator("#follow-up-date"), due.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
            await phone.Locator("[data-test=add-activity]").ClickAsync();
            var line = phone.Locator("[data-test=timeline-line][data-kind=WhatsApp]");
            await Expect(line).ToContainTextAsync("Sent the Udaipur venue shortlist");
            await Expect(line.Locator("[data-test=follow-up-done]")).ToBeVisibleAsync();
            await Expect(phone.Locator("#activity-text")).ToHaveValueAsync("");
            await BrowserServer.NoHorizontalScrollAsync(phone, "phone lead page");
            await BrowserServer.ScreenshotAsync(phone, "leads-4-phone-lead-follow-up");
        });

        var timeline = await api.GetAsync<List<LeadActivityResponse>>($"/api/v1/leads/{lead.Id}/timeline");
        var followUp = timeline.Single(a => a.Kind == LeadActivityKind.WhatsApp);
        followUp.FollowUpAt.ShouldNotBeNull();
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(followUp.FollowUpAt.Value, TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata")).DateTime)
            .ShouldBe(DateOnly.FromDateTime(DateTime.Today.AddDays(7)));
        (await api.GetAsync<LeadResponse>($"/api/v1/leads/{lead.Id}")).NextFollowUpAt.ShouldNotBeNull();
    }
}
