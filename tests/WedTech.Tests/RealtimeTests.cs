using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using WedTech.Contracts;
using WedTech.Server.Identity;
using WedTech.Server.Realtime;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

/// <summary>
/// The realtime hub over the in-memory server, on WebSockets (tenant from the host, token in the query, as a browser
/// connects) and on long polling (X-Tenant and bearer headers, as an API client connects). On PostgreSQL the server
/// runs with the Redis backplane, so every message there goes through Redis.
/// </summary>
public abstract class RealtimeTests(TestServer server) : ProviderTests(server)
{
    private static WeddingRequest Wedding(string title, IReadOnlyList<TeamAssignment>? team = null) =>
        new(title, "Bride", "Groom", new DateOnly(2027, 12, 1), "Pune", WeddingStatus.Booked, 10_00_000_00, 200, null, team);

    [Fact]
    public async Task An_update_reaches_staff_and_the_team_members_who_follow_the_wedding_and_no_one_else()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var planner = await studio.AddMemberAsync(Role.Planner, admin);
        var coordinator = await studio.AddMemberAsync(Role.Coordinator, admin);
        var otherCoordinator = await studio.AddMemberAsync(Role.Coordinator, admin);
        var wedding = await CreateAsync(admin, Wedding("Followed", [new(coordinator.Id, TeamRole.Coordinator)]));
        var control = await CreateAsync(admin, Wedding("Control", [new(otherCoordinator.Id, TeamRole.Coordinator)]));

        await using var plannerLink = await RealtimeListener.ConnectAsync(Server.Factory, studio.Slug, planner.Tokens.AccessToken);
        await using var coordinatorLink = await RealtimeListener.ConnectAsync(Server.Factory, studio.Slug, coordinator.Tokens.AccessToken, HttpTransportType.LongPolling);
        await using var otherLink = await RealtimeListener.ConnectAsync(Server.Factory, studio.Slug, otherCoordinator.Tokens.AccessToken);
        plannerLink.Session.ShouldBe(new RealtimeSession(FollowsAllWeddings: true));
        coordinatorLink.Session.ShouldBe(new RealtimeSession(FollowsAllWeddings: false));
        await plannerLink.JoinAsync(wedding.Id);
        await coordinatorLink.JoinAsync(wedding.Id);
        await otherLink.JoinAsync(control.Id);

        await UpdateAsync(admin, wedding, Wedding("Followed, renamed", [new(coordinator.Id, TeamRole.Coordinator)]));
        var expected = new WeddingChangedMessage(wedding.Id, WeddingChange.Updated, 2);
        (await plannerLink.NextChangeAsync()).ShouldBe(expected);
        (await coordinatorLink.NextChangeAsync()).ShouldBe(expected);
        // Only ids (of the wedding, and of the event and item when one changed), kind and version travel; the rest is fetched through the API.
        await UpdateAsync(admin, wedding, Wedding("Third title", [new(coordinator.Id, TeamRole.Coordinator)]), version: 2);
        (await coordinatorLink.NextRawChangeAsync()).EnumerateObject().Select(p => p.Name).Order().ShouldBe(["change", "eventId", "itemId", "version", "weddingId"]);
        // The planner sees every wedding (staff group) and joined this one too, yet gets each change once.
        (await plannerLink.NextChangeAsync()).ShouldBe(expected with { Version = 3 });

