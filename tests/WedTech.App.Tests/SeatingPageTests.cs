using System.Net;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Shouldly;
using WedTech.App.Features.Seating.Pages;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;

namespace WedTech.App.Tests;

public class SeatingPageTests : AppTestContext
{
    private static readonly Guid WeddingId = Guid.Parse("01938a00-0000-7000-8000-000000000001");
    private static readonly Guid EventId = Guid.Parse("01938a00-0000-7000-8000-000000000002");
    private static readonly Guid TableOne = Guid.Parse("01938a00-0000-7000-8000-0000000000a1");
    private static readonly Guid Lotus = Guid.Parse("01938a00-0000-7000-8000-0000000000a2");
    private static readonly Guid Sharma = Guid.Parse("01938a00-0000-7000-8000-0000000000b1");
    private static readonly Guid Mehta = Guid.Parse("01938a00-0000-7000-8000-0000000000b2");
    private static readonly string Url = $"/api/v1/weddings/{WeddingId}/events/{EventId}/seating";

    /// <summary>The Sharmas at Table 1 when <paramref name="sharmaAt"/> says so; the Mehtas wherever <paramref name="mehtaAt"/> says.</summary>
    private static SeatingResponse Seating(Guid? sharmaAt, Guid? mehtaAt, long version = 4)
    {
        var sharma = new SeatingHousehold(Sharma, "Sharma family", GuestSide.Bride, "Mama's side", false,
            [new(Guid.Parse("01938a00-0000-7000-8000-0000000000c1"), "सुनीता शर्मा", sharmaAt), new(Guid.Parse("01938a00-0000-7000-8000-0000000000c2"), "Rahul Sharma", sharmaAt)]);
        var mehta = new SeatingHousehold(Mehta, "Mehta family", GuestSide.Groom, null, false,
            [new(Guid.Parse("01938a00-0000-7000-8000-0000000000c3"), "Kavita Mehta", mehtaAt)]);
        List<Guid> At(Guid table) => [.. new[] { sharma, mehta }.SelectMany(h => h.Guests).Where(g => g.TableId == table).Select(g => g.Id)];
        return new SeatingResponse(WeddingId, EventId, "Reception",
            [new(TableOne, EventId, "Table 1", TableShape.Round, 8, 0, null, At(TableOne), 2), new(Lotus, EventId, "Lotus", TableShape.Long, 3, 1, null, At(Lotus), 1)],
            [mehta, sharma], [], null, version);
    }

    private IRenderedComponent<SeatingPage> RenderPage()
    {
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        var page = Render<SeatingPage>(p => p.Add(x => x.WeddingId, WeddingId).Add(x => x.EventId, EventId));
        page.WaitForElement("[data-test=seating-table]");
        return page;
    }

