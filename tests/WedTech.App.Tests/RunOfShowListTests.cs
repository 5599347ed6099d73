using AngleSharp.Dom;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using WedTech.App.Features.Events.Components;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;
using static WedTech.App.Tests.Infrastructure.Schedules;

namespace WedTech.App.Tests;

public class RunOfShowListTests : AppTestContext
{
    private const string EventId = "01938a00-0000-7000-8000-000000000002";

    private static readonly RunOfShowItemResponse Welcome = Item(EventId, "01938a00-0000-7000-8000-000000000021", new DateTime(2026, 12, 10, 20, 30, 0), "Welcome drinks",
        RunOfShowStatus.Done, isShared: true, location: "Lawn") with { StatusChangedAt = new DateTimeOffset(2026, 12, 10, 15, 5, 0, TimeSpan.Zero), StatusChangedBy = "Kavya Reddy" };
    private static readonly RunOfShowItemResponse Performances = Item(EventId, "01938a00-0000-7000-8000-000000000022", new DateTime(2026, 12, 10, 21, 0, 0), "Family performances",
        RunOfShowStatus.InProgress, isShared: true, owner: "Rohan (DJ)", minutes: 90);
    private static readonly RunOfShowItemResponse Muhurat = Item(EventId, "01938a00-0000-7000-8000-000000000023", new DateTime(2026, 12, 10, 22, 45, 0), "Ring ceremony",
        isFixed: true, isShared: true, minutes: 0);
    private static readonly RunOfShowItemResponse Cash = Item(EventId, "01938a00-0000-7000-8000-000000000024", new DateTime(2026, 12, 10, 23, 0, 0), "Pay the band in cash",
        notes: "Envelope is with Meera", minutes: 15);

    private static readonly RunOfShowItemResponse[] Items = [Welcome, Performances, Muhurat, Cash];

