using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WedTech.Contracts;
using WedTech.Server.Guests;
using WedTech.Server.Guests.Import;
using WedTech.Server.Platform.Jobs;
using WedTech.Server.Tenancy;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

public abstract class GuestTests(TestServer server) : ProviderTests(server)
{
    private static GuestRequest Member(string? name, AgeGroup? age = null, Diet? diet = null, Guid? id = null, string? latin = null, string? guestOf = null,
        string? phone = null) => new(id, name, latin, null, age, diet, null, phone, null, guestOf);

    private static HouseholdRequest Household(string name = "Sharma family", GuestSide side = GuestSide.Bride, string? phone = "098765-43210",
        IReadOnlyList<string>? tags = null, string? notes = "Needs a ground-floor room.", IReadOnlyList<GuestRequest>? members = null) =>
        new(name, side, "Mama's side", phone, "sharma@example.com", "Jaipur", "Rajasthan", null, tags ?? ["outstation", "VIP"], notes, null,
            members ?? [Member("सुनीता शर्मा", diet: Diet.Jain, latin: "Sunita Sharma"), Member("Rahul Sharma", diet: Diet.Veg), Member("Anya", AgeGroup.Child), Member(null, guestOf: "Rahul Sharma")]);

    private static EventRequest Event(string name, int day) =>
        new(EventType.Custom, name, new DateTime(2027, 2, day, 19, 0, 0), new DateTime(2027, 2, day, 23, 0, 0), null, null, null, null, null, null, null);

    private static string Households(WeddingResponse wedding) => $"/api/v1/weddings/{wedding.Id}/households";

    private static async Task<HouseholdResponse> AddAsync(HttpClient client, WeddingResponse wedding, HouseholdRequest request) =>
        await (await client.PostJsonAsync(Households(wedding), request)).ReadAsync<HouseholdResponse>(HttpStatusCode.Created);

    private static async Task<EventResponse> AddEventAsync(HttpClient client, WeddingResponse wedding, string name, int day) =>
        await (await client.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/events", Event(name, day))).ReadAsync<EventResponse>(HttpStatusCode.Created);

    private static async Task<HouseholdResponse> InviteAsync(HttpClient client, WeddingResponse wedding, HouseholdResponse household, params InvitationRequest[] events) =>
        await (await client.PutJsonAsync($"{Households(wedding)}/{household.Id}/invitations", new InvitationsRequest(events), $"\"{household.Version}\""))
            .ReadAsync<HouseholdResponse>();

    private static Task<HttpResponseMessage> AnswerAsync(HttpClient client, WeddingResponse wedding, HouseholdResponse household, EventResponse e, RsvpRequest answer) =>
        client.PostJsonAsync($"{Households(wedding)}/{household.Id}/invitations/{e.Id}/answer", answer);

    [Fact]
    public async Task A_household_is_kept_with_its_members_normalised_and_searchable_in_any_script()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var wedding = await admin.CreateWeddingAsync("Sharma–Mehta");

        var created = await admin.PostJsonAsync(Households(wedding), Household(name: "  Sharma family ", tags: ["outstation", " VIP ", "vip", ""]));
        var household = await created.ReadAsync<HouseholdResponse>(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/weddings/{wedding.Id}/households/{household.Id}", created.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", created.Headers.ETag?.Tag);
        Assert.Equal(("Sharma family", "+919876543210", "IN", GuestSide.Bride), (household.DisplayName, household.Phone, household.Country, household.Side));
        Assert.Equal(["outstation", "VIP"], household.Tags);
        Assert.Equal("Needs a ground-floor room.", household.Notes);
        Assert.Equal(["सुनीता शर्मा", "Rahul Sharma", "Anya", null], household.Members.Select(m => m.Name));
        Assert.Equal([AgeGroup.Adult, AgeGroup.Adult, AgeGroup.Child, AgeGroup.Adult], household.Members.Select(m => m.AgeGroup));
        Assert.Equal("Rahul Sharma", household.Members[3].GuestOf);

        await AddAsync(admin, wedding, Household(name: "Mehta ji & family", side: GuestSide.Groom, phone: "+1 415 555 2671", tags: ["colleagues"],
            members: [Member("Christopher Mehta", diet: Diet.NonVeg)]));

        async Task<IReadOnlyList<string>> FindAsync(string query) =>
            (await admin.GetAsync<PagedResponse<HouseholdResponse>>($"{Households(wedding)}?{query}")).Items.Select(h => h.DisplayName).ToList();
        Assert.Equal(["Sharma family"], await FindAsync("q=" + Uri.EscapeDataString("सुनीता")));
        Assert.Equal(["Sharma family"], await FindAsync("q=sunita"));
        Assert.Equal(["Mehta ji & family"], await FindAsync("q=CHRISTOPHER"));
        Assert.Equal(["Sharma family"], await FindAsync("q=sharma"));
        Assert.Equal(["Mehta ji & family", "Sharma family"], await FindAsync("q=family"));
        Assert.Equal(["Sharma family"], await FindAsync("tag=vip"));
        Assert.Empty(await FindAsync("tag=vi"));
        Assert.Equal(["Mehta ji & family"], await FindAsync("side=groom"));
        Assert.Equal(["Mehta ji & family"], await FindAsync("diet=non-veg"));
        Assert.Equal(["Sharma family"], await FindAsync("diet=jain"));

        // The same content again is no change; a member kept by id keeps its id.
        var same = Household(tags: ["outstation", "VIP"], members: household.Members.Select(m => new GuestRequest(m.Id, m.Name, m.LatinName, m.Honorific, m.AgeGroup, m.Diet,
            m.Allergies, m.Phone, m.Email, m.GuestOf)).ToList());
        var unchanged = await (await admin.PutJsonAsync($"{Households(wedding)}/{household.Id}", same, "\"1\"")).ReadAsync<HouseholdResponse>();
        Assert.Equal(1, unchanged.Version);
        var changed = await (await admin.PutJsonAsync($"{Households(wedding)}/{household.Id}", same with { Members = [.. same.Members.Take(2)] }, "\"1\""))
            .ReadAsync<HouseholdResponse>();
        Assert.Equal(2, changed.Version);
        Assert.Equal(household.Members.Take(2).Select(m => m.Id), changed.Members.Select(m => m.Id));
        await (await admin.PutJsonAsync($"{Households(wedding)}/{household.Id}", same, "\"1\"")).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Invalid_households_get_a_field_error_for_every_fault_and_nothing_is_saved()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var wedding = await admin.CreateWeddingAsync("Faults");
        var kept = await AddAsync(admin, wedding, Household());

        async Task<IReadOnlyCollection<string>> ErrorsAsync(object request) =>
            (await (await admin.PostJsonAsync(Households(wedding), request)).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys;

        Assert.Equal(["phone"], await ErrorsAsync(Household(phone: "98765")));
        Assert.Equal(["phone"], await ErrorsAsync(Household(phone: "0141 222 3333")));
        Assert.Equal(["members[1].name"], await ErrorsAsync(Household(members: [Member("Asha"), Member(" ")])));
        Assert.Equal(["members[0].phone", "members[1].id"], (await ErrorsAsync(Household(members: [Member("Asha", phone: "12"), Member("Ravi", id: kept.Members[0].Id)]))).Order());
        Assert.Equal(["tags"], await ErrorsAsync(Household(tags: ["#vip"])));
        Assert.Equal(["country"], await ErrorsAsync(Household() with { Country = "India" }));
        Assert.Equal(["email"], await ErrorsAsync(Household() with { Email = "sharma at example" }));
        Assert.Equal(["travel.departureAt"], await ErrorsAsync(Household() with { Travel = new(new DateTime(2027, 2, 12), null, new DateTime(2027, 2, 10), null) }));
        Assert.Equal(["travel.arrivalAt", "travel.departureAt"], (await ErrorsAsync(new
        {
            displayName = "Zoned", side = "bride", members = new[] { new { name = "Asha" } },
            travel = new { arrivalAt = "2027-02-12T14:00:00Z", departureAt = "1999-02-14T10:00:00" },
        })).Order());
        Assert.Contains("side", await ErrorsAsync(new { displayName = "No side", members = new[] { new { name = "Asha" } } }));
        Assert.Contains("members", await ErrorsAsync(Household(members: [])));
        Assert.Contains("members", await ErrorsAsync(new { displayName = "No members", side = "bride" }));
        Assert.Contains("members[0].ageGroup", await ErrorsAsync(new { displayName = "Bad age", side = "bride", members = new[] { new { name = "Asha", ageGroup = "teen" } } }));

        var list = await admin.GetAsync<PagedResponse<HouseholdResponse>>(Households(wedding));
        Assert.Equal([kept.Id], list.Items.Select(h => h.Id));
        foreach (var query in new[] { "side=both-sides", "answer=maybe", "diet=keto", "eventId=not-a-guid", "pageSize=101", $"q={new string('x', 101)}" })
        {
            await (await admin.GetAsync($"{Households(wedding)}?{query}", Cancel)).ProblemAsync(HttpStatusCode.BadRequest);
        }
    }

    [Fact]
    public async Task The_largest_household_the_contract_allows_is_kept_whole()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var wedding = await admin.CreateWeddingAsync("Large");
        string Long(char c) => new(c, 200);
        var members = Enumerable.Range(0, 50).Select(i => new GuestRequest(null, Long((char)('अ' + i % 10)), Long('x'), new string('h', 30), AgeGroup.Adult, Diet.Veg,
            new string('a', 500), null, null, null)).ToList();
        var tags = Enumerable.Range(0, GuestTags.MaxPerHousehold).Select(i => $"{i:D2}{new string('t', GuestTags.MaxLength - 2)}").ToList();
        var household = await AddAsync(admin, wedding, Household(name: Long('S'), tags: tags, notes: new string('n', 4000), members: members));
        Assert.Equal(50, household.Members.Count);
        Assert.Equal(GuestTags.MaxPerHousehold, household.Tags.Count);
        Assert.Single((await admin.GetAsync<PagedResponse<HouseholdResponse>>($"{Households(wedding)}?tag={tags[^1]}")).Items);
    }

