using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WedTech.Contracts;
using WedTech.Server.Platform.Cli;
using WedTech.Server.Tenancy;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

public abstract class PlatformTests(TestServer server) : ProviderTests(server)
{
    /// <summary>
    /// Every service of the product resolves in a studio's scope, without a cycle: one hidden behind a factory registration
    /// (which the container cannot see) hangs the first request that needs it instead of failing at start.
    /// </summary>
    [Fact]
    public async Task Every_service_of_the_product_resolves_in_a_studios_scope_without_a_cycle()
    {
        var studio = await NewStudioAsync();
        var tenant = (await Server.Services.GetRequiredService<TenantDirectory>().FindBySlugAsync(studio.Slug, Cancel))!;
        var ours = Server.Registrations.Where(d => !d.ServiceType.IsGenericTypeDefinition && d.ServiceType.Namespace?.StartsWith("WedTech.", StringComparison.Ordinal) == true)
            .Select(d => d.ServiceType).Distinct().ToList();
        Assert.True(ours.Count > 100, $"Only {ours.Count} services found: the registrations were not captured.");
        var stuck = new List<string>();
        foreach (var type in ours)
        {
            await using var scope = Server.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
            var resolving = Task.Run(() => scope.ServiceProvider.GetServices(type).ToList(), Cancel);
            try
            {
                await resolving.WaitAsync(TimeSpan.FromSeconds(10), Cancel);
            }
            catch (TimeoutException)
            {
                stuck.Add($"{type.Name}: still resolving after 10 s");
            }
            catch (InvalidOperationException cycle) when (cycle.Message.Contains("circular", StringComparison.OrdinalIgnoreCase))
            {
                stuck.Add($"{type.Name}: {cycle.Message}");
            }
        }
        Assert.Empty(stuck);
    }

