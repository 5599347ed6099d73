using System.Net;
using Microsoft.EntityFrameworkCore;
using WedTech.Contracts;
using WedTech.Server.Events;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

public abstract class VenueTests(TestServer server) : ProviderTests(server)
{
    private static VenueRequest Venue(string name = "Rambagh Palace", string city = "Jaipur", string? stateCode = "08", string? country = null,
        string? timeZone = null, IReadOnlyList<VenueContact>? contacts = null) =>
        new(name, "Bhawani Singh Road", city, stateCode, country, "https://maps.app.goo.gl/rambagh", 800, contacts, "Lawn and ballroom; no fireworks after 22:00.", timeZone);

    [Fact]
    public async Task Create_read_update_delete_a_venue_with_trimmed_fields_and_normalised_contacts()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();

        var created = await admin.PostJsonAsync("/api/v1/venues", Venue(name: "  Rambagh Palace ", contacts:
            [new(" Banquet manager ", " Sales ", "098765 43210", " events@rambagh.example "), new("Front office", null, "0141 222 3333", null)]));
        var venue = await created.ReadAsync<VenueResponse>(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/venues/{venue.Id}", created.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", created.Headers.ETag?.Tag);
        Assert.Equal(("Rambagh Palace", "IN", "08", "Rajasthan", "Asia/Kolkata", 0), (venue.Name, venue.Country, venue.StateCode, venue.StateName, venue.TimeZone, venue.EventCount));
        // A venue's office is a landline (Jaipur, area code 141): kept, unlike for SMS recipients.
        Assert.Equal([new VenueContact("Banquet manager", "Sales", "+919876543210", "events@rambagh.example"), new VenueContact("Front office", null, "+911412223333", null)],
            venue.Contacts);

        var read = await admin.GetAsync($"/api/v1/venues/{venue.Id}", Cancel);
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
        var fetched = await read.ReadAsync<VenueResponse>();
        Assert.Equal(venue.Contacts, fetched.Contacts);
        Assert.Equal(800, fetched.Capacity);

        // Moved abroad: a country, a zone (any case), no state; a local number is read in the venue's country.
        var abroad = Venue(name: "Atlantis The Palm", city: "Dubai", stateCode: null, country: "ae", timeZone: "asia/dubai",
            contacts: [new("Wedding desk", null, "050 123 4567", null)]);
        var updated = await (await admin.PutJsonAsync($"/api/v1/venues/{venue.Id}", abroad, "\"1\"")).ReadAsync<VenueResponse>();
        Assert.Equal(("AE", null, null, "Asia/Dubai", 2L), (updated.Country, updated.StateCode, updated.StateName, updated.TimeZone, updated.Version));
        Assert.Equal("+971501234567", Assert.Single(updated.Contacts).Phone);