        // The coordinator who is not on the team heard nothing of it: the first thing they hear is their own wedding's change.
        await UpdateAsync(admin, control, Wedding("Control, renamed", [new(otherCoordinator.Id, TeamRole.Coordinator)]));
        (await otherLink.NextChangeAsync()).ShouldBe(new WeddingChangedMessage(control.Id, WeddingChange.Updated, 2));
        otherLink.HasMoreChanges.ShouldBeFalse();
    }

    [Fact]
    public async Task A_client_of_another_studio_never_receives_its_events()
    {
        var studioA = await NewStudioAsync();
        var studioB = await NewStudioAsync();
        using var adminA = await studioA.AdminAsync();
        using var adminB = await studioB.AdminAsync();
        var plannerA = await studioA.AddMemberAsync(Role.Planner, adminA);
        var coupleA = await studioA.AddMemberAsync(Role.Client, adminA);
        var coupleB = await studioB.AddMemberAsync(Role.Client, adminB);
        var weddingB = await CreateAsync(adminB, Wedding("B's couple", [new(coupleB.Id, TeamRole.Client)]));

        // Tenant B's client follows everything it can; tenant B's admin hears every wedding of B.
        await using var coupleBLink = await RealtimeListener.ConnectAsync(Server.Factory, studioB.Slug, coupleB.Tokens.AccessToken);
        await using var adminBLink = await RealtimeListener.ConnectAsync(Server.Factory, studioB.Slug, (await studioB.LoginAsync(studioB.AdminEmail)).AccessToken,
            HttpTransportType.LongPolling);
        coupleBLink.Session.ShouldBe(new RealtimeSession(FollowsAllWeddings: false));
        await coupleBLink.JoinAsync(weddingB.Id);
        await using var plannerALink = await RealtimeListener.ConnectAsync(Server.Factory, studioA.Slug, plannerA.Tokens.AccessToken);

        // Everything tenant A can produce: a new wedding, an update, a team change, a delete, a notification.
        var weddingA = await CreateAsync(adminA, Wedding("A's couple"));
        await UpdateAsync(adminA, weddingA, Wedding("A's couple, renamed"));
        await UpdateAsync(adminA, weddingA, Wedding("A's couple, renamed", [new(coupleA.Id, TeamRole.Client)]), version: 2);
        (await adminA.DeleteAsync($"/api/v1/weddings/{weddingA.Id}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var publisher = Server.Services.GetRequiredService<IRealtimePublisher>();
        await publisher.NotificationAsync(studioA.TenantId, plannerA.Id, new { text = "for tenant A" }, Cancel);

        // They happened: tenant A's planner heard all four changes, in order.
        (await plannerALink.NextChangeAsync()).ShouldBe(new WeddingChangedMessage(weddingA.Id, WeddingChange.Created, 1));
        (await plannerALink.NextChangeAsync()).ShouldBe(new WeddingChangedMessage(weddingA.Id, WeddingChange.Updated, 2));
        (await plannerALink.NextChangeAsync()).ShouldBe(new WeddingChangedMessage(weddingA.Id, WeddingChange.TeamChanged, 3));
        (await plannerALink.NextChangeAsync()).ShouldBe(new WeddingChangedMessage(weddingA.Id, WeddingChange.Deleted, 4));
        (await plannerALink.NextNotificationAsync()).GetProperty("text").GetString().ShouldBe("for tenant A");

        // Tenant B's people heard none of it: the first thing they hear is tenant B's own change, made afterwards.
        await UpdateAsync(adminB, weddingB, Wedding("B's couple, renamed", [new(coupleB.Id, TeamRole.Client)]));
        var controlB = new WeddingChangedMessage(weddingB.Id, WeddingChange.Updated, 2);
        (await coupleBLink.NextChangeAsync()).ShouldBe(controlB);
        (await adminBLink.NextChangeAsync()).ShouldBe(controlB);
        coupleBLink.HasMoreChanges.ShouldBeFalse();
        adminBLink.HasMoreChanges.ShouldBeFalse();
        coupleBLink.HasNotifications.ShouldBeFalse();
        adminBLink.HasNotifications.ShouldBeFalse();

        // Nor can they follow tenant A's weddings by id.
        var refused = await Should.ThrowAsync<HubException>(() => coupleBLink.JoinAsync(weddingA.Id));
        refused.Message.ShouldContain("You cannot follow this wedding");
        await Should.ThrowAsync<HubException>(() => adminBLink.JoinAsync(weddingA.Id));
    }

    [Fact]
    public async Task Following_a_wedding_the_caller_may_not_see_is_refused()
    {
        var studio = await NewStudioAsync();
        var other = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        using var otherAdmin = await other.AdminAsync();
        var coordinator = await studio.AddMemberAsync(Role.Coordinator, admin);
        var couple = await studio.AddMemberAsync(Role.Client, admin);
        var assigned = await CreateAsync(admin, Wedding("Assigned", [new(coordinator.Id, TeamRole.Coordinator), new(couple.Id, TeamRole.Client)]));
        var unassigned = await CreateAsync(admin, Wedding("Not theirs"));
        var deleted = await CreateAsync(admin, Wedding("Deleted", [new(coordinator.Id, TeamRole.Coordinator)]));
        (await admin.DeleteAsync($"/api/v1/weddings/{deleted.Id}", Cancel)).EnsureSuccessStatusCode();
        var otherStudios = await CreateAsync(otherAdmin, Wedding("Another studio's"));

        await using var coordinatorLink = await RealtimeListener.ConnectAsync(Server.Factory, studio.Slug, coordinator.Tokens.AccessToken);
        await using var coupleLink = await RealtimeListener.ConnectAsync(Server.Factory, studio.Slug, couple.Tokens.AccessToken, HttpTransportType.LongPolling);
        await using var adminLink = await RealtimeListener.ConnectAsync(Server.Factory, studio.Slug, (await studio.LoginAsync(studio.AdminEmail)).AccessToken);
        foreach (var id in new[] { unassigned.Id, deleted.Id, otherStudios.Id, Guid.CreateVersion7() })
        {
            (await Should.ThrowAsync<HubException>(() => coordinatorLink.JoinAsync(id))).Message.ShouldContain("You cannot follow this wedding");
            await Should.ThrowAsync<HubException>(() => coupleLink.JoinAsync(id));
        }
        // Staff who see every wedding of their studio still cannot follow another studio's, or one that does not exist.
        await Should.ThrowAsync<HubException>(() => adminLink.JoinAsync(otherStudios.Id));
        await Should.ThrowAsync<HubException>(() => adminLink.JoinAsync(deleted.Id));

        // The refusals leave the connections usable: their own wedding they may follow, and they hear it.
        await coordinatorLink.JoinAsync(assigned.Id);
        await coupleLink.JoinAsync(assigned.Id);
        await UpdateAsync(admin, unassigned, Wedding("Not theirs, renamed"));
        await UpdateAsync(admin, assigned, Wedding("Assigned, renamed", [new(coordinator.Id, TeamRole.Coordinator), new(couple.Id, TeamRole.Client)]));
        (await coordinatorLink.NextChangeAsync()).WeddingId.ShouldBe(assigned.Id);
        (await coupleLink.NextChangeAsync()).WeddingId.ShouldBe(assigned.Id);

        // A disabled person's open connection may not follow anything more.
        (await admin.PostAsync($"/api/v1/users/{coordinator.Id}/disable", null, Cancel)).EnsureSuccessStatusCode();
        (await Should.ThrowAsync<HubException>(() => coordinatorLink.JoinAsync(assigned.Id))).Message.ShouldContain("session has ended");
    }

    [Fact]
    public async Task Connecting_without_a_valid_session_for_the_studio_is_refused()
    {
        var studio = await NewStudioAsync();
        var other = await NewStudioAsync();
        var token = (await studio.LoginAsync(studio.AdminEmail)).AccessToken;

        foreach (var transport in new[] { HttpTransportType.WebSockets, HttpTransportType.LongPolling })
        {
            foreach (var (slug, accessToken) in new[] { (studio.Slug, (string?)null), (studio.Slug, "not-a-token"), (other.Slug, token) })
            {
                var refused = await Should.ThrowAsync<HttpRequestException>(() => RealtimeListener.ConnectAsync(Server.Factory, slug, accessToken, transport));
                refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            }
            // An unknown studio is refused before anything else.
            (await Should.ThrowAsync<HttpRequestException>(() => RealtimeListener.ConnectAsync(Server.Factory, "no-such-studio", token, transport)))
                .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        // Straight to the WebSocket, skipping negotiation, as a browser may: the same refusals.
        await Should.ThrowAsync<InvalidOperationException>(() => RealtimeListener.ConnectAsync(Server.Factory, studio.Slug, null, HttpTransportType.WebSockets, skipNegotiation: true));
        await Should.ThrowAsync<InvalidOperationException>(() => RealtimeListener.ConnectAsync(Server.Factory, other.Slug, token, HttpTransportType.WebSockets, skipNegotiation: true));
        await using (await RealtimeListener.ConnectAsync(Server.Factory, studio.Slug, token, HttpTransportType.WebSockets, skipNegotiation: true))
        {
        }

        // The browser app's session cookie: negotiation is a POST, so it needs the CSRF header; the WebSocket is a GET.
        await using (await RealtimeListener.ConnectAsync(Server.Factory, studio.Slug, accessToken: null, sessionCookie: token))
        {
        }
        (await Should.ThrowAsync<HttpRequestException>(() => RealtimeListener.ConnectAsync(Server.Factory, studio.Slug, accessToken: null, sessionCookie: token, csrfHeader: false)))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // The query-string token is for the hub only; the API wants the header.
        using var anonymous = studio.Anonymous();
        (await anonymous.GetAsync($"/api/v1/me?access_token={token}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task People_added_to_or_removed_from_a_team_hear_of_it_without_following_the_wedding()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var coordinator = await studio.AddMemberAsync(Role.Coordinator, admin);
        var couple = await studio.AddMemberAsync(Role.Client, admin);
        await using var coordinatorLink = await RealtimeListener.ConnectAsync(Server.Factory, studio.Slug, coordinator.Tokens.AccessToken);
        await using var coupleLink = await RealtimeListener.ConnectAsync(Server.Factory, studio.Slug, couple.Tokens.AccessToken, HttpTransportType.LongPolling);

        var wedding = await CreateAsync(admin, Wedding("New", [new(coordinator.Id, TeamRole.Coordinator)]));
        (await coordinatorLink.NextChangeAsync()).ShouldBe(new WeddingChangedMessage(wedding.Id, WeddingChange.Created, 1));

        // The couple is added and the coordinator removed: both are told, and only the couple may now follow it.
        await UpdateAsync(admin, wedding, Wedding("New", [new(couple.Id, TeamRole.Client)]));
        var teamChanged = new WeddingChangedMessage(wedding.Id, WeddingChange.TeamChanged, 2);
        (await coordinatorLink.NextChangeAsync()).ShouldBe(teamChanged);
        (await coupleLink.NextChangeAsync()).ShouldBe(teamChanged);
        await Should.ThrowAsync<HubException>(() => coordinatorLink.JoinAsync(wedding.Id));
        await coupleLink.JoinAsync(wedding.Id);
    }

    [Fact]
    public async Task A_notification_reaches_every_connection_of_its_person_and_no_one_else()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var planner = await studio.AddMemberAsync(Role.Planner, admin);
        var colleague = await studio.AddMemberAsync(Role.Planner, admin);
        await using var phone = await RealtimeListener.ConnectAsync(Server.Factory, studio.Slug, planner.Tokens.AccessToken);
        await using var laptop = await RealtimeListener.ConnectAsync(Server.Factory, studio.Slug, planner.Tokens.AccessToken, HttpTransportType.LongPolling);
        await using var colleagueLink = await RealtimeListener.ConnectAsync(Server.Factory, studio.Slug, colleague.Tokens.AccessToken);

        // Through the outbox: an in-app message is stored, then pushed live by the job that delivers it.
        (await admin.PostJsonAsync("/api/v1/messages", new SendMessageRequest(MessageChannel.InApp, planner.Id.ToString(), null, "announcement", "en",
            new Dictionary<string, string> { ["title"] = "RSVP from Sharma family", ["text"] = "Four guests are coming." }, null))).EnsureSuccessStatusCode();
        (await phone.NextNotificationAsync()).GetProperty("title").GetString().ShouldBe("RSVP from Sharma family");
        (await laptop.NextNotificationAsync()).GetProperty("title").GetString().ShouldBe("RSVP from Sharma family");
        var publisher = Server.Services.GetRequiredService<IRealtimePublisher>();

        await publisher.NotificationAsync(studio.TenantId, colleague.Id, new { text = "for the colleague" }, Cancel);
        (await colleagueLink.NextNotificationAsync()).GetProperty("text").GetString().ShouldBe("for the colleague");
        phone.HasNotifications.ShouldBeFalse();
        laptop.HasNotifications.ShouldBeFalse();
    }

    [Fact]
    public async Task Two_server_nodes_sharing_a_Redis_deliver_to_each_others_clients()
    {
        var redis = ExternalServers.Require(ExternalServers.Redis, "Redis (WEDTECH_TEST_REDIS)");
        // Both nodes on this server's databases and signing key, and on one Redis under a channel prefix of their own.
        var backplane = new Dictionary<string, string?> { ["Redis:Connection"] = redis, ["Realtime:ChannelPrefix"] = $"wedtech-test-{Guid.NewGuid():N}" };
        // The studio exists before the nodes start: they run jobs from the shared queue, and a job can load a
        // node's studio directory (kept 30 s) before a later signup on the main server, which has no Redis to tell them.
        var studio = await NewStudioAsync();
        await using var first = Server.Sibling(backplane);
        await using var second = Server.Sibling(backplane);
        await first.InitializeAsync();
        await second.InitializeAsync();
        var (node1, node2) = (first.Factory, second.Factory);

        using var admin = await studio.AdminAsync();
        var planner = await studio.AddMemberAsync(Role.Planner, admin);
        var coordinator = await studio.AddMemberAsync(Role.Coordinator, admin);
        var wedding = await CreateAsync(admin, Wedding("Across nodes", [new(coordinator.Id, TeamRole.Coordinator)]));

        await using var plannerOnNode1 = await RealtimeListener.ConnectAsync(node1, studio.Slug, planner.Tokens.AccessToken);
        await using var coordinatorOnNode1 = await RealtimeListener.ConnectAsync(node1, studio.Slug, coordinator.Tokens.AccessToken, HttpTransportType.LongPolling);
        await coordinatorOnNode1.JoinAsync(wedding.Id);

        using var adminOnNode2 = node2.CreateClient();
        adminOnNode2.DefaultRequestHeaders.Add("X-Tenant", studio.Slug);
        adminOnNode2.UseBearer((await studio.LoginAsync(studio.AdminEmail)).AccessToken);
        await UpdateAsync(adminOnNode2, wedding, Wedding("Across nodes, renamed", [new(coordinator.Id, TeamRole.Coordinator)]));

        var expected = new WeddingChangedMessage(wedding.Id, WeddingChange.Updated, 2);
        (await plannerOnNode1.NextChangeAsync()).ShouldBe(expected);
        (await coordinatorOnNode1.NextChangeAsync()).ShouldBe(expected);

        // And a notification published on node 2 reaches the planner on node 1.
        await node2.Services.GetRequiredService<IRealtimePublisher>().NotificationAsync(studio.TenantId, planner.Id, new { text = "from node 2" }, Cancel);
        (await plannerOnNode1.NextNotificationAsync()).GetProperty("text").GetString().ShouldBe("from node 2");
    }

    private static async Task<WeddingResponse> CreateAsync(HttpClient client, WeddingRequest request) =>
        await (await client.PostJsonAsync("/api/v1/weddings", request)).ReadAsync<WeddingResponse>(HttpStatusCode.Created);

    private static async Task UpdateAsync(HttpClient client, WeddingResponse wedding, WeddingRequest request, long version = 1) =>
        await (await client.PutJsonAsync($"/api/v1/weddings/{wedding.Id}", request, $"\"{version}\"")).ReadAsync<WeddingResponse>();
}

public sealed class RealtimeTestsOnSqlite(SqliteServer server) : RealtimeTests(server);

public sealed class RealtimeTestsOnPostgres(PostgresServer server) : RealtimeTests(server);