    [Fact]
    public async Task A_coordinator_sees_the_tables_their_guests_and_free_seats_and_the_printouts_but_nothing_to_change()
    {
        await SignInAsAsync(Role.Coordinator);
        Api.Returns(Url, Seating(sharmaAt: TableOne, mehtaAt: null));

        var page = RenderPage();

        var tables = page.FindAll("[data-test=seating-table]");
        tables.Count.ShouldBe(2);
        tables[0].TextContent.ShouldContain("Table 1");
        tables[0].TextContent.ShouldContain("सुनीता शर्मा, Rahul Sharma");
        tables[0].QuerySelector("[data-test=table-seats]")!.TextContent.ShouldBe("2 of 8 seats · Round");
        tables[0].QuerySelector("[data-test=free-seats]")!.TextContent.ShouldBe("6 free seats");
        tables[1].TextContent.ShouldContain("Nobody seated yet.");
        page.Find("[data-test=seating-summary]").TextContent.ShouldContain("2 guests seated of 3 guests coming, at 2 tables");
        page.Find("[data-test=unseated]").TextContent.ShouldContain("Mehta family");
        page.Find("[data-test=print-place-cards]").GetAttribute("href").ShouldBe($"{Url}/print?kind=place-cards");
        page.Find("[data-test=print-escort-list]").GetAttribute("href").ShouldBe($"{Url}/print?kind=escort-list");
        foreach (var control in new[] { "arrange", "seat-chosen", "seat-table", "unseat", "remove-table", "add-table", "add-pair" })
        {
            page.FindAll($"[data-test={control}]").ShouldBeEmpty();
        }
        page.FindAll("[draggable=true]").ShouldBeEmpty();
        page.FindAll(".seating-choose").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_planner_seats_a_household_with_the_keyboard_choosing_it_and_a_table()
    {
        await SignInAsAsync(Role.Planner);
        Api.Returns(Url, Seating(sharmaAt: null, mehtaAt: null));
        Api.Returns($"{Url}/moves", Seating(sharmaAt: Lotus, mehtaAt: null, version: 5), method: "POST");
        var page = RenderPage();

        page.Find("[data-test=seat-chosen]").HasAttribute("disabled").ShouldBeTrue();
        page.WaitForAssertion(() => page.FindAll("[data-test=unseated-household]").Count.ShouldBe(2));
        page.WaitForAssertion(() =>
        {
            if (page.FindAll("[data-test=unseated-household] button[aria-pressed=true]").Count == 0)
            {
                page.FindAll("[data-test=unseated-household]").Single(li => li.TextContent.Contains("Sharma family", StringComparison.Ordinal))
                    .QuerySelector("button.seating-choose")!.Click();
            }
            page.FindAll("[data-test=unseated-household] button[aria-pressed=true]").Single().TextContent.ShouldContain("Sharma family");
        });
        page.Find("label[for=seat-table]").TextContent.ShouldBe("Table for the chosen household");
        page.Find("[data-test=seat-table]").Change(Lotus.ToString());
        page.Find("[data-test=seat-chosen]").TextContent.Trim().ShouldBe("Seat household");
        await page.Find("[data-test=seat-chosen]").ClickAsync(new());

        page.WaitForAssertion(() => page.FindAll("[data-test=seating-table]")[1].TextContent.ShouldContain("सुनीता शर्मा, Rahul Sharma"));
        var move = Api.Requests.Single(r => r.Method == HttpMethod.Post && r.RequestUri!.AbsolutePath.EndsWith("/moves", StringComparison.Ordinal));
        move.Headers.IfMatch.Single().Tag.ShouldBe("\"4\"");
        var body = Api.RequestBodies.Single(b => b.Contains("moves", StringComparison.Ordinal));
        body.ShouldContain(Sharma.ToString());
        body.ShouldContain(Lotus.ToString());
        page.Find("[data-test=unseated]").TextContent.ShouldNotContain("Sharma family");
    }

    [Fact]
    public async Task A_planner_drags_a_household_onto_a_table_and_unseats_it_again()
    {
        await SignInAsAsync(Role.Planner);
        Api.Returns(Url, Seating(sharmaAt: null, mehtaAt: null));
        Api.Returns($"{Url}/moves", Seating(sharmaAt: null, mehtaAt: TableOne, version: 5), method: "POST");
        var page = RenderPage();

        AngleSharp.Dom.IElement MehtaRow() => page.FindAll("[data-test=unseated-household]").Single(li => li.TextContent.Contains("Mehta family", StringComparison.Ordinal));
        page.WaitForAssertion(() => MehtaRow().GetAttribute("draggable").ShouldBe("true"));
        await MehtaRow().TriggerEventAsync("ondragstart", new DragEventArgs());
        await page.FindAll("[data-test=seating-table]")[0].TriggerEventAsync("ondrop", new DragEventArgs());

        page.WaitForAssertion(() => page.FindAll("[data-test=seating-table]")[0].TextContent.ShouldContain("Kavita Mehta"));
        Api.RequestBodies.Single(b => b.Contains("moves", StringComparison.Ordinal)).ShouldContain(Mehta.ToString());

        Api.Returns($"{Url}/moves", Seating(sharmaAt: null, mehtaAt: null, version: 6), method: "POST");
        var unseat = page.Find("[data-test=unseat]");
        unseat.GetAttribute("aria-label").ShouldBe("Unseat Mehta family");
        await unseat.ClickAsync(new());
        page.WaitForAssertion(() => page.Find("[data-test=unseated]").TextContent.ShouldContain("Mehta family"));
        Api.RequestBodies.Last(b => b.Contains("moves", StringComparison.Ordinal)).ShouldContain("\"tableId\":null");
    }

    [Fact]
    public async Task Seating_everyone_automatically_says_who_could_not_be_seated_and_why()
    {
        await SignInAsAsync(Role.Admin);
        Api.Returns(Url, Seating(sharmaAt: null, mehtaAt: null));
        Api.Returns($"{Url}/arrange", new ArrangeResponse(2, 1,
            [new ArrangeIssue(Mehta, "Mehta family", 1, "Every table with 1 free seats has someone they are to be kept apart from.")],
            Seating(sharmaAt: TableOne, mehtaAt: null, version: 5)), method: "POST");
        var page = RenderPage();

        // The seating loads first; a click before it would find the button without its handler yet.
        page.WaitForAssertion(() => page.FindAll("[data-test=unseated-household]").Count.ShouldBe(2));
        await page.Find("[data-test=arrange]").ClickAsync(new());

        page.WaitForAssertion(() => page.Find("[data-test=arrange-result]").TextContent.ShouldContain("Seated 2 guests."));
        page.Find("[data-test=arrange-result]").TextContent.ShouldContain("1 guest could not be seated:");
        page.Find("[data-test=arrange-issue]").TextContent.ShouldContain("Mehta family (1 guest): Every table with 1 free seats");
        page.FindAll("[data-test=seating-table]")[0].TextContent.ShouldContain("Rahul Sharma");
        Api.RequestBodies.Single(b => b.Contains("reseatAll", StringComparison.Ordinal)).ShouldContain("\"reseatAll\":false");
    }

    [Fact]
    public async Task A_refused_move_says_the_clash_and_leaves_the_seating_as_it_was()
    {
        await SignInAsAsync(Role.Planner);
        Api.Returns(Url, Seating(sharmaAt: null, mehtaAt: null));
        Api.ReturnsProblem($"{Url}/moves", HttpStatusCode.BadRequest, "Validation failed",
            new Dictionary<string, string[]> { ["moves[0]"] = ["Lotus has 3 seats; this would put 4 guests there. Choose another table or give it more seats."] }, method: "POST");
        var page = RenderPage();

        page.WaitForAssertion(() => page.FindAll("[data-test=unseated-household]").Count.ShouldBe(2));
        await page.FindAll("[data-test=unseated-household]")[1].TriggerEventAsync("ondragstart", new DragEventArgs());
        await page.FindAll("[data-test=seating-table]")[1].TriggerEventAsync("ondrop", new DragEventArgs());

        page.WaitForAssertion(() => Services.GetRequiredService<ISnackbar>().ShownSnackbars.Single().Message!.ShouldContain("Lotus has 3 seats; this would put 4 guests there."));
        page.FindAll("[data-test=seating-table]")[1].TextContent.ShouldNotContain("Rahul Sharma");
        page.Find("[data-test=unseated]").TextContent.ShouldContain("Sharma family");
    }

    [Fact]
    public async Task A_planner_changes_a_tables_seats_and_place_sent_with_its_version()
    {
        await SignInAsAsync(Role.Planner);
        Api.Returns(Url, Seating(sharmaAt: null, mehtaAt: null));
        Api.Returns($"{Url}/tables/{Lotus}", new SeatingTableResponse(Lotus, EventId, "Lotus", TableShape.Long, 6, 0, null, [], 2), method: "PUT");
        var page = RenderPage();

        page.FindAll("[data-test=seating-table]")[1].QuerySelector("[data-test=edit-table]")!.GetAttribute("aria-label").ShouldBe("Edit Lotus");
        // The page renders again as its live line settles: the button is clicked as it is now, until the form shows.
        page.WaitForAssertion(() =>
        {
            if (page.FindAll($"#edit-seats-{Lotus}").Count == 0)
            {
                page.FindAll("[data-test=seating-table]")[1].QuerySelector("[data-test=edit-table]")!.Click();
            }
            page.Find($"#edit-seats-{Lotus}");
        });
        page.Find($"#edit-seats-{Lotus}").Change("6");
        page.Find($"#edit-place-{Lotus}").Change("1");
        await page.Find("[data-test=save-table]").ClickAsync(new());

        page.WaitForAssertion(() => Api.Requests.Count(r => r.Method == HttpMethod.Put).ShouldBe(1));
        var put = Api.Requests.Single(r => r.Method == HttpMethod.Put);
        put.RequestUri!.AbsolutePath.ShouldBe($"{Url}/tables/{Lotus}");
        put.Headers.IfMatch.Single().Tag.ShouldBe("\"1\"");
        var body = Api.RequestBodies.Single(b => b.Contains("\"seats\"", StringComparison.Ordinal));
        body.ShouldContain("\"seats\":6");
        body.ShouldContain("\"position\":0");
        page.FindAll("[data-test=edit-table-form]").ShouldBeEmpty();
    }
}