        // The same content again is no change: the version stays.
        var same = await (await admin.PutJsonAsync($"/api/v1/venues/{venue.Id}", abroad, "\"2\"")).ReadAsync<VenueResponse>();
        Assert.Equal(2, same.Version);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/venues/{venue.Id}", Cancel)).StatusCode);
        await (await admin.GetAsync($"/api/v1/venues/{venue.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await admin.GetAsync<PagedResponse<VenueResponse>>("/api/v1/venues")).TotalCount);

        var audit = await admin.GetAsync<PagedResponse<AuditEntryResponse>>($"/api/v1/audit?entityId={venue.Id}");
        Assert.Equal(["venue.created", "venue.deleted", "venue.updated"], audit.Items.Select(e => e.Action).Order());
    }

    [Fact]
    public async Task Invalid_venues_get_a_field_error_for_every_fault_and_nothing_is_saved()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();

        async Task<IReadOnlyCollection<string>> ErrorsAsync(object request) =>
            (await (await admin.PostJsonAsync("/api/v1/venues", request)).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys;

        Assert.Equal(["stateCode"], await ErrorsAsync(Venue(stateCode: null)));
        Assert.Equal(["stateCode"], await ErrorsAsync(Venue(stateCode: "99")));
        Assert.Equal(["stateCode"], await ErrorsAsync(Venue(stateCode: "25")));
        Assert.Equal(["stateCode"], await ErrorsAsync(Venue(stateCode: "07", country: "AE", timeZone: "Asia/Dubai")));
        Assert.Equal(["timeZone"], await ErrorsAsync(Venue(stateCode: null, country: "AE")));
        Assert.Equal(["timeZone"], await ErrorsAsync(Venue(timeZone: "Mars/Olympus_Mons")));
        Assert.Equal(["timeZone"], await ErrorsAsync(Venue(timeZone: "India Standard Time")));
        Assert.Equal(["country"], await ErrorsAsync(Venue(stateCode: null, country: "I1", timeZone: "Asia/Dubai")));
        Assert.Contains("country", await ErrorsAsync(Venue(country: "India")));
        foreach (var url in new[] { "maps.google.com/?q=Rambagh", "javascript:alert(1)", "ftp://maps.example/rambagh", "/relative/path" })
        {
            Assert.Equal(["mapUrl"], await ErrorsAsync(Venue() with { MapUrl = url }));
        }
        Assert.Equal(["contacts[0].phone"], await ErrorsAsync(Venue(contacts: [new("Manager", null, "12345", null)])));
        Assert.Equal(["contacts[1].email"], await ErrorsAsync(Venue(contacts: [new("Manager", null, null, "ok@example.com"), new("Chef", null, null, "chef at venue")])));
        Assert.Contains("contacts[0].name", await ErrorsAsync(new { name = "Rambagh", city = "Jaipur", stateCode = "08", contacts = new[] { new { name = " " } } }));
        // A null contact is no contact at all (refused as the body is read, like every null the contract does not allow).
        Assert.Equal(["contacts[0]"], await ErrorsAsync(new { name = "Rambagh", city = "Jaipur", stateCode = "08", contacts = new object?[] { null } }));

        // Every fault at once, not the first only.
        var several = await ErrorsAsync(Venue(stateCode: "99", contacts: [new("Manager", null, "not a phone", "nobody")]) with { MapUrl = "nowhere" });
        Assert.Equal(["contacts[0].email", "contacts[0].phone", "mapUrl", "stateCode"], several.Order(StringComparer.Ordinal));

        Assert.Contains("name", await ErrorsAsync(new { city = "Jaipur", stateCode = "08" }));
        Assert.Contains("capacity", await ErrorsAsync(Venue() with { Capacity = -1 }));

        Assert.Contains("stateCode", (await (await admin.GetAsync("/api/v1/venues?stateCode=99", Cancel)).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        Assert.Contains("pageSize", (await (await admin.GetAsync("/api/v1/venues?pageSize=500", Cancel)).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        Assert.Contains("q", (await (await admin.GetAsync("/api/v1/venues?q=%00", Cancel)).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        await (await admin.GetAsync($"/api/v1/venues/{Guid.CreateVersion7()}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(0, (await admin.GetAsync<PagedResponse<VenueResponse>>("/api/v1/venues")).TotalCount);
    }

    [Fact]
    public async Task The_list_is_by_name_paged_filtered_and_searches_name_and_city_in_any_script()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        foreach (var venue in new[]
        {
            Venue(name: "Umaid Bhawan", city: "Jodhpur"),
            Venue(name: "लीला पैलेस", city: "उदयपुर"),
            Venue(name: "Taj Falaknuma", city: "Hyderabad", stateCode: "36"),
            Venue(name: "ITC Maratha", city: "Mumbai", stateCode: "27"),
        })
        {
            (await admin.PostJsonAsync("/api/v1/venues", venue)).EnsureSuccessStatusCode();
        }

        async Task<List<string>> NamesAsync(string query) =>
            (await admin.GetAsync<PagedResponse<VenueResponse>>("/api/v1/venues" + query)).Items.Select(v => v.Name).ToList();

        Assert.Equal(["ITC Maratha", "Taj Falaknuma", "Umaid Bhawan", "लीला पैलेस"], await NamesAsync(""));
        var page2 = await admin.GetAsync<PagedResponse<VenueResponse>>("/api/v1/venues?page=2&pageSize=3");
        Assert.Equal((4, "लीला पैलेस"), (page2.TotalCount, Assert.Single(page2.Items).Name));

        Assert.Equal(["लीला पैलेस"], await NamesAsync("?q=" + Uri.EscapeDataString("पैलेस")));
        Assert.Equal(["लीला पैलेस"], await NamesAsync("?q=" + Uri.EscapeDataString("उदयपुर")));
        Assert.Equal(["Taj Falaknuma"], await NamesAsync("?q=FALAK"));
        Assert.Equal(["ITC Maratha"], await NamesAsync("?q=mumbai"));
        Assert.Equal(["Umaid Bhawan"], await NamesAsync("?city=JODHPUR"));
        Assert.Equal(["Umaid Bhawan", "लीला पैलेस"], await NamesAsync("?stateCode=08"));
        Assert.Empty(await NamesAsync("?stateCode=27&q=taj"));
    }

    [Fact]
    public async Task A_stale_write_is_refused_with_409_and_a_write_without_If_Match_with_428()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var venue = await (await admin.PostJsonAsync("/api/v1/venues", Venue())).ReadAsync<VenueResponse>(HttpStatusCode.Created);

        await (await admin.PutJsonAsync($"/api/v1/venues/{venue.Id}", Venue(name: "First edit"), "\"1\"")).ReadAsync<VenueResponse>();
        await (await admin.PutJsonAsync($"/api/v1/venues/{venue.Id}", Venue(name: "From an old copy"), "\"1\"")).ProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PutJsonAsync($"/api/v1/venues/{venue.Id}", Venue(name: "No precondition"))).ProblemAsync(HttpStatusCode.PreconditionRequired);
        using var staleDelete = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/venues/{venue.Id}");
        staleDelete.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        await (await admin.SendAsync(staleDelete, Cancel)).ProblemAsync(HttpStatusCode.Conflict);

        var current = await admin.GetAsync<VenueResponse>($"/api/v1/venues/{venue.Id}");
        Assert.Equal(("First edit", 2L), (current.Name, current.Version));
    }

    [Fact]
    public async Task A_venue_used_by_events_counts_them_and_cannot_be_deleted_until_their_wedding_is_gone()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var venue = await (await admin.PostJsonAsync("/api/v1/venues", Venue())).ReadAsync<VenueResponse>(HttpStatusCode.Created);
        var wedding = await admin.CreateWeddingAsync("Diya & Kabir");
        foreach (var (type, name, day) in new[] { (EventType.Sangeet, "Sangeet", 13), (EventType.Ceremony, "Pheras", 14) })
        {
            (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/events",
                new EventRequest(type, name, new(2027, 2, day, 19, 0, 0), new(2027, 2, day, 23, 30, 0), null, venue.Id, null, null, null, null, null))).EnsureSuccessStatusCode();
        }

        Assert.Equal(2, (await admin.GetAsync<VenueResponse>($"/api/v1/venues/{venue.Id}")).EventCount);
        Assert.Equal(2, Assert.Single((await admin.GetAsync<PagedResponse<VenueResponse>>("/api/v1/venues")).Items).EventCount);
        var refused = await (await admin.DeleteAsync($"/api/v1/venues/{venue.Id}", Cancel)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("used by 2 events", refused.Detail, StringComparison.Ordinal);
        await admin.GetAsync<VenueResponse>($"/api/v1/venues/{venue.Id}");

        // A deleted wedding's events hold nobody back; they let the venue go.
        (await admin.DeleteAsync($"/api/v1/weddings/{wedding.Id}", Cancel)).EnsureSuccessStatusCode();
        Assert.Equal(0, (await admin.GetAsync<VenueResponse>($"/api/v1/venues/{venue.Id}")).EventCount);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/venues/{venue.Id}", Cancel)).StatusCode);
        await using (var db = await TenantDatabase.OpenAsync(Server, studio))
        {
            Assert.Equal([null, null], await db.Events.Where(e => e.WeddingId == wedding.Id).Select(e => e.VenueId).ToListAsync(Cancel));
        }
    }

    [Fact]
    public async Task Another_studios_venue_is_not_found_on_any_verb()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var venue = await (await admin.PostJsonAsync("/api/v1/venues", Venue())).ReadAsync<VenueResponse>(HttpStatusCode.Created);
        var other = await NewStudioAsync();
        using var intruder = await other.AdminAsync();

        await (await intruder.GetAsync($"/api/v1/venues/{venue.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await intruder.PutJsonAsync($"/api/v1/venues/{venue.Id}", Venue(name: "Taken over"), "*")).ProblemAsync(HttpStatusCode.NotFound);
        await (await intruder.DeleteAsync($"/api/v1/venues/{venue.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await intruder.GetAsync<PagedResponse<VenueResponse>>("/api/v1/venues")).TotalCount);
        var unchanged = await admin.GetAsync<VenueResponse>($"/api/v1/venues/{venue.Id}");
        Assert.Equal(("Rambagh Palace", 1L), (unchanged.Name, unchanged.Version));
    }

    [Fact]
    public async Task Coordinators_look_venues_up_but_do_not_change_them_and_clients_do_neither()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var coordinator = await studio.AddMemberAsync(Role.Coordinator, admin);
        var client = await studio.AddMemberAsync(Role.Client, admin);
        var venue = await (await admin.PostJsonAsync("/api/v1/venues", Venue())).ReadAsync<VenueResponse>(HttpStatusCode.Created);

        Assert.Equal(venue.Id, Assert.Single((await coordinator.Client.GetAsync<PagedResponse<VenueResponse>>("/api/v1/venues")).Items).Id);
        await coordinator.Client.GetAsync<VenueResponse>($"/api/v1/venues/{venue.Id}");
        await (await coordinator.Client.PostJsonAsync("/api/v1/venues", Venue(name: "Mine"))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await coordinator.Client.PutJsonAsync($"/api/v1/venues/{venue.Id}", Venue(name: "Mine"), "\"1\"")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await coordinator.Client.DeleteAsync($"/api/v1/venues/{venue.Id}", Cancel)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.Client.GetAsync("/api/v1/venues", Cancel)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.Client.GetAsync($"/api/v1/venues/{venue.Id}", Cancel)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.Client.PostJsonAsync("/api/v1/venues", Venue(name: "Ours"))).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(1, (await admin.GetAsync<PagedResponse<VenueResponse>>("/api/v1/venues")).TotalCount);
    }
}

public sealed class VenueTestsOnSqlite(SqliteServer server) : VenueTests(server);

public sealed class VenueTestsOnPostgres(PostgresServer server) : VenueTests(server);
