using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Shouldly;
using WedTech.Contracts;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests.Browser;

/// <summary>
/// Issue 18 from end to end in Chromium: a couple send the studio's inquiry form from a 360 px phone; the planner drags the
/// lead to "Proposal sent" on the board, makes and sends a proposal in the editor; the couple accept it on the phone; a contract
/// is sent (through the API: its pages in the app are not built yet); the couple sign it on the phone with an e-mailed code and
/// a signature drawn with the mouse on the canvas; the studio countersigns (API); the planner clicks Won and the wedding opens
/// with its events from the lead's dates, and the couple are invited as clients.
/// </summary>
[Collection(BrowserServer.Collection)]
public sealed partial class LeadToWeddingTests(BrowserServer server)
{
    private static readonly string[] Wanted = ["Mehendi", "Sangeet", "Wedding"];

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    [Fact]
    public async Task A_lead_from_the_inquiry_form_becomes_a_wedding_with_a_proposal_accepted_and_a_contract_signed_on_a_phone()
    {
        using var api = await BrowserApi.SignUpAsync(server);
        var planner = await api.AddPersonAsync(Role.Planner, "Neha Kapoor");
        var studio = server.StudioUrl(api.Slug);
        var couple = $"aanya-{Guid.NewGuid():N}@example.com";
        var names = $"Aanya & Rohan {Guid.NewGuid().ToString("N")[..4]}";
        var phone = await server.NewPageAsync(phone: true);
        var desk = await server.NewPageAsync();
        Guid leadId = default;
        string proposalPath = "";

        // 1. The couple's inquiry, from the studio's own form on a phone.
        await BrowserServer.ScenarioAsync(phone, "lead-inquiry", async () =>
        {
            await phone.GotoAsync($"{studio}/inquiry");
            await BrowserServer.NoHorizontalScrollAsync(phone, "phone inquiry form");
            await phone.Locator("#f-posted-names").FillAsync(names);
            await phone.Locator("#f-posted-contactname").FillAsync("Aanya Mehta");
            await phone.Locator("#f-posted-city").FillAsync("Jaipur");
            await phone.Locator("#f-posted-phone").FillAsync("98765 43210");
            await phone.Locator("#f-posted-email").FillAsync(couple);
            await phone.Locator("#f-posted-date1").FillAsync("2027-11-19");
            await phone.Locator("#f-posted-date2").FillAsync("2027-11-20");
            foreach (var wanted in Wanted)
            {
                await phone.GetByLabel(wanted, new() { Exact = true }).CheckAsync();
            }
            await phone.Locator("#f-posted-guests").FillAsync("300");
            await phone.Locator("#f-posted-budget").SelectOptionAsync(nameof(BudgetBand.From25To50Lakh));
            await phone.Locator("#f-posted-source").SelectOptionAsync(nameof(LeadSource.Instagram));
            await phone.Locator("#f-message").FillAsync("We would love a palace in Jaipur for about 300 guests.");
            await BrowserServer.ScreenshotAsync(phone, "lead-1-phone-inquiry");
            await phone.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync(BrowserServer.LoadsAnotherPage);
            await Expect(phone.Locator("[data-test=thanks]")).ToBeVisibleAsync();
            await BrowserServer.NoHorizontalScrollAsync(phone, "phone inquiry thanks");
            await BrowserServer.ScreenshotAsync(phone, "lead-2-phone-inquiry-thanks");
        });

        // 2. The planner drags it on the board from New to "Proposal sent"; it stays there after a reload.
        await BrowserServer.ScenarioAsync(desk, "lead-board-drag", async () =>
        {
            await server.SignInAsync(desk, api.Slug, planner.Email, "/app/leads", "/app/leads");
            var card = desk.Locator("[data-test=lead-card]", new() { HasText = names });
            var column = desk.Locator("[data-test=column][data-stage='Proposal sent']");
            await Expect(desk.Locator("[data-test=column][data-stage='New']").Locator("[data-test=lead-card]", new() { HasText = names })).ToBeVisibleAsync();
            leadId = Guid.Parse((await card.GetAttributeAsync("data-lead"))!);
            await BrowserServer.ScreenshotAsync(desk, "lead-3-desktop-board");
            // The card moves at once; the server's answer is awaited before asking it.
            var moved = await desk.RunAndWaitForResponseAsync(() => DragAsync(desk, card.Locator(".lead-card-meta").First, column),
                response => response.Url.EndsWith($"/api/v1/leads/{leadId}/move", StringComparison.Ordinal));
            moved.Status.ShouldBe(200);
            await Expect(column.Locator("[data-test=lead-card]", new() { HasText = names })).ToBeVisibleAsync();
            await Expect(column.Locator("[data-test=column-count]")).ToHaveTextAsync("1");
            (await api.GetAsync<LeadResponse>($"/api/v1/leads/{leadId}")).StageName.ShouldBe("Proposal sent");
            await BrowserServer.OpenAsync(desk, $"{studio}/app/leads");
            await Expect(desk.Locator("[data-test=column][data-stage='Proposal sent']").Locator("[data-test=lead-card]", new() { HasText = names })).ToBeVisibleAsync();
            await Expect(desk.Locator("[data-test=column][data-stage='New']").Locator("[data-test=lead-card]")).ToHaveCountAsync(0);
            await BrowserServer.ScreenshotAsync(desk, "lead-4-desktop-board-dragged");
        });

        // 3. The planner opens the lead, makes a proposal in the editor and sends it by e-mail.
        await BrowserServer.ScenarioAsync(desk, "lead-proposal-editor", async () =>
        {
            await desk.Locator("[data-test=lead-card]", new() { HasText = names }).Locator("[data-test=lead-name]").ClickAsync();
            await desk.WaitForURLAsync($"{studio}/app/leads/{leadId}", BrowserServer.Committed);
            await Expect(desk.Locator("[data-test=lead-title]")).ToHaveTextAsync(names);
            await Expect(desk.Locator("[data-test=lead-details]")).ToContainTextAsync("Mehendi, Sangeet, Wedding");
            await Expect(desk.Locator("[data-test=no-proposals]")).ToBeVisibleAsync();
            await desk.Locator("[data-test=new-proposal]").ClickAsync();
            await desk.WaitForURLAsync(new Regex($"/app/leads/{leadId}/proposals/[0-9a-f-]{{36}}$"), BrowserServer.Committed);
            await Expect(desk.Locator("#proposal-title")).ToHaveValueAsync($"Wedding planning for {names}");
            await desk.Locator("[data-test=add-line]").ClickAsync();
            await BrowserServer.EnterAsync(desk.Locator("#line-service-0"), "Planning and coordination of three events");
            await BrowserServer.EnterAsync(desk.Locator("#line-unit-0"), "300000");
            await desk.Locator("[data-test=add-instalment]").ClickAsync();
            await BrowserServer.EnterAsync(desk.Locator("#plan-due-0"), "10/01/2027");
            await BrowserServer.EnterAsync(desk.Locator("#plan-share-0"), "100");
            await desk.Locator("[data-test=save-proposal]").ClickAsync();
            // ₹3,00,000 and 18% GST.
            await Expect(desk.Locator("[data-test=total]")).ToHaveTextAsync("₹3,54,000");
            await BrowserServer.ScreenshotAsync(desk, "lead-5-desktop-proposal-editor");
            var mail = await Mailbox.NextToAsync(server.MailDirectory, couple, () => desk.Locator("[data-test=send-proposal]").ClickAsync());
            await Expect(desk.Locator("[data-test=status]")).ToHaveTextAsync("Sent");
            await Expect(desk.Locator("[data-test=link-url]")).ToContainTextAsync("/proposal/");
            proposalPath = new Uri(Mailbox.Links(mail).Single(l => l.Contains("/proposal/", StringComparison.Ordinal))).AbsolutePath;
        });

        // 4. The couple open the proposal from the e-mail on the phone and accept it.
        await BrowserServer.ScenarioAsync(phone, "lead-proposal-accept", async () =>
        {
            await phone.GotoAsync(studio + proposalPath);
            await Expect(phone.Locator("[data-test=total]")).ToContainTextAsync("₹3,54,000");
            await BrowserServer.NoHorizontalScrollAsync(phone, "phone proposal");
            await BrowserServer.ScreenshotAsync(phone, "lead-6-phone-proposal");
            await BrowserServer.EnterAsync(phone.Locator("#f-name"), "Aanya Mehta");
            await phone.Locator("[data-test=accept]").ClickAsync();
            await Expect(phone.Locator("[data-test=accepted]")).ToContainTextAsync("Thank you, Aanya Mehta");
            await BrowserServer.NoHorizontalScrollAsync(phone, "phone proposal accepted");
            await BrowserServer.ScreenshotAsync(phone, "lead-7-phone-proposal-accepted");
        });
        var proposals = await api.GetAsync<List<ProposalSummary>>($"/api/v1/leads/{leadId}/proposals");
        proposals.Single().Status.ShouldBe(ProposalStatus.Accepted);

        // 5. The contract, prepared and sent through the API; its signing link from the couple's e-mail.
        var template = (await api.GetAsync<List<ContractTemplateResponse>>("/api/v1/contract-templates")).Single(t => t.BuiltIn);
        var contract = await api.AddAsync<ContractRequest, ContractResponse>($"/api/v1/leads/{leadId}/contracts",
            new ContractRequest(template.Id, null, null, 3_54_000_00, [new InstalmentRequest(null, "Advance on signing", InstalmentKind.Advance, new DateOnly(2027, 1, 10), 3_54_000_00)],
                null, "Samode Palace, Jaipur"));
        var contractRoot = $"/api/v1/leads/{leadId}/contracts/{contract.Id}";
        var signMail = await Mailbox.NextToAsync(server.MailDirectory, couple, () => api.SendAsync<object?, ContractSentResponse>($"{contractRoot}/send", null));
        var signPath = new Uri(Mailbox.Links(signMail).Single(l => l.Contains("/sign/", StringComparison.Ordinal))).AbsolutePath;

        // 6. The couple sign on the phone: a code by e-mail, their name, a signature drawn on the canvas, consent.
        await BrowserServer.ScenarioAsync(phone, "lead-contract-sign", async () =>
        {
            await phone.GotoAsync(studio + signPath);
            await Expect(phone.Locator("[data-test=contract-text]")).ToContainTextAsync("Samode Palace, Jaipur");
            await BrowserServer.NoHorizontalScrollAsync(phone, "phone signing page");
            await BrowserServer.ScreenshotAsync(phone, "lead-8-phone-sign");
            await Expect(phone.Locator("[data-test=code-form]")).ToContainTextAsync("E-mail to a•••@example.com");
            await phone.Locator("input[name=channel][value=email]").CheckAsync();
            var codeMail = await Mailbox.NextToAsync(server.MailDirectory, couple,
                () => phone.GetByRole(AriaRole.Button, new() { Name = "Send me a code" }).ClickAsync(BrowserServer.LoadsAnotherPage));
            await Expect(phone.Locator("[data-test=code-sent]")).ToContainTextAsync("by e-mail");
            // The channel chosen stays chosen: a second code would go the same way.
            await Expect(phone.Locator("input[name=channel][value=email]")).ToBeCheckedAsync();
            var code = SixDigits().Match(codeMail.TextBody ?? "").Value;
            code.ShouldMatch("^[0-9]{6}$");

            await phone.Locator("#f-code").FillAsync(code);
            await phone.Locator("#f-name").FillAsync("Aanya Mehta");
            var pad = phone.Locator("[data-test=signature-pad]");
            await pad.ScrollIntoViewIfNeededAsync();
            await DrawAsync(phone, pad);
            await Expect(phone.Locator("#signature-data")).ToHaveValueAsync(new Regex("^data:image/png;base64,.{200,}"));
            await phone.GetByLabel(new Regex("I agree to sign this contract electronically")).CheckAsync();
            await BrowserServer.NoHorizontalScrollAsync(phone, "phone signing page, drawn");
            await BrowserServer.ScreenshotAsync(phone, "lead-9-phone-sign-drawn");
            await phone.Locator("[data-test=sign-button]").ClickAsync(BrowserServer.LoadsAnotherPage);
            await Expect(phone.Locator("[data-test=signed]")).ToContainTextAsync("You signed this contract");
            await BrowserServer.NoHorizontalScrollAsync(phone, "phone signed");
            await BrowserServer.ScreenshotAsync(phone, "lead-10-phone-signed");
        });
        var signedByCouple = await api.GetAsync<ContractResponse>(contractRoot);
        signedByCouple.Status.ShouldBe(ContractStatus.AwaitingStudio);
        var evidence = signedByCouple.Versions[0].Signatures.ShouldHaveSingleItem();
        (evidence.Party, evidence.Name, evidence.OtpChannel).ShouldBe((SignatureParty.Couple, "Aanya Mehta", "e-mail"));
        evidence.UserAgent.ShouldNotBeNullOrEmpty();

        // 7. The studio countersigns (API), and the planner clicks Won: the wedding opens with its events; the couple are invited.
        (await api.SendAsync<CountersignRequest, ContractResponse>($"{contractRoot}/countersign", new CountersignRequest("Asha Admin", ContractTests.Signature(), true)))
            .Status.ShouldBe(ContractStatus.FullySigned);
        await BrowserServer.ScenarioAsync(desk, "lead-won", async () =>
        {
            await BrowserServer.GoInAppAsync(desk, $"/app/leads/{leadId}");
            await Expect(desk.Locator("[data-test=lead-title]")).ToHaveTextAsync(names);
            await Expect(desk.Locator("[data-test=proposal-status]")).ToHaveTextAsync("Accepted");
            await BrowserServer.ScreenshotAsync(desk, "lead-11-desktop-lead");
            var invitation = await Mailbox.NextToAsync(server.MailDirectory, couple, () => desk.Locator("[data-test=won]").ClickAsync());
            Mailbox.Links(invitation).ShouldContain(link => link.Contains("/accept-invitation?token=", StringComparison.Ordinal));
            await desk.WaitForURLAsync(new Regex("/app/weddings/[0-9a-f-]{36}$"), BrowserServer.Committed);
            await Expect(desk.Locator("[data-test=wedding-title]")).ToBeVisibleAsync();
            var events = desk.Locator("[data-test=event-name]");
            await Expect(events).ToHaveTextAsync(Wanted);
            await Expect(desk.Locator("[data-test=event-day-title]")).ToHaveCountAsync(2);
            await BrowserServer.ScreenshotAsync(desk, "lead-12-desktop-wedding");
        });
        var won = await api.GetAsync<LeadResponse>($"/api/v1/leads/{leadId}");
        won.StageKind.ShouldBe(PipelineStageKind.Won);
        won.WeddingId.ShouldNotBeNull();
        desk.Url.ShouldEndWith($"/app/weddings/{won.WeddingId}");
    }

