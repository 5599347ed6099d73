using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WedTech.Contracts;
using WedTech.Server.Leads;
using WedTech.Server.Proposals;
using WedTech.Server.Platform.Persistence;
using WedTech.Server.Tenancy;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

/// <summary>Leads and proposals for tests: leads are seeded in the studio's database (the Leads module's API is built elsewhere).</summary>
public static class ProposalSeeds
{
    public static readonly PackageRequest NewPackage = new("Full wedding planning", "Planning and coordination of three events.",
    [
        new ProposalLineRequest("Planning and coordination", null, null, 1, 3_00_000_00, 1800, null, null),
        new ProposalLineRequest("Sangeet choreography", null, null, 1, 50_000_00, 1800, true, false),
    ]);

    public static ProposalRequest NewProposal(DateOnly? validUntil = null) => new("Wedding planning for Aanya & Rohan", "With love from the studio.",
        [new ProposalLineRequest("Planning and coordination", null, null, 1, 3_00_000_00, 1800, null, null)], null, DiscountKind.Amount, 10_000_00,
        validUntil ?? DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30),
        [new ProposalInstalmentRequest("Advance", InstalmentKind.Advance, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(40), 3000),
            new ProposalInstalmentRequest("Balance", InstalmentKind.BeforeEvent, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(120), 7000)]);

    /// <summary>A scope of the studio with no request and no user, as a background job has.</summary>
    public static async Task<AsyncServiceScope> ScopeAsync(Studio studio)
    {
        var scope = studio.Server.Services.CreateAsyncScope();
        var tenant = await scope.ServiceProvider.GetRequiredService<TenantDirectory>().FindBySlugAsync(studio.Slug, TestContext.Current.CancellationToken);
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant!);
        return scope;
    }

    /// <summary>A lead in the studio's "Meeting" stage.</summary>
    public static async Task<Guid> LeadAsync(Studio studio, string? email = "aanya@example.com", string? phone = "+919876543210", Guid? assignee = null)
    {
        await using var scope = await ScopeAsync(studio);
        var db = scope.ServiceProvider.GetRequiredService<TenantDbContext>();
        var meeting = await db.PipelineStages.FirstAsync(s => s.Name == "Meeting", TestContext.Current.CancellationToken);
        var lead = new Lead
        {
            Names = "Aanya & Rohan", ContactName = "Aanya Mehta", Email = email, Phone = phone, StageId = meeting.Id, StageChangedAt = DateTimeOffset.UtcNow,
            AssigneeId = assignee, Dates = [new DateOnly(2027, 12, 10)], Events = ["Sangeet", "Wedding"], City = "Jaipur", CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        };
        db.Leads.Add(lead);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return lead.Id;
    }
}

/// <summary>Packages and proposals: totals with GST, options and discount, sending versions, the couple's link and page, Won, access.</summary>
public abstract class ProposalTests(TestServer server) : ProviderTests(server)
{
    private sealed record Setup(Studio Studio, HttpClient Admin, Guid Lead)
    {
        public string Root => $"/api/v1/leads/{Lead}/proposals";
    }

    private async Task<Setup> SetUpAsync(string? email = "aanya@example.com", Guid? assignee = null)
    {
        var studio = await NewStudioAsync();
        var admin = await studio.AdminAsync();
        return new Setup(studio, admin, await ProposalSeeds.LeadAsync(studio, email, assignee: assignee));
    }

    /// <summary>A browser on the studio's own host: keeps cookies.</summary>
    private HttpClient Browser(Studio studio) =>
        Server.Factory.CreateDefaultClient(new Uri($"http://{studio.Slug}.localhost"), new CookieContainerHandler(new CookieContainer()));

    private static string TokenOf(string link) => new Uri(link).AbsolutePath["/proposal/".Length..];

