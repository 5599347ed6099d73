using System.Net;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WedTech.Contracts;
using WedTech.Server.Identity;
using WedTech.Server.Tenancy;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

/// <summary>Isolation is the first security property: nothing crosses from one studio to another.</summary>
public abstract class TenantIsolationTests(TestServer server) : ProviderTests(server)
{
    private static readonly WeddingRequest Wedding = new("B's wedding", "Bride", "Groom", new DateOnly(2027, 5, 1), "Pune", WeddingStatus.Booked, 100, 10, "private", null);

    private async Task<(Studio A, HttpClient AdminA, Studio B, HttpClient AdminB, WeddingResponse WeddingOfB)> TwoStudiosAsync()
    {
        var a = await NewStudioAsync();
        var b = await NewStudioAsync();
        var adminA = await a.AdminAsync();
        var adminB = await b.AdminAsync();
        var weddingOfB = await (await adminB.PostJsonAsync("/api/v1/weddings", Wedding)).ReadAsync<WeddingResponse>(HttpStatusCode.Created);
        return (a, adminA, b, adminB, weddingOfB);
    }

    [Fact]
    public async Task A_token_of_studio_A_is_refused_on_studio_B_by_header_and_by_host()
    {
        var (a, adminA, b, adminB, weddingOfB) = await TwoStudiosAsync();
        var tokenOfA = (await a.LoginAsync(a.AdminEmail)).AccessToken;

        using var byHeader = b.Anonymous();
        byHeader.UseBearer(tokenOfA);
        await (await byHeader.GetAsync("/api/v1/weddings", Cancel)).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await byHeader.DeleteAsync($"/api/v1/weddings/{weddingOfB.Id}", Cancel)).ProblemAsync(HttpStatusCode.Unauthorized);

        using var byHost = Server.Factory.CreateClient();
        byHost.BaseAddress = new Uri($"http://{b.Slug}.localhost/");
        byHost.UseBearer(tokenOfA);
        await (await byHost.GetAsync($"/api/v1/weddings/{weddingOfB.Id}", Cancel)).ProblemAsync(HttpStatusCode.Unauthorized);