    /// <summary>The evening of the Sangeet, in Delhi.</summary>
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 10, 17, 0, 0, TimeSpan.Zero));

    public RunOfShowListTests() => Services.AddSingleton<TimeProvider>(_clock);

    private IRenderedComponent<RunOfShowList> RenderList(bool internalParts, bool progress, bool edit, IReadOnlyList<RunOfShowItemResponse>? items = null,
        bool readOnly = false, Action<(RunOfShowItemResponse, RunOfShowStatus)>? onStatus = null) =>
        Render<RunOfShowList>(p => p
            .Add(l => l.Items, items ?? Items)
            .Add(l => l.TimeZone, "Asia/Kolkata")
            .Add(l => l.ShowsInternal, internalParts)
            .Add(l => l.CanProgress, progress)
            .Add(l => l.CanEdit, edit)
            .Add(l => l.ReadOnly, readOnly)
            .Add(l => l.OnStatus, onStatus ?? (_ => { })));

    private static IElement Row(IRenderedComponent<RunOfShowList> list, RunOfShowItemResponse item) =>
        list.Find($"[data-item='{item.Id}']");

    private static string[] Buttons(IElement row) =>
        row.QuerySelectorAll("[data-test^=ros-]").Select(b => b.GetAttribute("data-test")!)
            .Where(t => t is "ros-start" or "ros-done" or "ros-slipped" or "ros-undo" or "ros-edit" or "ros-shift" or "ros-delete").ToArray();

    [Fact]
    public void A_coordinator_can_start_finish_or_slip_what_is_left_and_undo_what_is_finished_but_not_change_the_schedule()
    {
        var list = RenderList(internalParts: true, progress: true, edit: false);

        Buttons(Row(list, Welcome)).ShouldBe(["ros-undo"]);
        Buttons(Row(list, Performances)).ShouldBe(["ros-done", "ros-slipped"]);
        Buttons(Row(list, Muhurat)).ShouldBe(["ros-start", "ros-done", "ros-slipped"]);
        Row(list, Performances).QuerySelector("[data-test=ros-done]")!.GetAttribute("aria-label").ShouldBe("Mark Family performances done");
        list.FindAll("[data-test=ros-edit], [data-test=ros-shift], [data-test=ros-delete]").ShouldBeEmpty();
    }

    [Fact]
    public void What_is_under_way_is_now_and_the_next_item_to_do_is_next()
    {
        var list = RenderList(internalParts: true, progress: true, edit: false);

        Row(list, Performances).ClassList.ShouldContain("ros-current");
        Row(list, Performances).QuerySelector("[data-test=ros-now]").ShouldNotBeNull();
        Row(list, Muhurat).ClassList.ShouldContain("ros-next");
        Row(list, Muhurat).QuerySelector("[data-test=ros-next]").ShouldNotBeNull();
        list.FindAll("[data-test=ros-now]").Count.ShouldBe(1);
        list.FindAll("[data-test=ros-next]").Count.ShouldBe(1);
        Row(list, Welcome).GetAttribute("data-status").ShouldBe("done");
        Row(list, Performances).QuerySelector(".ros-duration")!.TextContent.ShouldBe("1 h 30 min");
    }

    [Fact]
    public void A_planner_sees_muhurat_and_shared_badges_notes_who_ticked_what_and_can_edit_shift_and_delete_each_item()
    {
        var list = RenderList(internalParts: true, progress: true, edit: true);

        Row(list, Muhurat).QuerySelector("[data-test=ros-fixed]")!.TextContent.Trim().ShouldBe("Muhurat");
        list.FindAll("[data-test=ros-fixed]").Count.ShouldBe(1);
        list.FindAll("[data-test=ros-shared]").Count.ShouldBe(3);
        Row(list, Cash).QuerySelector("[data-test=ros-shared]").ShouldBeNull();
        Row(list, Cash).QuerySelector("[data-test=ros-notes]")!.TextContent.ShouldBe("Envelope is with Meera");
        Row(list, Welcome).QuerySelector("[data-test=ros-changed]")!.TextContent.ShouldBe("Done · Kavya Reddy, 20:35");
        Row(list, Performances).QuerySelector("[data-test=ros-owner]")!.TextContent.Trim().ShouldBe("Rohan (DJ)");
        Buttons(Row(list, Cash)).ShouldBe(["ros-start", "ros-done", "ros-slipped", "ros-edit", "ros-shift", "ros-delete"]);
    }

    [Fact]
    public void The_couple_gets_no_buttons_no_shared_badges_no_notes_and_no_next()
    {
        // Even if an item arrived with notes, the couple's view does not show them.
        var list = RenderList(internalParts: false, progress: false, edit: false);

        list.FindAll("button").ShouldBeEmpty();
        list.FindAll("[data-test=ros-shared]").ShouldBeEmpty();
        list.FindAll("[data-test=ros-notes]").ShouldBeEmpty();
        list.FindAll("[data-test=ros-changed]").ShouldBeEmpty();
        list.FindAll("[data-test=ros-next]").ShouldBeEmpty();
        list.Markup.ShouldNotContain("Envelope is with Meera");
        list.FindAll("[data-test=ros-fixed]").Count.ShouldBe(1);
        list.FindAll("[data-test=ros-now]").Count.ShouldBe(1);
    }

    [Fact]
    public void An_offline_copy_is_read_only()
    {
        var list = RenderList(internalParts: true, progress: true, edit: true, readOnly: true);

        list.FindAll("button").ShouldBeEmpty();
        list.FindAll("[data-test=ros-item]").Count.ShouldBe(4);
    }

    [Fact]
    public void One_tap_on_done_reports_the_item_and_the_status()
    {
        var tapped = new List<(RunOfShowItemResponse Item, RunOfShowStatus Status)>();
        var list = RenderList(internalParts: true, progress: true, edit: false, onStatus: tapped.Add);

        Row(list, Performances).QuerySelector("[data-test=ros-done]")!.Click();

        tapped.ShouldBe([(Performances, RunOfShowStatus.Done)]);
    }

    [Fact]
    public void Without_items_the_staff_and_the_couple_are_told_so()
    {
        RenderList(internalParts: true, progress: true, edit: true, items: []).Find("[data-test=ros-empty]").TextContent.ShouldBe("No items yet.");
        RenderList(internalParts: false, progress: false, edit: false, items: []).Find("[data-test=ros-empty]").TextContent.ShouldBe("Nothing to show yet.");
    }

    [Fact]
    public void Who_ticked_an_item_off_says_the_day_when_it_was_not_today()
    {
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 22, 6, 0, 0, TimeSpan.Zero));
        Row(RenderList(internalParts: true, progress: false, edit: false), Welcome).QuerySelector("[data-test=ros-changed]")!.TextContent
            .ShouldBe("Done · Kavya Reddy, 10 Dec, 20:35");
        _clock.SetUtcNow(new DateTimeOffset(2027, 1, 2, 6, 0, 0, TimeSpan.Zero));
        Row(RenderList(internalParts: true, progress: false, edit: false), Welcome).QuerySelector("[data-test=ros-changed]")!.TextContent
            .ShouldBe("Done · Kavya Reddy, 10 Dec 2026, 20:35");
    }

    [Fact]
    public void What_is_done_folds_and_one_tap_shows_it_in_full()
    {
        var list = RenderList(internalParts: true, progress: true, edit: false);
        list.Find("[data-test=ros-list]").ClassList.ShouldContain("ros-folded");
        var toggle = list.Find("[data-test=ros-fold]");
        toggle.TextContent.Trim().ShouldBe("Show the done item in full");
        toggle.GetAttribute("aria-expanded").ShouldBe("false");

        toggle.Click();
        list.Find("[data-test=ros-list]").ClassList.ShouldNotContain("ros-folded");
        list.Find("[data-test=ros-fold]").TextContent.Trim().ShouldBe("Fold what is done");
        list.Find("[data-test=ros-fold]").GetAttribute("aria-expanded").ShouldBe("true");

        RenderList(internalParts: true, progress: true, edit: false, items: [Performances, Muhurat]).FindAll("[data-test=ros-fold]").ShouldBeEmpty();
    }
}
