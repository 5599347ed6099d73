using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WedTech.Server.Identity;
using System.Net;
using WedTech.Contracts;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

public abstract class AuthTests(TestServer server) : ProviderTests(server)
{
    [Fact]
    public async Task Refresh_rotates_the_token_and_reuse_of_an_old_one_ends_the_whole_session()
    {
        var studio = await NewStudioAsync();
        using var client = studio.Anonymous();
        var first = await studio.LoginAsync(studio.AdminEmail);
        Assert.InRange(first.AccessTokenExpiresAt - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        Assert.InRange(first.RefreshTokenExpiresAt - DateTimeOffset.UtcNow, TimeSpan.FromDays(6.9), TimeSpan.FromDays(7));

        var second = await (await client.PostJsonAsync("/api/v1/auth/refresh", new RefreshRequest(first.RefreshToken))).ReadAsync<TokenResponse>();
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        var third = await (await client.PostJsonAsync("/api/v1/auth/refresh", new RefreshRequest(second.RefreshToken))).ReadAsync<TokenResponse>();

        // Someone replays the first token: refused, and the live descendant dies with it.
        await (await client.PostJsonAsync("/api/v1/auth/refresh", new RefreshRequest(first.RefreshToken))).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.PostJsonAsync("/api/v1/auth/refresh", new RefreshRequest(third.RefreshToken))).ProblemAsync(HttpStatusCode.Unauthorized);

        // Another login is a separate family and still works.
        var other = await studio.LoginAsync(studio.AdminEmail);
        await (await client.PostJsonAsync("/api/v1/auth/refresh", new RefreshRequest(other.RefreshToken))).ReadAsync<TokenResponse>();
        await (await client.PostJsonAsync("/api/v1/auth/refresh", new RefreshRequest("not-a-token"))).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Logout_ends_the_session_of_its_refresh_token()
    {
        var studio = await NewStudioAsync();
        using var client = studio.Anonymous();
        var tokens = await studio.LoginAsync(studio.AdminEmail);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostJsonAsync("/api/v1/auth/logout", new RefreshRequest(tokens.RefreshToken))).StatusCode);
        await (await client.PostJsonAsync("/api/v1/auth/refresh", new RefreshRequest(tokens.RefreshToken))).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Repeated_failed_logins_lock_the_account_even_for_the_right_password()
    {
        var studio = await NewStudioAsync();
        using var client = studio.Anonymous();
        // The owner learns of the lock by e-mail, with a way back in.
        var lockMail = await Mailbox.NextToAsync(Server.MailDirectory, studio.AdminEmail, async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                var failed = await (await client.PostJsonAsync("/api/v1/auth/login", new LoginRequest(studio.AdminEmail, "Wrong-password-1"))).ProblemAsync(HttpStatusCode.Unauthorized);
                Assert.Equal("The e-mail or password is not right.", failed.Detail);
            }
        });
        Assert.Contains("locked", lockMail.Subject, StringComparison.OrdinalIgnoreCase);

        // While locked, the right password answers exactly as a wrong one, and as an address with no account:
        // guessing through the lockout learns nothing, not even when the lock began.
        var locked = await client.PostJsonAsync("/api/v1/auth/login", new LoginRequest(studio.AdminEmail, Studio.Password));
        var wrong = await client.PostJsonAsync("/api/v1/auth/login", new LoginRequest(studio.AdminEmail, "Wrong-password-1"));
        var unknown = await client.PostJsonAsync("/api/v1/auth/login", new LoginRequest($"nobody-{Guid.NewGuid():N}@example.com", Studio.Password));
        var answers = new List<string>();
        foreach (var response in new[] { locked, wrong, unknown })
        {
            var problem = await response.ProblemAsync(HttpStatusCode.Unauthorized);
            Assert.Null(response.Headers.RetryAfter);
            answers.Add($"{problem.Title}|{problem.Detail}|{string.Join(",", response.Headers.Select(h => h.Key).Order())}");
        }
        Assert.Single(answers.Distinct());

        // A reset by e-mail is the way back in, and it lifts the lockout: the link in the lock e-mail works.
        (await client.PostJsonAsync("/api/v1/auth/password-reset/confirm", new PasswordResetConfirmRequest(Mailbox.Token(lockMail), "Brand-new-pass-77"))).EnsureSuccessStatusCode();
        await studio.LoginAsync(studio.AdminEmail, "Brand-new-pass-77");
    }

    [Fact]
    public async Task A_failed_sign_in_does_the_same_work_for_an_unknown_address_as_for_a_real_account()
    {
        // The stand-in hash verified for unknown addresses must cost what a real account's hash costs: the same
        // algorithm and PBKDF2 iteration count (the timing difference came from a stand-in at the library default).
        var studio = await NewStudioAsync();
        var verifier = Server.Factory.Services.GetRequiredService<WedTech.Server.Identity.PasswordVerifier>();
        var hasher = Server.Factory.Services.GetRequiredService<Microsoft.AspNetCore.Identity.IPasswordHasher<WedTech.Server.Identity.User>>();
        var real = hasher.HashPassword(null!, Studio.Password);
        Assert.Equal(HashCost(real), HashCost(verifier.StandInHash));
        Assert.Equal((uint)TestPasswordHashing.Iterations, HashCost(real).Iterations);
        // Production's work factor, from the module's own registration (the test servers use a small one, TestPasswordHashing).
        var production = new ServiceCollection().AddIdentityModule(new ConfigurationBuilder().Build()).BuildServiceProvider();
        Assert.Equal(210_000, production.GetRequiredService<IOptions<Microsoft.AspNetCore.Identity.PasswordHasherOptions>>().Value.IterationCount);

        // And a reset request for an unknown address answers as one for a real account, with the work left to a job.
        using var client = studio.Anonymous();
        var forUnknown = await client.PostJsonAsync("/api/v1/auth/password-reset", new PasswordResetRequest($"nobody-{Guid.NewGuid():N}@example.com"));
        HttpResponseMessage? forReal = null;
        var mail = await Mailbox.NextToAsync(Server.MailDirectory, studio.AdminEmail,
            async () => forReal = await client.PostJsonAsync("/api/v1/auth/password-reset", new PasswordResetRequest(studio.AdminEmail)));
        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (forUnknown.StatusCode, forReal!.StatusCode));
        Assert.Equal(await forUnknown.Content.ReadAsStringAsync(Cancel), await forReal.Content.ReadAsStringAsync(Cancel));
        Assert.Contains("Reset your", mail.Subject, StringComparison.Ordinal);
    }

    /// <summary>ASP.NET Core Identity's version 3 hash: marker, PRF, iteration count (big-endian), salt length.</summary>
    private static (byte Format, uint Prf, uint Iterations, uint SaltLength) HashCost(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        return (bytes[0], System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1)),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5)), System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(9)));
    }

    [Fact]
    public async Task Signing_out_or_reusing_a_refresh_token_ends_the_access_tokens_of_that_session_at_once()
    {
        var studio = await NewStudioAsync();
        using var anonymous = studio.Anonymous();

        // Sign-out: the session's access token stops working on the next request, not in 15 minutes;
        // the user's other session (another device) goes on.
        var phone = await studio.LoginAsync(studio.AdminEmail);
        var laptop = await studio.LoginAsync(studio.AdminEmail);
        using var onPhone = studio.Anonymous();
        onPhone.UseBearer(phone.AccessToken);
        using var onLaptop = studio.Anonymous();
        onLaptop.UseBearer(laptop.AccessToken);
        (await onPhone.GetAsync("/api/v1/me", Cancel)).EnsureSuccessStatusCode();
        (await anonymous.PostJsonAsync("/api/v1/auth/logout", new RefreshRequest(phone.RefreshToken))).EnsureSuccessStatusCode();
        await (await onPhone.GetAsync("/api/v1/me", Cancel)).ProblemAsync(HttpStatusCode.Unauthorized);
        (await onLaptop.GetAsync("/api/v1/me", Cancel)).EnsureSuccessStatusCode();

        // Reuse of a rotated refresh token (a stolen copy): every access token of that session stops at once,
        // the one issued before the rotation and the one issued by it.
        var stolen = laptop.RefreshToken;
        var rotated = await (await anonymous.PostJsonAsync("/api/v1/auth/refresh", new RefreshRequest(stolen))).ReadAsync<TokenResponse>();
        using var afterRotation = studio.Anonymous();
        afterRotation.UseBearer(rotated.AccessToken);
        (await afterRotation.GetAsync("/api/v1/me", Cancel)).EnsureSuccessStatusCode();
        await (await anonymous.PostJsonAsync("/api/v1/auth/refresh", new RefreshRequest(stolen))).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await afterRotation.GetAsync("/api/v1/me", Cancel)).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await onLaptop.GetAsync("/api/v1/me", Cancel)).ProblemAsync(HttpStatusCode.Unauthorized);

        // A new sign-in is a new session and works.
        using var again = studio.Anonymous();
        again.UseBearer((await studio.LoginAsync(studio.AdminEmail)).AccessToken);
        (await again.GetAsync("/api/v1/me", Cancel)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Login_attempts_are_rate_limited_per_studio_and_address_but_viewing_the_page_is_not()
    {
        var studio = await NewStudioAsync();
        var other = await NewStudioAsync();
        using var client = studio.Anonymous();
        var permits = Server.Factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<WedTech.Server.Identity.AuthOptions>>().Value.LoginPermitsPerMinute;
        Assert.True(permits >= 40, "An office of 20 people behind one address needs room for typos.");

        // An office opening the sign-in and forgot-password pages all day uses up nothing.
        for (var i = 0; i < permits + 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(i % 2 == 0 ? "/login" : "/forgot-password", Cancel)).StatusCode);
        }
        await studio.LoginAsync(studio.AdminEmail);
        // Every attempt counts, a malformed one too (it costs no password check, so the test stays quick).
        for (var i = 1; i < permits; i++)
        {
            await (await client.PostJsonAsync("/api/v1/auth/login", new { email = $"nobody{i}@example.com" })).ProblemAsync(HttpStatusCode.BadRequest);
        }
        var limited = await client.PostJsonAsync("/api/v1/auth/login", new LoginRequest(studio.AdminEmail, Studio.Password));
        await limited.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/login", Cancel)).StatusCode);

        // Another studio from the same address is unaffected.
        await other.LoginAsync(other.AdminEmail);
    }

    [Fact]
    public async Task Signup_attempts_are_limited_per_address_but_viewing_the_landing_page_is_not()
    {
        var server = Server.AnotherWithTemplate(new() { ["Tenancy:SignupPermitsPerHour"] = "3" });
        await server.InitializeAsync();
        try
        {
            using var client = server.CreateClient();
            for (var i = 0; i < 12; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", Cancel)).StatusCode);
            }
            await Studio.CreateAsync(server);
            for (var i = 1; i < 3; i++)
            {
                await (await client.PostJsonAsync("/api/v1/tenants", new { companyName = "Typo" })).ProblemAsync(HttpStatusCode.BadRequest);
            }
            var limited = await client.PostJsonAsync("/api/v1/tenants", Studio.SignupRequest(Studio.NewSlug()));
            await limited.ProblemAsync(HttpStatusCode.TooManyRequests);
            Assert.NotNull(limited.Headers.RetryAfter);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", Cancel)).StatusCode);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Password_reset_works_once_ends_old_sessions_and_never_reveals_whether_an_address_exists()
    {
        var studio = await NewStudioAsync();
        using var client = studio.Anonymous();
        var before = await studio.LoginAsync(studio.AdminEmail);
        using var signedIn = studio.Anonymous();
        signedIn.UseBearer(before.AccessToken);

        Assert.Equal(HttpStatusCode.Accepted, (await client.PostJsonAsync("/api/v1/auth/password-reset", new PasswordResetRequest("stranger@example.com"))).StatusCode);
        var older = Mailbox.Token(await Mailbox.NextToAsync(Server.MailDirectory, studio.AdminEmail, async () =>
            Assert.Equal(HttpStatusCode.Accepted, (await client.PostJsonAsync("/api/v1/auth/password-reset", new PasswordResetRequest(studio.AdminEmail))).StatusCode)));
        var token = Mailbox.Token(await Mailbox.NextToAsync(Server.MailDirectory, studio.AdminEmail, async () =>
            Assert.Equal(HttpStatusCode.Accepted, (await client.PostJsonAsync("/api/v1/auth/password-reset", new PasswordResetRequest(studio.AdminEmail))).StatusCode)));
        Assert.NotEqual(older, token);
        await (await client.PostJsonAsync("/api/v1/auth/password-reset/confirm", new PasswordResetConfirmRequest(older, "Older-link-pass-1"))).ProblemAsync(HttpStatusCode.BadRequest);

        var weak = await (await client.PostJsonAsync("/api/v1/auth/password-reset/confirm", new PasswordResetConfirmRequest(token, "aaaaaaaaaaaa"))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("newPassword", weak.Errors!.Keys);
        (await client.PostJsonAsync("/api/v1/auth/password-reset/confirm", new PasswordResetConfirmRequest(token, "Second-pass-2026"))).EnsureSuccessStatusCode();
        await (await client.PostJsonAsync("/api/v1/auth/password-reset/confirm", new PasswordResetConfirmRequest(token, "Third-pass-2026x"))).ProblemAsync(HttpStatusCode.BadRequest);

        await (await signedIn.GetAsync("/api/v1/me", Cancel)).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.PostJsonAsync("/api/v1/auth/refresh", new RefreshRequest(before.RefreshToken))).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.PostJsonAsync("/api/v1/auth/login", new LoginRequest(studio.AdminEmail, Studio.Password))).ProblemAsync(HttpStatusCode.Unauthorized);
        await studio.LoginAsync(studio.AdminEmail, "Second-pass-2026");
    }

    [Fact]
    public async Task An_invitation_link_works_once_and_a_new_invitation_retires_the_old_link()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        using var client = studio.Anonymous();
        var email = $"new-{Guid.NewGuid():N}@example.com";

        (await admin.PostJsonAsync("/api/v1/users/invitations", new InviteUserRequest(email, "Nisha", Role.Coordinator))).EnsureSuccessStatusCode();
        var firstLink = Mailbox.Token(await Mailbox.LatestToAsync(Server.MailDirectory, email));
        var invitedAgain = await (await admin.PostJsonAsync("/api/v1/users/invitations", new InviteUserRequest(email, "Nisha R", Role.Planner))).ReadAsync<UserResponse>(HttpStatusCode.Created);
        Assert.Equal(UserStatus.Invited, invitedAgain.Status);
        var secondLink = Mailbox.Token(await Mailbox.LatestToAsync(Server.MailDirectory, email));
        Assert.NotEqual(firstLink, secondLink);

        await (await client.PostJsonAsync("/api/v1/auth/invitations/accept", new AcceptInvitationRequest(firstLink, Studio.Password))).ProblemAsync(HttpStatusCode.BadRequest);
        await (await client.PostJsonAsync("/api/v1/auth/login", new LoginRequest(email, Studio.Password))).ProblemAsync(HttpStatusCode.Unauthorized);
        var tokens = await (await client.PostJsonAsync("/api/v1/auth/invitations/accept", new AcceptInvitationRequest(secondLink, Studio.Password))).ReadAsync<TokenResponse>();
        await (await client.PostJsonAsync("/api/v1/auth/invitations/accept", new AcceptInvitationRequest(secondLink, "Another-pass-99"))).ProblemAsync(HttpStatusCode.BadRequest);

        client.UseBearer(tokens.AccessToken);
        var me = await client.GetAsync<MeResponse>("/api/v1/me");
        Assert.Equal((Role.Planner, "Nisha R"), (me.Role, me.Name));
        Assert.DoesNotContain("financial:edit", me.Permissions);
        await (await admin.PostJsonAsync("/api/v1/users/invitations", new InviteUserRequest(email, "Nisha", Role.Client))).ProblemAsync(HttpStatusCode.Conflict);

        // Addresses the mail pipeline cannot deliver to are refused before anyone is created.
        foreach (var undeliverable in new[] { "a b@example.com", "a,b@example.com", "Name <a@example.com>" })
        {
            var problem = await (await admin.PostJsonAsync("/api/v1/users/invitations", new InviteUserRequest(undeliverable, "X", Role.Client))).ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains("email", problem.Errors!.Keys);
        }
        await (await client.PostJsonAsync("/api/v1/auth/login", new { email = "a\u0000@b.c", password = "whatever-123" })).ProblemAsync(HttpStatusCode.BadRequest);
        var team = await admin.GetAsync<PagedResponse<UserResponse>>("/api/v1/users");
        Assert.Equal(2, team.TotalCount);
    }

    [Fact]
    public async Task The_audit_log_records_logins_invitations_role_changes_and_wedding_changes_for_admins_only()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        using (var anonymous = studio.Anonymous())
        {
            await anonymous.PostJsonAsync("/api/v1/auth/login", new LoginRequest(studio.AdminEmail, "Wrong-password-1"));
        }
        var planner = await studio.InviteMemberAsync(Role.Planner, admin);
        (await admin.PutJsonAsync($"/api/v1/users/{planner.Id}/role", new ChangeRoleRequest(Role.Coordinator))).EnsureSuccessStatusCode();
        var wedding = await (await admin.PostJsonAsync("/api/v1/weddings", new WeddingRequest("Audit me", "A", "B", new DateOnly(2027, 1, 1), null, null, null, null, null, null)))
            .ReadAsync<WeddingResponse>(HttpStatusCode.Created);
        (await admin.PutJsonAsync($"/api/v1/weddings/{wedding.Id}", new WeddingRequest("Audited", "A", "B", new DateOnly(2027, 1, 2), null, null, null, null, null, null), "\"1\""))
            .EnsureSuccessStatusCode();
        (await admin.DeleteAsync($"/api/v1/weddings/{wedding.Id}", Cancel)).EnsureSuccessStatusCode();

        var log = await admin.GetAsync<PagedResponse<AuditEntryResponse>>("/api/v1/audit?pageSize=100");
        var actions = log.Items.Select(e => e.Action).ToList();
        foreach (var expected in new[] { "auth.login", "auth.login-failed", "user.invited", "user.invitation-accepted", "user.role-changed", "wedding.created", "wedding.updated", "wedding.deleted", "tenant.created" })
        {
            Assert.Contains(expected, actions);
        }
        var update = log.Items.Single(e => e.Action == "wedding.updated");
        Assert.Equal((wedding.Id, studio.AdminEmail), (update.EntityId!.Value, update.UserEmail!));
        Assert.Equal("changed: title, primaryDate", update.Details);
        Assert.Contains("planner → coordinator", log.Items.Single(e => e.Action == "user.role-changed").Details, StringComparison.Ordinal);
        Assert.Equal("wrong password", log.Items.Single(e => e.Action == "auth.login-failed").Details);

        var forWedding = await admin.GetAsync<PagedResponse<AuditEntryResponse>>($"/api/v1/audit?entityId={wedding.Id}");
        Assert.Equal(["wedding.deleted", "wedding.updated", "wedding.created"], forWedding.Items.Select(e => e.Action));
        await (await planner.Client.GetAsync("/api/v1/audit", Cancel)).ProblemAsync(HttpStatusCode.Forbidden);
    }
}

public sealed class AuthTestsOnSqlite(SqliteServer server) : AuthTests(server);

public sealed class AuthTestsOnPostgres(PostgresServer server) : AuthTests(server);
