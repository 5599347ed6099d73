using Bunit;
using MudBlazor;
using Shouldly;
using WedTech.App.Features.Proposals;
using WedTech.App.Features.Proposals.Components;
using WedTech.App.Features.Proposals.Pages;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;

namespace WedTech.App.Tests;

/// <summary>The proposals client's routes, the lead's proposals, the editor and the form's conversion to paise.</summary>
public class ProposalsAppTests : AppTestContext
{
    private static readonly Guid Lead = Guid.Parse("01938a00-0000-7000-8000-0000000000aa");
    private static readonly Guid Id = Guid.Parse("01938a00-0000-7000-8000-0000000000bb");

    public static TheoryData<string, string> Routes => new()
    {
        { ProposalsApi.Routes.Packages, "/api/v1/packages" },
        { ProposalsApi.Routes.Package(Id), $"/api/v1/packages/{Id}" },
        { ProposalsApi.Routes.OfLead(Lead), $"/api/v1/leads/{Lead}/proposals" },
        { ProposalsApi.Routes.Proposal(Lead, Id), $"/api/v1/leads/{Lead}/proposals/{Id}" },
        { ProposalsApi.Routes.Send(Lead, Id), $"/api/v1/leads/{Lead}/proposals/{Id}/send" },
        { ProposalsApi.Routes.Link(Lead, Id), $"/api/v1/leads/{Lead}/proposals/{Id}/link" },
        { ProposalsApi.Routes.Pdf(Lead, Id, 2), $"/api/v1/leads/{Lead}/proposals/{Id}/versions/2/pdf" },
        { ProposalsApi.Routes.OfWedding(Id), $"/api/v1/weddings/{Id}/proposals" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public void Each_route_is_the_address_the_API_maps(string route, string expected) => route.ShouldBe(expected);

    private static readonly ProposalTotals Totals = new([], 3_00_000_00, 10_000_00, 2_90_000_00, [new GstAtRate(1800, 2_90_000_00, 52_200_00)], 52_200_00, 0, 3_42_200_00,
        [new ProposalPlanAmount("Advance", InstalmentKind.Advance, new DateOnly(2027, 1, 10), 3000, 1_02_660_00),
            new ProposalPlanAmount("Balance", InstalmentKind.BeforeEvent, new DateOnly(2027, 11, 1), 7000, 2_39_540_00)]);

    private static ProposalResponse Proposal(ProposalStatus status, bool sent) => new(Id, Lead, status, "Wedding planning for Aanya & Rohan", null,
        [new ProposalLine(Guid.NewGuid(), "Planning and coordination", null, "998596", 1, 3_00_000_00, 1800, false, true)], DiscountKind.Amount, 10_000_00,
        new DateOnly(2027, 1, 5), [new ProposalInstalment("Advance", InstalmentKind.Advance, new DateOnly(2027, 1, 10), 3000),
            new ProposalInstalment("Balance", InstalmentKind.BeforeEvent, new DateOnly(2027, 11, 1), 7000)], Totals, false,
        sent ? "https://shaadi.example.com/proposal/abc" : null,
        sent ? [new ProposalVersionResponse(Guid.NewGuid(), 1, "Wedding planning for Aanya & Rohan", null, [], DiscountKind.Amount, 10_000_00, new DateOnly(2027, 1, 5), [], Totals,
            DateTimeOffset.UtcNow, 3, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, false, null)] : [], null, DateTimeOffset.UtcNow, 4);

    [Fact]
    public async Task A_planner_sees_the_lead_s_proposals_with_their_views_and_may_start_one()
    {
        await SignInAsAsync(Role.Planner);
        Api.Returns(ProposalsApi.Routes.OfLead(Lead), new List<ProposalSummary>
        {
            new(Id, Lead, ProposalStatus.Sent, "Wedding planning for Aanya & Rohan", 3_42_200_00, 2, 3, DateTimeOffset.UtcNow, new DateOnly(2027, 1, 5), DateTimeOffset.UtcNow, 4),
        });

        var list = Render<LeadProposals>(p => p.Add(c => c.LeadId, Lead));

        list.WaitForElement("[data-test=proposal]");
        list.Find("[data-test=proposal-total]").TextContent.ShouldBe("₹3,42,200");
        list.Find("[data-test=proposal-meta]").TextContent.ShouldContain("2 versions sent · opened 3 times");
        list.Find("[data-test=proposal-title]").GetAttribute("href").ShouldBe($"leads/{Lead}/proposals/{Id}");
        list.FindAll("[data-test=new-proposal]").Count.ShouldBe(1);
    }

    [Fact]
    public async Task The_editor_shows_the_server_s_totals_the_plan_the_link_and_the_versions()
    {
        await SignInAsAsync(Role.Planner);
        Api.Returns(ProposalsApi.Routes.Proposal(Lead, Id), Proposal(ProposalStatus.Sent, sent: true));
        Api.Returns(ProposalsApi.Routes.Packages, new List<PackageResponse>());
        Render<MudPopoverProvider>();

        var page = Render<ProposalEditor>(p => p.Add(c => c.LeadId, Lead).Add(c => c.Id, Id));

        page.WaitForElement("[data-test=total]");
        page.Find("[data-test=total]").TextContent.ShouldBe("₹3,42,200");
        page.FindAll("[data-test=plan-amount]").Select(p => p.TextContent).ShouldBe(["Advance: ₹1,02,660 by 10 Jan 2027", "Balance: ₹2,39,540 by 1 Nov 2027"]);
        page.Find("[data-test=link-url]").TextContent.ShouldBe("https://shaadi.example.com/proposal/abc");
        page.Find("[data-test=version-meta]").TextContent.ShouldContain("opened 3 times");
        page.Find("[data-test=send-preview]").TextContent.ShouldContain("Version 1 is sent");
    }

    [Fact]
    public void The_form_sends_rupees_as_paise_and_percentages_as_basis_points()
    {
        var model = new ProposalFormModel { Title = " Planning ", DiscountKind = DiscountKind.Percent, Discount = 12.5m, ValidUntil = new DateTime(2027, 1, 5) };
        model.Lines.Add(new ProposalFormModel.LineRow { Service = "Hours", Quantity = 3, UnitRupees = 333.335m, GstRateBasisPoints = 1800 });
        model.Plan.Add(new ProposalFormModel.InstalmentRow { Label = "Advance", DueOn = new DateTime(2027, 1, 10), Percent = 33.33m });

        var request = model.ToRequest();

        request.Title.ShouldBe("Planning");
        request.Lines![0].UnitPaise.ShouldBe(333_34);
        request.DiscountValue.ShouldBe(1250);
        request.Plan![0].ShareBasisPoints.ShouldBe(3333);
        request.ValidUntil.ShouldBe(new DateOnly(2027, 1, 5));
    }
}
