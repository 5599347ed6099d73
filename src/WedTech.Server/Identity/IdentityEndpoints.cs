using Microsoft.AspNetCore.Http.HttpResults;
using WedTech.Server.Tenancy;
using WedTech.Server.Tenancy.Settings;

namespace WedTech.Server.Identity;

public static class IdentityEndpoints
{
    public static readonly ApiTag SignInTag = new("Sign-in", "Signing in and out, sessions, invitations, password resets, and who the caller is.");

    public static readonly ApiTag TeamTag = new("Team", "The studio's users: invitations, roles, disabling.");

    public static RouteGroupBuilder MapIdentity(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithApiTag(SignInTag);
        auth.MapPost("/login", (LoginRequest request, AuthService service, CancellationToken ct) => service.LoginAsync(request, ct))
            .RequireRateLimiting(IdentityModule.LoginRateLimit)
            .WithSummary("Sign in").WithDescription("Sign in with e-mail and password; returns an access token (15 min) and a refresh token (7 days).");
        // Refresh, accept and confirm carry 256-bit random secrets: nothing to guess, so no rate limit that a
        // studio's office behind one address could run into.
        auth.MapPost("/refresh", (RefreshRequest request, AuthService service, CancellationToken ct) => service.RefreshAsync(request.RefreshToken, ct))
            .WithSummary("Refresh the session").WithDescription("Exchange a refresh token for new tokens. Each refresh token works once; reusing one ends the whole session.");
        auth.MapPost("/logout", async Task<NoContent> (RefreshRequest request, AuthService service, CancellationToken ct) =>
        {
            await service.LogoutAsync(request.RefreshToken, ct);
            return TypedResults.NoContent();
        }).WithSummary("Sign out").WithDescription("End the session the refresh token belongs to.");
        // The browser app's session lives in cookies (see BrowserSession); these two endpoints are its refresh and logout.
        var session = auth.MapGroup("/session").WithApiTag(SignInTag);
        session.MapPost("/refresh", async Task<NoContent> (HttpContext http, AuthService service, CancellationToken ct) =>
        {
            var refreshToken = BrowserSession.RefreshToken(http.Request);
            if (!BrowserSession.HasCsrfHeader(http.Request) || refreshToken is null)
            {
                throw new ApiException(StatusCodes.Status401Unauthorized, "Session expired", "Sign in again.");
            }
            try
            {
                BrowserSession.SignIn(http, await service.RefreshAsync(refreshToken, ct));
            }
            catch (ApiException)
            {
                BrowserSession.SignOut(http);
                throw;
            }
            return TypedResults.NoContent();
        }).ProducesProblem(StatusCodes.Status401Unauthorized).WithSummary("Renew the browser session").WithDescription($"Renews the session held in cookies. Requires the {BrowserSession.CsrfHeader} header.");
        session.MapPost("/logout", async Task<NoContent> (HttpContext http, AuthService service, CancellationToken ct) =>
        {
            if (!BrowserSession.HasCsrfHeader(http.Request))
            {
                throw new ApiException(StatusCodes.Status403Forbidden, "Missing header", $"Send the {BrowserSession.CsrfHeader} header.");
            }
            if (BrowserSession.RefreshToken(http.Request) is { } refreshToken)
            {
                await service.LogoutAsync(refreshToken, ct);
            }
            BrowserSession.SignOut(http);
            return TypedResults.NoContent();
        }).ProducesProblem(StatusCodes.Status403Forbidden).WithSummary("End the browser session").WithDescription($"Ends the session held in cookies and removes them. Requires the {BrowserSession.CsrfHeader} header.");
        auth.MapPost("/invitations/accept", (AcceptInvitationRequest request, UserService service, CancellationToken ct) => service.AcceptInvitationAsync(request, ct))
            .WithSummary("Accept an invitation").WithDescription("Accept an invitation from its e-mailed link: set a password and sign in.");
        auth.MapPost("/password-reset", Accepted (PasswordResetRequest request, UserService service) =>
        {
            service.RequestPasswordReset(request);
            return TypedResults.Accepted((string?)null);
        }).RequireRateLimiting(IdentityModule.LoginRateLimit)
            .WithSummary("Request a password reset").WithDescription("E-mail a password-reset link, if the address belongs to an active user.");
        auth.MapPost("/password-reset/confirm", async Task<NoContent> (PasswordResetConfirmRequest request, UserService service, CancellationToken ct) =>
        {
            await service.ConfirmPasswordResetAsync(request, ct);
            return TypedResults.NoContent();
        })
            .WithSummary("Reset the password").WithDescription("Set a new password from a reset link; ends every session of the user.");

        api.MapGet("/me", async (CurrentUser current, TenantContext tenant, IStudioSettings studio, CancellationToken ct) =>
        {
            var user = current.Required;
            var zone = await studio.TimeZoneAsync(ct);
            return TypedResults.Ok(new MeResponse(user.Id, user.Email, user.Name, user.Role, tenant.Current.Id, tenant.Current.Slug, tenant.Current.CompanyName,
                Permissions.ByRole[user.Role].Order(StringComparer.Ordinal).ToList(), zone));
        }).RequireAuthorization().WithApiTag(SignInTag).WithSummary("Who am I").WithDescription("The signed-in user, their studio and their permissions.");

        var users = api.MapGroup("/users").WithApiTag(TeamTag);
        users.MapGet("/", ([AsParameters] PageQuery query, UserService service, CancellationToken ct) => service.ListAsync(query.ToPaging(), ct))
            .RequireAuthorization(Permissions.TeamView).WithSummary("List users");
        users.MapPost("/invitations", async Task<Created<UserResponse>> (InviteUserRequest request, UserService service, CancellationToken ct) =>
        {
            var user = await service.InviteAsync(request, ct);
            return TypedResults.Created($"/api/v1/users/{user.Id}", user);
        }).RequireAuthorization(Permissions.UserManage).WithSummary("Invite a user").WithDescription("Invite someone by e-mail; inviting again sends a fresh link.");
        users.MapPut("/{id:guid}/role", (Guid id, ChangeRoleRequest request, UserService service, CancellationToken ct) => service.ChangeRoleAsync(id, request.Role!.Value, ct))
            .RequireAuthorization(Permissions.UserManage).WithSummary("Change a user's role").WithDescription("Change a user's role; takes effect on their next request.");
        users.MapPost("/{id:guid}/disable", (Guid id, UserService service, CancellationToken ct) => service.SetDisabledAsync(id, disabled: true, ct))
            .RequireAuthorization(Permissions.UserManage).WithSummary("Disable a user").WithDescription("Disable a user and end all their sessions.");
        users.MapPost("/{id:guid}/enable", (Guid id, UserService service, CancellationToken ct) => service.SetDisabledAsync(id, disabled: false, ct))
            .RequireAuthorization(Permissions.UserManage).WithSummary("Enable a user");
        return api;
    }
}