        // The host wins over a header naming another studio.
        byHost.DefaultRequestHeaders.Add("X-Tenant", a.Slug);
        await (await byHost.GetAsync("/api/v1/weddings", Cancel)).ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Equal(weddingOfB.Title, (await adminB.GetAsync<WeddingResponse>($"/api/v1/weddings/{weddingOfB.Id}")).Title);
        adminA.Dispose();
        adminB.Dispose();
    }

    [Fact]
    public async Task A_record_id_of_studio_B_is_not_found_from_studio_A_and_stays_unchanged()
    {
        var (_, adminA, _, adminB, weddingOfB) = await TwoStudiosAsync();

        await (await adminA.GetAsync($"/api/v1/weddings/{weddingOfB.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await adminA.PutJsonAsync($"/api/v1/weddings/{weddingOfB.Id}", Wedding with { Title = "Hijacked" }, "\"1\"")).ProblemAsync(HttpStatusCode.NotFound);
        await (await adminA.DeleteAsync($"/api/v1/weddings/{weddingOfB.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await adminA.GetAsync<PagedResponse<WeddingSummaryResponse>>("/api/v1/weddings")).Items);

        var usersOfB = await adminB.GetAsync<PagedResponse<UserResponse>>("/api/v1/users");
        var adminOfB = usersOfB.Items.Single();
        await (await adminA.PutJsonAsync($"/api/v1/users/{adminOfB.Id}/role", new ChangeRoleRequest(Role.Client))).ProblemAsync(HttpStatusCode.NotFound);
        await (await adminA.PostAsync($"/api/v1/users/{adminOfB.Id}/disable", null, Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        var withB = await (await adminA.PostJsonAsync("/api/v1/weddings", Wedding with { Team = [new(adminOfB.Id, TeamRole.Planner)] })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("team[0].userId", withB.Errors!.Keys);

        var unchanged = await adminB.GetAsync<WeddingResponse>($"/api/v1/weddings/{weddingOfB.Id}");
        Assert.Equal(("B's wedding", 1L), (unchanged.Title, unchanged.Version));
        Assert.Equal(Role.Admin, (await adminB.GetAsync<MeResponse>("/api/v1/me")).Role);
        adminA.Dispose();
        adminB.Dispose();
    }

    [Fact]
    public async Task A_token_with_a_forged_tenant_claim_is_refused()
    {
        var (a, adminA, b, adminB, weddingOfB) = await TwoStudiosAsync();
        var tokenOfA = (await a.LoginAsync(a.AdminEmail)).AccessToken;

        // Edited payload, original signature: the signature no longer matches.
        var parts = tokenOfA.Split('.');
        var payload = System.Text.Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1]))
            .Replace(a.TenantId.ToString(), b.TenantId.ToString(), StringComparison.Ordinal);
        var edited = $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
        using var client = b.Anonymous();
        client.UseBearer(edited);
        await (await client.DeleteAsync($"/api/v1/weddings/{weddingOfB.Id}", Cancel)).ProblemAsync(HttpStatusCode.Unauthorized);

        // Signed with another key, claiming B.
        client.UseBearer(Mint(new SymmetricSecurityKey(new byte[32]), b.TenantId, Guid.CreateVersion7(), "admin"));
        await (await client.GetAsync("/api/v1/weddings", Cancel)).ProblemAsync(HttpStatusCode.Unauthorized);

        // Even correctly signed, a claim of B for a user of A finds no such user in B.
        var userOfA = (await adminA.GetAsync<MeResponse>("/api/v1/me")).Id;
        client.UseBearer(Mint(Server.Services.GetRequiredService<SigningKey>().Key, b.TenantId, userOfA, "admin"));
        await (await client.GetAsync("/api/v1/weddings", Cancel)).ProblemAsync(HttpStatusCode.Unauthorized);

        // Algorithm "none" is never accepted.
        var unsigned = $"{Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{parts[1]}.";
        client.UseBearer(unsigned);
        await (await client.GetAsync("/api/v1/weddings", Cancel)).ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Equal(1, (await adminB.GetAsync<WeddingResponse>($"/api/v1/weddings/{weddingOfB.Id}")).Version);
        adminA.Dispose();
        adminB.Dispose();
    }

    private static string Mint(SecurityKey key, Guid tenantId, Guid userId, string role) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "wedtech",
        Audience = "wedtech-api",
        Expires = DateTime.UtcNow.AddMinutes(5),
        SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        Subject = new ClaimsIdentity([new Claim("sub", userId.ToString()), new Claim("tid", tenantId.ToString()), new Claim("role", role), new Claim("sst", "x")]),
    });

    [Fact]
    public async Task Unknown_suspended_and_malformed_tenants_get_problem_details()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();

        using var unknown = Server.Factory.CreateClient();
        unknown.DefaultRequestHeaders.Add("X-Tenant", "no-such-studio");
        await (await unknown.GetAsync("/api/v1/weddings", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        using var none = Server.Factory.CreateClient();
        await (await none.PostJsonAsync("/api/v1/auth/login", new LoginRequest("a@b.c", "whatever-password"))).ProblemAsync(HttpStatusCode.NotFound);
        using var junk = Server.Factory.CreateClient();
        junk.DefaultRequestHeaders.Add("X-Tenant", "../../etc/passwd");
        await (await junk.GetAsync("/api/v1/weddings", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        using var deepHost = Server.Factory.CreateClient();
        deepHost.BaseAddress = new Uri($"http://x.{studio.Slug}.localhost/");
        await (await deepHost.GetAsync("/api/v1/weddings", Cancel)).ProblemAsync(HttpStatusCode.NotFound);

        var operations = Server.Services.GetRequiredService<TenantOperations>();
        await operations.SetSuspendedAsync(studio.Slug, suspended: true, Cancel);
        await (await admin.GetAsync("/api/v1/weddings", Cancel)).ProblemAsync(HttpStatusCode.Forbidden);
        using (var anonymous = studio.Anonymous())
        {
            await (await anonymous.PostJsonAsync("/api/v1/auth/login", new LoginRequest(studio.AdminEmail, Studio.Password))).ProblemAsync(HttpStatusCode.Forbidden);
        }
        await operations.SetSuspendedAsync(studio.Slug, suspended: false, Cancel);
        (await admin.GetAsync("/api/v1/weddings", Cancel)).EnsureSuccessStatusCode();
    }
}

public sealed class TenantIsolationTestsOnSqlite(SqliteServer server) : TenantIsolationTests(server);

public sealed class TenantIsolationTestsOnPostgres(PostgresServer server) : TenantIsolationTests(server);
