using System.Net;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;
using WedTech.Contracts;
using WedTech.Server.CheckIn;
using WedTech.Tests.Infrastructure;
using ZXing;

namespace WedTech.Tests;

public abstract class CheckInTests(TestServer server) : ProviderTests(server)
{
    /// <summary>A wedding with a coordinator and the couple on its team, a Sangeet and a Haldi, and households invited to them.</summary>
    private sealed record Door(Studio Studio, HttpClient Admin, Member Coordinator, Member Couple, WeddingResponse Wedding, EventResponse Sangeet, EventResponse Haldi)
    {
        public string Households => $"/api/v1/weddings/{Wedding.Id}/households";
        public string CheckIns => $"/api/v1/events/{Sangeet.Id}/check-ins";
        public string Arrivals => $"/api/v1/events/{Sangeet.Id}/arrivals";
    }

    private async Task<Door> DoorAsync(Studio? studio = null, string title = "Sharma–Mehta")
    {
        studio ??= await NewStudioAsync();
        var admin = await studio.AdminAsync();
        var coordinator = await studio.AddMemberAsync(Role.Coordinator, name: "Asha Coordinator");
        var couple = await studio.AddMemberAsync(Role.Client);
        var wedding = await (await admin.PostJsonAsync("/api/v1/weddings", new WeddingRequest(title, "Meera", "Sahil", new DateOnly(2027, 2, 14), "Jaipur",
            WeddingStatus.Booked, null, 200, null, [new TeamAssignment(coordinator.Id, TeamRole.Coordinator), new TeamAssignment(couple.Id, TeamRole.Client)])))
            .ReadAsync<WeddingResponse>(HttpStatusCode.Created);
        async Task<EventResponse> EventAsync(string name, int day) => await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/events",
            new EventRequest(EventType.Custom, name, new DateTime(2027, 2, day, 19, 0, 0), new DateTime(2027, 2, day, 23, 0, 0), null, null, null, null, null, null, null)))
            .ReadAsync<EventResponse>(HttpStatusCode.Created);
        return new Door(studio, admin, coordinator, couple, wedding, await EventAsync("Sangeet", 12), await EventAsync("Haldi", 11));
    }

    private static GuestRequest Member(string name, Diet? diet = null, string? allergies = null) => new(null, name, null, null, AgeGroup.Adult, diet, allergies, null, null, null);

    /// <summary>A household invited to these events, answered attending by all its members, with an RSVP link (and so a guest pass).</summary>
    private static async Task<HouseholdResponse> HouseholdAsync(Door door, string name, IReadOnlyList<GuestRequest> members, params EventResponse[] events)
    {
        var household = await (await door.Admin.PostJsonAsync(door.Households, new HouseholdRequest(name, GuestSide.Bride, null, null, null, null, null, null, null, null, null,
            members))).ReadAsync<HouseholdResponse>(HttpStatusCode.Created);
        if (events.Length > 0)
        {
            household = await (await door.Admin.PutJsonAsync($"{door.Households}/{household.Id}/invitations",
                new InvitationsRequest([.. events.Select(e => new InvitationRequest(e.Id, members.Count, null))]), $"\"{household.Version}\"")).ReadAsync<HouseholdResponse>();
            foreach (var e in events)
            {
                (await door.Admin.PostJsonAsync($"{door.Households}/{household.Id}/invitations/{e.Id}/answer",
                    new RsvpRequest([.. household.Members.Select(m => new MemberAnswer(m.Id, RsvpAnswer.Attending))], null))).EnsureSuccessStatusCode();
            }
        }
        (await door.Admin.PostAsync($"{door.Households}/{household.Id}/rsvp-link", null, Cancel)).EnsureSuccessStatusCode();
        return household;
    }

    private static async Task<HouseholdResponse> SharmasAsync(Door door) => await HouseholdAsync(door, "Sharma family",
        [Member("Sunita Sharma", Diet.Jain), Member("Rahul Sharma", Diet.Veg, "Peanuts"), Member("Anya Sharma")], door.Sangeet);

    /// <summary>The household's guest pass as the studio downloads it, read back by a real QR decoder (ZXing) from its pixels.</summary>
    private static async Task<string> PassAsync(Door door, HouseholdResponse household)
    {
        var response = await door.Admin.GetAsync($"{door.Households}/{household.Id}/guest-pass", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        return Decode(await response.Content.ReadAsByteArrayAsync(Cancel));
    }

    public static string Decode(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png).Copy(SKColorType.Bgra8888);
        // A pass as the server draws it: square, upright, with its quiet zone, so it is read as a pure barcode.
        var reader = new BarcodeReaderGeneric { Options = { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true, PureBarcode = true } };
        var result = reader.Decode(new RGBLuminanceSource(bitmap.Bytes, bitmap.Width, bitmap.Height, RGBLuminanceSource.BitmapFormat.BGRA32));
        Assert.NotNull(result);
        return result.Text;
    }

    private static Task<HttpResponseMessage> ScanAsync(HttpClient client, Door door, string code, IReadOnlyList<Guid>? members = null) =>
        client.PostJsonAsync(door.CheckIns, new CheckInRequest(code, null, members));

    private async Task<int> ArrivalRowsAsync(Door door)
    {
        await using var db = await TenantDatabase.OpenAsync(Server, door.Studio);
        return await db.Set<Arrival>().CountAsync(Cancel);
    }

    [Fact]
    public async Task A_household_checks_in_from_its_guest_pass_and_a_second_scan_warns_without_counting_twice()
    {
        var door = await DoorAsync();
        var sharmas = await SharmasAsync(door);
        var code = await PassAsync(door, sharmas);
        Assert.StartsWith(GuestPasses.Prefix, code, StringComparison.Ordinal);
        var token = (await door.Studio.LoginAsync(door.Studio.AdminEmail)).AccessToken;
        await using var listener = await RealtimeListener.ConnectAsync(Server.Factory, door.Studio.Slug, token);
        await listener.JoinAsync(door.Wedding.Id);

        // Seated at the Sangeet, so the door sees their table.
        var seating = $"/api/v1/weddings/{door.Wedding.Id}/events/{door.Sangeet.Id}/seating";
        var table = await (await door.Admin.PostJsonAsync($"{seating}/tables", new SeatingTableRequest("Table 7", TableShape.Round, 8, null, null)))
            .ReadAsync<SeatingTableResponse>(HttpStatusCode.Created);
        (await door.Admin.PostJsonAsync($"{seating}/moves", new SeatingMovesRequest([new SeatMove(sharmas.Id, null, table.Id)]))).EnsureSuccessStatusCode();

        var card = await (await ScanAsync(door.Coordinator.Client, door, code)).ReadAsync<CheckInResponse>();
        Assert.Equal((CheckInOutcome.CheckedIn, sharmas.Id, "Sharma family", 3), (card.Outcome, card.HouseholdId, card.DisplayName, card.Attending));
        Assert.All(card.Members, m => Assert.Equal("Table 7", m.Table));
        Assert.Equal("Welcome! All 3 guests checked in.", card.Message);
        Assert.Equal(["Sunita Sharma", "Rahul Sharma", "Anya Sharma"], card.Members.Select(m => m.Name));
        Assert.Equal([Diet.Jain, Diet.Veg, null], card.Members.Select(m => m.Diet));
        Assert.Equal("Peanuts", card.Members[1].Allergies);
        Assert.All(card.Members, m => Assert.Equal(("Asha Coordinator", RsvpAnswer.Attending), (m.CheckedInBy, m.Answer)));
        Assert.All(card.Members, m => Assert.NotNull(m.ArrivedAt));
        WeddingChangedMessage change;
        do
        {
            change = await listener.NextChangeAsync();
        }
        while (change.Change != WeddingChange.GuestsArrived);
        Assert.Equal((door.Wedding.Id, door.Sangeet.Id, sharmas.Id), (change.WeddingId, change.EventId, change.ItemId));

        // The second scan, by someone else: a warning with the first arrival, nothing added.
        var again = await (await ScanAsync(door.Admin, door, code)).ReadAsync<CheckInResponse>();
        Assert.Equal(CheckInOutcome.AlreadyArrived, again.Outcome);
        var at = TimeZoneInfo.ConvertTime(card.Members[0].ArrivedAt!.Value, TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata"));
        Assert.Equal($"Already arrived at {at:HH:mm}, checked in by Asha Coordinator. Nothing was changed.", again.Message);
        Assert.Equal(card.Members.Select(m => m.ArrivedAt), again.Members.Select(m => m.ArrivedAt));
        Assert.Equal(3, await ArrivalRowsAsync(door));

        var counts = await door.Admin.GetAsync<EventArrivalsResponse>(door.Arrivals);
        Assert.Equal((3, 3, 1, 1), (counts.Counts.Arrived, counts.Counts.Expected, counts.Counts.Households, counts.Counts.HouseholdsArrived));
        var wedding = await door.Couple.Client.GetAsync<WeddingArrivalsResponse>($"/api/v1/weddings/{door.Wedding.Id}/arrivals");
        Assert.Equal([("Haldi", 0, 0), ("Sangeet", 3, 3)], wedding.Events.Select(e => (e.EventName, e.Arrived, e.Expected)));

        var audit = await door.Admin.GetAsync<PagedResponse<AuditEntryResponse>>($"/api/v1/audit?entityId={sharmas.Id}");
        var checkedIn = Assert.Single(audit.Items, e => e.Action == "guest.checked-in");
        Assert.Equal(door.Coordinator.Id, checkedIn.UserId);
        Assert.DoesNotContain("Sharma", checkedIn.Details ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chosen_members_check_in_by_household_picked_by_name_and_arrivals_are_undone_and_listed()
    {
        var door = await DoorAsync();
        var sharmas = await SharmasAsync(door);
        var mehtas = await HouseholdAsync(door, "Mehta ji & family", [Member("Christopher Mehta", Diet.NonVeg), Member("Priya Mehta")], door.Sangeet);
        await HouseholdAsync(door, "Kapoor parivar", [Member("Vikram Kapoor")], door.Sangeet, door.Haldi);

        var found = await door.Coordinator.Client.GetAsync<EventArrivalsResponse>($"{door.Arrivals}?q=christopher");
        var row = Assert.Single(found.Households.Items);
        Assert.Equal((mehtas.Id, 2, 2, 0), (row.HouseholdId, row.Invited, row.Attending, row.Arrived));
        var look = await door.Coordinator.Client.GetAsync<CheckInResponse>($"{door.CheckIns}/{mehtas.Id}");
        Assert.Equal((CheckInOutcome.NotCheckedIn, "Not checked in yet."), (look.Outcome, look.Message));

        var one = await (await door.Coordinator.Client.PostJsonAsync(door.CheckIns, new CheckInRequest(null, mehtas.Id, [mehtas.Members[0].Id]))).ReadAsync<CheckInResponse>();
        Assert.Equal((CheckInOutcome.CheckedIn, "Checked in: 1 of 2."), (one.Outcome, one.Message));
        Assert.Equal([true, false], one.Members.Select(m => m.ArrivedAt is not null));
        var rest = await (await door.Coordinator.Client.PostJsonAsync(door.CheckIns, new CheckInRequest(null, mehtas.Id, null))).ReadAsync<CheckInResponse>();
        Assert.Equal((CheckInOutcome.CheckedIn, "Welcome! All 2 guests checked in."), (rest.Outcome, rest.Message));
        Assert.Equal(one.Members[0].ArrivedAt, rest.Members[0].ArrivedAt);
        (await door.Coordinator.Client.PostJsonAsync(door.CheckIns, new CheckInRequest(null, sharmas.Id, [sharmas.Members[1].Id]))).EnsureSuccessStatusCode();

        async Task<IReadOnlyList<(string, int)>> ListAsync(string query) =>
            (await door.Admin.GetAsync<EventArrivalsResponse>($"{door.Arrivals}?{query}")).Households.Items.Select(h => (h.DisplayName, h.Arrived)).ToList();
        Assert.Equal([("Kapoor parivar", 0), ("Mehta ji & family", 2), ("Sharma family", 1)], await ListAsync(""));
        Assert.Equal([("Mehta ji & family", 2), ("Sharma family", 1)], await ListAsync("show=arrived"));
        Assert.Equal([("Kapoor parivar", 0)], await ListAsync("show=not-arrived"));
        Assert.Equal([("Sharma family", 1)], await ListAsync("show=arrived&q=sharma&pageSize=1"));
        var paged = await door.Admin.GetAsync<EventArrivalsResponse>($"{door.Arrivals}?pageSize=2&page=2");
        Assert.Equal((3, "Sharma family"), (paged.Households.TotalCount, paged.Households.Items.Single().DisplayName));
        Assert.Equal((3, 6), (paged.Counts.Arrived, paged.Counts.Expected));

        var undoOne = await (await door.Coordinator.Client.DeleteAsync($"{door.CheckIns}/{mehtas.Id}?guestId={mehtas.Members[1].Id}", Cancel)).ReadAsync<CheckInResponse>();
        Assert.Equal("Arrival undone for 1 guest.", undoOne.Message);
        Assert.Equal([true, false], undoOne.Members.Select(m => m.ArrivedAt is not null));
        var undoAll = await (await door.Coordinator.Client.DeleteAsync($"{door.CheckIns}/{mehtas.Id}", Cancel)).ReadAsync<CheckInResponse>();
        Assert.Equal((CheckInOutcome.NotCheckedIn, "Arrival undone for 1 guest."), (undoAll.Outcome, undoAll.Message));
        var nothing = await (await door.Coordinator.Client.DeleteAsync($"{door.CheckIns}/{mehtas.Id}", Cancel)).ReadAsync<CheckInResponse>();
        Assert.Equal("Nobody was checked in; nothing to undo.", nothing.Message);
        Assert.Equal(1, await ArrivalRowsAsync(door));
        var audit = await door.Admin.GetAsync<PagedResponse<AuditEntryResponse>>($"/api/v1/audit?entityId={mehtas.Id}");
        Assert.Equal(2, audit.Items.Count(e => e.Action == "guest.check-in-undone"));
    }

    [Fact]
    public async Task Passes_of_uninvited_households_other_weddings_other_studios_and_forged_or_replaced_ones_are_refused_without_saying_whose()
    {
        var door = await DoorAsync();
        var sharmas = await SharmasAsync(door);
        var haldiOnly = await HouseholdAsync(door, "Verma household", [Member("Kiran Verma")], door.Haldi);
        var otherWedding = await DoorAsync(door.Studio, "Another wedding");
        var theirs = await HouseholdAsync(otherWedding, "Gupta family", [Member("Neha Gupta")], otherWedding.Sangeet);
        var otherStudio = await DoorAsync();
        var foreign = await HouseholdAsync(otherStudio, "Iyer family", [Member("Lakshmi Iyer")], otherStudio.Sangeet);
        var code = await PassAsync(door, sharmas);

        async Task<string> RefusedAsync(string scanned)
        {
            var response = await ScanAsync(door.Coordinator.Client, door, scanned);
            var body = await response.Content.ReadAsStringAsync(Cancel);
            var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
            foreach (var secret in new[] { "Verma", "Kiran", "Gupta", "Neha", "Iyer", "Lakshmi", "Another wedding" })
            {
                Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
            }
            return Assert.Single(Assert.Single(problem.Errors!, e => e.Key == "code").Value);
        }
        Assert.Equal("This household is not invited to the Sangeet.", await RefusedAsync(await PassAsync(door, haldiOnly)));
        Assert.Equal("This guest pass is for another wedding, not this one.", await RefusedAsync(await PassAsync(otherWedding, theirs)));
        Assert.Equal("This guest pass is for another studio's wedding, not this one.", await RefusedAsync(await PassAsync(otherStudio, foreign)));
        const string notValid = "This guest pass is not valid: it was replaced by a newer one, or it is not genuine. Find the guest by name instead.";
        // Any change of the MAC, or of the household it names (the Sharmas' pass turned into the Vermas'), breaks the signature.
        var tampered = code[..^2] + (code[^2] == 'A' ? 'B' : 'A') + code[^1];
        Assert.Equal(notValid, await RefusedAsync(tampered));
        var bytes = System.Buffers.Text.Base64Url.DecodeFromChars(code.AsSpan(GuestPasses.Prefix.Length));
        haldiOnly.Id.TryWriteBytes(bytes.AsSpan(32, 16));
        Assert.Equal(notValid, await RefusedAsync(GuestPasses.Prefix + System.Buffers.Text.Base64Url.EncodeToString(bytes)));
        Assert.Equal("This is not a guest pass. Find the guest by name instead.", await RefusedAsync("https://example.com/some-other-qr"));
        Assert.Equal("This is not a guest pass. Find the guest by name instead.", await RefusedAsync(code[..^1]));

        // A new RSVP link ends the old pass; the new one works. Revoking the link ends the pass with it.
        (await door.Admin.PostAsync($"{door.Households}/{sharmas.Id}/rsvp-link", null, Cancel)).EnsureSuccessStatusCode();
        Assert.Equal(notValid, await RefusedAsync(code));
        var renewed = await PassAsync(door, sharmas);
        Assert.NotEqual(code, renewed);
        (await door.Admin.DeleteAsync($"{door.Households}/{sharmas.Id}/rsvp-link", Cancel)).EnsureSuccessStatusCode();
        Assert.Equal(notValid, await RefusedAsync(renewed));
        await (await door.Admin.GetAsync($"{door.Households}/{sharmas.Id}/guest-pass", Cancel)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(0, await ArrivalRowsAsync(door));
    }

    [Fact]
    public async Task Bad_input_gets_field_errors_and_changes_nothing_and_others_get_404_or_403()
    {
        var door = await DoorAsync();
        var sharmas = await SharmasAsync(door);
        var mehtas = await HouseholdAsync(door, "Mehta family", [Member("Priya Mehta")], door.Haldi);
        var code = await PassAsync(door, sharmas);

        async Task<IReadOnlyCollection<string>> ErrorsAsync(object request) =>
            (await (await door.Coordinator.Client.PostJsonAsync(door.CheckIns, request)).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys;
        Assert.Equal(["code"], await ErrorsAsync(new CheckInRequest(null, null, null)));
        Assert.Equal(["code"], await ErrorsAsync(new CheckInRequest(code, sharmas.Id, null)));
        Assert.Equal(["members"], await ErrorsAsync(new CheckInRequest(code, null, [])));
        Assert.Equal(["members[1]"], await ErrorsAsync(new CheckInRequest(null, sharmas.Id, [sharmas.Members[0].Id, mehtas.Members[0].Id])));
        Assert.Equal(["householdId"], await ErrorsAsync(new CheckInRequest(null, mehtas.Id, null)));
        Assert.Contains("code", await ErrorsAsync(new CheckInRequest(new string('x', CheckInLimits.MaxCodeLength + 1), null, null)));
        Assert.Contains("members", await ErrorsAsync(new { householdId = sharmas.Id, members = "all" }));
        await (await door.Coordinator.Client.DeleteAsync($"{door.CheckIns}/{sharmas.Id}?guestId={mehtas.Members[0].Id}", Cancel)).ProblemAsync(HttpStatusCode.BadRequest);
        foreach (var query in new[] { "show=late", "pageSize=101", "page=0", $"q={new string('x', 101)}" })
        {
            await (await door.Admin.GetAsync($"{door.Arrivals}?{query}", Cancel)).ProblemAsync(HttpStatusCode.BadRequest);
        }
        Assert.Equal(0, await ArrivalRowsAsync(door));

        // Another studio: its ids are unknown here. The couple and people off the team do not check guests in.
        var otherStudio = await DoorAsync();
        await (await otherStudio.Admin.PostJsonAsync(door.CheckIns, new CheckInRequest(null, sharmas.Id, null))).ProblemAsync(HttpStatusCode.NotFound);
        await (await otherStudio.Admin.PostJsonAsync(otherStudio.CheckIns, new CheckInRequest(null, sharmas.Id, null))).ProblemAsync(HttpStatusCode.NotFound);
        await (await otherStudio.Admin.GetAsync($"{door.CheckIns}/{sharmas.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await otherStudio.Admin.DeleteAsync($"{door.CheckIns}/{sharmas.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await otherStudio.Admin.GetAsync(door.Arrivals, Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await otherStudio.Admin.GetAsync($"/api/v1/weddings/{door.Wedding.Id}/arrivals", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await otherStudio.Admin.GetAsync($"{door.Households}/{sharmas.Id}/guest-pass", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await ScanAsync(door.Couple.Client, door, code)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await door.Couple.Client.DeleteAsync($"{door.CheckIns}/{sharmas.Id}", Cancel)).ProblemAsync(HttpStatusCode.Forbidden);
        var offTeam = await door.Studio.AddMemberAsync(Role.Coordinator);
        await (await ScanAsync(offTeam.Client, door, code)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, await ArrivalRowsAsync(door));
    }

    [Fact]
    public async Task Coordinators_scanning_the_same_pass_at_once_check_each_guest_in_once()
    {
        var door = await DoorAsync();
        var sharmas = await SharmasAsync(door);
        var code = await PassAsync(door, sharmas);
        var second = await door.Studio.AddMemberAsync(Role.Planner, name: "Ravi Planner");

        using var start = new SemaphoreSlim(0);
        var scans = Enumerable.Range(0, 8).Select(async i =>
        {
            await start.WaitAsync(Cancel);
            var client = i % 2 == 0 ? door.Coordinator.Client : second.Client;
            return await (await ScanAsync(client, door, code, i % 4 == 0 ? null : [sharmas.Members[i % 3].Id])).ReadAsync<CheckInResponse>();
        }).ToList();
        start.Release(scans.Count);
        var cards = await Task.WhenAll(scans);

        Assert.Equal(3, await ArrivalRowsAsync(door));
        Assert.Contains(cards, c => c.Outcome == CheckInOutcome.CheckedIn);
        var final = await door.Admin.GetAsync<CheckInResponse>($"{door.CheckIns}/{sharmas.Id}");
        Assert.All(final.Members, m => Assert.NotNull(m.ArrivedAt));
        // Whoever's card came back last, each guest's arrival is the one kept by the database.
        Assert.All(cards.Where(c => c.Members.All(m => m.ArrivedAt is not null)), c => Assert.Equal(final.Members.Select(m => m.ArrivedAt), c.Members.Select(m => m.ArrivedAt)));
        var counts = await door.Admin.GetAsync<EventArrivalsResponse>(door.Arrivals);
        Assert.Equal(3, counts.Counts.Arrived);
    }

    [Fact]
    public async Task The_rsvp_page_shows_the_pass_while_the_household_has_its_link()
    {
        var door = await DoorAsync();
        var household = await (await door.Admin.PostJsonAsync(door.Households, new HouseholdRequest("Rao family", GuestSide.Groom, null, null, null, null, null, null, null, null, null,
            [Member("Asha Rao")]))).ReadAsync<HouseholdResponse>(HttpStatusCode.Created);
        (await door.Admin.PutJsonAsync($"{door.Households}/{household.Id}/invitations", new InvitationsRequest([new(door.Sangeet.Id, 1, null)]), "\"1\"")).EnsureSuccessStatusCode();
        var link = await (await door.Admin.PostAsync($"{door.Households}/{household.Id}/rsvp-link", null, Cancel)).ReadAsync<RsvpLinkResponse>();
        using var browser = Server.Factory.CreateDefaultClient(new Uri($"http://{door.Studio.Slug}.localhost"));
        var page = await browser.GetStringAsync(new Uri(link.Url).AbsolutePath, Cancel);
        Assert.Contains("Your guest pass", page, StringComparison.Ordinal);
        var svg = page[page.IndexOf("<svg", StringComparison.Ordinal)..(page.IndexOf("</svg>", StringComparison.Ordinal) + 6)];
        Assert.Contains("viewBox", svg, StringComparison.Ordinal);
        Assert.True(svg.Length < 12_000, $"The pass's SVG is {svg.Length} characters.");
        var hindi = WebUtility.HtmlDecode(await browser.GetStringAsync(new Uri(link.Url).AbsolutePath + "?lang=hi", Cancel));
        Assert.Contains("आपका अतिथि पास", hindi, StringComparison.Ordinal);
        // The SVG holds the same modules as the PNG: both are the pass of the current link.
        Assert.Equal(Svg(await PassAsync(door, household)), svg);
    }

    private static string Svg(string code) => GuestPasses.Svg(code);
}

public sealed class CheckInTestsOnSqlite(SqliteServer server) : CheckInTests(server);

public sealed class CheckInTestsOnPostgres(PostgresServer server) : CheckInTests(server);