    private static async Task<List<LeadActivity>> TimelineAsync(Setup setup)
    {
        await using var scope = await ProposalSeeds.ScopeAsync(setup.Studio);
        return await scope.ServiceProvider.GetRequiredService<TenantDbContext>().LeadActivities.AsNoTracking().Where(a => a.LeadId == setup.Lead).ToListAsync(Cancel);
    }

    private static ProposalLineRequest Line(string service, long unit, int rate, int quantity = 1, bool optional = false, bool included = false) =>
        new(service, null, null, quantity, unit, rate, optional, included);

    /// <summary>
    /// Totals worked out by the server, to the paisa: lines, options as they start, discount on the taxable value spread over the
    /// lines, GST per line at its rate (half up), the total rounded to the rupee, and the plan's shares.
    /// </summary>
    [Theory]
    // One line: ₹1,00,000 at 18%.
    [InlineData("plain", 1_00_000_00L, 0L, 18_000_00L, 1_18_000_00L, 0L, 35_400_00L)]
    // 3 × ₹333.33 at 18% and ₹1,000 at 5%, 10% off: the discount spread 100.00 + 100.00, GST 162.00 + 45.00, round-off +₹0.01.
    [InlineData("mixed", 1_999_99L, 200_00L, 207_00L, 2_007_00L, 1L, 602_10L)]
    // ₹500 at 18% and an optional ₹200 left out by default, ₹50 off.
    [InlineData("optional", 500_00L, 50_00L, 81_00L, 531_00L, 0L, 159_30L)]
    public async Task Totals_with_gst_discount_and_options_are_worked_out_to_the_paisa(string kind, long subtotal, long discount, long gst, long total, long roundOff,
        long advance)
    {
        var setup = await SetUpAsync();
        var request = kind switch
        {
            "plain" => ProposalSeeds.NewProposal() with { Lines = [Line("Planning", 1_00_000_00, 1800)], DiscountKind = null, DiscountValue = null },
            "mixed" => ProposalSeeds.NewProposal() with { Lines = [Line("Hours", 333_33, 1800, quantity: 3), Line("Stationery", 1_000_00, 500)], DiscountKind = DiscountKind.Percent, DiscountValue = 1000 },
            _ => ProposalSeeds.NewProposal() with { Lines = [Line("Planning", 500_00, 1800), Line("Photo booth", 200_00, 1800, optional: true)], DiscountKind = DiscountKind.Amount, DiscountValue = 50_00 },
        };
        var proposal = await (await setup.Admin.PostJsonAsync(setup.Root, request)).ReadAsync<ProposalResponse>(HttpStatusCode.Created);
        var t = proposal.Totals;
        Assert.Equal((subtotal, discount, subtotal - discount, gst, total, roundOff), (t.SubtotalPaise, t.DiscountPaise, t.TaxablePaise, t.GstPaise, t.TotalPaise, t.RoundOffPaise));
        Assert.Equal(t.TaxablePaise + t.GstPaise + t.RoundOffPaise, t.TotalPaise);
        Assert.Equal([advance, total - advance], t.Plan.Select(p => p.AmountPaise));
        if (kind == "mixed")
        {
            Assert.Equal([new GstAtRate(500, 900_00, 45_00), new GstAtRate(1800, 899_99, 162_00)], t.Gst);
        }
    }

    [Fact]
    public async Task A_proposal_made_from_packages_copies_their_lines()
    {
        var setup = await SetUpAsync();
        var package = await (await setup.Admin.PostJsonAsync("/api/v1/packages", ProposalSeeds.NewPackage)).ReadAsync<PackageResponse>(HttpStatusCode.Created);
        Assert.Equal(InvoiceLimits.EventManagementSac, package.Lines[0].Sac);
        var proposal = await (await setup.Admin.PostJsonAsync(setup.Root, ProposalSeeds.NewProposal() with { Lines = [], PackageIds = [package.Id], DiscountValue = 0 }))
            .ReadAsync<ProposalResponse>(HttpStatusCode.Created);
        Assert.Equal(["Planning and coordination", "Sangeet choreography"], proposal.Lines.Select(l => l.Service));
        Assert.True(proposal.Lines[1].Optional);
        Assert.Equal(3_54_000_00, proposal.Totals.TotalPaise);
    }

