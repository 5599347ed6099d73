using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using WedTech.Contracts;
using WedTech.Server.Platform.Persistence;
using WedTech.Server.Tenancy;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

public abstract class ProvisioningTests(TestServer server) : ProviderTests(server)
{
    [Fact]
    public async Task Many_studios_signing_up_at_once_on_a_node_that_has_just_started_all_get_their_studio()
    {
        // A fresh node has no template database yet: the first signup builds it while the others wait. Waiting signups
        // must not hold the connections the builder needs (tests run with 4 connections a database).
        var fresh = Server.Another();
        await fresh.InitializeAsync();
        try
        {
            var signups = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Studio.CreateAsync(fresh)));
            signups.Select(s => s.Slug).Distinct().Count().ShouldBe(10);
            foreach (var studio in signups.Take(3))
            {
                using var admin = await studio.AdminAsync();
                (await admin.GetAsync<PagedResponse<WeddingSummaryResponse>>("/api/v1/weddings")).TotalCount.ShouldBe(0);
            }
        }
        finally
        {
            await fresh.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("ab", "3 to 40")]
    [InlineData("a-very-long-studio-name-that-goes-past-forty", "3 to 40")]
    [InlineData("Upper", "lowercase")]
    [InlineData("-lead", "lowercase")]
    [InlineData("trail-", "lowercase")]
    [InlineData("dou--ble", "lowercase")]
    [InlineData("spa ce", "lowercase")]
    [InlineData("ünï", "lowercase")]
    [InlineData("www", "reserved")]
    [InlineData("admin", "reserved")]
    [InlineData("api", "reserved")]
    public async Task Slugs_that_break_the_rules_are_refused_with_a_reason(string slug, string reason)
    {
        using var client = AnonymousClient();
        var problem = await (await client.PostJsonAsync("/api/v1/tenants", Studio.SignupRequest(slug))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(reason, string.Join(" ", problem.Errors!["slug"]), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(await Server.Services.GetRequiredService<TenantOperations>().ListAsync(Cancel), t => t.Slug == slug);
    }

    [Fact]
    public async Task A_taken_slug_and_bad_signup_fields_are_refused()
    {
        var studio = await NewStudioAsync();
        using var client = AnonymousClient();
        var taken = await (await client.PostJsonAsync("/api/v1/tenants", Studio.SignupRequest(studio.Slug, "someone-else@example.com"))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("taken", taken.Errors!["slug"][0], StringComparison.Ordinal);

        var bad = await (await client.PostJsonAsync("/api/v1/tenants", new { companyName = "", slug = Studio.NewSlug(), adminName = "A", adminEmail = "not-an-email", adminPassword = "short", plan = "gold" }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("plan", bad.Errors!.Keys);
        var badFields = await (await client.PostJsonAsync("/api/v1/tenants", new { companyName = "", slug = Studio.NewSlug(), adminName = "A", adminEmail = "not-an-email", adminPassword = "short", plan = "starter" }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["adminEmail", "adminPassword", "companyName"], badFields.Errors!.Keys.Order(StringComparer.Ordinal));

        var spaced = Studio.SignupRequest(Studio.NewSlug()) with { AdminEmail = "sp ace@example.com" };
        Assert.Contains("adminEmail", (await (await client.PostJsonAsync("/api/v1/tenants", spaced)).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        var nul = Studio.SignupRequest(Studio.NewSlug()) with { CompanyName = "Nul\u0000 Studio" };
        Assert.Contains("companyName", (await (await client.PostJsonAsync("/api/v1/tenants", nul)).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        var blank = Studio.SignupRequest(Studio.NewSlug()) with { CompanyName = "  a  " };
        Assert.Contains("companyName", (await (await client.PostJsonAsync("/api/v1/tenants", blank)).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        var tenants = await Server.Services.GetRequiredService<TenantOperations>().ListAsync(Cancel);
        Assert.DoesNotContain(tenants, t => t.Slug == spaced.Slug || t.Slug == nul.Slug || t.Slug == blank.Slug);
    }

    [Fact]
    public async Task Signup_creates_a_working_studio_with_its_own_database_settings_and_welcome_email()
    {
        var studio = await NewStudioAsync();
        var welcome = await Mailbox.LatestToAsync(Server.MailDirectory, studio.AdminEmail);
        Assert.Equal("Welcome to WedTech, Shaadi Studio", welcome.Subject);
        Assert.Contains($"http://{studio.Slug}.localhost", welcome.TextBody, StringComparison.Ordinal);

        using var admin = await studio.AdminAsync();
        var me = await admin.GetAsync<MeResponse>("/api/v1/me");
        Assert.Equal((Role.Admin, studio.TenantId, studio.Slug, "Asha Admin"), (me.Role, me.TenantId, me.TenantSlug, me.Name));
        var settings = await admin.GetAsync<TenantSettingsResponse>("/api/v1/settings");
        Assert.Equal(("Shaadi Studio", "Asia/Kolkata", "INR"), (settings.CompanyName, settings.TimeZone, settings.Currency));

        var tenant = (await Server.Services.GetRequiredService<TenantOperations>().ListAsync(Cancel)).Single(t => t.Slug == studio.Slug);
        Assert.Equal((TenantStatus.Active, TenantPlan.Professional), (tenant.Status, tenant.Plan));
        Assert.Equal(Server.Services.GetRequiredService<TenantSchema>().LatestMigration, tenant.SchemaVersion);
    }

    [Fact]
    public async Task A_signup_that_crashes_midway_is_never_served_and_the_same_signup_finishes_it()
    {
        var slug = Studio.NewSlug("crash");
        var request = Studio.SignupRequest(slug);
        using var client = AnonymousClient();

        var crashed = await client.PostJsonAsync("/api/v1/tenants", request);
        await crashed.ProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(crashed.Headers.RetryAfter);

        using var tenantClient = AnonymousClient();
        tenantClient.DefaultRequestHeaders.Add("X-Tenant", slug);
        var notYet = await tenantClient.PostJsonAsync("/api/v1/auth/login", new LoginRequest(request.AdminEmail, request.AdminPassword));
        await notYet.ProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(notYet.Headers.RetryAfter);

        // Someone else cannot take over the half-made studio with other credentials.
        await (await client.PostJsonAsync("/api/v1/tenants", request with { AdminPassword = "Hijacker-pass-1" })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await client.PostJsonAsync("/api/v1/tenants", request with { AdminEmail = "hijacker@example.com" })).ProblemAsync(HttpStatusCode.BadRequest);

        var finished = await (await client.PostJsonAsync("/api/v1/tenants", request)).ReadAsync<TenantCreatedResponse>(HttpStatusCode.Created);
        Assert.Equal(TenantStatus.Active, finished.Status);
        var tokens = await (await tenantClient.PostJsonAsync("/api/v1/auth/login", new LoginRequest(request.AdminEmail, request.AdminPassword))).ReadAsync<TokenResponse>();
        tenantClient.UseBearer(tokens.AccessToken);
        var users = await tenantClient.GetAsync<PagedResponse<UserResponse>>("/api/v1/users");
        Assert.Equal(request.AdminEmail, Assert.Single(users.Items).Email);

        // Provisioning data is gone from the catalog once active.
        await using var catalog = Server.Services.GetRequiredService<IDatabaseProvider>().CreateCatalogContext();
        var row = await catalog.Tenants.AsNoTracking().SingleAsync(t => t.Slug == slug, Cancel);
        Assert.Null(row.PendingAdminPasswordHash);
    }
}

public sealed class ProvisioningTestsOnSqlite(SqliteServer server) : ProvisioningTests(server);

public sealed class ProvisioningTestsOnPostgres(PostgresServer server) : ProvisioningTests(server);
