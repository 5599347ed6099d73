using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WedTech.Contracts;
using WedTech.Server.Identity;
using WedTech.Server.Platform.Persistence;
using WedTech.Server.Tenancy;

namespace WedTech.Tests.Infrastructure;

/// <summary>A planning studio signed up through the real signup path, with ways to act as each of its people.</summary>
public sealed class Studio
{
    public const string Password = "Correct-Horse-42";

    private Studio(IServerUnderTest server, string slug, Guid tenantId, string adminEmail)
    {
        Server = server;
        Slug = slug;
        TenantId = tenantId;
        AdminEmail = adminEmail;
    }

    public IServerUnderTest Server { get; }
    public string Slug { get; }
    public Guid TenantId { get; }
    public string AdminEmail { get; }

    public static string NewSlug(string prefix = "studio") => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(40, prefix.Length + 13)];

    public static CreateTenantRequest SignupRequest(string slug, string? email = null) =>
        new("Shaadi Studio", slug, "Asha Admin", email ?? $"admin-{slug}@example.com", Password, TenantPlan.Professional);

    public static async Task<Studio> CreateAsync(IServerUnderTest server, string? slug = null)
    {
        slug ??= NewSlug();
        var request = SignupRequest(slug);
        using var anonymous = server.CreateClient();
        var response = await anonymous.PostJsonAsync("/api/v1/tenants", request);
        if (response.StatusCode != HttpStatusCode.Created && server is TestServer test)
        {
            // A signup that failed says why in the server's log, not in its answer: put the log's errors in the failure.
            var errors = test.Logs.Lines.Where(line => line.StartsWith("Error", StringComparison.Ordinal) && line.Contains(slug, StringComparison.Ordinal));
            Assert.Fail($"Signing up {slug} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}\n"
                + string.Join('\n', errors.Take(3)));
        }
        var created = await response.ReadAsync<TenantCreatedResponse>(HttpStatusCode.Created);
        return new Studio(server, slug, created.TenantId, request.AdminEmail);
    }

    /// <summary>A studio the caller signed up itself (to see the signup's own answer).</summary>
    public static Studio SignedUp(IServerUnderTest server, TenantCreatedResponse created, string adminEmail) => new(server, created.Slug, created.TenantId, adminEmail);

    /// <summary>A client that addresses this studio by the X-Tenant header, not signed in.</summary>
    public HttpClient Anonymous()
    {
        var client = Server.CreateClient();
        client.DefaultRequestHeaders.Add("X-Tenant", Slug);
        return client;
    }

    public async Task<TokenResponse> LoginAsync(string email, string password = Password)
    {
        using var client = Anonymous();
        return await (await client.PostJsonAsync("/api/v1/auth/login", new LoginRequest(email, password))).ReadAsync<TokenResponse>();
    }

    public async Task<HttpClient> AdminAsync()
    {
        var client = Anonymous();
        client.UseBearer((await LoginAsync(AdminEmail)).AccessToken);
        return client;
    }

    /// <summary>
    /// A person in this role, signed in. Put straight into the studio's database (active, with <see cref="Password"/>) and given
    /// tokens by the server's own <see cref="TokenService"/>, as a sign-in does: the invitation round trip (an e-mail, two
    /// password hashes) is for the tests about invitations, which use <see cref="InviteMemberAsync"/>.
    /// </summary>
    public async Task<Member> AddMemberAsync(Role role, HttpClient? admin = null, string? name = null)
    {
        _ = admin; // kept so callers need not change; no admin is needed to seed a member
        var email = $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@example.com";
        var services = Server.Services;
        var cancel = TestContext.Current.CancellationToken;
        var tenant = await services.GetRequiredService<TenantDirectory>().FindBySlugAsync(Slug, cancel)
            ?? throw new InvalidOperationException($"No tenant {Slug}.");
        var time = services.GetRequiredService<TimeProvider>();
        await using var db = services.GetRequiredService<IDatabaseProvider>().CreateTenantContext(tenant.DatabaseName);
        var user = new User
        {
            Email = email,
            NormalizedEmail = User.Normalize(email),
            Name = name ?? $"{role} Person",
            Role = role,
            Status = UserStatus.Active,
            PasswordHash = PasswordHash(services),
            CreatedAt = time.GetUtcNow(),
        };
        db.Users.Add(user);
        var tokens = new TokenService(services.GetRequiredService<SigningKey>(), services.GetRequiredService<IOptions<AuthOptions>>(), time, db)
            .Issue(user, tenant, Guid.CreateVersion7());
        await db.SaveChangesAsync(cancel);
        var client = Anonymous();
        client.UseBearer(tokens.AccessToken);
        return new Member(user.Id, email, role, client, tokens);
    }

    /// <summary>The hash of <see cref="Password"/>, made once a run (PBKDF2 is slow by design); any user may carry it.</summary>
    private static string PasswordHash(IServiceProvider services) =>
        LazyInitializer.EnsureInitialized(ref s_passwordHash, () => services.GetRequiredService<IPasswordHasher<User>>().HashPassword(null!, Password));

    private static string? s_passwordHash;

    /// <summary>Invites a person in this role, accepts the e-mailed invitation, and returns them signed in.</summary>
    public async Task<Member> InviteMemberAsync(Role role, HttpClient? admin = null, string? name = null)
    {
        var email = $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@example.com";
        var ownAdmin = admin is null;
        admin ??= await AdminAsync();
        try
        {
            var user = await (await admin.PostJsonAsync("/api/v1/users/invitations", new InviteUserRequest(email, name ?? $"{role} Person", role)))
                .ReadAsync<UserResponse>(HttpStatusCode.Created);
            var token = Mailbox.Token(await Mailbox.LatestToAsync(Server.MailDirectory, email));
            var client = Anonymous();
            var tokens = await (await client.PostJsonAsync("/api/v1/auth/invitations/accept", new AcceptInvitationRequest(token, Password)))
                .ReadAsync<TokenResponse>();
            client.UseBearer(tokens.AccessToken);
            return new Member(user.Id, email, role, client, tokens);
        }
        finally
        {
            if (ownAdmin)
            {
                admin.Dispose();
            }
        }
    }
}

public sealed record Member(Guid Id, string Email, Role Role, HttpClient Client, TokenResponse Tokens);