    [Fact]
    public async Task Invitations_and_answers_follow_the_places_and_every_change_is_in_the_history()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var coordinator = await studio.AddMemberAsync(Role.Coordinator, admin, "Kiran Rao");
        var wedding = await (await admin.PostJsonAsync("/api/v1/weddings", new WeddingRequest("Places", "Bride", "Groom", new DateOnly(2027, 2, 14), "Jaipur",
            WeddingStatus.Booked, null, 200, null, [new TeamAssignment(coordinator.Id, TeamRole.Coordinator)]))).ReadAsync<WeddingResponse>(HttpStatusCode.Created);
        var mehendi = await AddEventAsync(admin, wedding, "Mehendi", 12);
        var sangeet = await AddEventAsync(admin, wedding, "Sangeet", 13);
        var otherWedding = await admin.CreateWeddingAsync("Elsewhere");
        var elsewhere = await AddEventAsync(admin, otherWedding, "Reception", 20);
        var household = await AddAsync(admin, wedding, Household());
        var (sunita, rahul, anya) = (household.Members[0].Id, household.Members[1].Id, household.Members[2].Id);

        // Every fault of the invitation list at once; nothing changes.
        var faults = await (await admin.PutJsonAsync($"{Households(wedding)}/{household.Id}/invitations", new InvitationsRequest([
            new(elsewhere.Id, 2, null), new(mehendi.Id, 2, null), new(mehendi.Id, 2, null), new(sangeet.Id, 1, [sunita, rahul]), new(Guid.NewGuid(), 1, [Guid.NewGuid()])]), "\"1\""))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["events[0].eventId", "events[2].eventId", "events[3].places", "events[4].eventId", "events[4].guests"], faults.Errors!.Keys.Order());
        Assert.Empty((await admin.GetAsync<HouseholdResponse>($"{Households(wedding)}/{household.Id}")).Invitations);

        household = await InviteAsync(admin, wedding, household, new InvitationRequest(mehendi.Id, 4, null), new InvitationRequest(sangeet.Id, 2, [sunita, rahul]));
        Assert.Equal(2, household.Version);
        Assert.Equal([(mehendi.Id, 4, RsvpAnswer.Pending), (sangeet.Id, 2, RsvpAnswer.Pending)],
            household.Invitations.Select(i => (i.EventId, i.Places, i.Answer)).OrderBy(i => i.Item1 == mehendi.Id ? 0 : 1));

        // A headcount above the places is refused with what to do; the coordinator records an answer given in person.
        var above = await (await AnswerAsync(coordinator.Client, wedding, household, mehendi, new RsvpRequest(null, 5))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("This invitation is for 4 places, and 5 is more. Raise the places of this invitation first.", above.Errors!["attending"].Single());
        var answered = await (await AnswerAsync(coordinator.Client, wedding, household, mehendi, new RsvpRequest(null, 3))).ReadAsync<InvitationResponse>();
        Assert.Equal((RsvpAnswer.Attending, 3), (answered.Answer, answered.Attending));
        await (await AnswerAsync(admin, wedding, household, mehendi, new RsvpRequest([new(sunita, RsvpAnswer.Attending)], 1))).ProblemAsync(HttpStatusCode.BadRequest);
        await (await AnswerAsync(admin, wedding, household, mehendi, new RsvpRequest(null, null))).ProblemAsync(HttpStatusCode.BadRequest);

        // Per member: only the members named by the invitation; declined when every one of them said no.
        var notInvited = await (await AnswerAsync(admin, wedding, household, sangeet, new RsvpRequest([new(anya, RsvpAnswer.Attending)], null))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["members[0].guestId"], notInvited.Errors!.Keys);
        var half = await (await AnswerAsync(admin, wedding, household, sangeet, new RsvpRequest([new(sunita, RsvpAnswer.Declined)], null))).ReadAsync<InvitationResponse>();
        Assert.Equal((RsvpAnswer.Pending, 0), (half.Answer, half.Attending));
        var declined = await (await AnswerAsync(admin, wedding, household, sangeet, new RsvpRequest([new(rahul, RsvpAnswer.Declined)], null))).ReadAsync<InvitationResponse>();
        Assert.Equal((RsvpAnswer.Declined, 0), (declined.Answer, declined.Attending));
        Assert.Equal([(sunita, RsvpAnswer.Declined), (rahul, RsvpAnswer.Declined)], declined.Members.Select(m => (m.GuestId!.Value, m.Answer!.Value)));
        var same = await (await AnswerAsync(admin, wedding, household, sangeet, new RsvpRequest([new(rahul, RsvpAnswer.Declined)], null))).ReadAsync<InvitationResponse>();
        Assert.Equal(declined.Version, same.Version);

        // Places cannot go below those coming; raised, the household may bring more.
        var lower = await (await admin.PutJsonAsync($"{Households(wedding)}/{household.Id}/invitations",
            new InvitationsRequest([new(mehendi.Id, 2, null), new(sangeet.Id, 2, [sunita, rahul])]), "\"2\"")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith("3 people of this household have said they are coming", lower.Errors!["events[0].places"].Single(), StringComparison.Ordinal);
        household = await InviteAsync(admin, wedding, household with { Version = 2 }, new InvitationRequest(mehendi.Id, 6, null), new InvitationRequest(sangeet.Id, 2, [sunita, rahul]));
        (await AnswerAsync(admin, wedding, household, mehendi, new RsvpRequest(null, 6))).EnsureSuccessStatusCode();

        var history = await admin.GetAsync<List<RsvpChangeResponse>>($"{Households(wedding)}/{household.Id}/history");
        Assert.Equal([
            (mehendi.Id, RsvpSource.Staff, "Asha Admin", RsvpAnswer.Attending, 3, RsvpAnswer.Attending, 6),
            (sangeet.Id, RsvpSource.Staff, "Asha Admin", RsvpAnswer.Pending, 0, RsvpAnswer.Declined, 0),
            (sangeet.Id, RsvpSource.Staff, "Asha Admin", RsvpAnswer.Pending, 0, RsvpAnswer.Pending, 0),
            (mehendi.Id, RsvpSource.Staff, "Kiran Rao", RsvpAnswer.Pending, 0, RsvpAnswer.Attending, 3),
        ], history.Select(h => (h.EventId, h.Source, h.By!, h.Before, h.AttendingBefore, h.After, h.AttendingAfter)));
        Assert.True(history.Zip(history.Skip(1)).All(pair => pair.First.At >= pair.Second.At));

        // An event removed takes its invitations and their history with it.
        (await admin.DeleteAsync($"/api/v1/events/{sangeet.Id}", Cancel)).EnsureSuccessStatusCode();
        var after = await admin.GetAsync<HouseholdResponse>($"{Households(wedding)}/{household.Id}");
        Assert.Equal([mehendi.Id], after.Invitations.Select(i => i.EventId));
        Assert.All(await admin.GetAsync<List<RsvpChangeResponse>>($"{Households(wedding)}/{household.Id}/history"), h => Assert.Equal(mehendi.Id, h.EventId));
    }

    [Fact]
    public async Task A_member_who_leaves_the_household_leaves_its_answers_and_the_headcount()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var wedding = await admin.CreateWeddingAsync("Leaving");
        var haldi = await AddEventAsync(admin, wedding, "Haldi", 12);
        var household = await AddAsync(admin, wedding, Household());
        household = await InviteAsync(admin, wedding, household, new InvitationRequest(haldi.Id, 4, null));
        var members = household.Members;
        (await AnswerAsync(admin, wedding, household, haldi, new RsvpRequest([new(members[0].Id, RsvpAnswer.Declined), new(members[1].Id, RsvpAnswer.Attending)], null)))
            .EnsureSuccessStatusCode();

        var withoutRahul = Household(members: [new GuestRequest(members[0].Id, members[0].Name, members[0].LatinName, null, null, Diet.Jain, null, null, null, null)]);
        var updated = await (await admin.PutJsonAsync($"{Households(wedding)}/{household.Id}", withoutRahul, $"\"{household.Version}\"")).ReadAsync<HouseholdResponse>();
        var invitation = Assert.Single(updated.Invitations);
        Assert.Equal((RsvpAnswer.Declined, 0), (invitation.Answer, invitation.Attending));
        Assert.Equal([members[0].Id], invitation.Members.Select(m => m.GuestId!.Value));
    }

    [Fact]
    public async Task Headcounts_count_places_invited_attending_declined_and_pending_by_diet_side_and_age()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var wedding = await admin.CreateWeddingAsync("Counts");
        var sangeet = await AddEventAsync(admin, wedding, "Sangeet", 13);
        var pheras = await AddEventAsync(admin, wedding, "Pheras", 14);
        var sharma = await InviteAsync(admin, wedding, await AddAsync(admin, wedding, Household()), new InvitationRequest(sangeet.Id, 4, null), new InvitationRequest(pheras.Id, 4, null));
        var mehta = await InviteAsync(admin, wedding, await AddAsync(admin, wedding, Household(name: "Mehta family", side: GuestSide.Groom,
            members: [Member("Anil Mehta", diet: Diet.NonVeg), Member("Baby Mehta", AgeGroup.Infant)])), new InvitationRequest(sangeet.Id, 3, null));
        var bose = await InviteAsync(admin, wedding, await AddAsync(admin, wedding, Household(name: "Bose family", side: GuestSide.Both, members: [Member("Ria Bose")])),
            new InvitationRequest(sangeet.Id, 2, null));
        var m = sharma.Members;
        (await AnswerAsync(admin, wedding, sharma, sangeet, new RsvpRequest([new(m[0].Id, RsvpAnswer.Attending), new(m[1].Id, RsvpAnswer.Attending), new(m[2].Id, RsvpAnswer.Attending),
            new(m[3].Id, RsvpAnswer.Declined)], null))).EnsureSuccessStatusCode();
        (await AnswerAsync(admin, wedding, mehta, sangeet, new RsvpRequest(null, 2))).EnsureSuccessStatusCode();
        (await AnswerAsync(admin, wedding, bose, sangeet, new RsvpRequest(null, 0))).EnsureSuccessStatusCode();

        var counts = await admin.GetAsync<HeadcountsResponse>($"/api/v1/weddings/{wedding.Id}/headcounts");
        Assert.Equal((3, 7), (counts.Households, counts.Guests));
        Assert.Equal(["Sangeet", "Pheras"], counts.Events.Select(e => e.Name));
        var s = counts.Events[0];
        Assert.Equal((3, 9, 5, 4, 0), (s.Households, s.Invited, s.Attending, s.Declined, s.Pending));
        Assert.Equal(new Dictionary<string, int> { ["not-known"] = 3, ["jain"] = 1, ["veg"] = 1 }, s.ByDiet.ToDictionary(g => g.Key, g => g.Attending));
        Assert.Equal(new Dictionary<string, int> { ["bride"] = 3, ["groom"] = 2 }, s.BySide.ToDictionary(g => g.Key, g => g.Attending));
        Assert.Equal(new Dictionary<string, int> { ["adult"] = 2, ["child"] = 1, ["not-known"] = 2 }, s.ByAgeGroup.ToDictionary(g => g.Key, g => g.Attending));
        var p = counts.Events[1];
        Assert.Equal((1, 4, 0, 0, 4), (p.Households, p.Invited, p.Attending, p.Declined, p.Pending));
        Assert.Empty(p.ByDiet);
    }

    [Fact]
    public async Task Who_sees_and_changes_the_list_follows_the_wedding_and_the_couple_never_sees_the_notes()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var coordinator = await studio.AddMemberAsync(Role.Coordinator, admin);
        var outsider = await studio.AddMemberAsync(Role.Coordinator, admin);
        var couple = await studio.AddMemberAsync(Role.Client, admin);
        var wedding = await (await admin.PostJsonAsync("/api/v1/weddings", new WeddingRequest("Seen", "Bride", "Groom", new DateOnly(2027, 2, 14), "Jaipur",
            WeddingStatus.Booked, null, 200, null, [new(coordinator.Id, TeamRole.Coordinator), new(couple.Id, TeamRole.Client)]))).ReadAsync<WeddingResponse>(HttpStatusCode.Created);
        var household = await AddAsync(admin, wedding, Household());
        var url = $"{Households(wedding)}/{household.Id}";

        // The coordinator on the team sees names, contact and the studio's notes, and changes nothing.
        var seen = await coordinator.Client.GetAsync<HouseholdResponse>(url);
        Assert.Equal(("+919876543210", "Needs a ground-floor room."), (seen.Phone, seen.Notes));
        await (await coordinator.Client.PutJsonAsync(url, Household(), "\"1\"")).ProblemAsync(HttpStatusCode.Forbidden);

        // The couple sees their list without the notes, and their edits keep the notes they never saw.
        var theirs = await couple.Client.GetAsync<HouseholdResponse>(url);
        Assert.Null(theirs.Notes);
        var edited = await (await couple.Client.PutJsonAsync(url, Household(name: "Sharma parivar", notes: null), "\"1\"")).ReadAsync<HouseholdResponse>();
        Assert.Equal(("Sharma parivar", null), (edited.DisplayName, edited.Notes));
        Assert.Equal("Needs a ground-floor room.", (await admin.GetAsync<HouseholdResponse>(url)).Notes);
        Assert.All((await couple.Client.GetAsync<PagedResponse<HouseholdResponse>>(Households(wedding))).Items, h => Assert.Null(h.Notes));

        // Not on the team, another wedding's path, another studio: 404, and nothing said about what exists.
        await (await outsider.Client.GetAsync(url, Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await outsider.Client.GetAsync(Households(wedding), Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await outsider.Client.GetAsync($"/api/v1/weddings/{wedding.Id}/headcounts", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        var other = await admin.CreateWeddingAsync("Other");
        await (await admin.GetAsync($"{Households(other)}/{household.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PutJsonAsync($"{Households(other)}/{household.Id}", Household(), "\"2\"")).ProblemAsync(HttpStatusCode.NotFound);
        var otherStudio = await NewStudioAsync();
        using var otherAdmin = await otherStudio.AdminAsync();
        await (await otherAdmin.GetAsync(url, Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await otherAdmin.PostJsonAsync(Households(wedding), Household())).ProblemAsync(HttpStatusCode.NotFound);
        await (await otherAdmin.DeleteAsync(url, Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Single((await admin.GetAsync<PagedResponse<HouseholdResponse>>(Households(wedding))).Items);
    }

    [Fact]
    public async Task Deleting_a_household_deletes_its_guests_invitations_and_history_and_tells_the_wedding_page()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var wedding = await admin.CreateWeddingAsync("Forgotten");
        var haldi = await AddEventAsync(admin, wedding, "Haldi", 12);
        var token = (await studio.LoginAsync(studio.AdminEmail)).AccessToken;
        await using var listener = await RealtimeListener.ConnectAsync(Server.Factory, studio.Slug, token);
        await listener.JoinAsync(wedding.Id);

        var household = await InviteAsync(admin, wedding, await AddAsync(admin, wedding, Household()), new InvitationRequest(haldi.Id, 4, null));
        (await AnswerAsync(admin, wedding, household, haldi, new RsvpRequest(null, 2))).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{Households(wedding)}/{household.Id}", Cancel)).StatusCode);

        var changes = new List<string>();
        while (changes.Count < 4)
        {
            var change = await listener.NextChangeAsync();
            if (change.WeddingId == wedding.Id && change.Change == WeddingChange.GuestsChanged)
            {
                changes.Add(change.Change);
            }
        }
        await using var db = await TenantDatabase.OpenAsync(Server, studio);
        Assert.Equal((0, 0, 0, 0), (await db.Set<Household>().CountAsync(Cancel), await db.Set<Guest>().CountAsync(Cancel),
            await db.Set<Invitation>().CountAsync(Cancel), await db.Set<RsvpChange>().CountAsync(Cancel)));
        var audit = await admin.GetAsync<PagedResponse<AuditEntryResponse>>($"/api/v1/audit?entityId={household.Id}");
        Assert.DoesNotContain(audit.Items, e => (e.Details ?? "").Contains("Sharma", StringComparison.Ordinal) || (e.Details ?? "").Contains("98765", StringComparison.Ordinal));
    }

    private static byte[] GuestFile(string name) => File.ReadAllBytes(Path.Combine(PublishTests.RepositoryRoot(), "tests", "data", "guests", name));

    private static MultipartFormDataContent GuestFileForm(string name, string? mapping = null, string? similar = null)
    {
        var form = new MultipartFormDataContent();
        if (mapping is not null)
        {
            form.Add(new StringContent(mapping), "mapping");
        }
        if (similar is not null)
        {
            form.Add(new StringContent(similar), "similar");
        }
        form.Add(new ByteArrayContent(GuestFile(name)), "file", name);
        return form;
    }

    [Fact]
    public async Task A_family_workbook_is_previewed_imported_in_one_save_and_importing_it_again_adds_nothing()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var wedding = await admin.CreateWeddingAsync("Imported");
        var url = $"/api/v1/weddings/{wedding.Id}/guest-imports";

        var preview = await (await admin.PostAsync(url + "/preview", GuestFileForm("family-workbook.xlsx"), Cancel)).ReadAsync<System.Text.Json.Nodes.JsonObject>();
        Assert.Equal((12, 0, 0), ((int)preview["new"]!, (int)preview["same"]!, (int)preview["similar"]!));
        Assert.Equal("spreadsheet", (string?)preview["mapping"]!["format"]);
        Assert.Empty((await admin.GetAsync<PagedResponse<HouseholdResponse>>(Households(wedding))).Items);

        // The planner's mapping, sent back unchanged, imports what the preview showed.
        var imported = await ImportAsync(admin, wedding, GuestFileForm("family-workbook.xlsx", preview["mapping"]!.ToJsonString()));
        Assert.Equal((GuestImportStatus.Done, (int)preview["rows"]!), (imported.Status, imported.RowsDone));
        Assert.Equal((12, 0, 0), (imported.Result!.Added, imported.Result.Merged, imported.Result.Unchanged));
        var list = await admin.GetAsync<PagedResponse<HouseholdResponse>>($"{Households(wedding)}?pageSize=100");
        Assert.Equal(12, list.TotalCount);
        var sharma = list.Items.Single(h => h.DisplayName == "Sharma family");
        Assert.Equal(["Rahul Sharma", "Priya Sharma"], sharma.Members.Select(m => m.Name));
        Assert.Contains("Sharma side", sharma.Tags);
        Assert.All(list.Items.Where(h => h.Phone is not null), h => Assert.Matches(@"^\+[1-9]\d{7,14}$", h.Phone!));
        Assert.Single((await admin.GetAsync<PagedResponse<HouseholdResponse>>($"{Households(wedding)}?q=" + Uri.EscapeDataString("राहुल"))).Items);
        // Two unnamed places with the same host are two members, each "guest of Mausi" (not "guest of Guest of Mausi").
        var mausi = list.Items.Single(h => h.Members.Any(m => m.Name == "Mausi ji"));
        Assert.Equal([("Mausi ji", null), (null, "Mausi"), (null, "Mausi")], mausi.Members.Select(m => (m.Name, m.GuestOf)));

        var again = (await ImportAsync(admin, wedding, GuestFileForm("family-workbook.xlsx"))).Result!;
        Assert.Equal((0, 0, 12), (again.Added, again.Merged, again.Unchanged));
        Assert.Equal(12, (await admin.GetAsync<PagedResponse<HouseholdResponse>>(Households(wedding))).TotalCount);
        Assert.Equal(3, (await admin.GetAsync<HouseholdResponse>($"{Households(wedding)}/{mausi.Id}")).Members.Count);
    }

    [Fact]
    public async Task A_Zola_RSVP_export_after_its_guest_list_brings_the_answers_to_the_weddings_events()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var wedding = await admin.CreateWeddingAsync("Zola");
        var sangeet = await AddEventAsync(admin, wedding, "Sangeet", 12);
        var ceremony = await AddEventAsync(admin, wedding, "Wedding Ceremony", 13);
        var url = $"/api/v1/weddings/{wedding.Id}/guest-imports";
        Assert.Equal(GuestImportStatus.Done, (await ImportAsync(admin, wedding, GuestFileForm("zola-guest-list.csv"))).Status);

        var preview = await (await admin.PostAsync(url + "/preview", GuestFileForm("zola-rsvp.csv"), Cancel)).ReadAsync<System.Text.Json.Nodes.JsonObject>();
        Assert.Equal(["Welcome Dinner", "Reception"], preview["unknownEvents"]!.AsArray().Select(e => (string)e!));
        var answered = (await ImportAsync(admin, wedding, GuestFileForm("zola-rsvp.csv"))).Result!;
        Assert.Equal(0, answered.Added);
        Assert.True(answered.Answers >= 4);

        var miller = (await admin.GetAsync<PagedResponse<HouseholdResponse>>($"{Households(wedding)}?q=miller")).Items.Single();
        var atSangeet = miller.Invitations.Single(i => i.EventId == sangeet.Id);
        Assert.Equal((RsvpAnswer.Attending, 1), (atSangeet.Answer, atSangeet.Attending));
        Assert.Equal(4, miller.Invitations.Single(i => i.EventId == ceremony.Id).Attending);
        var history = await admin.GetAsync<List<RsvpChangeResponse>>($"{Households(wedding)}/{miller.Id}/history");
        Assert.All(history, h => Assert.Equal(RsvpSource.Import, h.Source));
        var counts = await admin.GetAsync<HeadcountsResponse>($"/api/v1/weddings/{wedding.Id}/headcounts");
        Assert.True(counts.Events.Single(e => e.EventId == ceremony.Id).Attending >= 4);
    }

    private static string Imports(WeddingResponse wedding) => $"/api/v1/weddings/{wedding.Id}/guest-imports";

    /// <summary>Sends an import (202 with its status at Location) and waits for its job to finish.</summary>
    private static async Task<GuestImportResponse> ImportAsync(HttpClient client, WeddingResponse wedding, MultipartFormDataContent form)
    {
        var response = await client.PostAsync(Imports(wedding), form, Cancel);
        var queued = await response.ReadAsync<GuestImportResponse>(HttpStatusCode.Accepted);
        Assert.Equal($"{Imports(wedding)}/{queued.Id}", response.Headers.Location?.OriginalString);
        Assert.True(queued.Status is GuestImportStatus.Queued or GuestImportStatus.Running or GuestImportStatus.Done, $"{queued.Status}");
        return await FinishedAsync(client, wedding, queued.Id);
    }

    private static async Task<GuestImportResponse> FinishedAsync(HttpClient client, WeddingResponse wedding, Guid importId)
    {
        // The shared test server's workers run every test's jobs: under CI's load an import can wait its turn for a while.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(120))
        {
            var import = await client.GetAsync<GuestImportResponse>($"{Imports(wedding)}/{importId}");
            if (import.Status is GuestImportStatus.Done or GuestImportStatus.Failed)
            {
                return import;
            }
            await Task.Delay(100, Cancel);
        }
        throw new TimeoutException($"Import {importId} did not finish in {waited.Elapsed.TotalSeconds:0} s.");
    }

    [Fact]
    public async Task Two_imports_of_one_file_at_once_add_the_list_once_and_a_second_run_of_the_job_adds_nothing()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var wedding = await admin.CreateWeddingAsync("Twice");

        var both = await Task.WhenAll(ImportAsync(admin, wedding, GuestFileForm("family-workbook.xlsx")), ImportAsync(admin, wedding, GuestFileForm("family-workbook.xlsx")));
        Assert.All(both, import => Assert.Equal((GuestImportStatus.Done, import.RowsTotal, null), (import.Status, import.RowsDone, import.Error)));
        Assert.Equal([0, 12], both.Select(i => i.Result!.Added).Order());
        Assert.Equal([0, 12], both.Select(i => i.Result!.Unchanged).Order());
        Assert.Equal(12, (await admin.GetAsync<PagedResponse<HouseholdResponse>>(Households(wedding))).TotalCount);

        // As after a worker presumed dead: the job runs again for an import it finished.
        await using (var scope = Server.Services.CreateAsyncScope())
        {
            var tenant = await scope.ServiceProvider.GetRequiredService<TenantDirectory>().FindBySlugAsync(studio.Slug, Cancel);
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant!);
            await ActivatorUtilities.CreateInstance<GuestImportJob>(scope.ServiceProvider).RunAsync(both[0].Id, Cancel);
        }
        var rerun = await admin.GetAsync<GuestImportResponse>($"{Imports(wedding)}/{both[0].Id}");
        Assert.Equal((both[0].Status, both[0].Result!.Added, both[0].FinishedAt), (rerun.Status, rerun.Result!.Added, rerun.FinishedAt));
        Assert.Equal(12, (await admin.GetAsync<PagedResponse<HouseholdResponse>>(Households(wedding))).TotalCount);
        await using var db = await TenantDatabase.OpenAsync(Server, studio);
        Assert.All(await db.Set<GuestImport>().ToListAsync(Cancel), import => Assert.Equal((null, null), (import.Content, import.ImportingWeddingId)));

        // Queued again by someone who can no longer sign in by the time it runs: it fails saying why, imports nothing, and its file goes.
        var gone = await studio.AddMemberAsync(Role.Planner, admin);
        (await admin.PostAsync($"/api/v1/users/{gone.Id}/disable", null, Cancel)).EnsureSuccessStatusCode();
        await db.Set<GuestImport>().Where(i => i.Id == both[1].Id).ExecuteUpdateAsync(set => set.SetProperty(i => i.Status, GuestImportStatus.Queued)
            .SetProperty(i => i.Content, GuestFile("family-workbook.xlsx")), Cancel);
        await ActivatorUtilities.CreateInstance<TenantJobRunner<GuestImportJob, Guid>>(Server.Services).RunAsync(studio.TenantId, gone.Id, both[1].Id, Cancel);
        var refused = await admin.GetAsync<GuestImportResponse>($"{Imports(wedding)}/{both[1].Id}");
        Assert.Equal((GuestImportStatus.Failed, "Not imported: the person who started it can no longer sign in. Import the file again if it should still go in."),
            (refused.Status, refused.Error));
        Assert.Null(await db.Set<GuestImport>().Where(i => i.Id == both[1].Id).Select(i => i.Content).SingleAsync(Cancel));
        Assert.Equal(12, (await admin.GetAsync<PagedResponse<HouseholdResponse>>(Households(wedding))).TotalCount);

        // Only those who manage the list see an import, and only through its own wedding.
        var coordinator = await studio.AddMemberAsync(Role.Coordinator, admin);
        await (await coordinator.Client.GetAsync($"{Imports(wedding)}/{both[0].Id}", Cancel)).ProblemAsync(HttpStatusCode.Forbidden);
        var otherWedding = await admin.CreateWeddingAsync("Another");
        await (await admin.GetAsync($"{Imports(otherWedding)}/{both[0].Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        var otherStudio = await NewStudioAsync();
        using var otherAdmin = await otherStudio.AdminAsync();
        await (await otherAdmin.GetAsync($"{Imports(wedding)}/{both[0].Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Each_similar_household_gets_the_planners_choice_and_the_rest_the_default()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var wedding = await admin.CreateWeddingAsync("Alike");
        await AddAsync(admin, wedding, Household(name: "Verma family", phone: "98765 00001", members: [Member("Anil Verma")]));
        await AddAsync(admin, wedding, Household(name: "Gupta family", phone: "98765 00002", members: [Member("Sunil Gupta")]));
        await AddAsync(admin, wedding, Household(name: "Jain family", phone: "98765 00003", members: [Member("Mahesh Jain")]));
        static MultipartFormDataContent Form(string? choices = null)
        {
            var form = new MultipartFormDataContent
            {
                { new ByteArrayContent("Family,Name,Mobile\nVerma family,Anita Verma,98765 00001\nGupta family,Sanjay Gupta,98765 00002\nJain family,Ritu Jain,98765 00003\nRao family,Asha Rao,98765 00004\n"u8.ToArray()), "file", "alike.csv" },
                { new StringContent("skip"), "similar" },
            };
            if (choices is not null)
            {
                form.Add(new StringContent(choices), "choices");
            }
            return form;
        }

        var preview = await (await admin.PostAsync(Imports(wedding) + "/preview", Form(), Cancel)).ReadAsync<GuestImportPreview>();
        Assert.Equal((4, 4, 1, 3), (preview.Households, preview.Guests, preview.New, preview.Similar));
        Assert.Equal([("", 2, "Verma family"), ("", 3, "Gupta family"), ("", 4, "Jain family")],
            preview.SimilarHouseholds.Select(h => (h.Sheet, h.Row, h.ExistingDisplayName)));
        Assert.Equal(["Anita Verma"], preview.SimilarHouseholds[0].Members);
        Assert.Equal(["Verma family", "Gupta family", "Jain family"], preview.Samples.Single(c => c.Column == 0).Values);

        var choices = System.Text.Json.JsonSerializer.Serialize(new[] { new SimilarHouseholdChoice("", 2, SimilarChoice.Merge), new SimilarHouseholdChoice("", 3, SimilarChoice.Create) }, Api.Json);
        var imported = (await ImportAsync(admin, wedding, Form(choices))).Result!;
        Assert.Equal((2, 1, 1), (imported.Added, imported.Merged, imported.Skipped));
        var list = (await admin.GetAsync<PagedResponse<HouseholdResponse>>($"{Households(wedding)}?pageSize=100")).Items;
        Assert.Equal(["Anil Verma", "Anita Verma"], list.Single(h => h.DisplayName == "Verma family").Members.Select(m => m.Name));
        Assert.Equal(2, list.Count(h => h.DisplayName == "Gupta family"));
        Assert.Equal(["Mahesh Jain"], list.Single(h => h.DisplayName == "Jain family").Members.Select(m => m.Name));
        Assert.Equal(["choices"], (await (await admin.PostAsync(Imports(wedding), Form("[{\"sheet\":\"\",\"row\":2,\"choice\":\"maybe\"}]"), Cancel))
            .ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
    }

    [Fact]
    public async Task An_import_that_fails_says_why_and_leaves_the_list_as_it_was()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var wedding = await admin.CreateWeddingAsync("Full");
        await using (var db = await TenantDatabase.OpenAsync(Server, studio))
        {
            db.Set<Household>().AddRange(Enumerable.Range(0, GuestService.MaxHouseholdsPerWedding - 5).Select(i => new Household { WeddingId = wedding.Id, DisplayName = $"Family {i}" }));
            await db.SaveChangesAsync(Cancel);
        }

        var failed = await ImportAsync(admin, wedding, GuestFileForm("family-workbook.xlsx"));
        Assert.Equal((GuestImportStatus.Failed, null), (failed.Status, failed.Result));
        Assert.Contains("at most 5,000 households", failed.Error, StringComparison.Ordinal);
        Assert.NotNull(failed.FinishedAt);
        Assert.Equal(GuestService.MaxHouseholdsPerWedding - 5, (await admin.GetAsync<PagedResponse<HouseholdResponse>>(Households(wedding))).TotalCount);
        await using var check = await TenantDatabase.OpenAsync(Server, studio);
        Assert.Null((await check.Set<GuestImport>().SingleAsync(Cancel)).Content);
    }

    [Fact]
    public async Task A_broken_or_foreign_import_gets_a_clear_error_and_changes_nothing()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var wedding = await admin.CreateWeddingAsync("Refused");
        var url = $"/api/v1/weddings/{wedding.Id}/guest-imports";

        await (await admin.PostJsonAsync(url, new { file = "guests.csv" })).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(["file"], (await (await admin.PostAsync(url, new MultipartFormDataContent { { new StringContent("skip"), "similar" } }, Cancel))
            .ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        var pdf = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.7\n%âãÏÓ\n1 0 obj"u8.ToArray()), "file", "guests.xlsx" } };
        Assert.Equal(["file"], (await (await admin.PostAsync(url, pdf, Cancel)).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        Assert.Equal(["mapping"], (await (await admin.PostAsync(url, GuestFileForm("family-workbook.xlsx", mapping: "{not json"), Cancel))
            .ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        Assert.Equal(["similar"], (await (await admin.PostAsync(url, GuestFileForm("family-workbook.xlsx", similar: "maybe"), Cancel))
            .ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        var huge = new MultipartFormDataContent { { new ByteArrayContent(new byte[11 * 1024 * 1024]), "file", "guests.csv" } };
        Assert.True((await admin.PostAsync(url, huge, Cancel)).StatusCode is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest);
        Assert.Equal(0, (await admin.GetAsync<PagedResponse<HouseholdResponse>>(Households(wedding))).TotalCount);

        var otherStudio = await NewStudioAsync();
        using var otherAdmin = await otherStudio.AdminAsync();
        await (await otherAdmin.PostAsync(url, GuestFileForm("family-workbook.xlsx"), Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await otherAdmin.PostAsync(url + "/preview", GuestFileForm("family-workbook.xlsx"), Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await admin.GetAsync<PagedResponse<HouseholdResponse>>(Households(wedding))).TotalCount);
    }

    [Fact]
    public async Task The_export_is_read_back_by_a_spreadsheet_reader_with_every_guest_and_a_sheet_per_event()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var wedding = await admin.CreateWeddingAsync("Exported");
        var sangeet = await AddEventAsync(admin, wedding, "Sangeet: night/two", 12);
        // Two events of one name (a haldi at each family's home) get a column and a sheet each.
        await AddEventAsync(admin, wedding, "Haldi", 10);
        await AddEventAsync(admin, wedding, "haldi", 11);
        var sharma = await InviteAsync(admin, wedding, await AddAsync(admin, wedding, Household()), new InvitationRequest(sangeet.Id, 4, null));
        (await AnswerAsync(admin, wedding, sharma, sangeet, new RsvpRequest(null, 3))).EnsureSuccessStatusCode();
        await AddAsync(admin, wedding, Household(name: "=HYPERLINK(\"http://evil\")", members: [Member("+1 Sneaky", phone: "98765 11111")]));
        var url = $"/api/v1/weddings/{wedding.Id}/guest-export";

        var xlsx = await admin.GetAsync(url, Cancel);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        using var workbook = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Cancel));
        Assert.Equal(["Guests", "Haldi", "haldi 2", "Sangeet  night two"], MiniExcelLibs.MiniExcel.GetSheetNames(workbook));
        var guestRows = MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "Guests").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(5, guestRows.Count);
        Assert.Contains("haldi 2", guestRows[0].Keys);
        var sunita = guestRows.Single(r => (string?)r["Name"] == "सुनीता शर्मा");
        Assert.Equal(("Sharma family", "jain", "+919876543210", "Coming: 3 of 4", "Needs a ground-floor room."),
            ((string?)sunita["Household"], (string?)sunita["Food"], (string?)sunita["Phone"], (string?)sunita["Sangeet: night/two"], (string?)sunita["Notes"]));
        var perEvent = MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "Sangeet  night two").Cast<IDictionary<string, object?>>().Single();
        Assert.Equal(("Sharma family", "Coming", 3.0), ((string?)perEvent["Household"], (string?)perEvent["Answer"], Convert.ToDouble(perEvent["Coming"], System.Globalization.CultureInfo.InvariantCulture)));

        var csv = await admin.GetAsync(url + "?format=csv", Cancel);
        var bytes = await csv.Content.ReadAsByteArrayAsync(Cancel);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        Assert.Contains("सुनीता शर्मा", text, StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\")\"", text, StringComparison.Ordinal);
        Assert.Contains(",'+1 Sneaky,", text, StringComparison.Ordinal);
        Assert.DoesNotContain(",=", text, StringComparison.Ordinal);
        await (await admin.GetAsync(url + "?format=pdf", Cancel)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(url + "?format=", Cancel)).StatusCode);

        var audit = await admin.GetAsync<PagedResponse<AuditEntryResponse>>($"/api/v1/audit?entityId={wedding.Id}");
        Assert.Equal(3, audit.Items.Count(e => e.Action == "guests.exported"));
        var otherStudio = await NewStudioAsync();
        using var otherAdmin = await otherStudio.AdminAsync();
        await (await otherAdmin.GetAsync(url, Cancel)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_caterer_s_sheet_holds_the_headcounts_numbers_and_allergies_by_name_and_never_a_phone_or_e_mail()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var coordinator = await studio.AddMemberAsync(Role.Coordinator, admin);
        var outsider = await studio.AddMemberAsync(Role.Coordinator, admin);
        var wedding = await (await admin.PostJsonAsync("/api/v1/weddings", new WeddingRequest("Meera & Kabir", "Meera", "Kabir", new DateOnly(2027, 2, 14), "Jaipur",
            WeddingStatus.Booked, null, 200, null, [new(coordinator.Id, TeamRole.Coordinator)]))).ReadAsync<WeddingResponse>(HttpStatusCode.Created);
        var sangeet = await AddEventAsync(admin, wedding, "संगीत Night", 13);
        var pheras = await AddEventAsync(admin, wedding, "Pheras", 14);
        var sharma = await InviteAsync(admin, wedding, await AddAsync(admin, wedding, Household(members:
            [new(null, "सुनीता शर्मा", "Sunita Sharma", null, null, Diet.Jain, "मूंगफली (peanuts)", "98765 22222", "sunita@example.com", null),
                Member("Rahul Sharma", diet: Diet.Veg), Member("Anya", AgeGroup.Child), Member(null, guestOf: "Rahul Sharma")])),
            new InvitationRequest(sangeet.Id, 4, null), new InvitationRequest(pheras.Id, 4, null));
        var mehta = await InviteAsync(admin, wedding, await AddAsync(admin, wedding, Household(name: "Mehta family", side: GuestSide.Groom,
            members: [Member("Anil Mehta", diet: Diet.NonVeg), Member("Baby Mehta", AgeGroup.Infant)])), new InvitationRequest(sangeet.Id, 3, null));
        await InviteAsync(admin, wedding, await AddAsync(admin, wedding, Household(name: "Bose family", side: GuestSide.Both,
            members: [new(null, "Ria Bose", null, null, null, Diet.Vegan, "Gluten", null, null, null)])), new InvitationRequest(sangeet.Id, 2, null));
        var m = sharma.Members;
        (await AnswerAsync(admin, wedding, sharma, sangeet, new RsvpRequest([new(m[0].Id, RsvpAnswer.Attending), new(m[1].Id, RsvpAnswer.Attending), new(m[2].Id, RsvpAnswer.Attending),
            new(m[3].Id, RsvpAnswer.Declined)], null))).EnsureSuccessStatusCode();
        (await AnswerAsync(admin, wedding, mehta, sangeet, new RsvpRequest(null, 2))).EnsureSuccessStatusCode();
        var counts = (await admin.GetAsync<HeadcountsResponse>($"/api/v1/weddings/{wedding.Id}/headcounts")).Events.ToDictionary(e => e.Name);
        var url = $"/api/v1/weddings/{wedding.Id}/caterer-sheet";

        // The PDF, read back by poppler: the event, its date, the studio, the counts, the allergies with their names in Devanagari.
        var pdfResponse = await coordinator.Client.GetAsync($"{url}?eventId={sangeet.Id}", Cancel);
        Assert.Equal((HttpStatusCode.OK, "application/pdf"), (pdfResponse.StatusCode, pdfResponse.Content.Headers.ContentType?.MediaType));
        Assert.Equal("caterer-sheet-2027-02-13.pdf", pdfResponse.Content.Headers.ContentDisposition?.FileName);
        var text = await PdfTools.RunAsync("pdftotext", await pdfResponse.Content.ReadAsByteArrayAsync(Cancel));
        foreach (var expected in new[] { "Caterer's sheet — संगीत Night", "Meera & Kabir · Shaadi Studio", "Saturday, 13 Feb 2027, 19:00 – 23:00", "Venue: not set",
            $"Coming: {counts["संगीत Night"].Attending} places", $"Up to {counts["संगीत Night"].Pending} places more may come", "सुनीता शर्मा", "मूंगफली (peanuts)", "Ria Bose",
            "Gluten", "May come" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
        Assert.Matches(@"made \d{1,2} \w{3} \d{4}, \d\d:\d\d \(Asia/Kolkata\)", text);
        foreach (var personal in new[] { "98765", "+91", "@example.com", "Jaipur" })
        {
            Assert.DoesNotContain(personal, text, StringComparison.Ordinal);
        }

        // The workbook for every event, read back by MiniExcel: a column per event with the headcounts' numbers, and the allergies.
        var xlsx = await admin.GetAsync($"{url}?format=xlsx", Cancel);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var workbook = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Cancel));
        Assert.Equal(["Headcount", "Allergies"], MiniExcelLibs.MiniExcel.GetSheetNames(workbook));
        var rows = MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "Headcount").Cast<IDictionary<string, object?>>()
            .ToDictionary(r => (string)r["What"]!);
        Assert.Equal(["What", "संगीत Night", "Pheras"], rows["Studio"].Keys);
        int Number(string what, string e) => Convert.ToInt32(rows[what][e], System.Globalization.CultureInfo.InvariantCulture);
        int Group(IReadOnlyList<HeadcountGroup> groups, string key) => groups.FirstOrDefault(g => g.Key == key)?.Attending ?? 0;
        (string Row, string Key)[] foods = [("Veg", "veg"), ("Jain", "jain"), ("Eggetarian", "eggetarian"), ("Non-veg", "non-veg"), ("Vegan", "vegan"), ("Food not stated", "not-known")];
        (string Row, string Key)[] ages = [("Adults", "adult"), ("Children", "child"), ("Infants", "infant"), ("Age not stated", "not-known")];
        foreach (var (name, count) in counts)
        {
            Assert.Equal(count.Attending, Number("Coming (places)", name));
            Assert.Equal(count.Pending, Number("Up to this many more may come (not answered yet)", name));
            Assert.Equal(foods.Select(f => Group(count.ByDiet, f.Key)), foods.Select(f => Number(f.Row, name)));
            Assert.Equal(ages.Select(a => Group(count.ByAgeGroup, a.Key)), ages.Select(a => Number(a.Row, name)));
        }
        Assert.Equal((5, 2, 4), (counts["संगीत Night"].Attending, counts["संगीत Night"].Pending, counts["Pheras"].Pending));
        Assert.Equal(("Shaadi Studio", "Saturday, 13 Feb 2027, 19:00 – 23:00"), ((string?)rows["Studio"]["संगीत Night"], (string?)rows["When"]["संगीत Night"]));
        var allergies = MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "Allergies").Cast<IDictionary<string, object?>>()
            .Select(r => ((string?)r["Event"], (string?)r["Guest"], (string?)r["Household"], (string?)r["Food"], (string?)r["Allergies"], (string?)r["Coming"])).ToList();
        Assert.Equal([("संगीत Night", "Ria Bose", "Bose family", "Vegan", "Gluten", "May come"), ("संगीत Night", "सुनीता शर्मा", "Sharma family", "Jain", "मूंगफली (peanuts)", "Coming"),
            ("Pheras", "सुनीता शर्मा", "Sharma family", "Jain", "मूंगफली (peanuts)", "May come")], allergies);

        // Bad input, and what the caller may not see.
        await (await admin.GetAsync($"{url}?format=docx", Cancel)).ProblemAsync(HttpStatusCode.BadRequest);
        var other = await admin.CreateWeddingAsync("Other");
        await (await admin.GetAsync($"/api/v1/weddings/{other.Id}/caterer-sheet?eventId={sangeet.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await outsider.Client.GetAsync(url, Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        var otherStudio = await NewStudioAsync();
        using var otherAdmin = await otherStudio.AdminAsync();
        await (await otherAdmin.GetAsync(url, Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        var audit = await admin.GetAsync<PagedResponse<AuditEntryResponse>>($"/api/v1/audit?entityId={wedding.Id}");
        Assert.Equal(2, audit.Items.Count(e => e.Action == "guests.caterer-sheet"));
    }

    [Fact]
    public async Task Thirty_days_after_a_wedding_its_guests_contacts_travel_allergies_and_links_are_erased_and_names_and_answers_stay()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        async Task<(WeddingResponse Wedding, HouseholdResponse Household)> WeddingAsync(string title, DateOnly primary, DateOnly lastEvent)
        {
            var wedding = await admin.CreateWeddingAsync(title, primary);
            var party = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/events", new EventRequest(EventType.Reception, "Reception",
                lastEvent.ToDateTime(new TimeOnly(19, 0)), lastEvent.ToDateTime(new TimeOnly(23, 0)), null, null, null, null, null, null, null)))
                .ReadAsync<EventResponse>(HttpStatusCode.Created);
            var household = await AddAsync(admin, wedding, Household(members: [new GuestRequest(null, "Sunita Sharma", null, "Smt", AgeGroup.Adult, Diet.Jain, "Peanuts",
                "98111 22233", "sunita@example.com", null), Member(null, guestOf: "Sunita")]) with { Travel = new TravelPlan(lastEvent.AddDays(-1).ToDateTime(new TimeOnly(9, 0)), "12952 Rajdhani", null, null) });
            household = await InviteAsync(admin, wedding, household, new InvitationRequest(party.Id, 2, null));
            (await AnswerAsync(admin, wedding, household, party, new RsvpRequest(null, 2))).EnsureSuccessStatusCode();
            (await admin.PostAsync($"{Households(wedding)}/{household.Id}/rsvp-link", null, Cancel)).EnsureSuccessStatusCode();
            return (wedding, household);
        }
        var over = await WeddingAsync("Over", today.AddDays(-60), today.AddDays(-45));
        var recent = await WeddingAsync("Sangeet last week", today.AddDays(-60), today.AddDays(-10));
        var coming = await WeddingAsync("Coming", today.AddDays(30), today.AddDays(31));

        // What the daily duties run for this studio.
        async Task RunAsync() => await ActivatorUtilities.CreateInstance<TenantJobRunner<DailyDutyJob, string>>(Server.Services)
            .RunAsync(studio.TenantId, null, typeof(GuestContactRetention).FullName!, Cancel);
        await RunAsync();

        var erased = await admin.GetAsync<HouseholdResponse>($"{Households(over.Wedding)}/{over.Household.Id}");
        Assert.Equal((null, null, null, null, null), (erased.Phone, erased.Email, erased.City, erased.State, erased.Travel));
        Assert.All(erased.Members, m => Assert.Equal((null, null, null), (m.Phone, m.Email, m.Allergies)));
        Assert.Equal([("Sunita Sharma", Diet.Jain), (null, null)], erased.Members.Select(m => (m.Name, m.Diet)));
        Assert.Equal("Sunita", erased.Members[1].GuestOf);
        Assert.Equal((RsvpAnswer.Attending, 2), (erased.Invitations.Single().Answer, erased.Invitations.Single().Attending));
        Assert.Equal("Needs a ground-floor room.", erased.Notes);
        foreach (var kept in new[] { recent, coming })
        {
            var household = await admin.GetAsync<HouseholdResponse>($"{Households(kept.Wedding)}/{kept.Household.Id}");
            Assert.Equal(("+919876543210", "sharma@example.com", "Jaipur", "12952 Rajdhani"), (household.Phone, household.Email, household.City, household.Travel?.ArrivalBy));
            Assert.Equal(("+919811122233", "Peanuts"), (household.Members[0].Phone, household.Members[0].Allergies));
        }
        await using (var db = await TenantDatabase.OpenAsync(Server, studio))
        {
            var links = await db.Set<Household>().Select(h => new { h.WeddingId, h.RsvpTokenHash }).ToListAsync(Cancel);
            Assert.Null(links.Single(h => h.WeddingId == over.Wedding.Id).RsvpTokenHash);
            Assert.All(links.Where(h => h.WeddingId != over.Wedding.Id), h => Assert.NotNull(h.RsvpTokenHash));
        }

        // A second run (the next day) finds nothing more to do; the erasure is in the audit log, without the data it erased.
        await RunAsync();
        var audit = (await admin.GetAsync<PagedResponse<AuditEntryResponse>>("/api/v1/audit?pageSize=100")).Items.Where(e => e.Action == "guest.contacts-erased").ToList();
        Assert.Equal([over.Wedding.Id], audit.Select(e => e.EntityId));
        Assert.DoesNotContain("98111", audit.Single().Details ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void The_daily_duties_are_scheduled_for_03_00_in_India()
    {
        using var connection = Server.Services.GetRequiredService<Hangfire.JobStorage>().GetConnection();
        var duties = Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection).Single(job => job.Id == DailyDuties.RecurringJobId);
        Assert.Equal(("30 21 * * *", typeof(DailyDutyScheduler)), (duties.Cron, duties.Job.Type));
    }

    [Fact]
    public async Task Deleting_a_wedding_deletes_its_guest_list_and_leaves_other_weddings_lists_alone()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var deleted = await admin.CreateWeddingAsync("Called off");
        var kept = await admin.CreateWeddingAsync("Still on");
        var haldi = await AddEventAsync(admin, deleted, "Haldi", 12);
        var household = await InviteAsync(admin, deleted, await AddAsync(admin, deleted, Household()), new InvitationRequest(haldi.Id, 4, null));
        (await AnswerAsync(admin, deleted, household, haldi, new RsvpRequest(null, 2))).EnsureSuccessStatusCode();
        var other = await AddAsync(admin, kept, Household(name: "Verma family"));

        (await admin.DeleteAsync($"/api/v1/weddings/{deleted.Id}", Cancel)).EnsureSuccessStatusCode();

        await using var db = await TenantDatabase.OpenAsync(Server, studio);
        Assert.Equal([other.Id], await db.Set<Household>().Select(h => h.Id).ToListAsync(Cancel));
        Assert.Equal(other.Members.Select(m => m.Id).Order(), (await db.Set<Guest>().Select(g => g.Id).ToListAsync(Cancel)).Order());
        Assert.Equal((0, 0), (await db.Set<Invitation>().CountAsync(Cancel), await db.Set<RsvpChange>().CountAsync(Cancel)));
    }
}

public sealed class GuestTestsOnSqlite(SqliteServer server) : GuestTests(server);

public sealed class GuestTestsOnPostgres(PostgresServer server) : GuestTests(server);
