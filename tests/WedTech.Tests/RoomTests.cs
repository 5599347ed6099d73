using System.Net;
using Microsoft.EntityFrameworkCore;
using WedTech.Contracts;
using WedTech.Server.Rooms;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

/// <summary>Rooms held at hotels and given to guests: the rules of a block's rooms and a guest's nights, the rooming list, and the guests' page.</summary>
public abstract class RoomTests(TestServer server) : ProviderTests(server)
{
    private static readonly DateOnly Feb12 = new(2027, 2, 12);

    private sealed record Setup(Studio Studio, HttpClient Admin, WeddingResponse Wedding, VenueResponse Hotel, HouseholdResponse Sharma, HouseholdResponse Verma,
        HouseholdResponse Bose)
    {
        public string Api => $"/api/v1/weddings/{Wedding.Id}";
    }

    private async Task<Setup> SetUpAsync(Studio? studio = null)
    {
        studio ??= await NewStudioAsync();
        var admin = await studio.AdminAsync();
        var wedding = await admin.CreateWeddingAsync("Meera & Sahil", new DateOnly(2027, 2, 14));
        var hotel = await (await admin.PostJsonAsync("/api/v1/venues", new VenueRequest("Samode Palace", null, "Jaipur", "08", null, null, 400, null, null, null)))
            .ReadAsync<VenueResponse>(HttpStatusCode.Created);
        async Task<HouseholdResponse> HouseholdAsync(string name, params string[] members) =>
            await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/households", new HouseholdRequest(name, GuestSide.Bride, null, null, null, null, null, null,
                null, null, null, [.. members.Select(m => new GuestRequest(null, m, null, null, null, null, null, null, null, null))]))).ReadAsync<HouseholdResponse>(HttpStatusCode.Created);
        return new Setup(studio, admin, wedding, hotel, await HouseholdAsync("Sharma family", "सुनीता शर्मा", "Rahul Sharma"), await HouseholdAsync("Verma family", "Anil Verma"),
            await HouseholdAsync("Bose family", "Ria Bose"));
    }

    private static RoomBlockRequest Block(Setup setup, int rooms = 2, string type = "Deluxe double", int nights = 3, long? rate = 12_500_00) =>
        new(setup.Hotel.Id, type, rooms, Feb12, Feb12.AddDays(nights), rate, RoomPayer.Family, "Ask for the lake side");

    private static async Task<RoomBlockResponse> CreateAsync(Setup setup, RoomBlockRequest request) =>
        await (await setup.Admin.PostJsonAsync($"{setup.Api}/room-blocks", request)).ReadAsync<RoomBlockResponse>(HttpStatusCode.Created);

    private static Task<HttpResponseMessage> AllotAsync(Setup setup, Guid blockId, HouseholdResponse household, int from, int to, params int[] members) =>
        setup.Admin.PostJsonAsync($"{setup.Api}/room-blocks/{blockId}/rooms", new RoomAllotmentRequest(household.Id,
            [.. (members.Length == 0 ? Enumerable.Range(0, household.Members.Count) : members).Select(i => household.Members[i].Id)], Feb12.AddDays(from), Feb12.AddDays(to)));

    [Fact]
    public async Task A_block_never_gives_more_rooms_than_it_holds_and_a_guest_never_has_two_rooms_a_night_each_refusal_naming_the_clash()
    {
        var setup = await SetUpAsync();
        var deluxe = await CreateAsync(setup, Block(setup));
        Assert.Equal(("Samode Palace", "Jaipur", 2, 12_500_00L, "Ask for the lake side"), (deluxe.Hotel, deluxe.City, deluxe.FewestFree, deluxe.RatePaise!.Value, deluxe.Notes));

        // Two rooms: the Sharmas for two nights, the Vermas for three; a third room on the 13th is one too many, on the 14th it fits.
        (await AllotAsync(setup, deluxe.Id, setup.Sharma, 0, 2)).EnsureSuccessStatusCode();
        var full = await (await AllotAsync(setup, deluxe.Id, setup.Verma, 0, 3)).ReadAsync<RoomBlockResponse>(HttpStatusCode.Created);
        Assert.Equal(0, full.FewestFree);
        var tooMany = await (await AllotAsync(setup, deluxe.Id, setup.Bose, 1, 2)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("All 2 rooms of Deluxe double at Samode Palace are given on 13 Feb 2027. Add rooms to the block, or choose other nights.", tooMany.Detail);
        var late = await (await AllotAsync(setup, deluxe.Id, setup.Bose, 2, 3)).ReadAsync<RoomBlockResponse>(HttpStatusCode.Created);
        Assert.Equal(["Sharma family", "Verma family", "Bose family"], late.Allotments.Select(a => a.Household));

        // Sunita already sleeps in the deluxe block on the 13th: a suite that night is refused, naming her room; Rahul alone after it is not.
        var suite = await CreateAsync(setup, Block(setup, rooms: 1, type: "Suite"));
        var twice = await (await AllotAsync(setup, suite.Id, setup.Sharma, 1, 3, 0)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("सुनीता शर्मा already has a room on 13 Feb 2027: Deluxe double at Samode Palace, 12 Feb 2027 to 14 Feb 2027.", twice.Detail);
        (await AllotAsync(setup, suite.Id, setup.Sharma, 2, 3, 1)).EnsureSuccessStatusCode();

        // The block cannot shrink below what is given, nor leave out a night a room is given for.
        var read = await setup.Admin.GetAsync($"{setup.Api}/room-blocks/{deluxe.Id}", Cancel);
        var etag = read.Headers.ETag!.Tag;
        var shrink = await (await setup.Admin.PutJsonAsync($"{setup.Api}/room-blocks/{deluxe.Id}", Block(setup, rooms: 1), etag)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("2 rooms are given on 12 Feb 2027: the block needs at least that many, or take rooms back first.", shrink.Detail);
        var shorter = await (await setup.Admin.PutJsonAsync($"{setup.Api}/room-blocks/{deluxe.Id}", Block(setup, nights: 2), etag)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("checkIn", shorter.Errors!.Keys);
        var grown = await (await setup.Admin.PutJsonAsync($"{setup.Api}/room-blocks/{deluxe.Id}", Block(setup, rooms: 3), etag)).ReadAsync<RoomBlockResponse>();
        Assert.Equal(1, grown.FewestFree);
        await (await setup.Admin.PutJsonAsync($"{setup.Api}/room-blocks/{deluxe.Id}", Block(setup, rooms: 4), etag)).ProblemAsync(HttpStatusCode.Conflict);

        // Moving a room follows the same rules; taking it back frees its nights.
        var sharmaRoom = grown.Allotments.Single(a => a.Household == "Sharma family");
        var moved = await (await setup.Admin.PutJsonAsync($"{setup.Api}/rooms/{sharmaRoom.Id}", new RoomAllotmentRequest(setup.Sharma.Id, [setup.Sharma.Members[0].Id],
            Feb12, Feb12.AddDays(3)), $"\"{sharmaRoom.Version}\"")).ReadAsync<RoomAllotmentResponse>();
        Assert.Equal((sharmaRoom.Id, Feb12, Feb12.AddDays(3), sharmaRoom.Version + 1), (moved.Id, moved.CheckIn, moved.CheckOut, moved.Version));
        (await setup.Admin.DeleteAsync($"{setup.Api}/rooms/{sharmaRoom.Id}", Cancel)).EnsureSuccessStatusCode();
        Assert.Equal(1, (await setup.Admin.GetAsync<RoomBlockResponse>($"{setup.Api}/room-blocks/{deluxe.Id}")).FewestFree); // the 14th: the Vermas and the Boses

        // The audit log names what changed, never who the guests are beyond ids.
        var audit = await setup.Admin.GetAsync<PagedResponse<AuditEntryResponse>>($"/api/v1/audit?entityId={sharmaRoom.Id}");
        Assert.Equal(["room-allotment.deleted", "room-allotment.updated", "room-allotment.created"], audit.Items.Select(e => e.Action));
    }

    [Fact]
    public async Task Planners_giving_the_last_room_at_the_same_moment_never_give_it_twice()
    {
        var setup = await SetUpAsync();
        var suite = await CreateAsync(setup, Block(setup, rooms: 1, type: "Suite"));
        var households = new List<HouseholdResponse> { setup.Sharma, setup.Verma, setup.Bose };
        for (var i = 0; i < 5; i++)
        {
            households.Add(await (await setup.Admin.PostJsonAsync($"{setup.Api}/households", new HouseholdRequest($"Family {i}", GuestSide.Groom, null, null, null, null, null,
                null, null, null, null, [new GuestRequest(null, $"Guest {i}", null, null, null, null, null, null, null, null)]))).ReadAsync<HouseholdResponse>(HttpStatusCode.Created));
        }
        var planners = new List<HttpClient>();
        foreach (var _ in households)
        {
            planners.Add((await setup.Studio.AddMemberAsync(Role.Planner, setup.Admin)).Client);
        }

        var answers = await Task.WhenAll(households.Select((household, i) => planners[i].PostJsonAsync($"{setup.Api}/room-blocks/{suite.Id}/rooms",
            new RoomAllotmentRequest(household.Id, [household.Members[0].Id], Feb12, Feb12.AddDays(3)))));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        Assert.Single((await setup.Admin.GetAsync<RoomBlockResponse>($"{setup.Api}/room-blocks/{suite.Id}")).Allotments);
        await using var db = await TenantDatabase.OpenAsync(Server, setup.Studio);
        Assert.Equal(1, await db.Set<RoomAllotment>().CountAsync(a => a.BlockId == suite.Id, Cancel));
    }

    [Fact]
    public async Task Bad_rooms_are_field_errors_that_change_nothing_and_another_studio_sees_none()
    {
        var setup = await SetUpAsync();
        var block = await CreateAsync(setup, Block(setup));
        var other = await setup.Admin.CreateWeddingAsync("Other");
        var stranger = await (await setup.Admin.PostJsonAsync($"/api/v1/weddings/{other.Id}/households", new HouseholdRequest("Stranger family", GuestSide.Groom, null, null,
            null, null, null, null, null, null, null, [new GuestRequest(null, "Stranger", null, null, null, null, null, null, null, null)]))).ReadAsync<HouseholdResponse>(HttpStatusCode.Created);
        var cases = new (object Request, string Url, string Field)[]
        {
            (Block(setup) with { VenueId = Guid.NewGuid() }, "room-blocks", "venueId"),
            (Block(setup) with { CheckOut = Feb12 }, "room-blocks", "checkOut"),
            (Block(setup) with { CheckOut = Feb12.AddDays(61) }, "room-blocks", "checkOut"),
            (Block(setup) with { Rooms = 0 }, "room-blocks", "rooms"),
            (Block(setup) with { RatePaise = -1 }, "room-blocks", "ratePaise"),
            (Block(setup) with { RoomType = " " }, "room-blocks", "roomType"),
            (new RoomAllotmentRequest(stranger.Id, [stranger.Members[0].Id], Feb12, Feb12.AddDays(1)), $"room-blocks/{block.Id}/rooms", "householdId"),
            (new RoomAllotmentRequest(setup.Sharma.Id, [setup.Verma.Members[0].Id], Feb12, Feb12.AddDays(1)), $"room-blocks/{block.Id}/rooms", "guests"),
            (new RoomAllotmentRequest(setup.Sharma.Id, [setup.Sharma.Members[0].Id, setup.Sharma.Members[0].Id], Feb12, Feb12.AddDays(1)), $"room-blocks/{block.Id}/rooms", "guests"),
            (new RoomAllotmentRequest(setup.Sharma.Id, [], Feb12, Feb12.AddDays(1)), $"room-blocks/{block.Id}/rooms", "guests"),
            (new RoomAllotmentRequest(setup.Sharma.Id, [setup.Sharma.Members[0].Id], Feb12.AddDays(-1), Feb12.AddDays(1)), $"room-blocks/{block.Id}/rooms", "checkIn"),
            (new RoomAllotmentRequest(setup.Sharma.Id, [setup.Sharma.Members[0].Id], Feb12.AddDays(1), Feb12.AddDays(1)), $"room-blocks/{block.Id}/rooms", "checkOut"),
        };
        foreach (var (request, url, field) in cases)
        {
            var problem = await (await setup.Admin.PostJsonAsync($"{setup.Api}/{url}", request)).ProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.Errors?.ContainsKey(field) == true, $"{url} {request}: expected an error for {field}, got {problem.Detail} {string.Join(", ", (IEnumerable<string>?)problem.Errors?.Keys ?? [])}");
        }
        var blocks = await setup.Admin.GetAsync<PagedResponse<RoomBlockResponse>>($"{setup.Api}/room-blocks");
        Assert.Equal([block.Id], blocks.Items.Select(b => b.Id));
        Assert.Empty(blocks.Items[0].Allotments);
        await (await setup.Admin.PostJsonAsync($"/api/v1/weddings/{other.Id}/room-blocks/{block.Id}/rooms",
            new RoomAllotmentRequest(stranger.Id, [stranger.Members[0].Id], Feb12, Feb12.AddDays(1)))).ProblemAsync(HttpStatusCode.NotFound);

        var otherStudio = await NewStudioAsync();
        using var otherAdmin = await otherStudio.AdminAsync();
        await (await otherAdmin.GetAsync($"{setup.Api}/room-blocks", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await otherAdmin.GetAsync($"{setup.Api}/room-blocks/{block.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await otherAdmin.DeleteAsync($"{setup.Api}/room-blocks/{block.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await otherAdmin.GetAsync($"{setup.Api}/rooming-list", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_couple_and_coordinators_see_rooms_without_rates_or_notes_and_change_none()
    {
        var setup = await SetUpAsync();
        var block = await CreateAsync(setup, Block(setup));
        (await AllotAsync(setup, block.Id, setup.Sharma, 0, 2)).EnsureSuccessStatusCode();
        var coordinator = await setup.Studio.AddMemberAsync(Role.Coordinator, setup.Admin);
        var client = await setup.Studio.AddMemberAsync(Role.Client, setup.Admin);
        var wedding = await setup.Admin.GetAsync($"{setup.Api}", Cancel);
        (await setup.Admin.PutJsonAsync(setup.Api, new WeddingRequest(setup.Wedding.Title, setup.Wedding.BrideName, setup.Wedding.GroomName, setup.Wedding.PrimaryDate,
            setup.Wedding.City, setup.Wedding.Status, null, null, null, [new(coordinator.Id, TeamRole.Coordinator), new(client.Id, TeamRole.Client)]),
            wedding.Headers.ETag!.Tag)).EnsureSuccessStatusCode();

        var seenByCoordinator = Assert.Single((await coordinator.Client.GetAsync<PagedResponse<RoomBlockResponse>>($"{setup.Api}/room-blocks")).Items);
        Assert.Equal((null, "Ask for the lake side", 1), (seenByCoordinator.RatePaise, seenByCoordinator.Notes, seenByCoordinator.Allotments.Count));
        var seenByCouple = Assert.Single((await client.Client.GetAsync<PagedResponse<RoomBlockResponse>>($"{setup.Api}/room-blocks")).Items);
        Assert.Equal((null, null, "सुनीता शर्मा, Rahul Sharma"), (seenByCouple.RatePaise, seenByCouple.Notes, string.Join(", ", seenByCouple.Allotments[0].Guests.Select(g => g.Name))));
        foreach (var member in new[] { coordinator, client })
        {
            await (await member.Client.PostJsonAsync($"{setup.Api}/room-blocks", Block(setup))).ProblemAsync(HttpStatusCode.Forbidden);
            await (await AllotWithAsync(member.Client, setup, block.Id, setup.Verma)).ProblemAsync(HttpStatusCode.Forbidden);
        }
    }

    private static Task<HttpResponseMessage> AllotWithAsync(HttpClient client, Setup setup, Guid blockId, HouseholdResponse household) =>
        client.PostJsonAsync($"{setup.Api}/room-blocks/{blockId}/rooms", new RoomAllotmentRequest(household.Id, [household.Members[0].Id], Feb12, Feb12.AddDays(1)));

    [Fact]
    public async Task The_rooming_list_is_read_back_as_a_workbook_and_a_PDF_and_guests_see_their_stay_on_their_page()
    {
        var setup = await SetUpAsync();
        var block = await CreateAsync(setup, Block(setup));
        (await AllotAsync(setup, block.Id, setup.Sharma, 0, 2)).EnsureSuccessStatusCode();
        (await AllotAsync(setup, block.Id, setup.Verma, 1, 3)).EnsureSuccessStatusCode();

        var xlsx = await setup.Admin.GetAsync($"{setup.Api}/rooming-list?venueId={setup.Hotel.Id}", Cancel);
        Assert.Equal((HttpStatusCode.OK, "rooming-list-samode-palace.xlsx"), (xlsx.StatusCode, xlsx.Content.Headers.ContentDisposition?.FileName));
        using var workbook = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Cancel));
        var rows = MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "Rooming list").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal([("Samode Palace", "Deluxe double", "सुनीता शर्मा, Rahul Sharma", "Sharma family", 2.0), ("Samode Palace", "Deluxe double", "Anil Verma", "Verma family", 2.0)],
            rows.Select(r => ((string)r["Hotel"]!, (string)r["Room type"]!, (string)r["Guests"]!, (string)r["Household"]!, Convert.ToDouble(r["Nights"], System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(new DateTime(2027, 2, 13), Convert.ToDateTime(rows[1]["Check-in"], System.Globalization.CultureInfo.InvariantCulture));

        var pdf = await setup.Admin.GetAsync($"{setup.Api}/rooming-list?format=pdf", Cancel);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var text = await PdfTools.RunAsync("pdftotext", await pdf.Content.ReadAsByteArrayAsync(Cancel));
        foreach (var expected in new[] { "Rooming list — Samode Palace", "2 rooms, 4 room-nights", "सुनीता शर्मा, Rahul Sharma", "Anil Verma", "13 Feb 2027", "15 Feb 2027" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("12,500", text, StringComparison.Ordinal);
        await (await setup.Admin.GetAsync($"{setup.Api}/rooming-list?format=docx", Cancel)).ProblemAsync(HttpStatusCode.BadRequest);

        // The Sharmas' page shows their hotel, room and dates, in English and in Hindi; the Boses have no room and see none.
        var link = await (await setup.Admin.PostAsync($"{setup.Api}/households/{setup.Sharma.Id}/rsvp-link", null, Cancel)).ReadAsync<RsvpLinkResponse>();
        using var browser = GuestIds.Browser(Server, setup.Studio);
        var page = await ServerForms.TextAsync(await browser.GetAsync(new Uri(link.Url).AbsolutePath, Cancel));
        Assert.Contains("Where you stay", page, StringComparison.Ordinal);
        Assert.Contains("Samode Palace, Jaipur</strong> · Deluxe double · check-in 12 February 2027, check-out 14 February 2027", page, StringComparison.Ordinal);
        Assert.Contains("(सुनीता शर्मा, Rahul Sharma)", page, StringComparison.Ordinal);
        Assert.DoesNotContain("lake side", page, StringComparison.Ordinal);
        Assert.Contains("आपके ठहरने की जगह", await ServerForms.TextAsync(await browser.GetAsync(new Uri(link.Url).AbsolutePath + "?lang=hi", Cancel)), StringComparison.Ordinal);
        var bose = await (await setup.Admin.PostAsync($"{setup.Api}/households/{setup.Bose.Id}/rsvp-link", null, Cancel)).ReadAsync<RsvpLinkResponse>();
        Assert.DoesNotContain("Where you stay", await ServerForms.TextAsync(await browser.GetAsync(new Uri(bose.Url).AbsolutePath, Cancel)), StringComparison.Ordinal);

        // A household deleted takes its rooms with it.
        (await setup.Admin.DeleteAsync($"{setup.Api}/households/{setup.Verma.Id}", Cancel)).EnsureSuccessStatusCode();
        Assert.Equal(["Sharma family"], (await setup.Admin.GetAsync<RoomBlockResponse>($"{setup.Api}/room-blocks/{block.Id}")).Allotments.Select(a => a.Household));
        await using var db = await TenantDatabase.OpenAsync(Server, setup.Studio);
        Assert.Equal(1, await db.Set<RoomAllotment>().CountAsync(Cancel));
    }
}

public sealed class RoomTestsOnSqlite(SqliteServer server) : RoomTests(server);

public sealed class RoomTestsOnPostgres(PostgresServer server) : RoomTests(server);
