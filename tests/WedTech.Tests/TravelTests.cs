using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WedTech.Contracts;
using WedTech.Server.Platform.Jobs;
using WedTech.Server.Travel;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

/// <summary>Guests' arrivals and departures, vehicles, pickups: the rules of a trip, planning, what guests and drivers are told, and the guests' page.</summary>
public abstract class TravelTests(TestServer server) : ProviderTests(server)
{
    private static readonly DateOnly Feb12 = new(2027, 2, 12);

    private sealed record Setup(Studio Studio, HttpClient Admin, WeddingResponse Wedding, HouseholdResponse Sharma, HouseholdResponse Verma, HouseholdResponse Bose)
    {
        public string Api => $"/api/v1/weddings/{Wedding.Id}";
    }

    private async Task<Setup> SetUpAsync(Studio? studio = null, DateOnly? day = null)
    {
        studio ??= await NewStudioAsync();
        var admin = await studio.AdminAsync();
        var wedding = await admin.CreateWeddingAsync("Meera & Sahil", day ?? new DateOnly(2027, 2, 14));
        async Task<HouseholdResponse> HouseholdAsync(string name, string? email, params string[] members) =>
            await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/households", new HouseholdRequest(name, GuestSide.Bride, null, email is null ? null : "98765 43210",
                email, null, null, null, null, null, null, [.. members.Select(m => new GuestRequest(null, m, null, null, null, null, null, null, null, null))])))
                .ReadAsync<HouseholdResponse>(HttpStatusCode.Created);
        return new Setup(studio, admin, wedding, await HouseholdAsync("Sharma family", "sharma@example.com", "सुनीता शर्मा", "Rahul Sharma", "Asha Sharma"),
            await HouseholdAsync("Verma family", "verma@example.com", "Anil Verma", "Kavita Verma"), await HouseholdAsync("Bose family", null, "Ria Bose"));
    }

    private static TravelLegRequest Arrival(HouseholdResponse household, int hour, int minute = 0, string place = "Jaipur International Airport", string? terminal = "T2",
        string number = "6E 2131", TravelMode mode = TravelMode.Flight, string? zone = "Asia/Kolkata", int day = 0) =>
        new(household.Id, [.. household.Members.Select(m => m.Id)], TravelDirection.Arrival, mode, Feb12.AddDays(day).ToDateTime(new TimeOnly(hour, minute)), zone,
            "IndiGo", number, place, terminal, true, "Bring the wheelchair");

    private static async Task<TravelLegResponse> AddAsync(Setup setup, TravelLegRequest request) =>
        await (await setup.Admin.PostJsonAsync($"{setup.Api}/travel", request)).ReadAsync<TravelLegResponse>(HttpStatusCode.Created);

    private static async Task<VehicleResponse> VehicleAsync(Setup setup, string kind, int seats, string driver = "Ramesh Kumar", string phone = "98290 12345") =>
        await (await setup.Admin.PostJsonAsync($"{setup.Api}/vehicles", new VehicleRequest(kind, seats, "RJ14 CA 1234", driver, phone, "Pink City Travels", "Pays cash")))
            .ReadAsync<VehicleResponse>(HttpStatusCode.Created);

    private static TripRequest Pickup(int hour, Guid? vehicle, params Guid[] legs) =>
        new(TravelDirection.Arrival, Feb12.ToDateTime(new TimeOnly(hour, 0)), null, "Jaipur International Airport", "T2", vehicle, legs, "Meet at gate 4");

    /// <summary>The wedding's messages in the outbox, but those in <paramref name="seen"/> (by id: a message's status moves on as it is sent).</summary>
    private static async Task<List<MessageResponse>> MessagesAsync(Setup setup, params IEnumerable<MessageResponse>[] seen) =>
        [.. (await setup.Admin.GetAsync<PagedResponse<MessageResponse>>($"/api/v1/messages?weddingId={setup.Wedding.Id}&pageSize=100")).Items
            .Where(m => !seen.SelectMany(s => s).Any(s => s.Id == m.Id))];

    [Fact]
    public async Task An_arrival_keeps_the_local_time_at_its_place_and_bad_input_changes_nothing()
    {
        var setup = await SetUpAsync();
        var dubai = await AddAsync(setup, Arrival(setup.Sharma, 14, 30, place: "Dubai International", zone: "asia/dubai"));
        Assert.Equal((new DateTime(2027, 2, 12, 14, 30, 0), "Asia/Dubai", new DateTimeOffset(2027, 2, 12, 10, 30, 0, TimeSpan.Zero)), (dubai.Time, dubai.TimeZone, dubai.At));
        Assert.Equal(["सुनीता शर्मा", "Rahul Sharma", "Asha Sharma"], dubai.Guests.Select(g => g.Name));
        var studioZone = await AddAsync(setup, Arrival(setup.Verma, 9, zone: null) with { Number = "ai 475" });
        Assert.Equal(("Asia/Kolkata", "AI 475", new DateTimeOffset(2027, 2, 12, 3, 30, 0, TimeSpan.Zero)), (studioZone.TimeZone, studioZone.Number, studioZone.At));

        var bad = new (TravelLegRequest Request, string Field)[]
        {
            (Arrival(setup.Bose, 10) with { Guests = [setup.Sharma.Members[0].Id] }, "guests"),
            (Arrival(setup.Bose, 10) with { Guests = [setup.Bose.Members[0].Id, setup.Bose.Members[0].Id] }, "guests"),
            (Arrival(setup.Bose, 10) with { HouseholdId = Guid.CreateVersion7() }, "householdId"),
            (Arrival(setup.Bose, 10) with { TimeZone = "Mars/Olympus" }, "timeZone"),
            (Arrival(setup.Bose, 10) with { Place = "   " }, "place"),
            (Arrival(setup.Bose, 10) with { Time = new DateTime(2027, 2, 12, 10, 0, 0, DateTimeKind.Utc) }, "time"),
        };
        foreach (var (request, field) in bad)
        {
            var problem = await (await setup.Admin.PostJsonAsync($"{setup.Api}/travel", request)).ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains(field, problem.Errors!.Keys);
        }
        Assert.Equal(2, (await setup.Admin.GetAsync<PagedResponse<TravelLegResponse>>($"{setup.Api}/travel")).TotalCount);

        // Filters: by day at the place, household, waiting for a pickup; a stale change is refused; another studio sees nothing.
        Assert.Equal([studioZone.Id, dubai.Id], (await setup.Admin.GetAsync<PagedResponse<TravelLegResponse>>($"{setup.Api}/travel?day=2027-02-12&unplaced=true")).Items.Select(l => l.Id));
        Assert.Empty((await setup.Admin.GetAsync<PagedResponse<TravelLegResponse>>($"{setup.Api}/travel?direction=departure")).Items);
        await (await setup.Admin.GetAsync($"{setup.Api}/travel?direction=sideways", Cancel)).ProblemAsync(HttpStatusCode.BadRequest);
        (await setup.Admin.PutJsonAsync($"{setup.Api}/travel/{dubai.Id}", Arrival(setup.Sharma, 15), $"\"{dubai.Version}\"")).EnsureSuccessStatusCode();
        await (await setup.Admin.PutJsonAsync($"{setup.Api}/travel/{dubai.Id}", Arrival(setup.Sharma, 16), $"\"{dubai.Version}\"")).ProblemAsync(HttpStatusCode.Conflict);
        var other = await SetUpAsync();
        await (await other.Admin.GetAsync($"{setup.Api}/travel/{dubai.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await other.Admin.GetAsync($"{other.Api}/travel/{dubai.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await other.Admin.DeleteAsync($"{other.Api}/travel/{dubai.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Planning_groups_arrivals_by_place_and_window_and_gives_each_trip_the_smallest_free_vehicle_that_seats_it()
    {
        var setup = await SetUpAsync();
        var sharma = await AddAsync(setup, Arrival(setup.Sharma, 14, 0));
        var verma = await AddAsync(setup, Arrival(setup.Verma, 14, 40, terminal: "t 2", number: "AI 475"));
        var late = await AddAsync(setup, Arrival(setup.Bose, 16, 30, number: "6E 555"));
        var train = await AddAsync(setup, Arrival(setup.Bose, 14, 10, place: "Jaipur Junction", terminal: null, number: "12956", mode: TravelMode.Train) with { Guests = [setup.Bose.Members[0].Id] });
        var noPickup = await AddAsync(setup, Arrival(setup.Verma, 14, 20) with { NeedsPickup = false });
        var car = await VehicleAsync(setup, "Dzire", 4);
        var innova = await VehicleAsync(setup, "Innova Crysta", 6);
        await VehicleAsync(setup, "Tempo Traveller", 12);

        var plan = await (await setup.Admin.PostJsonAsync($"{setup.Api}/trips/plan", new TripPlanRequest(TravelDirection.Arrival, 60, Feb12))).ReadAsync<TripPlanResponse>();
        Assert.Equal((4, 0), (plan.LegsPlaced, plan.WithoutVehicle));
        // By time: the airport's 14:00 and 14:40 together (terminal written two ways), waiting for the later; the train; the 16:30 alone.
        Assert.Equal([
            ("Jaipur Junction", new DateTime(2027, 2, 12, 14, 10, 0), 1, "Dzire", $"{train.Id}"),
            ("Jaipur International Airport", new DateTime(2027, 2, 12, 14, 40, 0), 5, "Innova Crysta", $"{sharma.Id} {verma.Id}"),
            ("Jaipur International Airport", new DateTime(2027, 2, 12, 16, 30, 0), 1, "Dzire", $"{late.Id}"),
        ], plan.Trips.Select(t => (t.Place, t.Time, t.People, t.Vehicle!.Kind, string.Join(" ", t.Legs.Select(l => l.Id)))));
        Assert.Equal(car.Id, plan.Trips.Single(t => t.Place == "Jaipur Junction").Vehicle!.Id);
        Assert.Equal(innova.Id, plan.Trips.Single(t => t.People == 5).Vehicle!.Id);
        Assert.Null((await setup.Admin.GetAsync<TravelLegResponse>($"{setup.Api}/travel/{noPickup.Id}")).TripId);

        // A second plan finds nothing waiting; the pickups due in a window are listed by time.
        Assert.Equal(0, (await (await setup.Admin.PostJsonAsync($"{setup.Api}/trips/plan", new TripPlanRequest(TravelDirection.Arrival, null, null))).ReadAsync<TripPlanResponse>()).LegsPlaced);
        var due = await setup.Admin.GetAsync<PagedResponse<TripResponse>>(
            $"{setup.Api}/trips?from={Uri.EscapeDataString("2027-02-12T08:30:00Z")}&to={Uri.EscapeDataString("2027-02-12T10:30:00Z")}");
        Assert.Equal([new DateTime(2027, 2, 12, 14, 10, 0), new DateTime(2027, 2, 12, 14, 40, 0)], due.Items.Select(t => t.Time));

        // Departures: a drop leaves three hours before the first flight of its group.
        var leaving = await AddAsync(setup, Arrival(setup.Sharma, 11) with { Direction = TravelDirection.Departure, Time = new DateTime(2027, 2, 15, 11, 0, 0) });
        var drops = await (await setup.Admin.PostJsonAsync($"{setup.Api}/trips/plan", new TripPlanRequest(TravelDirection.Departure, null, null))).ReadAsync<TripPlanResponse>();
        var drop = Assert.Single(drops.Trips);
        Assert.Equal((new DateTime(2027, 2, 15, 8, 0, 0), leaving.Id), (drop.Time, Assert.Single(drop.Legs).Id));
    }

    [Fact]
    public async Task A_trip_never_carries_more_than_its_seats_nor_shares_a_vehicle_or_an_arrival_and_each_refusal_names_the_clash()
    {
        var setup = await SetUpAsync();
        var sharma = await AddAsync(setup, Arrival(setup.Sharma, 14));
        var verma = await AddAsync(setup, Arrival(setup.Verma, 14, 20));
        var dzire = await VehicleAsync(setup, "Dzire", 4);
        var innova = await VehicleAsync(setup, "Innova Crysta", 6, "Suresh");

        var over = await (await setup.Admin.PostJsonAsync($"{setup.Api}/trips", Pickup(15, dzire.Id, sharma.Id, verma.Id))).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("5 people are on this arrival and the Dzire seats 4. Choose a bigger vehicle, or take some off.", over.Detail);
        var trip = await (await setup.Admin.PostJsonAsync($"{setup.Api}/trips", Pickup(15, innova.Id, sharma.Id, verma.Id))).ReadAsync<TripResponse>(HttpStatusCode.Created);
        Assert.Equal((5, "Meet at gate 4"), (trip.People, trip.Notes));

        var busy = await (await setup.Admin.PostJsonAsync($"{setup.Api}/trips", Pickup(16, innova.Id))).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("The Innova Crysta RJ14 CA 1234 (Suresh) is on the Fri 12 Feb, 3:00 pm pickup at Jaipur International Airport, T2: a vehicle takes two hours for a trip. Choose another vehicle or time.", busy.Detail);
        (await setup.Admin.PostJsonAsync($"{setup.Api}/trips", Pickup(17, innova.Id))).EnsureSuccessStatusCode();
        var twice = await (await setup.Admin.PostJsonAsync($"{setup.Api}/trips", Pickup(20, dzire.Id, verma.Id))).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Verma family's arrival is already on the Fri 12 Feb, 3:00 pm pickup at Jaipur International Airport, T2. Take it off that one first.", twice.Detail);

        var departure = await AddAsync(setup, Arrival(setup.Bose, 12) with { Direction = TravelDirection.Departure });
        Assert.Contains("legs", (await (await setup.Admin.PostJsonAsync($"{setup.Api}/trips", Pickup(20, null, departure.Id))).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        var other = await SetUpAsync();
        var foreignVehicle = await VehicleAsync(other, "Bus", 40);
        Assert.Contains("vehicleId", (await (await setup.Admin.PostJsonAsync($"{setup.Api}/trips", Pickup(20, foreignVehicle.Id))).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        Assert.Contains("legs", (await (await other.Admin.PostJsonAsync($"{other.Api}/trips", Pickup(20, null, sharma.Id))).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        await (await other.Admin.GetAsync($"{other.Api}/trips/{trip.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await other.Admin.PutJsonAsync($"{other.Api}/vehicles/{innova.Id}", new VehicleRequest("Bus", 40, null, "X", "98290 11111", null, null), "\"1\""))
            .ProblemAsync(HttpStatusCode.NotFound);

        // Seats cannot drop below a trip's people; a vehicle's phone is a mobile.
        var innovaNow = await setup.Admin.GetAsync<VehicleResponse>($"{setup.Api}/vehicles/{innova.Id}");
        Assert.Equal((2, "+919829012345", "Pays cash"), (innovaNow.Trips, innovaNow.DriverPhone, innovaNow.Notes));
        var shrink = await (await setup.Admin.PutJsonAsync($"{setup.Api}/vehicles/{innova.Id}", new VehicleRequest("Innova Crysta", 4, null, "Suresh", "98290 12345", null, null),
            $"\"{innovaNow.Version}\"")).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("A trip of this vehicle carries 5 people: keep at least 5 seats, or move them to another vehicle first.", shrink.Detail);
        Assert.Contains("driverPhone", (await (await setup.Admin.PostJsonAsync($"{setup.Api}/vehicles", new VehicleRequest("Car", 4, null, "X", "12345", null, null)))
            .ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);

        // A stale change of the trip is refused; taking an arrival off frees it for another trip; the couple sees the trip without the studio's notes.
        var moved = await (await setup.Admin.PutJsonAsync($"{setup.Api}/trips/{trip.Id}", Pickup(15, dzire.Id, sharma.Id), $"\"{trip.Version}\"")).ReadAsync<TripResponse>();
        Assert.Equal((3, "Dzire", trip.Version + 1), (moved.People, moved.Vehicle!.Kind, moved.Version));
        await (await setup.Admin.PutJsonAsync($"{setup.Api}/trips/{trip.Id}", Pickup(15, dzire.Id, sharma.Id, verma.Id), $"\"{trip.Version}\"")).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Null((await setup.Admin.GetAsync<TravelLegResponse>($"{setup.Api}/travel/{verma.Id}")).TripId);
        var couple = await setup.Studio.AddMemberAsync(Role.Client, setup.Admin);
        var wedding = await setup.Admin.GetAsync(setup.Api, Cancel);
        (await setup.Admin.PutJsonAsync(setup.Api, new WeddingRequest(setup.Wedding.Title, setup.Wedding.BrideName, setup.Wedding.GroomName, setup.Wedding.PrimaryDate,
            setup.Wedding.City, setup.Wedding.Status, null, null, null, [new(couple.Id, TeamRole.Client)]), wedding.Headers.ETag!.Tag)).EnsureSuccessStatusCode();
        var seen = await couple.Client.GetAsync<TripResponse>($"{setup.Api}/trips/{trip.Id}");
        Assert.Equal((null, null, "+919829012345"), (seen.Notes, seen.Legs[0].Notes, seen.Vehicle!.DriverPhone));
    }

    [Fact]
    public async Task Guests_told_of_their_pickup_are_told_of_every_change_and_of_its_cancelling()
    {
        var setup = await SetUpAsync();
        var sharma = await AddAsync(setup, Arrival(setup.Sharma, 14));
        var verma = await AddAsync(setup, Arrival(setup.Verma, 14, 20));
        var bose = await AddAsync(setup, Arrival(setup.Bose, 14, 30));
        var innova = await VehicleAsync(setup, "Innova Crysta", 6);
        var trip = await (await setup.Admin.PostJsonAsync($"{setup.Api}/trips", Pickup(15, null, sharma.Id, verma.Id, bose.Id))).ReadAsync<TripResponse>(HttpStatusCode.Created);
        var notice = new TripNoticeRequest(MessageChannel.Email, "en");
        Assert.Equal("Give this pickup a vehicle first: guests are told the vehicle and the driver's number.",
            (await (await setup.Admin.PostJsonAsync($"{setup.Api}/trips/{trip.Id}/notice", notice)).ProblemAsync(HttpStatusCode.Conflict)).Detail);
        Assert.Contains("channel", (await (await setup.Admin.PostJsonAsync($"{setup.Api}/trips/{trip.Id}/notice", notice with { Channel = MessageChannel.Push }))
            .ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        trip = await (await setup.Admin.PutJsonAsync($"{setup.Api}/trips/{trip.Id}", Pickup(15, innova.Id, sharma.Id, verma.Id, bose.Id), $"\"{trip.Version}\"")).ReadAsync<TripResponse>();
        Assert.Empty(await MessagesAsync(setup));

        var told = await (await setup.Admin.PostJsonAsync($"{setup.Api}/trips/{trip.Id}/notice", notice)).ReadAsync<TripNoticeResponse>();
        Assert.Equal((2, "Bose family"), (told.Queued, Assert.Single(told.NotReached)));
        var first = await MessagesAsync(setup);
        Assert.Equal(["sharma@example.com", "verma@example.com"], first.Select(m => m.Recipient).Order());
        var toSharma = first.Single(m => m.Recipient == "sharma@example.com");
        Assert.Equal(("pickup", "Your pickup for Bride & Groom's wedding"), (toSharma.TemplateKey, toSharma.Subject));
        Assert.Contains("Namaste Sharma family, your pickup: Fri 12 Feb, 3:00 pm at Jaipur International Airport, T2. Innova Crysta RJ14 CA 1234, driver Ramesh Kumar, +919829012345.",
            toSharma.Body, StringComparison.Ordinal);

        // A new time: everyone on it hears; the Vermas taken off hear it is cancelled; a new driver's number: they hear again.
        trip = await setup.Admin.GetAsync<TripResponse>($"{setup.Api}/trips/{trip.Id}");
        Assert.NotNull(trip.AnnouncedAt);
        trip = await (await setup.Admin.PutJsonAsync($"{setup.Api}/trips/{trip.Id}", Pickup(16, innova.Id, sharma.Id, bose.Id), $"\"{trip.Version}\"")).ReadAsync<TripResponse>();
        var second = await MessagesAsync(setup, first);
        Assert.Equal([("pickup-cancelled", "verma@example.com"), ("pickup-changed", "sharma@example.com")], second.Select(m => (m.TemplateKey, m.Recipient)).Order());
        Assert.Contains("your pickup has changed. Now your pickup: Fri 12 Feb, 4:00 pm", second.Single(m => m.TemplateKey == "pickup-changed").Body, StringComparison.Ordinal);
        var vehicle = await setup.Admin.GetAsync<VehicleResponse>($"{setup.Api}/vehicles/{innova.Id}");
        (await setup.Admin.PutJsonAsync($"{setup.Api}/vehicles/{innova.Id}", new VehicleRequest("Innova Crysta", 6, "RJ14 CA 1234", "Mahesh", "98290 99999", null, null),
            $"\"{vehicle.Version}\"")).EnsureSuccessStatusCode();
        var third = await MessagesAsync(setup, first, second);
        Assert.Contains("driver Mahesh, +919829099999", Assert.Single(third).Body, StringComparison.Ordinal);
        // A change to the notes alone is not news to the guests; cancelling the trip is.
        (await setup.Admin.PutJsonAsync($"{setup.Api}/vehicles/{innova.Id}", new VehicleRequest("Innova Crysta", 6, "RJ14 CA 1234", "Mahesh", "98290 99999", null, "New notes"),
            $"\"{vehicle.Version + 1}\"")).EnsureSuccessStatusCode();
        Assert.Equal(5, (await MessagesAsync(setup)).Count);
        (await setup.Admin.DeleteAsync($"{setup.Api}/trips/{trip.Id}", Cancel)).EnsureSuccessStatusCode();
        var last = await MessagesAsync(setup, first, second, third);
        Assert.Equal(("pickup-cancelled", "sharma@example.com"), (Assert.Single(last).TemplateKey, last[0].Recipient));
        Assert.All((await setup.Admin.GetAsync<PagedResponse<TravelLegResponse>>($"{setup.Api}/travel")).Items, l => Assert.Null(l.TripId));
    }

    [Fact]
    public async Task A_drivers_manifest_is_read_back_as_a_PDF_and_sent_without_guests_numbers()
    {
        var setup = await SetUpAsync();
        var sharma = await AddAsync(setup, Arrival(setup.Sharma, 14));
        var verma = await AddAsync(setup, Arrival(setup.Verma, 18, number: "AI 475"));
        var innova = await VehicleAsync(setup, "Innova Crysta", 6);
        (await setup.Admin.PostJsonAsync($"{setup.Api}/trips", Pickup(14, innova.Id, sharma.Id))).EnsureSuccessStatusCode();
        (await setup.Admin.PostJsonAsync($"{setup.Api}/trips", Pickup(18, innova.Id, verma.Id))).EnsureSuccessStatusCode();

        var pdf = await setup.Admin.GetAsync($"{setup.Api}/vehicles/{innova.Id}/manifest?day=2027-02-12", Cancel);
        Assert.Equal((HttpStatusCode.OK, "application/pdf", "manifest-ramesh-kumar-2027-02-12.pdf"),
            (pdf.StatusCode, pdf.Content.Headers.ContentType?.MediaType, pdf.Content.Headers.ContentDisposition?.FileName));
        var text = await PdfTools.RunAsync("pdftotext", await pdf.Content.ReadAsByteArrayAsync(Cancel));
        foreach (var expected in new[] { "Innova Crysta RJ14 CA 1234", "Driver Ramesh Kumar, +919829012345", "Pickup at Jaipur International Airport, T2 · 3 people",
            "सुनीता शर्मा, Rahul Sharma, Asha Sharma", "6E 2131", "AI 475", "+919876543210", "Verma family" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
        await (await setup.Admin.GetAsync($"{setup.Api}/vehicles/{innova.Id}/manifest", Cancel)).ProblemAsync(HttpStatusCode.BadRequest);
        await (await setup.Admin.GetAsync($"{setup.Api}/vehicles/{innova.Id}/manifest?day=someday", Cancel)).ProblemAsync(HttpStatusCode.BadRequest);

        var sent = await (await setup.Admin.PostJsonAsync($"{setup.Api}/vehicles/{innova.Id}/manifest/send", new ManifestSendRequest(MessageChannel.Sms, Feb12, null)))
            .ReadAsync<MessageResponse>(HttpStatusCode.Accepted);
        Assert.Equal(("+919829012345", "driver-manifest"), (sent.Recipient, sent.TemplateKey));
        Assert.Contains("Ramesh Kumar, your trips for Bride & Groom's wedding on Fri 12 Feb: 2:00 pm pickup at Jaipur International Airport, T2, 3 people: Sharma family (3, 6E 2131 2:00 pm) | 6:00 pm pickup",
            sent.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("98765", sent.Body, StringComparison.Ordinal);
        Assert.Equal("Ramesh Kumar has no trips on Sat 13 Feb.", (await (await setup.Admin.PostJsonAsync($"{setup.Api}/vehicles/{innova.Id}/manifest/send",
            new ManifestSendRequest(MessageChannel.Sms, Feb12.AddDays(1), null))).ProblemAsync(HttpStatusCode.Conflict)).Detail);
        Assert.Contains("channel", (await (await setup.Admin.PostJsonAsync($"{setup.Api}/vehicles/{innova.Id}/manifest/send",
            new ManifestSendRequest(MessageChannel.Email, Feb12, null))).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
    }

    [Fact]
    public async Task Guests_give_their_flight_on_their_page_and_see_their_pickup_with_its_driver()
    {
        var setup = await SetUpAsync();
        var @event = await (await setup.Admin.PostJsonAsync($"{setup.Api}/events", new EventRequest(EventType.Ceremony, "Pheras", new DateTime(2027, 2, 14, 19, 0, 0),
            new DateTime(2027, 2, 14, 23, 0, 0), null, null, null, null, null, null, null))).ReadAsync<EventResponse>(HttpStatusCode.Created);
        (await setup.Admin.PutJsonAsync($"{setup.Api}/households/{setup.Sharma.Id}/invitations", new InvitationsRequest([new(@event.Id, 3, null)]), "\"1\"")).EnsureSuccessStatusCode();
        var link = await (await setup.Admin.PostAsync($"{setup.Api}/households/{setup.Sharma.Id}/rsvp-link", null, Cancel)).ReadAsync<RsvpLinkResponse>();
        var page = new Uri(link.Url).AbsolutePath;
        using var browser = GuestIds.Browser(Server, setup.Studio);
        Assert.Contains("/travel\"", await ServerForms.TextAsync(await browser.GetAsync(page, Cancel)), StringComparison.Ordinal);

        var form = new Dictionary<string, string>
        {
            ["guest"] = setup.Sharma.Members[1].Id.ToString(), ["direction"] = "arrival", ["mode"] = "flight", ["date"] = "2027-02-12", ["time"] = "14:05",
            ["carrier"] = "IndiGo", ["number"] = "6E 2131", ["place"] = "", ["terminal"] = "T2", ["pickup"] = "yes",
        };
        var refused = await ServerForms.TextAsync(await ServerForms.SubmitAsync(browser, page + "/travel", "travel", form));
        Assert.Contains("Name the airport, station or address.", refused, StringComparison.Ordinal);
        Assert.Empty((await setup.Admin.GetAsync<PagedResponse<TravelLegResponse>>($"{setup.Api}/travel")).Items);
        form["place"] = "Jaipur International Airport";
        Assert.Contains("The planners will arrange your pickup", await ServerForms.TextAsync(await ServerForms.SubmitAsync(browser, page + "/travel", "travel", form)), StringComparison.Ordinal);
        var given = Assert.Single((await setup.Admin.GetAsync<PagedResponse<TravelLegResponse>>($"{setup.Api}/travel")).Items);
        Assert.Equal((true, new DateTime(2027, 2, 12, 14, 5, 0), "Asia/Kolkata", "Rahul Sharma", null), (given.FromGuest, given.Time, given.TimeZone, Assert.Single(given.Guests).Name, given.Notes));

        // Before a pickup the guests may take it back; on a pickup their page shows it, with the driver, and they may not.
        var innova = await VehicleAsync(setup, "Innova Crysta", 6);
        (await setup.Admin.PostJsonAsync($"{setup.Api}/trips", Pickup(15, innova.Id, given.Id))).EnsureSuccessStatusCode();
        var shown = await ServerForms.TextAsync(await browser.GetAsync(page, Cancel));
        Assert.Contains("Your travel and pickups", shown, StringComparison.Ordinal);
        Assert.Contains("Pickup: Fri 12 Feb, 3:00 pm · Jaipur International Airport, T2 · Innova Crysta RJ14 CA 1234 · driver Ramesh Kumar, +919829012345", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("gate 4", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("Pays cash", shown, StringComparison.Ordinal);
        Assert.Contains("आपकी यात्रा और पिकअप", await ServerForms.TextAsync(await browser.GetAsync(page + "?lang=hi", Cancel)), StringComparison.Ordinal);
        (await ServerForms.SubmitAsync(browser, page + "/travel", "remove", new() { ["leg"] = given.Id.ToString() })).EnsureSuccessStatusCode();
        Assert.Single((await setup.Admin.GetAsync<PagedResponse<TravelLegResponse>>($"{setup.Api}/travel")).Items);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/rsvp/not-a-token/travel", Cancel)).StatusCode);
    }

    [Fact]
    public async Task The_dashboard_asks_for_the_pickups_of_today_and_tomorrow_still_missing()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata")).DateTime);
        var setup = await SetUpAsync(day: today.AddDays(2));
        await AddAsync(setup, Arrival(setup.Sharma, 12) with { Time = today.ToDateTime(new TimeOnly(12, 0)) });
        await AddAsync(setup, Arrival(setup.Verma, 9) with { Time = today.AddDays(1).ToDateTime(new TimeOnly(9, 0)) });
        await AddAsync(setup, Arrival(setup.Bose, 9) with { Time = today.AddDays(3).ToDateTime(new TimeOnly(9, 0)) });
        (await setup.Admin.PostJsonAsync($"{setup.Api}/trips", Pickup(10, null) with { Time = today.AddDays(1).ToDateTime(new TimeOnly(10, 0)) })).EnsureSuccessStatusCode();

        async Task<List<AttentionItem>> LinesAsync(HttpClient caller) =>
            [.. (await caller.GetAsync<WeddingOverviewResponse>("/api/v1/weddings/overview")).NeedsYou.Where(l => l.Kind == AttentionKind.PickupMissing)];
        var lines = await LinesAsync(setup.Admin);
        Assert.Equal([
            ("2 arrivals and departures have no pickup", today, $"weddings/{setup.Wedding.Id}/travel"),
            ("1 pickup has no vehicle", today.AddDays(1), $"weddings/{setup.Wedding.Id}/travel"),
        ], lines.Select(l => (l.Title, l.Due, l.Link)).OrderBy(l => l.Due));
        Assert.Contains("the first at 12:00 pm", lines.Single(l => l.Due == today).Detail, StringComparison.Ordinal);
        var couple = await setup.Studio.AddMemberAsync(Role.Client, setup.Admin);
        Assert.Empty(await LinesAsync(couple.Client));
    }

    [Fact]
    public async Task Travel_goes_with_its_household_and_with_the_guests_contact_details_after_the_wedding()
    {
        var studio = await NewStudioAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var over = await SetUpAsync(studio, today.AddDays(-31));
        var coming = await SetUpAsync(studio, today.AddDays(20));
        foreach (var setup in new[] { over, coming })
        {
            var leg = await AddAsync(setup, Arrival(setup.Sharma, 14));
            var vehicle = await VehicleAsync(setup, "Innova Crysta", 6);
            (await setup.Admin.PostJsonAsync($"{setup.Api}/trips", Pickup(15, vehicle.Id, leg.Id))).EnsureSuccessStatusCode();
            await AddAsync(setup, Arrival(setup.Verma, 10));
        }
        async Task RunAsync() => await ActivatorUtilities.CreateInstance<TenantJobRunner<DailyDutyJob, string>>(Server.Services)
            .RunAsync(studio.TenantId, null, typeof(TravelRetention).FullName!, Cancel);
        await RunAsync();
        await RunAsync();
        await using var db = await TenantDatabase.OpenAsync(Server, studio);
        Assert.Equal([coming.Wedding.Id], await db.Set<TravelLeg>().Select(l => l.WeddingId).Distinct().ToListAsync(Cancel));
        Assert.Equal([coming.Wedding.Id], await db.Set<Vehicle>().Select(l => l.WeddingId).ToListAsync(Cancel));
        Assert.Equal([coming.Wedding.Id], await db.Set<PickupTrip>().Select(l => l.WeddingId).ToListAsync(Cancel));

        // A household deleted takes its travel, and leaves its trip; a wedding deleted takes the rest.
        (await coming.Admin.DeleteAsync($"{coming.Api}/households/{coming.Sharma.Id}", Cancel)).EnsureSuccessStatusCode();
        var trip = Assert.Single((await coming.Admin.GetAsync<PagedResponse<TripResponse>>($"{coming.Api}/trips")).Items);
        Assert.Equal(0, trip.People);
        (await coming.Admin.DeleteAsync(coming.Api, Cancel)).EnsureSuccessStatusCode();
        db.ChangeTracker.Clear();
        Assert.Equal(0, await db.Set<TravelLeg>().CountAsync(Cancel) + await db.Set<Vehicle>().CountAsync(Cancel) + await db.Set<PickupTrip>().CountAsync(Cancel));
    }
}

public sealed class TravelTestsOnSqlite(SqliteServer server) : TravelTests(server);

public sealed class TravelTestsOnPostgres(PostgresServer server) : TravelTests(server);
