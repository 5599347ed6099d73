using System.Net;
using Microsoft.Playwright;
using WedTech.Contracts;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests.Browser;

[Collection(BrowserServer.Collection)]
public sealed class ProposalTests(BrowserServer server)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_couple_open_the_proposal_on_a_phone_take_an_option_and_accept()
    {
        var studio = await Studio.CreateAsync(server, Studio.NewSlug("ui"));
        using var admin = await studio.AdminAsync();
        var lead = await ProposalSeeds.LeadAsync(studio);
        var root = $"/api/v1/leads/{lead}/proposals";
        var proposal = await (await admin.PostJsonAsync(root, ProposalSeeds.NewProposal() with
        {
            Lines =
            [
                new ProposalLineRequest("Planning and coordination", "Three events, a lead planner and two coordinators on the days.", null, 1, 3_00_000_00, 1800, null, null),
                new ProposalLineRequest("Sangeet choreography", "Six sessions at home", null, 6, 8_000_00, 1800, true, false),
                new ProposalLineRequest("Welcome hampers", null, null, 40, 1_500_00, 1200, true, true),
            ],
            DiscountKind = null,
            DiscountValue = null,
        })).ReadAsync<ProposalResponse>(HttpStatusCode.Created);
        var sent = await (await admin.PostJsonAsync($"{root}/{proposal.Id}/send", new SendProposalRequest(null))).ReadAsync<SendProposalResponse>();
        var path = new Uri(sent.Link).AbsolutePath;

        var phone = await server.NewPageAsync(phone: true);
        await BrowserServer.ScenarioAsync(phone, "proposal-accept", async () =>
        {
            await phone.GotoAsync(server.StudioUrl(studio.Slug) + path);
            var total = phone.Locator("[data-test=total]");
            var first = await total.InnerTextAsync();
            await BrowserServer.NoHorizontalScrollAsync(phone, "phone proposal");
            await BrowserServer.ScreenshotAsync(phone, "phone-proposal");

            // The choreography taken: ₹48,000 + 18%, the total rises by ₹56,640.
            await phone.Locator("[data-test=option]").First.CheckAsync();
            await phone.Locator("[data-test=update]").ClickAsync();
            await Assertions.Expect(total).Not.ToHaveTextAsync(first);
            await BrowserServer.ScreenshotAsync(phone, "phone-proposal-option");
            await BrowserServer.EnterAsync(phone.Locator("#f-name"), "Aanya Mehta");
            await phone.Locator("[data-test=accept]").ClickAsync();
            await Assertions.Expect(phone.Locator("[data-test=accepted]")).ToContainTextAsync("Thank you, Aanya Mehta");
            await BrowserServer.NoHorizontalScrollAsync(phone, "phone proposal accepted");
            await BrowserServer.ScreenshotAsync(phone, "phone-proposal-accepted");
        });
        var accepted = await admin.GetAsync<ProposalResponse>($"{root}/{proposal.Id}");
        Assert.Equal(ProposalStatus.Accepted, accepted.Status);
        // 3,00,000 + 48,000 + 60,000 before GST; 54,000 + 8,640 + 7,200 of GST.
        Assert.Equal(4_77_840_00, accepted.Versions[0].Acceptance!.Totals.TotalPaise);
        // One visit: the page's own form posts are not views.
        Assert.Equal(1, accepted.Versions[0].Views);
    }
}