    [Fact]
    public async Task Sending_freezes_a_version_queues_the_message_records_it_and_moves_the_lead()
    {
        var setup = await SetUpAsync();
        var proposal = await (await setup.Admin.PostJsonAsync(setup.Root, ProposalSeeds.NewProposal())).ReadAsync<ProposalResponse>(HttpStatusCode.Created);
        var sent = await (await setup.Admin.PostJsonAsync($"{setup.Root}/{proposal.Id}/send", new SendProposalRequest(null))).ReadAsync<SendProposalResponse>();
        Assert.Equal(1, sent.VersionNumber);
        Assert.Equal([MessageChannel.Email], sent.SentBy);
        Assert.Equal(ProposalStatus.Sent, sent.Proposal.Status);
        Assert.Equal(sent.Link, sent.Proposal.Link);
        var messages = await setup.Admin.GetAsync<PagedResponse<MessageResponse>>("/api/v1/messages");
        var message = Assert.Single(messages.Items, m => m.TemplateKey == ProposalService.TemplateKey);
        Assert.Equal("aanya@example.com", message.Recipient);
        Assert.Contains(sent.Link, message.Body, StringComparison.Ordinal);
        var timeline = await TimelineAsync(setup);
        Assert.Single(timeline, a => a.Kind == LeadActivityKind.ProposalSent && a.SubjectId == proposal.Id);
        Assert.Single(timeline, a => a.Kind == LeadActivityKind.StageChanged);
        await using (var scope = await ProposalSeeds.ScopeAsync(setup.Studio))
        {
            var lead = await scope.ServiceProvider.GetRequiredService<ILeadDirectory>().RequireAsync(setup.Lead, Cancel);
            Assert.Equal(PipelineStageKind.ProposalSent, lead.StageKind);
        }

        // By WhatsApp too: the same version, the same link.
        var again = await (await setup.Admin.PostJsonAsync($"{setup.Root}/{proposal.Id}/send", new SendProposalRequest([MessageChannel.WhatsApp]))).ReadAsync<SendProposalResponse>();
        Assert.Equal((1, sent.Link), (again.VersionNumber, again.Link));
        Assert.Single(again.Proposal.Versions);
    }

    [Fact]
    public async Task A_change_after_sending_is_the_next_version_and_the_link_shows_the_latest_sent()
    {
        var setup = await SetUpAsync();
        var proposal = await (await setup.Admin.PostJsonAsync(setup.Root, ProposalSeeds.NewProposal())).ReadAsync<ProposalResponse>(HttpStatusCode.Created);
        var sent = await (await setup.Admin.PostJsonAsync($"{setup.Root}/{proposal.Id}/send", new SendProposalRequest(null))).ReadAsync<SendProposalResponse>();
        var token = TokenOf(sent.Link);
        var changed = await (await setup.Admin.PutJsonAsync($"{setup.Root}/{proposal.Id}", ProposalSeeds.NewProposal() with { Title = "Planning, revised" }, "*"))
            .ReadAsync<ProposalResponse>();
        Assert.Equal((ProposalStatus.Draft, true), (changed.Status, changed.ChangedSinceSent));
        var couple = AnonymousOn(setup.Studio);
        Assert.Equal((1, "Wedding planning for Aanya & Rohan"), await ShownAsync(couple, token));

        var second = await (await setup.Admin.PostJsonAsync($"{setup.Root}/{proposal.Id}/send", new SendProposalRequest(null))).ReadAsync<SendProposalResponse>();
        Assert.Equal((2, sent.Link), (second.VersionNumber, second.Link));
        Assert.Equal((2, "Planning, revised"), await ShownAsync(couple, token));
        var versions = second.Proposal.Versions;
        Assert.Equal([2, 1], versions.Select(v => v.Number));
        Assert.Equal("Wedding planning for Aanya & Rohan", versions[1].Title);
        Assert.True(versions[1].Superseded);

        // Accepting the superseded version is refused; nothing is accepted.
        var stale = await couple.PostJsonAsync($"/api/v1/proposal-links/{token}/accept", new AcceptProposalRequest(1, [], "Aanya Mehta"));
        Assert.Contains("version 2", (await stale.ProblemAsync(HttpStatusCode.Conflict)).Detail, StringComparison.Ordinal);
        Assert.Equal(ProposalStatus.Sent, (await setup.Admin.GetAsync<ProposalResponse>($"{setup.Root}/{proposal.Id}")).Status);
    }

