using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using WedTech.Contracts;
using WedTech.Server.Demo;
using WedTech.Server.Templates;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

/// <summary>
/// The demo studio shows the product at its best on the day someone tries it, whatever the hour: a wedding under way with
/// its run-of-show ticked off up to now, a full week, a venue book, and names in Devanagari and Tamil.
/// </summary>
public abstract class DemoStudioTests(TestServer server) : ProviderTests(server)
{
    [Fact]
    public async Task The_demo_studio_is_busy_today_its_run_of_show_done_up_to_now_and_every_planned_event_at_a_venue()
    {
        await Server.Services.GetRequiredService<DemoTenant>().EnsureAsync(Cancel);
        var now = DateTimeOffset.UtcNow;
        using var planner = Server.Factory.CreateClient();
        planner.DefaultRequestHeaders.Add("X-Tenant", DemoTenant.Slug);
        var tokens = await (await planner.PostJsonAsync("/api/v1/auth/login", new LoginRequest("planner@demo.wedtech.test", DemoTenant.Password))).ReadAsync<TokenResponse>();
        planner.UseBearer(tokens.AccessToken);

        var venues = await planner.GetAsync<PagedResponse<VenueResponse>>("/api/v1/venues?pageSize=50");
        venues.TotalCount.ShouldBe(6);
        var weddings = (await planner.GetAsync<PagedResponse<WeddingSummaryResponse>>("/api/v1/weddings?pageSize=50")).Items;
        weddings.Select(w => w.Title).ShouldContain("अनन्या और विक्रम");
        weddings.Select(w => w.BrideName).ShouldContain("காவேரி");

        // The coming week holds events on several days, every one at a venue of the book.
        var week = (await planner.GetAsync<PagedResponse<EventSummaryResponse>>("/api/v1/events?pageSize=100")).Items;
        week.Select(e => DateOnly.FromDateTime(e.Start)).Distinct().Count().ShouldBeGreaterThanOrEqualTo(3);
        week.ShouldAllBe(e => e.Venue != null && venues.Items.Any(v => v.Id == e.Venue.Id));
        week.Select(e => e.WeddingTitle).Distinct().Count().ShouldBeGreaterThanOrEqualTo(2);

        // Today's wedding: its event of this hour (or the next today) is ticked off up to now, by the coordinator.
        var live = weddings.Single(w => w.Status == WeddingStatus.InProgress);
        var schedule = await planner.GetAsync<WeddingScheduleResponse>($"/api/v1/weddings/{live.Id}/schedule");
        var today = schedule.Events.Where(e => e.EndsAt > now).MinBy(e => e.StartsAt)!;
        (today.StartsAt - now).ShouldBeLessThan(TimeSpan.FromHours(24), "an event of the live wedding is on or ahead today");
        var offset = today.StartsAt - new DateTimeOffset(today.Start, TimeSpan.Zero);
        foreach (var item in schedule.Events.Where(e => e.StartsAt <= today.StartsAt).SelectMany(e => e.RunOfShow))
        {
            var starts = new DateTimeOffset(item.Start, TimeSpan.Zero) + offset;
            var expected = starts.AddMinutes(item.DurationMinutes) <= now ? RunOfShowStatus.Done : starts <= now ? RunOfShowStatus.InProgress : RunOfShowStatus.Pending;
            item.Status.ShouldBe(expected, $"{item.Title} at {item.Start:HH:mm}");
            if (expected != RunOfShowStatus.Pending)
            {
                item.StatusChangedBy.ShouldBe("Kavya Iyer");
            }
        }
        schedule.Events.Where(e => e.EndsAt <= now).ShouldAllBe(e => e.Status == EventStatus.Done);

        // Its guest list: families of both sides, in two scripts, invited from the second event on, most answered.
        var counts = await planner.GetAsync<HeadcountsResponse>($"/api/v1/weddings/{live.Id}/headcounts");
        counts.Households.ShouldBe(12);
        counts.Events[0].Households.ShouldBe(0);
        counts.Events.Skip(1).ShouldAllBe(e => e.Households == 12 && e.Attending > 0 && e.Pending > 0);
        var households = await planner.GetAsync<PagedResponse<HouseholdResponse>>($"/api/v1/weddings/{live.Id}/households?q=" + Uri.EscapeDataString("रमेश"));
        households.Items.Single().Side.ShouldBe(GuestSide.Bride);
    }
}

/// <summary>The demo is made whenever someone starts it: at every time of day it must hold a wedding under way or starting soon, and a full week.</summary>
public sealed class DemoDayTests
{
    [Fact]
    public void At_every_time_of_day_the_live_wedding_has_an_event_within_a_day_and_the_week_ahead_holds_three_days_of_events()
    {
        var plan = BuiltInTemplates.All[0].Events;
        for (var minute = 0; minute < 24 * 60; minute += 10)
        {
            var now = TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(minute));
            var firstDay = -DemoTenant.LiveDay(plan, now);
            // Minutes from now (today at `now`) to each event's start and end.
            var events = plan.Select(e => (Start: (firstDay + e.Day) * 1440 + e.Start.Hour * 60 + e.Start.Minute - minute, e.DurationMinutes, e.Day)).ToList();
            var next = events.Where(e => e.Start + e.DurationMinutes > 0).ToList();
            next.ShouldNotBeEmpty($"at {now}: the live wedding is over");
            next.Min(e => e.Start).ShouldBeLessThan(24 * 60, $"at {now}: nothing on within a day");
            // The live wedding's days from today on (Kaveri and Aditya's, in five days, makes the third at least).
            events.Where(e => e.Start + e.DurationMinutes > -minute).Select(e => firstDay + e.Day).Distinct().Count(day => day >= 0)
                .ShouldBeGreaterThanOrEqualTo(2, $"at {now}: the coming week is nearly empty");
        }
    }
}

public sealed class DemoStudioTestsOnSqlite(SqliteServer server) : DemoStudioTests(server);

public sealed class DemoStudioTestsOnPostgres(PostgresServer server) : DemoStudioTests(server);
