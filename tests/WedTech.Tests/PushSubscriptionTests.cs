using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using Shouldly;
using WedTech.Contracts;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

public abstract class PushSubscriptionTests(TestServer server) : ProviderTests(server)
{
    private const string Url = "/api/v1/push/subscriptions";

    private static PushSubscriptionRequest Request(PushSubscriber device) => new(device.Endpoint, new(device.P256dh, device.Auth));

    private static string Delete(string endpoint) => $"{Url}?endpoint={Uri.EscapeDataString(endpoint)}";

    [Fact]
    public async Task The_public_key_is_a_p256_key_for_signed_in_people_only()
    {
        var studio = await NewStudioAsync();
        var member = await studio.AddMemberAsync(Role.Client);
        var key = (await member.Client.GetAsync<PushPublicKeyResponse>("/api/v1/push/public-key")).PublicKey;
        var bytes = Base64Url.DecodeFromChars(key);
        bytes.Length.ShouldBe(65);
        bytes[0].ShouldBe((byte)0x04);
        // One key for the server, kept across requests (browsers subscribed with it).
        using var admin = await studio.AdminAsync();
        (await admin.GetAsync<PushPublicKeyResponse>("/api/v1/push/public-key")).PublicKey.ShouldBe(key);

        using var anonymous = studio.Anonymous();
        (await anonymous.GetAsync("/api/v1/push/public-key", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.PostJsonAsync(Url, Request(FakeProviders.Instance.NewPushSubscriber()))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_browser_registers_once_and_registering_again_refreshes_its_keys()
    {
        var studio = await NewStudioAsync();
        var member = await studio.AddMemberAsync(Role.Coordinator);
        var device = FakeProviders.Instance.NewPushSubscriber();
        var created = await (await member.Client.PostJsonAsync(Url, Request(device))).ReadAsync<PushSubscriptionResponse>(HttpStatusCode.Created);
        created.Endpoint.ShouldBe(device.Endpoint);
        created.Id.Version.ShouldBe(7);
        created.LastUsedAt.ShouldBeNull();

        var renewed = FakeProviders.Instance.NewPushSubscriber();
        var again = await (await member.Client.PostJsonAsync(Url, new PushSubscriptionRequest(device.Endpoint, new(renewed.P256dh, renewed.Auth))))
            .ReadAsync<PushSubscriptionResponse>();
        again.Id.ShouldBe(created.Id);
        again.CreatedAt.ShouldBe(created.CreatedAt, TimeSpan.FromMilliseconds(1));

        // Endpoints of the real push services, as Chrome and Firefox give them.
        foreach (var endpoint in new[] { "https://fcm.googleapis.com/fcm/send/", "https://updates.push.services.mozilla.com/wpush/v2/" })
        {
            (await member.Client.PostJsonAsync(Url, new PushSubscriptionRequest(endpoint + Guid.NewGuid().ToString("N"), new(device.P256dh, device.Auth))))
                .StatusCode.ShouldBe(HttpStatusCode.Created);
        }
    }

    public static TheoryData<string, string, string, string> Invalid()
    {
        var good = FakeProviders.Instance.NewPushSubscriber();
        var offCurve = new byte[65];
        offCurve[0] = 0x04;
        offCurve[64] = 1;
        return new()
        {
            { "endpoint", "https://evil.example/push/abc", good.P256dh, good.Auth },
            { "endpoint", "http://fcm.googleapis.com/fcm/send/abc", good.P256dh, good.Auth },
            { "endpoint", "http://10.0.0.5/push/abc", good.P256dh, good.Auth },
            { "endpoint", "https://user:secret@fcm.googleapis.com/fcm/send/abc", good.P256dh, good.Auth },
            { "endpoint", "/push/relative", good.P256dh, good.Auth },
            { "endpoint", "https://fcm.googleapis.com/fcm/send/" + new string('a', 2048), good.P256dh, good.Auth },
            { "endpoint", "", good.P256dh, good.Auth },
            { "keys.p256dh", good.Endpoint, Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(33)), good.Auth },
            { "keys.p256dh", good.Endpoint, Base64Url.EncodeToString(offCurve), good.Auth },
            { "keys.p256dh", good.Endpoint, "not base64url!", good.Auth },
            { "keys.auth", good.Endpoint, good.P256dh, Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(8)) },
            { "keys.auth", good.Endpoint, good.P256dh, "" },
        };
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task A_subscription_is_checked_field_by_field(string field, string endpoint, string p256dh, string auth)
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var problem = await (await admin.PostJsonAsync(Url, new PushSubscriptionRequest(endpoint, new(p256dh, auth)))).ProblemAsync(HttpStatusCode.BadRequest);
        problem.Errors!.Keys.ShouldBe([field]);
    }

    [Fact]
    public async Task A_subscription_without_keys_or_body_is_a_400()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        // As PushSubscription.toJSON() writes it, without its keys.
        using var noKeys = new StringContent("{\"endpoint\":\"https://fcm.googleapis.com/fcm/send/abc\",\"expirationTime\":null}", System.Text.Encoding.UTF8, "application/json");
        (await (await admin.PostAsync(Url, noKeys, Cancel)).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.Order(StringComparer.Ordinal)
            .ShouldBe(["keys.auth", "keys.p256dh"]);
        (await admin.DeleteAsync(Url, Cancel)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_browser_belongs_to_whoever_registered_it_last_and_only_they_can_take_it_off()
    {
        var studio = await NewStudioAsync();
        var first = await studio.AddMemberAsync(Role.Planner);
        var second = await studio.AddMemberAsync(Role.Coordinator);
        var device = FakeProviders.Instance.NewPushSubscriber();
        var created = await (await first.Client.PostJsonAsync(Url, Request(device))).ReadAsync<PushSubscriptionResponse>(HttpStatusCode.Created);
        // The same browser after the second person signed in there.
        (await (await second.Client.PostJsonAsync(Url, Request(device))).ReadAsync<PushSubscriptionResponse>()).Id.ShouldBe(created.Id);

        await (await first.Client.DeleteAsync(Delete(device.Endpoint), Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        (await second.Client.DeleteAsync(Delete(device.Endpoint), Cancel)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await second.Client.DeleteAsync(Delete(device.Endpoint), Cancel)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Another_studio_never_sees_or_removes_a_subscription()
    {
        var ours = await NewStudioAsync();
        var theirs = await NewStudioAsync();
        using var ourAdmin = await ours.AdminAsync();
        using var theirAdmin = await theirs.AdminAsync();
        var device = FakeProviders.Instance.NewPushSubscriber();
        (await ourAdmin.PostJsonAsync(Url, Request(device))).StatusCode.ShouldBe(HttpStatusCode.Created);

        await (await theirAdmin.DeleteAsync(Delete(device.Endpoint), Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        // Our admin's token is no good at their studio.
        using var crossing = theirs.Anonymous();
        crossing.DefaultRequestHeaders.Authorization = ourAdmin.DefaultRequestHeaders.Authorization;
        (await crossing.DeleteAsync(Delete(device.Endpoint), Cancel)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        (await ourAdmin.DeleteAsync(Delete(device.Endpoint), Cancel)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }
}

public sealed class PushSubscriptionTestsOnSqlite(SqliteServer server) : PushSubscriptionTests(server);

public sealed class PushSubscriptionTestsOnPostgres(PostgresServer server) : PushSubscriptionTests(server);