    /// <summary>A drag with the mouse as a person makes it: pressed on the card, moved in steps over the board, let go on the column.</summary>
    internal static async Task DragAsync(IPage page, ILocator from, ILocator to)
    {
        await from.ScrollIntoViewIfNeededAsync();
        var start = (await from.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(start.X + start.Width / 2, start.Y + start.Height / 2);
        await page.Mouse.DownAsync();
        var end = (await to.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(start.X + start.Width / 2 + 10, start.Y + start.Height / 2 + 10, new() { Steps = 3 });
        // Near the column's left edge: a board wider than the window shows the last columns only in part.
        await page.Mouse.MoveAsync(end.X + Math.Min(end.Width / 2, 60), end.Y + Math.Min(end.Height / 2, 60), new() { Steps = 10 });
        await page.Mouse.UpAsync();
    }

    /// <summary>Three strokes drawn with the mouse in the signature box.</summary>
    private static async Task DrawAsync(IPage page, ILocator pad)
    {
        var box = (await pad.BoundingBoxAsync())!;
        for (var stroke = 0; stroke < 3; stroke++)
        {
            var x = box.X + box.Width * (0.15f + 0.25f * stroke);
            await page.Mouse.MoveAsync(x, box.Y + box.Height * 0.75f);
            await page.Mouse.DownAsync();
            await page.Mouse.MoveAsync(x + box.Width * 0.1f, box.Y + box.Height * 0.25f, new() { Steps = 8 });
            await page.Mouse.MoveAsync(x + box.Width * 0.2f, box.Y + box.Height * 0.7f, new() { Steps = 8 });
            await page.Mouse.UpAsync();
        }
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
