using System.Net;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Shouldly;
using WedTech.App.Features.Events;
using WedTech.App.Features.Events.Components;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;
using static WedTech.App.Tests.Infrastructure.Schedules;

namespace WedTech.App.Tests;

public class RunOfShowItemDialogTests : AppTestContext
{
    private const string SangeetId = "01938a00-0000-7000-8000-000000000002";
    private static readonly Guid Kavya = Guid.Parse("66666666-6666-7666-8666-666666666666");
    private static readonly EventResponse Sangeet =
        Event(SangeetId, EventType.Sangeet, "Sangeet night", new DateTime(2026, 12, 10, 20, 30, 0), new DateTime(2026, 12, 11, 1, 0, 0), Rambagh);
    private static readonly RunOfShowItemResponse Performances = Item(SangeetId, "01938a00-0000-7000-8000-000000000022", new DateTime(2026, 12, 10, 21, 0, 0),
        "Family performances", RunOfShowStatus.InProgress, isShared: true, owner: "Kavya Reddy", location: "Stage", version: 2) with { OwnerUserId = Kavya };

    private async Task<(IRenderedComponent<MudDialogProvider> Dialogs, Task<DialogResult?> Result)> OpenAsync(RunOfShowItemResponse? item)
    {
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var parameters = new DialogParameters<RunOfShowItemDialog>
        {
            { d => d.Event, Sangeet }, { d => d.Item, item }, { d => d.DefaultStart, new DateTime(2026, 12, 10, 22, 30, 0) },
            { d => d.People, new Dictionary<Guid, string> { [Kavya] = "Kavya Reddy" } },
        };
        var reference = await dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<RunOfShowItemDialog>("Item", parameters));
        dialogs.WaitForAssertion(() => dialogs.Find("[data-test=item-form]"));
        return (dialogs, reference.Result);
    }

    [Fact]
    public async Task A_new_item_starts_where_the_last_one_ends_and_is_shared_when_switched_on()
    {
        await SignInAsAsync(Role.Planner);
        var created = Item(SangeetId, "01938a00-0000-7000-8000-000000000025", new DateTime(2026, 12, 10, 22, 30, 0), "Cake cutting", isShared: true);
        Api.Returns(EventsApi.Routes.Items(Sangeet.Id), created, "POST");
        var (dialogs, result) = await OpenAsync(item: null);

        dialogs.Find("#item-start").GetAttribute("value").ShouldBe("10/12/2026");
        dialogs.Find("#item-start-time").GetAttribute("value").ShouldBe("22:30");
        dialogs.Find("#item-title").Change("Cake cutting");
        dialogs.Find("input[data-test=item-shared]").Change(true);
        dialogs.Find("[data-test=save-item]").Click();

        dialogs.WaitForAssertion(() => result.IsCompleted.ShouldBeTrue());
        (await result)!.Data.ShouldBe(created);
        var body = Api.RequestBodies.Single();
        body.ShouldContain("\"start\":\"2026-12-10T22:30:00\"");
        body.ShouldContain("\"durationMinutes\":15");
        body.ShouldContain("\"isShared\":true");
        body.ShouldContain("\"isFixed\":false");
    }

    [Fact]
    public async Task An_edit_keeps_the_staff_owner_sends_the_items_version_and_a_409_offers_theirs()
    {
        await SignInAsAsync(Role.Planner);
        var url = EventsApi.Routes.Item(Sangeet.Id, Performances.Id);
        Api.ReturnsProblem(url, HttpStatusCode.Conflict, "Conflict", method: "PUT");
        Api.Returns(url, Performances with { Title = "Family performances (short)", Version = 3 });
        var (dialogs, _) = await OpenAsync(Performances);

        dialogs.Find("#item-owner-name").HasAttribute("disabled").ShouldBeTrue("a staff owner is chosen, so no other name is typed");
        dialogs.Find("#item-location").Change("Main stage");
        dialogs.Find("[data-test=save-item]").Click();

        dialogs.WaitForAssertion(() => dialogs.Find("[data-test=conflict]").TextContent.ShouldContain("Someone else changed this item"));
        Api.Requests.Single(r => r.Method == HttpMethod.Put).Headers.IfMatch.Single().Tag.ShouldBe("\"2\"");
        var body = Api.RequestBodies.Single();
        body.ShouldContain($"\"ownerUserId\":\"{Kavya}\"");
        body.ShouldContain("\"ownerName\":null");
        body.ShouldContain("\"location\":\"Main stage\"");
        body.ShouldContain("\"status\":\"in-progress\"");

        dialogs.Find("[data-test=load-latest]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("#item-title").GetAttribute("value").ShouldBe("Family performances (short)"));
        dialogs.Find("#item-location").GetAttribute("value").ShouldBe("Stage");
    }
}
