using System.Text.Json;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Shouldly;
using WedTech.App.Features.Leads;
using WedTech.App.Features.Leads.Pages;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;

namespace WedTech.App.Tests;

/// <summary>The leads client holds the server's routes; the board shows the pipeline and moves a dropped card where it fell.</summary>
public class LeadsTests : AppTestContext
{
    private static readonly Guid Id = Guid.Parse("01938a00-0000-7000-8000-0000000000aa");
    private static readonly Guid Other = Guid.Parse("01938a00-0000-7000-8000-0000000000bb");
    private static readonly Guid S1 = Guid.Parse("01938a00-0000-7000-8000-000000000001");
    private static readonly Guid S2 = Guid.Parse("01938a00-0000-7000-8000-000000000002");
    private static readonly Guid Won = Guid.Parse("01938a00-0000-7000-8000-000000000003");

    public static TheoryData<string, string> Routes => new()
    {
        { LeadsApi.Routes.Leads, "/api/v1/leads" },
        { LeadsApi.Routes.Board, "/api/v1/leads/board" },
        { LeadsApi.Routes.List(S1, null, LeadSource.WedMeGood, " Aanya & Rohan ", 2, 25), $"/api/v1/leads?stageId={S1}&source=wed-me-good&q=Aanya%20%26%20Rohan&page=2&pageSize=25" },
        { LeadsApi.Routes.Conversion(new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31)), "/api/v1/leads/conversion?from=2026-04-01&to=2027-03-31" },
        { LeadsApi.Routes.Lead(Id), $"/api/v1/leads/{Id}" },
        { LeadsApi.Routes.Move(Id), $"/api/v1/leads/{Id}/move" },
        { LeadsApi.Routes.Lost(Id), $"/api/v1/leads/{Id}/lost" },
        { LeadsApi.Routes.Reopen(Id), $"/api/v1/leads/{Id}/reopen" },
        { LeadsApi.Routes.Won(Id), $"/api/v1/leads/{Id}/won" },
        { LeadsApi.Routes.Timeline(Id), $"/api/v1/leads/{Id}/timeline" },
        { LeadsApi.Routes.Activities(Id), $"/api/v1/leads/{Id}/activities" },
        { LeadsApi.Routes.FollowUpDone(Id, Other), $"/api/v1/leads/{Id}/activities/{Other}/done" },
        { LeadsApi.Routes.Duplicates(Id), $"/api/v1/leads/{Id}/duplicates" },
        { LeadsApi.Routes.Merge(Id), $"/api/v1/leads/{Id}/merge" },
        { LeadsApi.Routes.Stages, "/api/v1/pipeline/stages" },
        { LeadsApi.Routes.StageOrder, "/api/v1/pipeline/stages/order" },
        { LeadsApi.Routes.DeleteStage(S1, S2), $"/api/v1/pipeline/stages/{S1}?moveTo={S2}" },
        { LeadsApi.Routes.InquiryForm, "/api/v1/leads/inquiry-form" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public void A_route_is_the_address_the_API_maps(string route, string expected) => route.ShouldBe(expected);

    private static LeadCard Card(Guid id, string names, double position) => new(id, names, [new DateOnly(2027, 2, 12), new DateOnly(2027, 2, 14)], "Jaipur", 300,
        BudgetBand.From50LakhTo1Crore, LeadSource.Instagram, null, "Priya Planner", 3, null, position, 1);

    private static LeadBoardResponse Board() => new(
    [
        new LeadBoardColumn(S1, "New", PipelineStageKind.Open, 2, [Card(Id, "Aanya & Rohan", 1), Card(Other, "Zoya & Arjun", 2)]),
        new LeadBoardColumn(S2, "Proposal sent", PipelineStageKind.ProposalSent, 0, []),
        new LeadBoardColumn(Won, "Won", PipelineStageKind.Won, 0, []),
    ]);

    private static LeadResponse Moved() => new(Id, "Aanya & Rohan", "Meera", null, "a@example.com", null, null, [], [], null, null, null, LeadSource.Instagram, null,
        S2, "Proposal sent", PipelineStageKind.ProposalSent, DateTimeOffset.UnixEpoch, null, null, null, null, 0, null, 2, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task The_board_shows_each_stage_with_its_cards_and_a_dropped_card_moves_to_where_it_fell()
    {
        await SignInAsAsync(Role.Planner);
        Api.Returns(LeadsApi.Routes.Board, Board());
        Api.Returns(LeadsApi.Routes.Move(Id), Moved(), "POST");
        Render<MudPopoverProvider>();
        var page = Render<LeadsPage>();
        page.WaitForElement("[data-test=lead-card]");

        page.FindAll("[data-test=column]").Select(c => c.GetAttribute("data-stage")).ShouldBe(["New", "Proposal sent", "Won"]);
        var first = page.Find($"[data-lead='{Id}']");
        first.TextContent.ShouldContain("Aanya & Rohan");
        first.TextContent.ShouldContain("12 Feb–14 Feb 2027 · Jaipur");
        first.TextContent.ShouldContain("300 guests · ₹50 L–1 Cr · Instagram");
        first.TextContent.ShouldContain("Priya Planner · 3 days");
        first.GetAttribute("draggable").ShouldBe("true");

        // Dragged to the empty Proposal sent column: moved there, with no neighbours.
        await first.TriggerEventAsync("ondragstart", new DragEventArgs());
        await page.FindAll("[data-test=column]")[1].TriggerEventAsync("ondrop", new DragEventArgs());
        // POST, as the API maps it (a PUT here once passed this test and got 405 from the server).
        page.WaitForAssertion(() => Api.Requests.Any(r => r.Method == HttpMethod.Post && r.RequestUri!.AbsolutePath.EndsWith("/move", StringComparison.Ordinal)).ShouldBeTrue());
        var body = JsonDocument.Parse(Api.RequestBodies.Single()).RootElement;
        body.GetProperty("stageId").GetGuid().ShouldBe(S2);
        body.GetProperty("afterId").ValueKind.ShouldBe(JsonValueKind.Null);

        // Dropped on the first card of its own column: above it.
        await page.Find($"[data-lead='{Other}']").TriggerEventAsync("ondragstart", new DragEventArgs());
        Api.Returns(LeadsApi.Routes.Move(Other), Moved(), "POST");
        await page.Find($"[data-lead='{Id}']").TriggerEventAsync("ondrop", new DragEventArgs());
        page.WaitForAssertion(() => Api.RequestBodies.Count.ShouldBe(2));
        var within = JsonDocument.Parse(Api.RequestBodies[1]).RootElement;
        within.GetProperty("stageId").GetGuid().ShouldBe(S1);
        within.GetProperty("beforeId").GetGuid().ShouldBe(Id);
    }

    [Fact]
    public async Task A_coordinator_gets_no_leads_in_the_nav_and_a_planner_does()
    {
        await SignInAsAsync(Role.Coordinator);
        Render<WedTech.App.Layout.NavMenu>().FindAll("a[href='leads']").ShouldBeEmpty();
        await SignInAsAsync(Role.Planner);
        Render<WedTech.App.Layout.NavMenu>().FindAll("a[href='leads']").Count.ShouldBe(1);
    }

    [Fact]
    public async Task Each_call_goes_with_its_verb_to_its_route()
    {
        await SignInAsAsync(Role.Planner);
        var leads = Services.GetRequiredService<LeadsApi>();
        Api.Returns(LeadsApi.Routes.Lead(Id), Moved(), "PUT");
        Api.Returns(LeadsApi.Routes.Lost(Id), Moved(), "POST");
        Api.Returns(LeadsApi.Routes.Won(Id), new LeadWonResponse(Id, Other), "POST");
        Api.Returns(LeadsApi.Routes.Merge(Id), Moved(), "POST");
        Api.Returns(LeadsApi.Routes.Stage(S1), new PipelineStageResponse(S1, "Enquiry", 0, PipelineStageKind.Open, 0, 2), "PUT");
        await leads.UpdateAsync(Id, new LeadRequest("A", "B", null, "a@example.com", null, null, null, null, null, null, null, null, null, null, null), "\"1\"");
        await leads.LostAsync(Id, new LeadLostRequest("Budget"));
        (await leads.WonAsync(Id)).Value!.WeddingId.ShouldBe(Other);
        await leads.MergeAsync(Id, Other);
        await leads.RenameStageAsync(S1, "Enquiry", 1);
        Api.Requests.Where(r => !r.RequestUri!.AbsolutePath.EndsWith("/me", StringComparison.Ordinal)).Select(r => $"{r.Method} {r.RequestUri!.PathAndQuery} {r.Headers.IfMatch}".Trim()).ShouldBe(
        [
            $"PUT /api/v1/leads/{Id} \"1\"",
            $"POST /api/v1/leads/{Id}/lost",
            $"POST /api/v1/leads/{Id}/won",
            $"POST /api/v1/leads/{Id}/merge",
            $"PUT /api/v1/pipeline/stages/{S1} \"1\"",
        ]);
    }
}