    [Fact]
    public async Task Health_readiness_and_metrics_are_served()
    {
        using var client = AnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health", Cancel)).StatusCode);
        var ready = JsonDocument.Parse(await client.GetStringAsync("/ready", Cancel)).RootElement;
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("catalog").GetString());
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("tenant-store").GetString());

        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        await admin.GetAsync<PagedResponse<WeddingSummaryResponse>>("/api/v1/weddings");
        await client.SendAsync(new HttpRequestMessage(new HttpMethod("INVENTED"), "/api/v1/me"), Cancel);
        // A request is counted when its middleware unwinds, which can be just after the client has the response.
        var metrics = "";
        string[] expected =
        [
            "http_request_duration_seconds_bucket{method=\"GET\",route=\"/api/v1/weddings/\",status=\"200\"",
            "http_requests_total{method=\"POST\",route=\"/api/v1/auth/login\",status=\"200\"}",
            "database_query_duration_seconds_count{database=\"tenant\"}",
            "method=\"OTHER\"",
        ];
        for (var attempt = 0; attempt < 50 && !expected.All(e => metrics.Contains(e, StringComparison.Ordinal)); attempt++)
        {
            await Task.Delay(attempt == 0 ? 0 : 100, Cancel);
            metrics = await client.GetStringAsync("/metrics", Cancel);
        }
        Assert.All(expected, e => Assert.Contains(e, metrics, StringComparison.Ordinal));
        Assert.DoesNotContain("INVENTED", metrics, StringComparison.Ordinal);
        Assert.Matches(@"active_users_total [1-9]", metrics);
        Assert.Contains("process_cpu_seconds_total", metrics, StringComparison.Ordinal);
        Assert.Matches("tenants_total{status=\"active\"} [1-9]", metrics);
        Assert.Matches("jobs_total{state=\"succeeded\"} [0-9]", metrics);
        Assert.DoesNotContain(studio.Slug, metrics, StringComparison.Ordinal);
    }

    /// <summary>
    /// The API's reads with a bearer token go out compressed to a client that takes it (a board of leads shrinks tenfold);
    /// anonymous reads and every write pass by untouched, so nothing a page of someone else's can make a browser send is compressed.
    /// </summary>
    [Fact]
    public async Task Api_reads_with_a_bearer_token_are_compressed_and_nothing_else_of_the_api_is()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        for (var i = 0; i < 30; i++)
        {
            (await admin.PostJsonAsync("/api/v1/leads", new LeadRequest($"Couple {i}", "Meera Kapoor", $"+91 90000 {i:00000}", null, null, null, [], ["Wedding"], "Jaipur",
                200, BudgetBand.From50LakhTo1Crore, LeadSource.Instagram, "We love palaces.", null, null))).EnsureSuccessStatusCode();
        }
        async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, HttpContent? content = null)
        {
            using var request = new HttpRequestMessage(method, url) { Content = content };
            request.Headers.AcceptEncoding.ParseAdd("br");
            request.Headers.AcceptEncoding.ParseAdd("gzip");
            return await client.SendAsync(request, Cancel);
        }

        var plain = await (await admin.GetAsync("/api/v1/leads/board", Cancel)).Content.ReadAsStringAsync(Cancel);
        var packed = await SendAsync(admin, HttpMethod.Get, "/api/v1/leads/board");
        Assert.Equal(HttpStatusCode.OK, packed.StatusCode);
        Assert.Equal(["br"], packed.Content.Headers.ContentEncoding);
        var bytes = await packed.Content.ReadAsByteArrayAsync(Cancel);
        using (var unpacking = new StreamReader(new System.IO.Compression.BrotliStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress)))
        {
            Assert.Equal(plain, await unpacking.ReadToEndAsync(Cancel));
        }
        Assert.True(bytes.Length * 4 < System.Text.Encoding.UTF8.GetByteCount(plain), $"{bytes.Length} B compressed of {plain.Length} B.");

        var write = await SendAsync(admin, HttpMethod.Post, "/api/v1/leads", JsonContent.Create(options: Api.Json, inputValue: new LeadRequest("One more", "Meera Kapoor", "+91 91111 00000", null, null, null, [],
            ["Wedding"], "Jaipur", 200, BudgetBand.From50LakhTo1Crore, LeadSource.Instagram, null, null, null)));
        Assert.Equal(HttpStatusCode.Created, write.StatusCode);
        Assert.Empty(write.Content.Headers.ContentEncoding);
        using var anonymous = studio.Anonymous();
        var refused = await SendAsync(anonymous, HttpMethod.Get, "/api/v1/leads/board");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Empty(refused.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task The_openapi_document_and_its_browsable_docs_are_served()
    {
        using var client = AnonymousClient();
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", Cancel)).RootElement;
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/tenants", "/api/v1/auth/login", "/api/v1/weddings", "/api/v1/weddings/{id}", "/api/v1/audit", "/api/v1/users/invitations" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} missing from the OpenAPI document");
        }
        var docs = await client.GetAsync("/docs/", Cancel);
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Contains("<html", await docs.Content.ReadAsStringAsync(Cancel), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Logs_never_carry_passwords_or_tokens_and_carry_the_tenant()
    {
        var studio = await NewStudioAsync();
        var tokens = await studio.LoginAsync(studio.AdminEmail);
        using var client = studio.Anonymous();
        await client.PostJsonAsync("/api/v1/auth/login", new LoginRequest(studio.AdminEmail, "Secret-typo-93"));
        await client.PostJsonAsync("/api/v1/auth/refresh", new RefreshRequest(tokens.RefreshToken));
        client.UseBearer(tokens.AccessToken);
        await client.GetAsync("/api/v1/weddings", Cancel);

        var lines = Server.Logs.Lines.ToList();
        Assert.NotEmpty(lines);
        foreach (var secret in new[] { Studio.Password, "Secret-typo-93", tokens.RefreshToken, tokens.AccessToken, tokens.AccessToken.Split('.')[2] })
        {
            Assert.DoesNotContain(lines, line => line.Contains(secret, StringComparison.Ordinal));
        }
        Assert.Contains(lines, line => line.Contains($"TenantSlug={studio.Slug}", StringComparison.Ordinal)
            && line.Contains("TraceId=", StringComparison.Ordinal) && line.Contains("UserId=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_operator_deletes_a_suspended_studio_with_its_database_and_its_files_and_the_name_is_free_again()
    {
        var studio = await NewStudioAsync();
        var admin = await studio.AdminAsync();
        var wedding = await FileTests.CreateWeddingAsync(admin);
        var file = await (await FileTests.UploadAsync(admin, wedding, "%PDF-1.4 contract"u8.ToArray(), "contract.pdf", "application/pdf")).ReadAsync<FileResponse>(HttpStatusCode.Created);
        string key, databaseName;
        await using (var db = await TenantDatabase.OpenAsync(Server, studio))
        {
            key = await db.Set<WedTech.Server.Files.StoredFile>().Where(f => f.Id == file.Id).Select(f => f.StorageKey).SingleAsync(Cancel);
        }
        databaseName = (await Server.Services.GetRequiredService<TenantDirectory>().FindBySlugAsync(studio.Slug, Cancel))!.DatabaseName;
        var storage = Server.Services.GetRequiredService<WedTech.Server.Files.Storage.IFileStorage>();
        await using (var stored = await storage.OpenReadAsync(key, Cancel))
        {
            Assert.NotNull(stored);
        }

        // An active studio is refused: suspending first is the deliberate step.
        var (refused, why) = await RunCliAsync("tenants", "delete", studio.Slug);
        Assert.NotEqual(0, refused);
        Assert.Contains("Suspend", why, StringComparison.Ordinal);
        Assert.True(await DatabaseExistsAsync(databaseName));

        Assert.Equal(0, (await RunCliAsync("tenants", "suspend", studio.Slug)).Code);
        Assert.Equal(0, (await RunCliAsync("tenants", "delete", studio.Slug)).Code);

        Assert.False(await DatabaseExistsAsync(databaseName));
        Assert.Null(await storage.OpenReadAsync(key, Cancel));
        Assert.DoesNotContain(await Server.Services.GetRequiredService<TenantOperations>().ListAsync(Cancel), t => t.Slug == studio.Slug);
        using var client = studio.Anonymous();
        await (await client.PostJsonAsync("/api/v1/auth/login", new LoginRequest(studio.AdminEmail, Studio.Password))).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(2, (await RunCliAsync("tenants", "delete", studio.Slug)).Code);

        // The name is free: a new studio signs up under it, empty.
        var again = await Studio.CreateAsync(Server, studio.Slug);
        var fresh = await again.AdminAsync();
        Assert.Empty((await fresh.GetAsync<PagedResponse<WeddingSummaryResponse>>("/api/v1/weddings")).Items);

        // What every test does with its studios when it ends (ProviderTests).
        var againDatabase = (await Server.Services.GetRequiredService<TenantDirectory>().FindBySlugAsync(again.Slug, Cancel))!.DatabaseName;
        await DeleteStudioAsync(again);
        Assert.False(await DatabaseExistsAsync(againDatabase));
    }

    private async Task<bool> DatabaseExistsAsync(string databaseName)
    {
        if (Server is SqliteServer)
        {
            return File.Exists(Path.Combine(Server.DataDirectory, "tenants", databaseName + ".db"));
        }
        await using var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("WEDTECH_TEST_POSTGRES")) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync(Cancel);
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = databaseName } } };
        return (long)(await command.ExecuteScalarAsync(Cancel))! == 1;
    }

    [Fact]
    public async Task Operator_commands_list_suspend_and_resume_tenants()
    {
        var studio = await NewStudioAsync();
        var (code, output) = await RunCliAsync("tenants", "list");
        Assert.Equal(0, code);
        Assert.Matches($@"{studio.Slug}\s+active\s+professional\s+\S+ \(current\)\s+Shaadi Studio", output);

        Assert.Equal(0, (await RunCliAsync("tenants", "suspend", studio.Slug)).Code);
        using var client = studio.Anonymous();
        await (await client.PostJsonAsync("/api/v1/auth/login", new LoginRequest(studio.AdminEmail, Studio.Password))).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(0, (await RunCliAsync("tenants", "resume", studio.Slug)).Code);
        await studio.LoginAsync(studio.AdminEmail);

        Assert.Equal(2, (await RunCliAsync("tenants", "suspend", "no-such-studio")).Code);

        // Break-glass: the operator makes a planner an admin; their old session ends.
        var planner = await studio.AddMemberAsync(Role.Planner);
        Assert.Equal(0, (await RunCliAsync("tenants", "make-admin", studio.Slug, planner.Email.ToUpperInvariant())).Code);
        await (await planner.Client.GetAsync("/api/v1/me", Cancel)).ProblemAsync(HttpStatusCode.Unauthorized);
        using (var promoted = studio.Anonymous())
        {
            promoted.UseBearer((await studio.LoginAsync(planner.Email)).AccessToken);
            Assert.Equal(Role.Admin, (await promoted.GetAsync<MeResponse>("/api/v1/me")).Role);
            var log = await promoted.GetAsync<PagedResponse<AuditEntryResponse>>("/api/v1/audit?action=user.role-changed");
            Assert.Contains("by the platform operator", Assert.Single(log.Items).Details, StringComparison.Ordinal);
        }
        Assert.Equal(2, (await RunCliAsync("tenants", "make-admin", studio.Slug, "nobody@example.com")).Code);
        var slug = Studio.NewSlug("cli");
        Assert.Equal(0, (await RunCliAsync("tenants", "create", "--slug", slug, "--company", "CLI Studio", "--admin-name", "Ops",
            "--admin-email", $"ops@{slug}.example.com", "--admin-password", "Operator-pass-1", "--plan", "Premium")).Code);
        var created = (await Server.Services.GetRequiredService<TenantOperations>().ListAsync(Cancel)).Single(t => t.Slug == slug);
        Assert.Equal((TenantStatus.Active, TenantPlan.Premium), (created.Status, created.Plan));
        Assert.Equal(2, (await RunCliAsync("tenants", "create", "--slug", "www", "--company", "X", "--admin-name", "Ops",
            "--admin-email", "ops@example.com", "--admin-password", "Operator-pass-1")).Code);
    }

    [Fact]
    public async Task Settings_are_validated_versioned_and_audited()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var read = await admin.GetAsync("/api/v1/settings", Cancel);
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);

        await (await admin.PutJsonAsync("/api/v1/settings", new UpdateTenantSettingsRequest("Rang Studio", "Asia/Kolkata", null))).ProblemAsync(HttpStatusCode.PreconditionRequired);
        var saved = await (await admin.PutJsonAsync("/api/v1/settings", new UpdateTenantSettingsRequest("Rang Studio", "asia/dubai", "27aapfu0939f1zv"), "\"1\""))
            .ReadAsync<TenantSettingsResponse>();
        Assert.Equal(("Rang Studio", "Asia/Dubai", "27AAPFU0939F1ZV", 2L), (saved.CompanyName, saved.TimeZone, saved.Gstin, saved.Version));
        // Everyone's app learns the studio's zone from /me, whether or not they may read the settings.
        var coordinator = await studio.AddMemberAsync(Role.Coordinator, admin);
        Assert.Equal("Asia/Dubai", (await coordinator.Client.GetAsync<MeResponse>("/api/v1/me")).TimeZone);
        await (await admin.PutJsonAsync("/api/v1/settings", new UpdateTenantSettingsRequest("Stale", "Asia/Kolkata", null), "\"1\"")).ProblemAsync(HttpStatusCode.Conflict);

        foreach (var zone in new[] { "India Standard Time", "posixrules", "right/UTC", "Mars/Olympus", "../../etc/passwd" })
        {
            var problem = await (await admin.PutJsonAsync("/api/v1/settings", new UpdateTenantSettingsRequest("Rang Studio", zone, null), "*")).ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains("timeZone", problem.Errors!.Keys);
        }
        var badGstin = await (await admin.PutJsonAsync("/api/v1/settings", new UpdateTenantSettingsRequest("Rang Studio", "Asia/Kolkata", "27AAPFU0939F1ZW"), "*")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("gstin", badGstin.Errors!.Keys);

        Assert.Equal("Rang Studio", (await admin.GetAsync<MeResponse>("/api/v1/me")).CompanyName);
        Assert.Equal("Rang Studio", (await admin.GetAsync<TenantSettingsResponse>("/api/v1/settings")).CompanyName);
        var audit = await admin.GetAsync<PagedResponse<AuditEntryResponse>>("/api/v1/audit?action=settings.updated");
        Assert.Single(audit.Items);
    }

    [Fact]
    public async Task An_operator_can_finish_an_interrupted_signup()
    {
        var slug = Studio.NewSlug("crash");
        var request = Studio.SignupRequest(slug);
        using var client = AnonymousClient();
        await (await client.PostJsonAsync("/api/v1/tenants", request)).ProblemAsync(HttpStatusCode.ServiceUnavailable);
        var (code, output) = await RunCliAsync("tenants", "list");
        Assert.Equal(0, code);
        Assert.Matches($@"{slug}\s+provisioning", output);

        Assert.Equal(0, (await RunCliAsync("tenants", "finish", slug)).Code);
        client.DefaultRequestHeaders.Add("X-Tenant", slug);
        (await client.PostJsonAsync("/api/v1/auth/login", new LoginRequest(request.AdminEmail, request.AdminPassword))).EnsureSuccessStatusCode();
        Assert.Equal(2, (await RunCliAsync("tenants", "finish", "no-such-studio")).Code);
    }

    [Fact]
    public async Task A_studio_can_be_served_at_its_own_domain()
    {
        var studio = await NewStudioAsync();
        var other = await NewStudioAsync();
        var host = $"weddings.{studio.Slug}.example.com";
        using var client = AnonymousClient();
        client.BaseAddress = new Uri($"http://{host}/");
        await (await client.PostJsonAsync("/api/v1/auth/login", new LoginRequest(studio.AdminEmail, Studio.Password))).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(0, (await RunCliAsync("tenants", "add-domain", studio.Slug, host.ToUpperInvariant())).Code);
        var tokens = await (await client.PostJsonAsync("/api/v1/auth/login", new LoginRequest(studio.AdminEmail, Studio.Password))).ReadAsync<TokenResponse>();
        client.UseBearer(tokens.AccessToken);
        Assert.Equal(studio.Slug, (await client.GetAsync<MeResponse>("/api/v1/me")).TenantSlug);

        Assert.Equal(2, (await RunCliAsync("tenants", "add-domain", other.Slug, host)).Code);
        Assert.Equal(2, (await RunCliAsync("tenants", "add-domain", other.Slug, "x.localhost")).Code);
        Assert.Equal(2, (await RunCliAsync("tenants", "add-domain", other.Slug, "127.0.0.1")).Code);

        Assert.Equal(0, (await RunCliAsync("tenants", "remove-domain", host)).Code);
        await (await client.GetAsync("/api/v1/me", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
    }

    private static readonly SemaphoreSlim ConsoleLock = new(1, 1);

    private async Task<(int Code, string Output)> RunCliAsync(params string[] args)
    {
        await ConsoleLock.WaitAsync(Cancel);
        var (stdout, stderr) = (Console.Out, Console.Error);
        try
        {
            using var captured = new StringWriter();
            Console.SetOut(captured);
            Console.SetError(captured);
            var code = await OperatorCli.RunAsync(Server.Services, args);
            return (code, captured.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
            ConsoleLock.Release();
        }
    }
}

public sealed class PlatformTestsOnSqlite(SqliteServer server) : PlatformTests(server);

public sealed class PlatformTestsOnPostgres(PostgresServer server) : PlatformTests(server);
