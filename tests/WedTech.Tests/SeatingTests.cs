using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WedTech.Contracts;
using WedTech.Server.Seating;
using WedTech.Server.Tenancy;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

public abstract class SeatingTests(TestServer server, SharedStudio shared) : ProviderTests(server), IClassFixture<SharedStudio>
{
    /// <summary>A wedding with one event, its team (a coordinator, the couple), and the households invited to the event.</summary>
    private sealed record Setup(Studio Studio, HttpClient Admin, Member Planner, Member Coordinator, Member Couple, WeddingResponse Wedding, EventResponse Event)
    {
        public string Url => $"/api/v1/weddings/{Wedding.Id}/events/{Event.Id}/seating";
    }

    private static GuestRequest Member(string name) => new(null, name, null, null, AgeGroup.Adult, null, null, null, null, null);

    private async Task<Setup> SetupAsync(string title)
    {
        var studio = await shared.OnAsync(Server);
        var admin = await studio.AdminAsync();
        var planner = await studio.AddMemberAsync(Role.Planner);
        var coordinator = await studio.AddMemberAsync(Role.Coordinator);
        var couple = await studio.AddMemberAsync(Role.Client);
        var wedding = await (await admin.PostJsonAsync("/api/v1/weddings", new WeddingRequest(title, "Meera", "Kabir", new DateOnly(2027, 2, 14), "Jaipur",
            WeddingStatus.Booked, null, 300, null, [new TeamAssignment(coordinator.Id, TeamRole.Coordinator), new TeamAssignment(couple.Id, TeamRole.Client)])))
            .ReadAsync<WeddingResponse>(HttpStatusCode.Created);
        var e = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/events", new EventRequest(EventType.Reception, "Reception",
            new DateTime(2027, 2, 14, 19, 0, 0), new DateTime(2027, 2, 14, 23, 0, 0), null, null, null, null, null, null, null))).ReadAsync<EventResponse>(HttpStatusCode.Created);
        return new Setup(studio, admin, planner, coordinator, couple, wedding, e);
    }

    private static async Task<HouseholdResponse> HouseholdAsync(Setup s, string name, GuestSide side, string? group, params string[] members)
    {
        var household = await (await s.Admin.PostJsonAsync($"/api/v1/weddings/{s.Wedding.Id}/households", new HouseholdRequest(name, side, group, null, null, null, null, null,
            null, null, null, [.. members.Select(Member)]))).ReadAsync<HouseholdResponse>(HttpStatusCode.Created);
        return await (await s.Admin.PutJsonAsync($"/api/v1/weddings/{s.Wedding.Id}/households/{household.Id}/invitations",
            new InvitationsRequest([new InvitationRequest(s.Event.Id, members.Length, null)]), $"\"{household.Version}\"")).ReadAsync<HouseholdResponse>();
    }

    private static async Task<SeatingTableResponse> TableAsync(Setup s, string name, int seats, TableShape shape = TableShape.Round, int? position = null) =>
        await (await s.Admin.PostJsonAsync($"{s.Url}/tables", new SeatingTableRequest(name, shape, seats, position, "Near the stage"))).ReadAsync<SeatingTableResponse>(HttpStatusCode.Created);

    private static Task<HttpResponseMessage> MoveAsync(HttpClient client, Setup s, bool split, params SeatMove[] moves) =>
        client.PostJsonAsync($"{s.Url}/moves", new SeatingMovesRequest(moves, split));

    private static async Task<string> ClashAsync(Setup s, bool split, params SeatMove[] moves)
    {
        var problem = await (await MoveAsync(s.Admin, s, split, moves)).ProblemAsync(HttpStatusCode.BadRequest);
        return string.Join(" | ", problem.Errors!.Values.SelectMany(v => v));
    }

    /// <summary>Every rule holds in the seating: tables within their seats, pairs apart, households together unless allowed to split.</summary>
    private static void AssertRulesHold(SeatingResponse seating)
    {
        foreach (var table in seating.Tables)
        {
            Assert.True(table.GuestIds.Count <= table.Seats, $"{table.Name} has {table.GuestIds.Count} guests for {table.Seats} seats.");
        }
        var tableOf = seating.Households.SelectMany(h => h.Guests).Where(g => g.TableId is not null).ToDictionary(g => g.Id, g => g.TableId!.Value);
        foreach (var pair in seating.KeepApart)
        {
            Assert.False(tableOf.TryGetValue(pair.FirstGuestId, out var a) && tableOf.TryGetValue(pair.SecondGuestId, out var b) && a == b,
                $"{pair.FirstName} and {pair.SecondName} share a table.");
        }
        foreach (var household in seating.Households.Where(h => !h.MaySplit))
        {
            Assert.True(household.Guests.Where(g => g.TableId is not null).Select(g => g.TableId).Distinct().Count() <= 1, $"{household.DisplayName} is split.");
        }
    }

    [Fact]
    public async Task Tables_are_kept_in_order_with_their_versions_and_bad_input_changes_nothing()
    {
        var s = await SetupAsync("Tables");
        await using var listener = await RealtimeListener.ConnectAsync(Server.Factory, s.Studio.Slug, (await s.Studio.LoginAsync(s.Studio.AdminEmail)).AccessToken);
        await listener.JoinAsync(s.Wedding.Id);
        var one = await TableAsync(s, "Table 1", 10);
        // The wedding's open pages hear of it, naming the event.
        WeddingChangedMessage change;
        do
        {
            change = await listener.NextChangeAsync();
        }
        while (change.Change != WeddingChange.SeatingChanged);
        Assert.Equal((s.Wedding.Id, s.Event.Id), (change.WeddingId, change.EventId));
        var two = await TableAsync(s, "Table 2", 8, TableShape.Rectangle);
        var top = await TableAsync(s, "Top table", 12, TableShape.Long, position: 0);
        var seating = await s.Admin.GetAsync<SeatingResponse>(s.Url);
        Assert.Equal(["Top table", "Table 1", "Table 2"], seating.Tables.Select(t => t.Name));
        Assert.Equal([0, 1, 2], seating.Tables.Select(t => t.Position));
        Assert.Equal((TableShape.Long, 12, "Near the stage"), (top.Shape, top.Seats, seating.Tables[0].Notes));

        // A change needs the version read (the top table moved this one down: a new version); a stale one is refused.
        var current = seating.Tables.Single(t => t.Id == two.Id);
        Assert.Equal(two.Version + 1, current.Version);
        await (await s.Admin.PutJsonAsync($"{s.Url}/tables/{two.Id}", new SeatingTableRequest("Table 2B", TableShape.Round, 9, null, null), $"\"{two.Version}\""))
            .ProblemAsync(HttpStatusCode.Conflict);
        var renamed = await (await s.Admin.PutJsonAsync($"{s.Url}/tables/{two.Id}", new SeatingTableRequest("Table 2A", TableShape.Round, 9, 0, null), $"\"{current.Version}\""))
            .ReadAsync<SeatingTableResponse>();
        Assert.Equal(("Table 2A", 9, 0), (renamed.Name, renamed.Seats, renamed.Position));
        Assert.Equal(["Table 2A", "Top table", "Table 1"], (await s.Admin.GetAsync<SeatingResponse>(s.Url)).Tables.Select(t => t.Name));

        // Every bad field is named and nothing is added.
        async Task<IReadOnlyCollection<string>> ErrorsAsync(object request) =>
            (await (await s.Admin.PostJsonAsync($"{s.Url}/tables", request)).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys;
        Assert.Equal(["seats"], await ErrorsAsync(new SeatingTableRequest("Table 9", TableShape.Round, 0, null, null)));
        Assert.Equal(["seats"], await ErrorsAsync(new SeatingTableRequest("Table 9", TableShape.Round, 41, null, null)));
        Assert.Equal(["name"], await ErrorsAsync(new SeatingTableRequest("table 1", TableShape.Round, 8, null, null)));
        Assert.Contains("name", await ErrorsAsync(new SeatingTableRequest(" ", TableShape.Round, 8, null, null)));
        Assert.Contains("shape", await ErrorsAsync(new { name = "Oval", shape = "oval", seats = 8 }));
        Assert.Contains("seats", await ErrorsAsync(new { name = "No seats", shape = "round" }));
        Assert.Contains("position", await ErrorsAsync(new SeatingTableRequest("Table 9", TableShape.Round, 8, -1, null)));
        Assert.Equal(3, (await s.Admin.GetAsync<SeatingResponse>(s.Url)).Tables.Count);

        // The couple sees the tables, never the studio's notes; a coordinator may look but not change; another studio sees nothing.
        var seen = await s.Couple.Client.GetAsync<SeatingResponse>(s.Url);
        Assert.Equal(3, seen.Tables.Count);
        Assert.All(seen.Tables, t => Assert.Null(t.Notes));
        Assert.Equal("Near the stage", (await s.Coordinator.Client.GetAsync<SeatingResponse>(s.Url)).Tables.First(t => t.Id == one.Id).Notes);
        await (await s.Coordinator.Client.PostJsonAsync($"{s.Url}/tables", new SeatingTableRequest("Table 9", TableShape.Round, 8, null, null))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await s.Couple.Client.PostJsonAsync($"{s.Url}/arrange", new ArrangeRequest())).ProblemAsync(HttpStatusCode.Forbidden);
        _ = await (await s.Planner.Client.PostJsonAsync($"{s.Url}/tables", new SeatingTableRequest("Table 9", TableShape.Round, 8, null, null)))
            .ReadAsync<SeatingTableResponse>(HttpStatusCode.Created);
        var other = await (await NewStudioAsync()).AdminAsync();
        await (await other.GetAsync(s.Url, Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await other.PostJsonAsync($"{s.Url}/tables", new SeatingTableRequest("Table 10", TableShape.Round, 8, null, null))).ProblemAsync(HttpStatusCode.NotFound);
        await (await s.Admin.GetAsync($"/api/v1/weddings/{s.Wedding.Id}/events/{Guid.NewGuid()}/seating", Cancel)).ProblemAsync(HttpStatusCode.NotFound);

        (await s.Admin.DeleteAsync($"{s.Url}/tables/{one.Id}", Cancel)).EnsureSuccessStatusCode();
        Assert.Equal(["Table 2A", "Top table", "Table 9"], (await s.Admin.GetAsync<SeatingResponse>(s.Url)).Tables.Select(t => t.Name));

        // Every change is in the audit log: made, changed (naming the fields), removed.
        var audit = await s.Admin.GetAsync<PagedResponse<AuditEntryResponse>>($"/api/v1/audit?entityId={two.Id}");
        Assert.Contains(audit.Items, e => e.Action == "seating-table.created");
        Assert.Contains(audit.Items, e => e.Action == "seating-table.updated" && e.Details?.Contains("name", StringComparison.OrdinalIgnoreCase) == true);
        Assert.Contains((await s.Admin.GetAsync<PagedResponse<AuditEntryResponse>>($"/api/v1/audit?entityId={one.Id}")).Items, e => e.Action == "seating-table.deleted");
    }

    [Fact]
    public async Task Every_write_keeps_tables_within_their_seats_pairs_apart_and_households_together()
    {
        var s = await SetupAsync("Rules");
        var sharma = await HouseholdAsync(s, "Sharma family", GuestSide.Bride, "Mama's side", "सुनीता शर्मा", "Rahul Sharma", "Anya Sharma");
        var mehta = await HouseholdAsync(s, "Mehta family", GuestSide.Groom, null, "Kavita Mehta", "Arjun Mehta");
        var uncleA = await HouseholdAsync(s, "Chacha Ramesh", GuestSide.Groom, "Uncles", "Ramesh Kapoor");
        var uncleB = await HouseholdAsync(s, "Chacha Suresh", GuestSide.Groom, "Uncles", "Suresh Kapoor");
        var declined = await HouseholdAsync(s, "Bose family", GuestSide.Bride, null, "Ria Bose");
        (await s.Admin.PostJsonAsync($"/api/v1/weddings/{s.Wedding.Id}/households/{declined.Id}/invitations/{s.Event.Id}/answer", new RsvpRequest(null, 0))).EnsureSuccessStatusCode();
        var one = await TableAsync(s, "Table 1", 4);
        var two = await TableAsync(s, "Table 2", 3);

        var seating = await s.Admin.GetAsync<SeatingResponse>(s.Url);
        Assert.Equal(["Chacha Ramesh", "Chacha Suresh", "Mehta family", "Sharma family"], seating.Households.Select(h => h.DisplayName));
        var v0 = seating.Version;
        var seated = await (await MoveAsync(s.Admin, s, false, new SeatMove(sharma.Id, null, one.Id))).ReadAsync<SeatingResponse>();
        Assert.Equal(3, seated.Tables[0].GuestIds.Count);
        Assert.True(seated.Version > v0);

        // Over the seats: refused, naming the table.
        Assert.Contains("Table 1 has 4 seats; this would put 5 guests there", await ClashAsync(s, false, new SeatMove(mehta.Id, null, one.Id)));

        // The pair kept apart, never at one table.
        var ramesh = uncleA.Members[0].Id;
        var suresh = uncleB.Members[0].Id;
        var planVersion = (await s.Admin.GetAsync<SeatingResponse>(s.Url)).Version;
        var plan = await (await s.Admin.PutJsonAsync(s.Url, new SeatingPlanRequest([new KeepApartRequest(ramesh, suresh, "Property dispute")], "Seat the uncles far apart"),
            $"\"{planVersion}\"")).ReadAsync<SeatingResponse>();
        Assert.Equal(("Ramesh Kapoor", "Suresh Kapoor", "Property dispute"), (plan.KeepApart[0].FirstName, plan.KeepApart[0].SecondName, plan.KeepApart[0].Reason));
        Assert.Contains("Ramesh Kapoor and Suresh Kapoor are to be kept apart, and this would seat both at Table 2",
            await ClashAsync(s, false, new SeatMove(uncleA.Id, null, two.Id), new SeatMove(uncleB.Id, null, two.Id)));
        await (await s.Admin.PutJsonAsync(s.Url, plan with { }, $"\"{planVersion}\"")).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Null((await s.Couple.Client.GetAsync<SeatingResponse>(s.Url)).Notes);
        Assert.Equal("Seat the uncles far apart", (await s.Planner.Client.GetAsync<SeatingResponse>(s.Url)).Notes);

        // A household together, unless split on purpose; once together again it is no longer split.
        var rahul = sharma.Members[1].Id;
        Assert.Contains("This would split Sharma family across Table 1 and Table 2", await ClashAsync(s, false, new SeatMove(null, rahul, two.Id)));
        var split = await (await MoveAsync(s.Admin, s, true, new SeatMove(null, rahul, two.Id))).ReadAsync<SeatingResponse>();
        Assert.True(split.Households.Single(h => h.Id == sharma.Id).MaySplit);
        var together = await (await MoveAsync(s.Admin, s, false, new SeatMove(null, rahul, one.Id), new SeatMove(uncleA.Id, null, two.Id))).ReadAsync<SeatingResponse>();
        Assert.False(together.Households.Single(h => h.Id == sharma.Id).MaySplit);
        AssertRulesHold(together);

        // A table cannot shrink below those at it.
        var table = together.Tables[0];
        var shrink = await (await s.Admin.PutJsonAsync($"{s.Url}/tables/{table.Id}", new SeatingTableRequest("Table 1", TableShape.Round, 2, null, null), $"\"{table.Version}\""))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("3 guests sit at this table", shrink.Errors!["seats"][0], StringComparison.Ordinal);

        // Bad moves: each named, nothing changed.
        var before = await s.Admin.GetAsync<SeatingResponse>(s.Url);
        async Task<IReadOnlyCollection<string>> ErrorsAsync(object request) =>
            (await (await s.Admin.PostJsonAsync($"{s.Url}/moves", request)).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys;
        Assert.Equal(["moves[0]"], await ErrorsAsync(new SeatingMovesRequest([new SeatMove(mehta.Id, mehta.Members[0].Id, two.Id)])));
        Assert.Equal(["moves[0]"], await ErrorsAsync(new SeatingMovesRequest([new SeatMove(null, null, two.Id)])));
        Assert.Equal(["moves[0].tableId"], await ErrorsAsync(new SeatingMovesRequest([new SeatMove(mehta.Id, null, Guid.NewGuid())])));
        Assert.Equal(["moves[0].householdId"], await ErrorsAsync(new SeatingMovesRequest([new SeatMove(declined.Id, null, two.Id)])));
        Assert.Equal(["moves[1].guestId"], await ErrorsAsync(new SeatingMovesRequest([new SeatMove(mehta.Id, null, two.Id), new SeatMove(null, declined.Members[0].Id, two.Id)])));
        Assert.Equal(["moves[1]"], await ErrorsAsync(new SeatingMovesRequest([new SeatMove(mehta.Id, null, two.Id), new SeatMove(null, mehta.Members[0].Id, null)])));
        Assert.Contains("moves", await ErrorsAsync(new SeatingMovesRequest([])));
        Assert.Contains("moves", await ErrorsAsync(new { splitHousehold = true }));
        Assert.Equal(["keepApart[0].secondGuestId"], (await (await s.Admin.PutJsonAsync(s.Url, new SeatingPlanRequest([new KeepApartRequest(ramesh, ramesh, null)], null),
            $"\"{before.Version}\"")).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        Assert.Equal(["keepApart[0].firstGuestId"], (await (await s.Admin.PutJsonAsync(s.Url, new SeatingPlanRequest([new KeepApartRequest(declined.Members[0].Id, ramesh, null)], null),
            $"\"{before.Version}\"")).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        var after = await s.Admin.GetAsync<SeatingResponse>(s.Url);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Households.SelectMany(h => h.Guests), after.Households.SelectMany(h => h.Guests));

        // A stale seating version is refused; unseating works.
        using var stale = new HttpRequestMessage(HttpMethod.Post, $"{s.Url}/moves")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new SeatingMovesRequest([new SeatMove(mehta.Id, null, two.Id)]), options: Api.Json),
            Headers = { { "If-Match", $"\"{after.Version - 1}\"" } },
        };
        await (await s.Admin.SendAsync(stale, Cancel)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(after.Version, (await s.Admin.GetAsync<SeatingResponse>(s.Url)).Version);
        var unseated = await (await MoveAsync(s.Admin, s, false, new SeatMove(sharma.Id, null, null))).ReadAsync<SeatingResponse>();
        Assert.All(unseated.Households.Single(h => h.Id == sharma.Id).Guests, g => Assert.Null(g.TableId));

        // Another studio's ids are unknown, and the couple may not seat.
        await (await MoveAsync(s.Couple.Client, s, false, new SeatMove(mehta.Id, null, two.Id))).ProblemAsync(HttpStatusCode.Forbidden);
        var other = await (await NewStudioAsync()).AdminAsync();
        await (await MoveAsync(other, s, false, new SeatMove(mehta.Id, null, two.Id))).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_automatic_arrangement_keeps_the_rules_groups_together_and_says_what_it_could_not_seat()
    {
        var s = await SetupAsync("Arrange");
        var big = await HouseholdAsync(s, "Kapoor khandaan", GuestSide.Groom, "Dadi's side", [.. Enumerable.Range(1, 12).Select(i => $"Kapoor {i}")]);
        var households = new List<HouseholdResponse>();
        for (var i = 0; i < 5; i++)
        {
            households.Add(await HouseholdAsync(s, $"Bride friend {i}", GuestSide.Bride, "College", $"Friend {i}a", $"Friend {i}b"));
        }
        for (var i = 0; i < 4; i++)
        {
            households.Add(await HouseholdAsync(s, $"Groom office {i}", GuestSide.Groom, "Office", $"Colleague {i}a", $"Colleague {i}b", $"Colleague {i}c"));
        }
        var feud = await HouseholdAsync(s, "Chacha Ramesh", GuestSide.Groom, "Office", "Ramesh Kapoor");
        var feud2 = await HouseholdAsync(s, "Chacha Suresh", GuestSide.Groom, "Office", "Suresh Kapoor");
        foreach (var i in Enumerable.Range(1, 3))
        {
            await TableAsync(s, $"Table {i}", 10);
        }
        var version = (await s.Admin.GetAsync<SeatingResponse>(s.Url)).Version;
        (await s.Admin.PutJsonAsync(s.Url, new SeatingPlanRequest([new KeepApartRequest(feud.Members[0].Id, feud2.Members[0].Id, null)], null), $"\"{version}\""))
            .EnsureSuccessStatusCode();

        var result = await (await s.Admin.PostJsonAsync($"{s.Url}/arrange", new ArrangeRequest())).ReadAsync<ArrangeResponse>();
        AssertRulesHold(result.Seating);
        var issue = Assert.Single(result.Issues);
        Assert.Equal((big.Id, 12), (issue.HouseholdId, issue.Guests));
        Assert.Contains("12 guests are coming and the largest table seats 10", issue.Reason, StringComparison.Ordinal);
        Assert.Equal((24, 12), (result.Seated, result.Unseated));
        // Groups sit together: the ten college friends fill one table; the fourteen from the office take two, the feuding uncles one at each.
        var tableOf = result.Seating.Households.SelectMany(h => h.Guests.Select(g => (h.Group, g.TableId))).Where(x => x.TableId is not null).ToList();
        Assert.Single(tableOf.Where(x => x.Group == "College").Select(x => x.TableId).Distinct());
        Assert.Equal(2, tableOf.Where(x => x.Group == "Office").Select(x => x.TableId).Distinct().Count());

        // Nothing more to seat: a second run changes nothing; re-seating all gives the same rules.
        var again = await (await s.Admin.PostJsonAsync($"{s.Url}/arrange", new ArrangeRequest())).ReadAsync<ArrangeResponse>();
        Assert.Equal((0, result.Seating.Version), (again.Seated, again.Seating.Version));
        var afresh = await (await s.Admin.PostJsonAsync($"{s.Url}/arrange", new ArrangeRequest(ReseatAll: true))).ReadAsync<ArrangeResponse>();
        AssertRulesHold(afresh.Seating);
        Assert.Equal(24, afresh.Seated);
    }

    [Fact]
    public async Task The_chart_place_cards_and_escort_list_print_every_seated_guest_with_their_table()
    {
        var s = await SetupAsync("Prints");
        var sharma = await HouseholdAsync(s, "Sharma family", GuestSide.Bride, null, "सुनीता शर्मा", "Rahul Sharma");
        var mehta = await HouseholdAsync(s, "Mehta family", GuestSide.Groom, null, "Kavita Mehta");
        var one = await TableAsync(s, "Table 1", 8);
        var lotus = await TableAsync(s, "Lotus", 8, TableShape.Long);
        (await MoveAsync(s.Admin, s, false, new SeatMove(sharma.Id, null, one.Id), new SeatMove(mehta.Id, null, lotus.Id))).EnsureSuccessStatusCode();

        async Task<string> PrintAsync(HttpClient client, string kind, string file)
        {
            var response = await client.GetAsync($"{s.Url}/print?kind={kind}", Cancel);
            Assert.Equal((HttpStatusCode.OK, "application/pdf"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
            Assert.Equal(file, response.Content.Headers.ContentDisposition?.FileName);
            var pdf = await response.Content.ReadAsByteArrayAsync(Cancel);
            // Kept with the test results, to look at.
            Directory.CreateDirectory(Browser.BrowserServer.ArtifactsDirectory);
            await File.WriteAllBytesAsync(Path.Combine(Browser.BrowserServer.ArtifactsDirectory, file), pdf, Cancel);
            return await PdfTools.RunAsync("pdftotext", pdf, "-layout");
        }
        var chart = await PrintAsync(s.Coordinator.Client, "chart", "seating-chart-reception.pdf");
        foreach (var expected in new[] { "Seating chart — Reception", "Table 1", "Lotus", "सुनीता शर्मा · Sharma family", "Kavita Mehta · Mehta family", "2 of 8 seats",
            "3 guests seated at 2 tables." })
        {
            Assert.Contains(expected, chart, StringComparison.Ordinal);
        }
        var cards = await PrintAsync(s.Couple.Client, "place-cards", "place-cards-reception.pdf");
        foreach (var expected in new[] { "सुनीता शर्मा", "Rahul Sharma", "Kavita Mehta", "Lotus" })
        {
            Assert.Contains(expected, cards, StringComparison.Ordinal);
        }
        var escort = await PrintAsync(s.Admin, "escort-list", "escort-list-reception.pdf");
        var lines = escort.Split('\n').Where(l => l.Contains("Table 1", StringComparison.Ordinal) || l.Contains("Lotus", StringComparison.Ordinal)).ToList();
        Assert.Matches(@"Kavita Mehta\s+Mehta family\s+Lotus", escort);
        Assert.Matches(@"सुनीता शर्मा\s+Sharma family\s+Table 1", escort);
        Assert.True(escort.IndexOf("Kavita Mehta", StringComparison.Ordinal) < escort.IndexOf("Rahul Sharma", StringComparison.Ordinal), "The escort list is in name order.");
        Assert.NotEmpty(lines);

        await (await s.Admin.GetAsync($"{s.Url}/print?kind=menu", Cancel)).ProblemAsync(HttpStatusCode.BadRequest);
        var other = await (await NewStudioAsync()).AdminAsync();
        await (await other.GetAsync($"{s.Url}/print", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Check_in_reads_the_tables_and_seats_go_with_their_guest_household_table_and_event()
    {
        var s = await SetupAsync("Cascades");
        var sharma = await HouseholdAsync(s, "Sharma family", GuestSide.Bride, null, "Sunita Sharma", "Rahul Sharma");
        var mehta = await HouseholdAsync(s, "Mehta family", GuestSide.Groom, null, "Kavita Mehta", "Arjun Mehta");
        var bose = await HouseholdAsync(s, "Bose family", GuestSide.Groom, null, "Ria Bose");
        var one = await TableAsync(s, "Table 1", 8);
        var lotus = await TableAsync(s, "Lotus", 8);
        (await MoveAsync(s.Admin, s, false, new SeatMove(sharma.Id, null, one.Id), new SeatMove(mehta.Id, null, lotus.Id), new SeatMove(bose.Id, null, one.Id)))
            .EnsureSuccessStatusCode();

        async Task<IReadOnlyDictionary<Guid, string>> TablesOfAsync(params Guid[] guests)
        {
            await using var scope = Server.Services.CreateAsyncScope();
            var tenant = await scope.ServiceProvider.GetRequiredService<TenantDirectory>().FindBySlugAsync(s.Studio.Slug, Cancel);
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant!);
            return await scope.ServiceProvider.GetRequiredService<IEventSeating>().TablesOfAsync(s.Event.Id, guests, Cancel);
        }
        var all = await TablesOfAsync([.. sharma.Members.Concat(mehta.Members).Concat(bose.Members).Select(m => m.Id), Guid.NewGuid()]);
        Assert.Equal(5, all.Count);
        Assert.Equal(("Table 1", "Lotus"), (all[sharma.Members[0].Id], all[mehta.Members[1].Id]));
        Assert.Empty(await TablesOfAsync());

        async Task<int> SeatsAsync()
        {
            await using var db = await TenantDatabase.OpenAsync(Server, s.Studio);
            return await db.Set<Seat>().CountAsync(seat => db.Set<SeatingPlan>().Any(p => p.Id == seat.PlanId && p.EventId == s.Event.Id), Cancel);
        }
        Assert.Equal(5, await SeatsAsync());
        // A guest leaves the household: their seat goes.
        var households = $"/api/v1/weddings/{s.Wedding.Id}/households";
        var current = await s.Admin.GetAsync<HouseholdResponse>($"{households}/{sharma.Id}");
        (await s.Admin.PutJsonAsync($"{households}/{sharma.Id}", new HouseholdRequest("Sharma family", GuestSide.Bride, null, null, null, null, null, null, null, null, null,
            [new GuestRequest(current.Members[0].Id, "Sunita Sharma", null, null, AgeGroup.Adult, null, null, null, null, null)]), $"\"{current.Version}\"")).EnsureSuccessStatusCode();
        Assert.Equal(4, await SeatsAsync());
        // The household goes: its seats go.
        (await s.Admin.DeleteAsync($"{households}/{mehta.Id}", Cancel)).EnsureSuccessStatusCode();
        Assert.Equal(2, await SeatsAsync());
        Assert.Empty(await TablesOfAsync([.. mehta.Members.Select(m => m.Id)]));
        // The table goes: its guests are unseated.
        (await s.Admin.DeleteAsync($"{s.Url}/tables/{one.Id}", Cancel)).EnsureSuccessStatusCode();
        Assert.Equal(0, await SeatsAsync());
        (await MoveAsync(s.Admin, s, false, new SeatMove(bose.Id, null, lotus.Id))).EnsureSuccessStatusCode();
        Assert.Equal(1, await SeatsAsync());
        // The event goes: its tables, seats and plan go.
        (await s.Admin.DeleteAsync($"/api/v1/events/{s.Event.Id}", Cancel)).EnsureSuccessStatusCode();
        await using var check = await TenantDatabase.OpenAsync(Server, s.Studio);
        Assert.False(await check.Set<SeatingPlan>().AnyAsync(p => p.EventId == s.Event.Id, Cancel));
        Assert.False(await check.Set<SeatingTable>().AnyAsync(t => t.EventId == s.Event.Id, Cancel));
        Assert.Equal(0, await check.Set<Seat>().CountAsync(seat => seat.TableId == lotus.Id, Cancel));
    }
}

public sealed class SeatingTestsOnSqlite(SqliteServer server, SharedStudio shared) : SeatingTests(server, shared);

public sealed class SeatingTestsOnPostgres(PostgresServer server, SharedStudio shared) : SeatingTests(server, shared);
