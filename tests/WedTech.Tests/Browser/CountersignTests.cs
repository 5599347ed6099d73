using System.Net;
using Microsoft.Playwright;
using WedTech.Contracts;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests.Browser;

/// <summary>
/// Contracts in the app on a 360 px phone: the lead's page lists the contract the couple signed, and the admin countersigns it
/// with a signature drawn by a finger (touch events, as a phone's screen sends them).
/// </summary>
[Collection(BrowserServer.Collection)]
public sealed class CountersignTests(BrowserServer server)
{
    [Fact]
    public async Task An_admin_countersigns_on_a_phone_with_a_signature_drawn_by_finger()
    {
        var studio = await Studio.CreateAsync(server, Studio.NewSlug("ui"));
        using var admin = await studio.AdminAsync();
        var email = $"meera-{Guid.NewGuid():N}@example.com";
        var lead = await ProposalSeeds.LeadAsync(studio, email);
        var contract = await ContractTests.NewContractAsync(admin, lead);
        var root = $"/api/v1/leads/{lead}/contracts/{contract.Id}";
        // The couple's signing, as a browser keeping cookies (the studio named by the X-Tenant header: *.localhost has no DNS here).
        using (var couple = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(server.RootUrl) })
        {
            couple.DefaultRequestHeaders.Add("X-Tenant", studio.Slug);
            await ContractTests.SendAndSignAsync(server, admin, couple, root, email);
        }

        var phone = await server.NewPageAsync(phone: true);
        await BrowserServer.ScenarioAsync(phone, "contract-countersign", async () =>
        {
            var leadPath = $"/app/leads/{lead}";
            await server.SignInAsync(phone, studio.Slug, studio.AdminEmail, expectedPath: leadPath, open: leadPath);
            await Assertions.Expect(phone.Locator("[data-test=contract-status]")).ToHaveTextAsync("Signed by the couple: countersign");
            await BrowserServer.NoHorizontalScrollAsync(phone, "phone lead with its proposals and contracts");
            await phone.Locator("[data-test=contract-title]").ClickAsync();

            var pad = phone.Locator("canvas.signature-pad");
            await pad.ScrollIntoViewIfNeededAsync();
            await BrowserServer.NoHorizontalScrollAsync(phone, "phone contract");
            await BrowserServer.EnterAsync(phone.Locator("#countersign-name"), "Asha Admin");
            await DrawWithFingerAsync(phone, (await pad.BoundingBoxAsync())!);
            await phone.GetByText("I agree to sign this contract electronically").ClickAsync();
            await BrowserServer.ScreenshotAsync(phone, "phone-contract-countersign");
            await phone.Locator("[data-test=countersign-button]").ClickAsync();

            await Assertions.Expect(phone.Locator("[data-test=status]")).ToHaveTextAsync("Signed by both");
            await Assertions.Expect(phone.Locator("[data-test=final-sha]")).ToHaveCountAsync(1);
            await BrowserServer.NoHorizontalScrollAsync(phone, "phone contract signed");
            await BrowserServer.ScreenshotAsync(phone, "phone-contract-signed");
        });

        var signed = await admin.GetAsync<ContractResponse>(root);
        Assert.Equal(ContractStatus.FullySigned, signed.Status);
        var studioSignature = Assert.Single(Assert.Single(signed.Versions).Signatures, s => s.Party == SignatureParty.Studio);
        Assert.Equal("Asha Admin", studioSignature.Name);
    }

    /// <summary>A stroke across the box as a finger makes it: touch start, moves, end (Chromium turns them into touch pointer events).</summary>
    private static async Task DrawWithFingerAsync(IPage page, LocatorBoundingBoxResult box)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        Dictionary<string, object> Touch(string type, double share) => new()
        {
            ["type"] = type,
            ["touchPoints"] = type == "touchEnd" ? Array.Empty<object>()
                : new object[] { new Dictionary<string, object> { ["x"] = box.X + box.Width * share, ["y"] = box.Y + box.Height * (0.3 + 0.4 * share) } },
        };
        await cdp.SendAsync("Input.dispatchTouchEvent", Touch("touchStart", 0.1));
        for (var share = 0.2; share <= 0.9; share += 0.1)
        {
            await cdp.SendAsync("Input.dispatchTouchEvent", Touch("touchMove", share));
        }
        await cdp.SendAsync("Input.dispatchTouchEvent", Touch("touchEnd", 0.9));
    }
}
