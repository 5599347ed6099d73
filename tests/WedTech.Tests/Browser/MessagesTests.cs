using Microsoft.Playwright;
using MimeKit;
using Shouldly;
using WedTech.Contracts;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests.Browser;

/// <summary>A planner writes to the couple from the wedding page, in the real app in Chromium, on a desktop and on a phone.</summary>
[Collection(BrowserServer.Collection)]
public sealed class MessagesTests(BrowserServer server)
{
    [Fact]
    public async Task A_planner_writes_an_email_to_the_couple_from_the_wedding_page_sees_it_listed_and_it_reaches_them()
    {
        using var api = await BrowserApi.SignUpAsync(server);
        var planner = await api.AddPersonAsync(Role.Planner, "Neha Kapoor");
        var bride = await api.AddPersonAsync(Role.Client, "Priya Sharma");
        var coordinator = await api.AddPersonAsync(Role.Coordinator, "Kavya Reddy");
        var wedding = await api.CreateWeddingAsync("Sharma–Verma wedding", "Priya Sharma", "Rohan Verma", new DateOnly(2027, 2, 14),
            new TeamAssignment(planner.Id, TeamRole.LeadPlanner), new TeamAssignment(bride.Id, TeamRole.Client), new TeamAssignment(coordinator.Id, TeamRole.Coordinator));
        var weddingPath = $"/app/weddings/{wedding.Id}";
        var page = await server.NewPageAsync();

        await BrowserServer.ScenarioAsync(page, "message-to-couple", async () =>
        {
            await server.SignInAsync(page, api.Slug, planner.Email, expectedPath: weddingPath, open: weddingPath);
            await Expect(page.Locator("[data-test=no-messages]")).ToBeVisibleAsync();
            await page.Locator("[data-test=write-message]").ClickAsync();

            // The couple are chosen, by e-mail; the team can be added.
            var dialog = page.GetByRole(AriaRole.Dialog);
            await Expect(dialog.GetByRole(AriaRole.Checkbox, new() { Name = "Priya Sharma" })).ToBeCheckedAsync();
            await Expect(dialog.GetByRole(AriaRole.Checkbox, new() { Name = "Kavya Reddy" })).Not.ToBeCheckedAsync();
            await Expect(dialog.GetByRole(AriaRole.Radio, new() { Name = "E-mail" })).ToBeCheckedAsync();
            await page.Locator("#message-subject").FillAsync("Mehendi timing");
            await page.Locator("#message-text").FillAsync("Namaste Priya, the mehendi artists arrive at 3 pm on Saturday.\nBring your playlist!");
            await Accessibility.CheckAsync(page, "message dialog");
            await BrowserServer.ScreenshotAsync(page, "message-dialog");
            await page.Locator("[data-test=send-message]").ClickAsync();

            await Expect(page.GetByText("Your message to Priya Sharma is on its way by e-mail.")).ToBeVisibleAsync();
            await Expect(dialog).ToHaveCountAsync(0);
            var row = page.Locator("[data-test=message]").First;
            await Expect(row.Locator("[data-test=message-to]")).ToHaveTextAsync("Priya Sharma");
            await Expect(row.Locator("[data-test=message-what]")).ToHaveTextAsync("Mehendi timing");
            await Expect(row.Locator("[data-test=message-meta]")).ToContainTextAsync("E-mail · ");
        });

        // The outbox's job sends it to the pickup folder: the couple's e-mail with the planner's words and the studio's name.
        var mail = await ArrivedAsync(bride.Email);
        mail.Subject.ShouldBe("Mehendi timing");
        mail.TextBody.ShouldNotBeNull().ShouldContain("the mehendi artists arrive at 3 pm on Saturday.");
        mail.TextBody.ShouldContain("— Shaadi Studio");

        await BrowserServer.ScenarioAsync(page, "message-sent", async () =>
        {
            await page.Locator("[data-test=refresh-messages]").ClickAsync();
            await Expect(page.Locator("[data-test=message]").First.Locator("[data-test=message-status]")).ToHaveTextAsync("Sent");
            await Accessibility.CheckAsync(page, "wedding with its messages");
            await BrowserServer.ScreenshotAsync(page, "wedding-messages");
        });

        var phone = await server.NewPageAsync(phone: true);
        await BrowserServer.ScenarioAsync(phone, "phone-messages", async () =>
        {
            await server.SignInAsync(phone, api.Slug, planner.Email, expectedPath: weddingPath, open: weddingPath);
            await Expect(phone.Locator("[data-test=message-to]").First).ToHaveTextAsync("Priya Sharma");
            await BrowserServer.NoHorizontalScrollAsync(phone, "phone wedding messages");
            await BrowserServer.ScreenshotAsync(phone, "phone-wedding-messages");

            // By SMS: what is left of today's quota, and the number to send it to.
            await phone.Locator("[data-test=write-message]").ClickAsync();
            await phone.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Checkbox, new() { Name = "Kavya Reddy" }).CheckAsync();
            await phone.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Radio, new() { Name = "SMS" }).CheckAsync();
            await Expect(phone.Locator("[data-test=quota-left]")).ToContainTextAsync("SMS messages for today are left; this uses 2.");
            await Expect(phone.GetByLabel("Priya Sharma's mobile number")).ToBeVisibleAsync();
            await Expect(phone.GetByLabel("Kavya Reddy's mobile number")).ToBeVisibleAsync();
            await BrowserServer.NoHorizontalScrollAsync(phone, "phone message dialog");
            await Accessibility.CheckAsync(phone, "phone message dialog");
            await BrowserServer.ScreenshotAsync(phone, "phone-message-dialog");
        });
    }

    /// <summary>The e-mail to <paramref name="address"/>, once the outbox's background job has written it (a minute at most on a busy machine).</summary>
    private async Task<MimeMessage> ArrivedAsync(string address)
    {
        var waiting = System.Diagnostics.Stopwatch.StartNew();
        while (waiting.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (await Mailbox.FindAsync(server.MailDirectory, m => m.To.Mailboxes.Any(to => to.Address == address), address) is { } mail)
            {
                return mail;
            }
        }
        throw new Xunit.Sdk.XunitException($"No e-mail to {address} in {server.MailDirectory} after {waiting.Elapsed.TotalSeconds:0} s.");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
