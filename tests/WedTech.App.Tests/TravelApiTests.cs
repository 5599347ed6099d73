using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using WedTech.App.Features.Travel;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;

namespace WedTech.App.Tests;

/// <summary>The travel client holds the server's routes: each address as the API maps it, and each call sent with its verb and version.</summary>
public class TravelApiTests : AppTestContext
{
    private static readonly Guid W = Guid.Parse("01938a00-0000-7000-8000-0000000000aa");
    private static readonly Guid Id = Guid.Parse("01938a00-0000-7000-8000-0000000000bb");
    private static readonly Guid H = Guid.Parse("01938a00-0000-7000-8000-0000000000cc");

    public static TheoryData<string, string> Routes => new()
    {
        { TravelApi.Routes.Legs(W), $"/api/v1/weddings/{W}/travel" },
        { TravelApi.Routes.LegPage(W, LegFilter.All, 1, 50), $"/api/v1/weddings/{W}/travel?page=1&pageSize=50" },
        { TravelApi.Routes.LegPage(W, new LegFilter(TravelDirection.Departure, new DateOnly(2027, 2, 15), H, Unplaced: true), 2, 100),
            $"/api/v1/weddings/{W}/travel?direction=departure&day=2027-02-15&householdId={H}&unplaced=true&page=2&pageSize=100" },
        { TravelApi.Routes.Leg(W, Id), $"/api/v1/weddings/{W}/travel/{Id}" },
        { TravelApi.Routes.Vehicles(W), $"/api/v1/weddings/{W}/vehicles" },
        { TravelApi.Routes.VehiclePage(W, 1, 100), $"/api/v1/weddings/{W}/vehicles?page=1&pageSize=100" },
        { TravelApi.Routes.Vehicle(W, Id), $"/api/v1/weddings/{W}/vehicles/{Id}" },
        { TravelApi.Routes.Manifest(W, Id, new DateOnly(2027, 2, 3)), $"/api/v1/weddings/{W}/vehicles/{Id}/manifest?day=2027-02-03" },
        { TravelApi.Routes.ManifestSend(W, Id), $"/api/v1/weddings/{W}/vehicles/{Id}/manifest/send" },
        { TravelApi.Routes.Trips(W), $"/api/v1/weddings/{W}/trips" },
        { TravelApi.Routes.TripPage(W, null, null, null, null, 1, 100), $"/api/v1/weddings/{W}/trips?page=1&pageSize=100" },
        { TravelApi.Routes.TripPage(W, TravelDirection.Arrival, new DateTimeOffset(2027, 2, 12, 15, 30, 0, TimeSpan.FromHours(5.5)),
                new DateTimeOffset(2027, 2, 12, 17, 30, 0, TimeSpan.FromHours(5.5)), Id, 1, 20),
            $"/api/v1/weddings/{W}/trips?direction=arrival&from=2027-02-12T10%3A00%3A00Z&to=2027-02-12T12%3A00%3A00Z&vehicleId={Id}&page=1&pageSize=20" },
        { TravelApi.Routes.Trip(W, Id), $"/api/v1/weddings/{W}/trips/{Id}" },
        { TravelApi.Routes.Plan(W), $"/api/v1/weddings/{W}/trips/plan" },
        { TravelApi.Routes.Notice(W, Id), $"/api/v1/weddings/{W}/trips/{Id}/notice" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public void A_route_is_the_address_the_API_maps(string route, string expected) => route.ShouldBe(expected);

    [Fact]
    public async Task Each_call_goes_with_its_verb_to_its_route_and_writes_carry_the_version_read()
    {
        var travel = Services.GetRequiredService<TravelApi>();
        var leg = TravelSamples.Leg(TravelSamples.Sharma, TravelDirection.Arrival) with { Id = Id };
        var vehicle = TravelSamples.Innova with { Id = Id };
        var trip = TravelSamples.Pickup([leg]) with { Id = Id };
        Api.Returns(TravelApi.Routes.LegPage(W, new LegFilter(TravelDirection.Arrival, Unplaced: true), 1, 100), new PagedResponse<TravelLegResponse>([leg], 1, 100, 1));
        Api.Returns(TravelApi.Routes.Leg(W, Id), leg);
        Api.Returns(TravelApi.Routes.Legs(W), leg, "POST");
        Api.Returns(TravelApi.Routes.Leg(W, Id), leg, "PUT");
        Api.Returns(TravelApi.Routes.Leg(W, Id), HttpStatusCode.NoContent, "DELETE");
        Api.Returns(TravelApi.Routes.VehiclePage(W, 1, 100), new PagedResponse<VehicleResponse>([vehicle], 1, 100, 1));
        Api.Returns(TravelApi.Routes.Vehicle(W, Id), vehicle);
        Api.Returns(TravelApi.Routes.Vehicles(W), vehicle, "POST");
        Api.Returns(TravelApi.Routes.Vehicle(W, Id), vehicle, "PUT");
        Api.Returns(TravelApi.Routes.Vehicle(W, Id), HttpStatusCode.NoContent, "DELETE");
        Api.Returns(TravelApi.Routes.ManifestSend(W, Id), TravelSamples.Queued, "POST");
        Api.Returns(TravelApi.Routes.TripPage(W, null, null, null, null, 1, 100), new PagedResponse<TripResponse>([trip], 1, 100, 1));
        Api.Returns(TravelApi.Routes.Trip(W, Id), trip);
        Api.Returns(TravelApi.Routes.Trips(W), trip, "POST");
        Api.Returns(TravelApi.Routes.Trip(W, Id), trip, "PUT");
        Api.Returns(TravelApi.Routes.Trip(W, Id), HttpStatusCode.NoContent, "DELETE");
        Api.Returns(TravelApi.Routes.Plan(W), new TripPlanResponse([trip], 1, 0), "POST");
        Api.Returns(TravelApi.Routes.Notice(W, Id), new TripNoticeResponse(1, []), "POST");
        var legRequest = new TravelLegRequest(H, [Guid.NewGuid()], TravelDirection.Arrival, TravelMode.Flight, new DateTime(2027, 2, 12, 14, 30, 0), null, null, null, "Jaipur airport",
            null, null, null);
        var vehicleRequest = new VehicleRequest("Innova Crysta", 6, null, "Ramesh Kumar", "+919876543210", null, null);
        var tripRequest = new TripRequest(TravelDirection.Arrival, new DateTime(2027, 2, 12, 15, 0, 0), null, "Jaipur airport", null, Id, [Id], null);

        (await travel.LegsAsync(W, new LegFilter(TravelDirection.Arrival, Unplaced: true), 1)).Value!.Items.Single().Household.ShouldBe("Sharma family");
        (await travel.LegAsync(W, Id)).Value!.Id.ShouldBe(Id);
        await travel.AddLegAsync(W, legRequest);
        await travel.UpdateLegAsync(W, Id, legRequest, "\"3\"");
        await travel.DeleteLegAsync(W, Id, "\"4\"");
        (await travel.VehiclesAsync(W)).Value!.Items.Single().DriverName.ShouldBe("Ramesh Kumar");
        await travel.VehicleAsync(W, Id);
        await travel.AddVehicleAsync(W, vehicleRequest);
        await travel.UpdateVehicleAsync(W, Id, vehicleRequest, "\"5\"");
        await travel.DeleteVehicleAsync(W, Id, "\"6\"");
        (await travel.SendManifestAsync(W, Id, new ManifestSendRequest(MessageChannel.Sms, new DateOnly(2027, 2, 12), null))).Status.ShouldBe(MessageStatus.Queued);
        (await travel.TripsAsync(W, null, null, null, null)).Value!.Items.Single().People.ShouldBe(2);
        await travel.TripAsync(W, Id);
        await travel.AddTripAsync(W, tripRequest);
        await travel.UpdateTripAsync(W, Id, tripRequest, "\"7\"");
        await travel.DeleteTripAsync(W, Id, "\"8\"");
        (await travel.PlanAsync(W, new TripPlanRequest(TravelDirection.Arrival, 45, new DateOnly(2027, 2, 12)))).LegsPlaced.ShouldBe(1);
        (await travel.NoticeAsync(W, Id, new TripNoticeRequest(MessageChannel.WhatsApp, "hi"))).Queued.ShouldBe(1);

        Api.Requests.Select(r => $"{r.Method} {r.RequestUri!.PathAndQuery} {r.Headers.IfMatch.SingleOrDefault()?.Tag}".TrimEnd()).ShouldBe(
        [
            $"GET /api/v1/weddings/{W}/travel?direction=arrival&unplaced=true&page=1&pageSize=100",
            $"GET /api/v1/weddings/{W}/travel/{Id}",
            $"POST /api/v1/weddings/{W}/travel",
            $"PUT /api/v1/weddings/{W}/travel/{Id} \"3\"",
            $"DELETE /api/v1/weddings/{W}/travel/{Id} \"4\"",
            $"GET /api/v1/weddings/{W}/vehicles?page=1&pageSize=100",
            $"GET /api/v1/weddings/{W}/vehicles/{Id}",
            $"POST /api/v1/weddings/{W}/vehicles",
            $"PUT /api/v1/weddings/{W}/vehicles/{Id} \"5\"",
            $"DELETE /api/v1/weddings/{W}/vehicles/{Id} \"6\"",
            $"POST /api/v1/weddings/{W}/vehicles/{Id}/manifest/send",
            $"GET /api/v1/weddings/{W}/trips?page=1&pageSize=100",
            $"GET /api/v1/weddings/{W}/trips/{Id}",
            $"POST /api/v1/weddings/{W}/trips",
            $"PUT /api/v1/weddings/{W}/trips/{Id} \"7\"",
            $"DELETE /api/v1/weddings/{W}/trips/{Id} \"8\"",
            $"POST /api/v1/weddings/{W}/trips/plan",
            $"POST /api/v1/weddings/{W}/trips/{Id}/notice",
        ]);
        var bodies = Api.RequestBodies.Select(b => JsonDocument.Parse(b).RootElement).ToList();
        bodies[0].GetProperty("place").GetString().ShouldBe("Jaipur airport");
        bodies[4].GetProperty("day").GetString().ShouldBe("2027-02-12");
        bodies[4].GetProperty("channel").GetString().ShouldBe(ApiJson.EnumName(MessageChannel.Sms));
        bodies[7].GetProperty("windowMinutes").GetInt32().ShouldBe(45);
        bodies[8].GetProperty("language").GetString().ShouldBe("hi");
    }
}
