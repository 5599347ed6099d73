using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using WedTech.App.Features.Realtime;
using WedTech.App.Features.Travel.Components;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;
using static WedTech.App.Tests.Infrastructure.Schedules;
using static WedTech.App.Tests.Infrastructure.TravelSamples;

namespace WedTech.App.Tests;

public class PickupsDueCardTests : AppTestContext
{
    /// <summary>14:00 in Jaipur on the day the Sharmas land.</summary>
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2027, 2, 12, 8, 30, 0, TimeSpan.Zero));

    /// <summary>The next two hours from 14:00 in Jaipur, in UTC.</summary>
    private static readonly string DueUrl = $"/api/v1/weddings/{WeddingId}/trips?from=2027-02-12T08%3A30%3A00Z&to=2027-02-12T10%3A30%3A00Z&page=1&pageSize=20";

    public PickupsDueCardTests() => Services.AddSingleton<TimeProvider>(_clock);

    [Fact]
    public async Task It_asks_for_the_trips_of_the_next_two_hours_and_shows_each_with_its_driver_to_call()
    {
        await SignInAsAsync(Role.Coordinator);
        Api.Returns(DueUrl, Page(Pickup([Leg(Sharma, TravelDirection.Arrival), Leg(Mehta, TravelDirection.Arrival)])));

        var card = Render<PickupsDueCard>(p => p.Add(c => c.WeddingId, WeddingId));

        card.WaitForElement("[data-test=trip]");
        card.Find("[data-test=trip-time]").TextContent.ShouldBe("15:00");
        card.Find("[data-test=trip-place]").TextContent.ShouldBe("Pickup at Jaipur airport (JAI), T2");
        card.Find("[data-test=trip-vehicle]").TextContent.ShouldBe("Innova Crysta (RJ14 CD 4521)");
        var driver = card.Find("[data-test=trip-driver]");
        (driver.TextContent, driver.GetAttribute("href")).ShouldBe(("Ramesh Kumar", "tel:+919876543210"));
        card.Find("[data-test=trip-people]").TextContent.ShouldBe("3 people · 6 seats");
        card.Find("[data-test=trip-households]").TextContent.ShouldBe("Sharma family, Mehta family");
        card.Find("[data-test=open-travel]").GetAttribute("href").ShouldBe($"weddings/{WeddingId}/travel");
    }

    [Fact]
    public async Task A_trip_added_meanwhile_appears_and_the_window_moves_on_with_the_clock()
    {
        await SignInAsAsync(Role.Coordinator);
        Api.Returns(DueUrl, Page<TripResponse>());
        var card = Render<PickupsDueCard>(p => p.Add(c => c.WeddingId, WeddingId));
        card.WaitForAssertion(() => card.Find("[data-test=no-pickups-due]").TextContent.ShouldBe("No pickups or drops in the next two hours."));

        Api.Returns(DueUrl, Page(Pickup([Leg(Sharma, TravelDirection.Arrival)])));
        Services.GetRequiredService<LiveUpdates>().Deliver(new WeddingChangedMessage(WeddingId, WeddingChange.TravelChanged, 1));
        card.WaitForElement("[data-test=trip]");

        var later = $"/api/v1/weddings/{WeddingId}/trips?from=2027-02-12T08%3A35%3A00Z&to=2027-02-12T10%3A35%3A00Z&page=1&pageSize=20";
        Api.Returns(later, Page<TripResponse>());
        _clock.Advance(TimeSpan.FromMinutes(5));
        card.WaitForAssertion(() => card.FindAll("[data-test=no-pickups-due]").ShouldNotBeEmpty());
        Api.Requests.Select(r => r.RequestUri!.PathAndQuery).ShouldContain(later);
    }
}