    private HttpClient AnonymousOn(Studio studio) => Server.Factory.CreateDefaultClient(new Uri($"http://{studio.Slug}.localhost"));

    private static async Task<(int, string)> ShownAsync(HttpClient couple, string token)
    {
        var shown = await couple.GetAsync<CoupleProposalResponse>($"/api/v1/proposal-links/{token}");
        return (shown.Proposal.Number, shown.Proposal.Title);
    }

    [Fact]
    public async Task Views_are_counted_once_a_visit_and_the_first_is_on_the_timeline()
    {
        var setup = await SetUpAsync();
        var (proposal, link) = await SentAsync(setup, ProposalSeeds.NewProposal());
        var phone = Browser(setup.Studio);
        for (var i = 0; i < 3; i++)
        {
            var html = await ServerForms.TextAsync(await phone.GetAsync(new Uri(link).AbsolutePath, Cancel));
            Assert.Contains("Wedding planning for Aanya &amp; Rohan", System.Net.WebUtility.HtmlEncode(html), StringComparison.Ordinal);
        }
        await Browser(setup.Studio).GetAsync(new Uri(link).AbsolutePath, Cancel);
        var version = (await setup.Admin.GetAsync<ProposalResponse>($"{setup.Root}/{proposal.Id}")).Versions[0];
        Assert.Equal(2, version.Views);
        Assert.NotNull(version.FirstViewedAt);
        Assert.True(version.LastViewedAt >= version.FirstViewedAt);
        Assert.Single(await TimelineAsync(setup), a => a.Kind == LeadActivityKind.ProposalViewed);
    }

    private static async Task<(ProposalResponse Proposal, string Link)> SentAsync(Setup setup, ProposalRequest request)
    {
        var proposal = await (await setup.Admin.PostJsonAsync(setup.Root, request)).ReadAsync<ProposalResponse>(HttpStatusCode.Created);
        var sent = await (await setup.Admin.PostJsonAsync($"{setup.Root}/{proposal.Id}/send", new SendProposalRequest(null))).ReadAsync<SendProposalResponse>();
        return (sent.Proposal, sent.Link);
    }

