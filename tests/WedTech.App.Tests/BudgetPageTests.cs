using System.Text.Json;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using Shouldly;
using WedTech.App.Features.Budget;
using WedTech.App.Features.Budget.Components;
using WedTech.App.Features.Budget.Pages;
using WedTech.App.Features.Realtime;
using WedTech.App.Features.Weddings;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;
using static WedTech.App.Tests.Infrastructure.Schedules;
using static WedTech.App.Tests.Infrastructure.VendorSamples;

namespace WedTech.App.Tests;

public class BudgetPageTests : AppTestContext
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2027, 1, 20, 6, 0, 0, TimeSpan.Zero));

    public BudgetPageTests() => Services.AddSingleton<TimeProvider>(_clock);

    private IRenderedComponent<BudgetPage> RenderPage()
    {
        Render<MudPopoverProvider>();
        Api.Returns(BudgetApi.Routes.Budget(WeddingId), Budget());
        return Render<BudgetPage>(p => p.Add(c => c.Id, WeddingId));
    }

    [Fact]
    public async Task The_studio_sees_the_totals_and_a_chart_bar_for_each_category()
    {
        await SignInAsAsync(Role.Admin);
        var page = RenderPage();

        page.WaitForAssertion(() => page.Find("[data-test=total-planned]").TextContent.ShouldBe("₹3,37,500"));
        page.Find("[data-test=total-committed]").TextContent.ShouldBe("₹3,15,000");
        page.Find("[data-test=total-paid]").TextContent.ShouldBe("₹1,00,000");
        page.Find("[data-test=total-outstanding]").TextContent.ShouldBe("₹2,15,000");
        page.Find("[data-test=total-fee]").TextContent.ShouldBe("₹50,000");
        page.Find("[data-test=total-couple]").TextContent.ShouldBe("₹7,02,500");
        page.FindAll("[data-test=chart-category] svg").Count.ShouldBe(3);
        page.FindAll("[data-test=chart-category] strong").Select(s => s.TextContent).ShouldBe(["Caterer", "Decorator", "Favours"]);
        // Planned ₹3,37,500 is the larger: it fills the width; booked ₹3,15,000 and paid ₹1,00,000 on its scale.
        var bars = page.FindAll("[data-test=overview-chart] rect").Select(r => r.GetAttribute("width")).ToList();
        bars.ShouldBe(["300", "280", "88.89"]);
    }

    [Theory]
    [InlineData(Role.Admin, true, true)]
    [InlineData(Role.Planner, true, false)]
    public async Task Money_changes_are_offered_as_the_role_may_make_them(Role role, bool addsAndChanges, bool removes)
    {
        await SignInAsAsync(role);
        var page = RenderPage();

        page.WaitForElement("[data-test=budget-line]");
        page.FindAll("[data-test=add-line]").Count.ShouldBe(addsAndChanges ? 1 : 0);
        page.FindAll("[data-test=edit-line]").Count.ShouldBe(addsAndChanges ? 2 : 0);
        page.FindAll("[data-test=edit-fee]").Count.ShouldBe(addsAndChanges ? 1 : 0);
        page.FindAll("[data-test=delete-line]").Count.ShouldBe(removes ? 2 : 0);
    }

    [Theory]
    [InlineData(Role.Coordinator)]
    [InlineData(Role.Client)]
    public async Task Those_who_do_not_handle_money_never_load_the_budget(Role role)
    {
        await SignInAsAsync(role);
        var page = RenderPage();

        page.WaitForElement("[data-test=no-budget-access]");
        page.FindAll("[data-test=budget-totals]").ShouldBeEmpty();
        Api.Requests.ShouldNotContain(r => r.RequestUri!.AbsolutePath.Contains("/budget", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_budget_follows_RSVP_changes()
    {
        await SignInAsAsync(Role.Planner);
        var page = RenderPage();
        page.WaitForAssertion(() => page.Find("[data-test=total-planned]").TextContent.ShouldBe("₹3,37,500"));

        Api.Returns(BudgetApi.Routes.Budget(WeddingId), Budget(sangeetGuests: 300));
        Services.GetRequiredService<LiveUpdates>().Deliver(new WeddingChangedMessage(WeddingId, WeddingChange.GuestsChanged, 7));

        page.WaitForAssertion(() => page.Find("[data-test=total-planned]").TextContent.ShouldBe("₹3,45,000"));
    }

    [Fact]
    public async Task The_what_if_asks_once_the_typing_stops_shows_each_change_and_saves_nothing()
    {
        await SignInAsAsync(Role.Planner);
        var page = RenderPage();
        page.WaitForElement("[data-test=what-if-event]");
        Api.Returns(BudgetApi.Routes.WhatIf(WeddingId), Budget(favoursPerGuest: 20000, sangeetGuests: 300, isWhatIf: true), "POST");

        // Ten more guests at the sangeet, twice over, then ₹200 a head for the welcome kits.
        await page.InvokeAsync(() => page.FindAll("[data-test=what-if-more]")[0].Click());
        await page.InvokeAsync(() => page.FindAll("[data-test=what-if-more]")[0].Click());
        // Awaited to the end: a field's handler may finish after Input returns, and the wait must start before the clock moves.
        await page.Find($"#whatif-guests-{SangeetId}").InputAsync(new ChangeEventArgs { Value = "300" });
        await page.Find($"#whatif-line-{FavoursLineId}").InputAsync(new ChangeEventArgs { Value = "200" });
        Api.Requests.ShouldNotContain(r => r.Method == HttpMethod.Post);

        _clock.Advance(WhatIfPanel.Debounce);

        page.WaitForAssertion(() => page.Find("[data-test=what-if-total-delta]").TextContent.ShouldBe("+₹22,500"));
        var posts = Api.Requests.Where(r => r.Method != HttpMethod.Get).ToList();
        posts.Select(r => $"{r.Method} {r.RequestUri!.AbsolutePath}").ShouldBe([$"POST {BudgetApi.Routes.WhatIf(WeddingId)}"]);
        var sent = JsonDocument.Parse(Api.RequestBodies.Single()).RootElement;
        sent.GetProperty("headcounts")[0].GetProperty("eventId").GetGuid().ShouldBe(SangeetId);
        sent.GetProperty("headcounts")[0].GetProperty("guests").GetInt32().ShouldBe(300);
        sent.GetProperty("lines")[0].GetProperty("id").GetGuid().ShouldBe(FavoursLineId);
        sent.GetProperty("lines")[0].GetProperty("perGuestPaise").GetInt64().ShouldBe(20000);
        var favours = page.Find("[data-test=what-if-category][data-category=Favours]");
        favours.TextContent.ShouldContain("₹60,000");
        favours.QuerySelector("[data-test=what-if-delta]")!.TextContent.ShouldBe("+₹22,500");
        page.Find("[data-test=what-if-category][data-category=Caterer] [data-test=what-if-delta]").TextContent.ShouldBe("no change");
        // The saved totals stay as they were.
        page.Find("[data-test=total-planned]").TextContent.ShouldBe("₹3,37,500");

        await page.InvokeAsync(() => page.Find("[data-test=what-if-reset]").Click());
        page.WaitForAssertion(() => page.FindAll("[data-test=what-if-result]").ShouldBeEmpty());
        page.Find($"#whatif-guests-{SangeetId}").GetAttribute("value").ShouldBe("250");
        _clock.Advance(WhatIfPanel.Debounce);
        Api.Requests.Count(r => r.Method != HttpMethod.Get).ShouldBe(1);
    }

    [Fact]
    public async Task The_couple_sees_the_shared_budget_on_their_wedding_page_and_nothing_of_the_studios()
    {
        await SignInAsAsync(Role.Client);
        Api.Returns(BudgetApi.Routes.Shared(WeddingId), new SharedBudgetResponse(WeddingId, true,
        [
            new SharedBudgetCategory("Caterer", 31500000, []),
            new SharedBudgetCategory("Favours", 3750000, [new SharedBudgetLine("Welcome kits", 3750000, 250)]),
        ], 5000000, 40250000));

        var card = Render<SharedBudgetCard>(p => p.Add(c => c.WeddingId, WeddingId));

        card.WaitForElement("[data-test=shared-budget]");
        card.FindAll("[data-test=shared-category] strong").Select(s => s.TextContent).ShouldBe(["Caterer", "₹3,15,000", "Favours", "₹37,500"]);
        card.Find("[data-test=shared-line]").TextContent.ShouldContain("Welcome kits · 250 guests");
        card.Find("[data-test=shared-fee]").TextContent.ShouldContain("₹50,000");
        card.Find("[data-test=shared-total]").TextContent.ShouldContain("₹4,02,500");
        card.Markup.ShouldNotContain("Paid");
        card.Markup.ShouldNotContain("Outstanding");
        Api.Requests.Select(r => r.RequestUri!.AbsolutePath).ShouldNotContain(BudgetApi.Routes.Budget(WeddingId));
    }

    [Fact]
    public async Task A_budget_not_shared_yet_shows_the_couple_nothing()
    {
        await SignInAsAsync(Role.Client);
        Api.Returns(BudgetApi.Routes.Shared(WeddingId), new SharedBudgetResponse(WeddingId, false, [], null, 0));

        var card = Render<SharedBudgetCard>(p => p.Add(c => c.WeddingId, WeddingId));

        card.WaitForAssertion(() => Api.Requests.ShouldNotBeEmpty());
        card.WaitForAssertion(() => card.Markup.Trim().ShouldBeEmpty());
    }
}
