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
        for (var i = 0; i < 5; i++)
        {
            var failed = await (await client.PostJsonAsync("/api/v1/auth/login", new LoginRequest(studio.AdminEmail, "Wrong-password-1"))).ProblemAsync(HttpStatusCode.Unauthorized);
            Assert.Equal("The e-mail or password is not right.", failed.Detail);
        }
        // While locked, a wrong password looks like any failure: the lock is never a hint that the account exists.
        await (await client.PostJsonAsync("/api/v1/auth/login", new LoginRequest(studio.AdminEmail, "Wrong-password-1"))).ProblemAsync(HttpStatusCode.Unauthorized);
        var locked = await client.PostJsonAsync("/api/v1/auth/login", new LoginRequest(studio.AdminEmail, Studio.Password));
        await locked.ProblemAsync(HttpStatusCode.Locked);
        Assert.True(locked.Headers.RetryAfter?.Delta > TimeSpan.FromMinutes(14));

        // A reset by e-mail is the way back in, and it lifts the lockout.
        (await client.PostJsonAsync("/api/v1/auth/password-reset", new PasswordResetRequest(studio.AdminEmail))).EnsureSuccessStatusCode();
        var token = Mailbox.Token(await Mailbox.LatestToAsync(Server.MailDirectory, studio.AdminEmail));
        (await client.PostJsonAsync("/api/v1/auth/password-reset/confirm", new PasswordResetConfirmRequest(token, "Brand-new-pass-77"))).EnsureSuccessStatusCode();
        await studio.LoginAsync(studio.AdminEmail, "Brand-new-pass-77");
    }

    [Fact]
    public async Task Login_is_rate_limited_per_studio_and_address()
    {
        var studio = await NewStudioAsync();
        var other = await NewStudioAsync();
        using var client = studio.Anonymous();
        for (var i = 0; i < 10; i++)
        {
            await (await client.PostJsonAsync("/api/v1/auth/login", new LoginRequest($"nobody{i}@example.com", "Wrong-password-1"))).ProblemAsync(HttpStatusCode.Unauthorized);
        }
        var limited = await client.PostJsonAsync("/api/v1/auth/login", new LoginRequest(studio.AdminEmail, Studio.Password));
        await limited.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.NotNull(limited.Headers.RetryAfter);

        // Another studio from the same address is unaffected.
        await other.LoginAsync(other.AdminEmail);
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
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostJsonAsync("/api/v1/auth/password-reset", new PasswordResetRequest(studio.AdminEmail))).StatusCode);
        var older = Mailbox.Token(await Mailbox.LatestToAsync(Server.MailDirectory, studio.AdminEmail));
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostJsonAsync("/api/v1/auth/password-reset", new PasswordResetRequest(studio.AdminEmail))).StatusCode);
        var token = Mailbox.Token(await Mailbox.LatestToAsync(Server.MailDirectory, studio.AdminEmail));
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
        var planner = await studio.AddMemberAsync(Role.Planner, admin);
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