    [Fact]
    public async Task The_couple_accept_with_their_options_and_the_server_works_the_total_out()
    {
        var planner = default(Guid);
        var studio = await NewStudioAsync();
        var admin = await studio.AdminAsync();
        planner = (await studio.AddMemberAsync(Role.Planner, admin)).Id;
        var setup = new Setup(studio, admin, await ProposalSeeds.LeadAsync(studio, assignee: planner));
        var (proposal, link) = await SentAsync(setup, ProposalSeeds.NewProposal() with
        {
            Lines = [Line("Planning", 500_00, 1800), Line("Photo booth", 200_00, 1800, optional: true), Line("Welcome hampers", 100_00, 1200, optional: true, included: true)],
            DiscountKind = null, DiscountValue = null,
        });
        var booth = proposal.Lines[1].Id;
        var couple = AnonymousOn(studio);
        var token = TokenOf(link);
        // Starting total: planning and hampers, 590 + 112 = ₹702.
        Assert.Equal(702_00, (await couple.GetAsync<CoupleProposalResponse>($"/api/v1/proposal-links/{token}")).Proposal.Totals.TotalPaise);
        var unknown = await couple.PostJsonAsync($"/api/v1/proposal-links/{token}/accept", new AcceptProposalRequest(1, [proposal.Lines[0].Id], "Aanya Mehta"));
        Assert.Equal(["options"], (await unknown.ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);

        // The booth taken, the hampers left: 590 + 236 = ₹826, whatever the page showed.
        var totals = await (await couple.PostJsonAsync($"/api/v1/proposal-links/{token}/accept", new AcceptProposalRequest(1, [booth], "Aanya Mehta")))
            .ReadAsync<ProposalTotals>();
        Assert.Equal((70_000L, 82_600L), (totals.TaxablePaise, totals.TotalPaise));
        var accepted = await admin.GetAsync<ProposalResponse>($"{setup.Root}/{proposal.Id}");
        Assert.Equal(ProposalStatus.Accepted, accepted.Status);
        var acceptance = accepted.Versions[0].Acceptance!;
        Assert.Equal(("Aanya Mehta", 82_600L), (acceptance.Name, acceptance.Totals.TotalPaise));
        Assert.NotNull(acceptance.UserAgent);
        Assert.Single(await TimelineAsync(setup), a => a.Kind == LeadActivityKind.ProposalAccepted);
        var told = await admin.GetAsync<PagedResponse<MessageResponse>>("/api/v1/messages");
        Assert.Contains(told.Items, m => m.TemplateKey == "proposal-accepted" && m.Recipient == planner.ToString());

        // Accepted once; it no longer changes.
        var twice = await couple.PostJsonAsync($"/api/v1/proposal-links/{token}/accept", new AcceptProposalRequest(1, [], "Aanya Mehta"));
        await twice.ProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PutJsonAsync($"{setup.Root}/{proposal.Id}", ProposalSeeds.NewProposal(), "*")).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_couple_ask_for_changes_from_the_page()
    {
        var setup = await SetUpAsync();
        var (proposal, link) = await SentAsync(setup, ProposalSeeds.NewProposal());
        var phone = Browser(setup.Studio);
        var path = new Uri(link).AbsolutePath;
        var html = await ServerForms.TextAsync(await ServerForms.SubmitAsync(phone, path, "changes", new() { ["version"] = "1", ["message"] = "Could the sangeet be added?" }));
        Assert.Contains("Your message is with", html, StringComparison.Ordinal);
        Assert.Equal("Could the sangeet be added?", (await setup.Admin.GetAsync<ProposalResponse>($"{setup.Root}/{proposal.Id}")).ChangesAsked);
        Assert.Contains(await TimelineAsync(setup), a => a.Kind == LeadActivityKind.ProposalChangesAsked && a.Text!.Contains("sangeet", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_page_accepts_with_the_options_ticked()
    {
        var setup = await SetUpAsync();
        var (proposal, link) = await SentAsync(setup, ProposalSeeds.NewProposal() with
        {
            Lines = [Line("Planning", 500_00, 1800), Line("Photo booth", 200_00, 1800, optional: true)], DiscountKind = null, DiscountValue = null,
        });
        var phone = Browser(setup.Studio);
        var path = new Uri(link).AbsolutePath;
        var updated = await ServerForms.TextAsync(await ServerForms.SubmitAsync(phone, path, "accept",
            new() { ["version"] = "1", ["option"] = proposal.Lines[1].Id.ToString(), ["action"] = "update" }));
        Assert.Contains("₹826", updated, StringComparison.Ordinal);
        var done = await ServerForms.TextAsync(await ServerForms.SubmitAsync(phone, path, "accept",
            new() { ["version"] = "1", ["option"] = proposal.Lines[1].Id.ToString(), ["action"] = "accept", ["name"] = "Aanya Mehta" }));
        Assert.Contains("Thank you, Aanya Mehta", done, StringComparison.Ordinal);
        Assert.Equal(82_600, (await setup.Admin.GetAsync<ProposalResponse>($"{setup.Root}/{proposal.Id}")).Versions[0].Acceptance!.Totals.TotalPaise);
    }

    [Fact]
    public async Task Past_its_validity_a_proposal_is_not_accepted_and_not_sent()
    {
        var setup = await SetUpAsync();
        var (proposal, link) = await SentAsync(setup, ProposalSeeds.NewProposal());
        await using (var scope = await ProposalSeeds.ScopeAsync(setup.Studio))
        {
            var db = scope.ServiceProvider.GetRequiredService<TenantDbContext>();
            await db.ProposalVersions.Where(v => v.ProposalId == proposal.Id).ExecuteUpdateAsync(set => set.SetProperty(v => v.ValidUntil, new DateOnly(2025, 1, 1)), Cancel);
        }
        var couple = AnonymousOn(setup.Studio);
        var refused = await couple.PostJsonAsync($"/api/v1/proposal-links/{TokenOf(link)}/accept", new AcceptProposalRequest(1, [], "Aanya Mehta"));
        Assert.Contains("held until 1 Jan 2025", (await refused.ProblemAsync(HttpStatusCode.Conflict)).Detail, StringComparison.Ordinal);
        var page = await ServerForms.TextAsync(await Browser(setup.Studio).GetAsync(new Uri(link).AbsolutePath, Cancel));
        Assert.Contains("held until 1 Jan 2025", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-test=\"accept\"", page, StringComparison.Ordinal);
        Assert.Equal(ProposalStatus.Sent, (await setup.Admin.GetAsync<ProposalResponse>($"{setup.Root}/{proposal.Id}")).Status);

        var old = await (await setup.Admin.PostJsonAsync(setup.Root, ProposalSeeds.NewProposal(new DateOnly(2025, 1, 1)))).ReadAsync<ProposalResponse>(HttpStatusCode.Created);
        var send = await setup.Admin.PostJsonAsync($"{setup.Root}/{old.Id}/send", new SendProposalRequest(null));
        Assert.Equal(["validUntil"], (await send.ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        Assert.Empty((await setup.Admin.GetAsync<ProposalResponse>($"{setup.Root}/{old.Id}")).Versions);
    }

    [Fact]
    public async Task A_forged_revoked_or_replaced_link_opens_nothing()
    {
        var setup = await SetUpAsync();
        var (proposal, link) = await SentAsync(setup, ProposalSeeds.NewProposal());
        var couple = AnonymousOn(setup.Studio);
        var page = Browser(setup.Studio);
        var forged = "AAAAAAAAAAAAAAAAAAAAAA";
        await (await couple.GetAsync($"/api/v1/proposal-links/{forged}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("Proposal not found", await ServerForms.TextAsync(await page.GetAsync($"/proposal/{forged}", Cancel), HttpStatusCode.NotFound), StringComparison.Ordinal);
        // Another studio's host does not open it either.
        var other = await NewStudioAsync();
        await (await AnonymousOn(other).GetAsync($"/api/v1/proposal-links/{TokenOf(link)}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);

        var renewed = await (await setup.Admin.PostAsync($"{setup.Root}/{proposal.Id}/link", null, Cancel)).ReadAsync<ProposalResponse>();
        Assert.NotEqual(link, renewed.Link);
        await (await couple.GetAsync($"/api/v1/proposal-links/{TokenOf(link)}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await couple.GetAsync<CoupleProposalResponse>($"/api/v1/proposal-links/{TokenOf(renewed.Link!)}");

        (await setup.Admin.DeleteAsync($"{setup.Root}/{proposal.Id}/link", Cancel)).EnsureSuccessStatusCode();
        var revoked = await couple.PostJsonAsync($"/api/v1/proposal-links/{TokenOf(renewed.Link!)}/accept", new AcceptProposalRequest(1, [], "Aanya Mehta"));
        await revoked.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(ProposalStatus.Sent, (await setup.Admin.GetAsync<ProposalResponse>($"{setup.Root}/{proposal.Id}")).Status);
    }

    [Fact]
    public async Task Won_makes_the_plan_and_a_draft_invoice_and_the_couple_read_what_they_accepted()
    {
        var studio = await NewStudioAsync();
        var admin = await studio.AdminAsync();
        var client = await studio.AddMemberAsync(Role.Client, admin);
        var coordinator = await studio.AddMemberAsync(Role.Coordinator, admin);
        var setup = new Setup(studio, admin, await ProposalSeeds.LeadAsync(studio));
        var (proposal, link) = await SentAsync(setup, ProposalSeeds.NewProposal());
        await (await AnonymousOn(studio).PostJsonAsync($"/api/v1/proposal-links/{TokenOf(link)}/accept", new AcceptProposalRequest(1, [], "Aanya Mehta"))).ReadAsync<ProposalTotals>();
        var wedding = await (await admin.PostJsonAsync("/api/v1/weddings", new WeddingRequest("Aanya & Rohan", "Aanya", "Rohan", new DateOnly(2027, 12, 10), "Jaipur",
            WeddingStatus.Booked, null, 200, null, [new TeamAssignment(client.Id, TeamRole.Client), new TeamAssignment(coordinator.Id, TeamRole.Coordinator)])))
            .ReadAsync<WeddingResponse>(HttpStatusCode.Created);

        await using (var scope = await ProposalSeeds.ScopeAsync(studio))
        {
            var step = Assert.Single(scope.ServiceProvider.GetServices<ILeadConversionStep>(), s => s is not null && s.GetType().Namespace == typeof(ProposalService).Namespace);
            await step.ConvertAsync(new LeadConversion(setup.Lead, wedding.Id, [client.Id], []), Cancel);
            var terms = await scope.ServiceProvider.GetRequiredService<IProposalTerms>().AcceptedAsync(setup.Lead, Cancel);
            Assert.Equal((1, 3_42_200_00L), (terms!.VersionNumber, terms.TotalPaise));
        }
        // ₹3,00,000 less ₹10,000, with 18% GST: ₹3,42,200, in 30% and 70%.
        var plan = await admin.GetAsync<PaymentPlanResponse>($"/api/v1/weddings/{wedding.Id}/payment-plan");
        Assert.Equal([1_02_660_00L, 2_39_540_00L], plan.Instalments.Select(i => i.Instalment.AmountPaise));
        var invoice = Assert.Single((await admin.GetAsync<InvoiceListResponse>($"/api/v1/weddings/{wedding.Id}/invoices")).Items);
        Assert.Equal((InvoiceKind.TaxInvoice, InvoiceStatus.Draft, 2_90_000_00L, 3_42_200_00L, "Aanya Mehta"),
            (invoice.Kind, invoice.Status, invoice.TaxablePaise, invoice.TotalPaise, invoice.Recipient.Name));

        var theirs = Assert.Single(await client.Client.GetAsync<List<ProposalResponse>>($"/api/v1/weddings/{wedding.Id}/proposals"));
        Assert.Equal((proposal.Id, 3_42_200_00L, (string?)null), (theirs.Id, theirs.Totals.TotalPaise, theirs.Link));
        Assert.Null(Assert.Single(theirs.Versions).Acceptance!.IpAddress);
        await (await coordinator.Client.GetAsync($"/api/v1/weddings/{wedding.Id}/proposals", Cancel)).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Single(await admin.GetAsync<List<ProposalResponse>>($"/api/v1/weddings/{wedding.Id}/proposals"));
    }

    [Fact]
    public async Task Coordinators_and_couples_have_no_proposals_and_another_studio_gets_404()
    {
        var setup = await SetUpAsync();
        var proposal = await (await setup.Admin.PostJsonAsync(setup.Root, ProposalSeeds.NewProposal())).ReadAsync<ProposalResponse>(HttpStatusCode.Created);
        foreach (var role in new[] { Role.Coordinator, Role.Client })
        {
            var member = await setup.Studio.AddMemberAsync(role, setup.Admin);
            await (await member.Client.GetAsync($"{setup.Root}/{proposal.Id}", Cancel)).ProblemAsync(HttpStatusCode.Forbidden);
            await (await member.Client.GetAsync("/api/v1/packages", Cancel)).ProblemAsync(HttpStatusCode.Forbidden);
        }
        var other = await NewStudioAsync();
        using var otherAdmin = await other.AdminAsync();
        await (await otherAdmin.GetAsync($"{setup.Root}/{proposal.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await otherAdmin.PostJsonAsync(setup.Root, ProposalSeeds.NewProposal())).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("negative quantity", "lines[0].quantity")]
    [InlineData("bad GST rate", "lines[0].gstRateBasisPoints")]
    [InlineData("overflow", "lines")]
    [InlineData("discount over the subtotal", "discountValue")]
    [InlineData("percentage over 100", "discountValue")]
    [InlineData("plan short of 100%", "plan")]
    [InlineData("unknown package", "packageIds[0]")]
    public async Task Bad_input_gets_field_errors_and_changes_nothing(string what, string field)
    {
        var setup = await SetUpAsync();
        var good = ProposalSeeds.NewProposal();
        var bad = what switch
        {
            "negative quantity" => good with { Lines = [good.Lines![0] with { Quantity = -2 }] },
            "bad GST rate" => good with { Lines = [good.Lines![0] with { GstRateBasisPoints = 1700 }] },
            "overflow" => good with { Lines = [Line("A", VendorLimits.MaxAmountPaise, 1800), Line("B", VendorLimits.MaxAmountPaise, 1800)] },
            "discount over the subtotal" => good with { DiscountValue = 3_00_000_01 },
            "percentage over 100" => good with { DiscountKind = DiscountKind.Percent, DiscountValue = 10_001 },
            "plan short of 100%" => good with { Plan = [good.Plan![0]] },
            _ => good with { PackageIds = [Guid.NewGuid()] },
        };
        var response = await setup.Admin.PostJsonAsync(setup.Root, bad);
        Assert.Contains(field, (await response.ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        Assert.Empty(await setup.Admin.GetAsync<List<ProposalSummary>>(setup.Root));

        var proposal = await (await setup.Admin.PostJsonAsync(setup.Root, good)).ReadAsync<ProposalResponse>(HttpStatusCode.Created);
        await (await setup.Admin.PutJsonAsync($"{setup.Root}/{proposal.Id}", bad, "*")).ProblemAsync(HttpStatusCode.BadRequest);
        var after = await setup.Admin.GetAsync<ProposalResponse>($"{setup.Root}/{proposal.Id}");
        Assert.Equal((proposal.Version, proposal.Totals.TotalPaise), (after.Version, after.Totals.TotalPaise));
    }

    [Fact]
    public async Task A_sent_version_is_a_pdf_with_its_totals()
    {
        var setup = await SetUpAsync();
        var (proposal, _) = await SentAsync(setup, ProposalSeeds.NewProposal());
        var response = await setup.Admin.GetAsync($"{setup.Root}/{proposal.Id}/versions/1/pdf", Cancel);
        response.EnsureSuccessStatusCode();
        var text = await PdfTools.RunAsync("pdftotext", await response.Content.ReadAsByteArrayAsync(Cancel));
        Assert.Contains("Wedding planning for Aanya & Rohan", text, StringComparison.Ordinal);
        Assert.Contains("3,42,200.00", text, StringComparison.Ordinal);
        Assert.Contains("GST 18%", text, StringComparison.Ordinal);
        Assert.Contains("Advance", text, StringComparison.Ordinal);
        await (await setup.Admin.GetAsync($"{setup.Root}/{proposal.Id}/versions/2/pdf", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class ProposalTestsOnSqlite(SqliteServer server) : ProposalTests(server);

public sealed class ProposalTestsOnPostgres(PostgresServer server) : ProposalTests(server);
