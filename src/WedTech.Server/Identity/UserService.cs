using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Platform.Email;
using WedTech.Server.Platform.Jobs;
using WedTech.Server.Tenancy;

namespace WedTech.Server.Identity;

/// <summary>The studio's people: invitations, password resets, roles, disabling.</summary>
public sealed class UserService(
    TenantDbContext db, TenantContext tenant, CurrentUser currentUser, IPasswordHasher<User> hasher, TokenService tokens, AuthService auth,
    UserDirectory directory, OneTimeLinks links, TenantJobs jobs, AuditLog audit, IEmailSender email, IOptions<AuthOptions> authOptions,
    StudioAddresses addresses, TimeProvider time, ILogger<UserService> logger)
{
    public Task<PagedResponse<UserResponse>> ListAsync(Paging paging, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().OrderBy(u => u.Name).ThenBy(u => u.Id)
            .ToPageAsync(paging, u => new UserResponse(u.Id, u.Email, u.Name, u.Role, u.Status, u.CreatedAt, u.LastLoginAt), cancellationToken);

    public async Task<UserResponse> InviteAsync(InviteUserRequest request, CancellationToken cancellationToken)
    {
        EmailAddresses.Check(request.Email, "email");
        var normalized = User.Normalize(request.Email);
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
        if (user is { Status: not UserStatus.Invited })
        {
            throw ApiException.Conflict("Someone with this e-mail is already a member of the studio.");
        }
        if (user is null)
        {
            user = new User
            {
                Email = request.Email.Trim(),
                NormalizedEmail = normalized,
                Name = request.Name.Trim(),
                Role = request.Role!.Value,
                Status = UserStatus.Invited,
                CreatedAt = time.GetUtcNow(),
            };
            db.Users.Add(user);
        }
        else
        {
            // Inviting again sends a fresh link and retires the old one.
            user.Name = request.Name.Trim();
            user.Role = request.Role!.Value;
            await links.RetireAsync(user, OneTimeTokenPurpose.Invitation, cancellationToken);
        }

        var secret = links.Issue(user, OneTimeTokenPurpose.Invitation, TimeSpan.FromDays(authOptions.Value.InvitationDays));
        audit.Record("user.invited", nameof(User), user.Id, $"{user.Email} as {ApiConventions.EnumName(user.Role)}");

        var link = $"{addresses.For(tenant.Current.Slug)}/accept-invitation?token={Uri.EscapeDataString(secret)}";
        var inviter = currentUser.Required.Name;
        // Sent once the invitation is committed: inside a larger transaction (a lead won), not before it and not at all if it fails.
        db.AfterCommit(() => email.TrySendAsync(new EmailMessage(user.Email, user.Name,
            $"{inviter} invited you to {tenant.Current.CompanyName} on WedTech",
            $"Namaste {user.Name},\n\n{inviter} has invited you to join {tenant.Current.CompanyName} on WedTech.\n\nAccept the invitation and choose your password:\n{link}\n\nThe link works for {authOptions.Value.InvitationDays} days.\n",
            $"<p>Namaste {Html(user.Name)},</p><p>{Html(inviter)} has invited you to join <b>{Html(tenant.Current.CompanyName)}</b> on WedTech.</p>" +
            $"<p><a href=\"{Html(link)}\">Accept the invitation and choose your password</a></p><p>The link works for {authOptions.Value.InvitationDays} days.</p>"),
            logger, CancellationToken.None));
        await db.SaveChangesAsync(cancellationToken);
        return ToResponse(user);
    }

    /// <summary>
    /// A wedding's couple as client users: an invitation as for anyone, or the person as they are when they already sign in to
    /// the studio as a client (of an earlier wedding). Null for an address that belongs to the studio's staff.
    /// </summary>
    public async Task<Guid?> InviteClientAsync(string emailAddress, string name, CancellationToken cancellationToken)
    {
        var normalized = User.Normalize(emailAddress);
        var existing = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
        if (existing is { Status: not UserStatus.Invited })
        {
            return existing.Role == Role.Client ? existing.Id : null;
        }
        if (existing is { Role: not Role.Client })
        {
            return null;
        }
        return (await InviteAsync(new InviteUserRequest(emailAddress.Trim(), name, Role.Client), cancellationToken)).Id;
    }

    /// <summary>Sets the password of an invited user and signs them in.</summary>
    public async Task<TokenResponse> AcceptInvitationAsync(AcceptInvitationRequest request, CancellationToken cancellationToken)
    {
        var (token, user) = await links.RedeemAsync(request.Token, OneTimeTokenPurpose.Invitation, cancellationToken);
        if (user.Status != UserStatus.Invited)
        {
            throw OneTimeLinks.InvalidLink();
        }
        PasswordRules.Check(request.Password, user.Email, "password");
        token.UsedAt = time.GetUtcNow();
        user.PasswordHash = hasher.HashPassword(user, request.Password);
        user.Status = UserStatus.Active;
        user.LastLoginAt = time.GetUtcNow();
        var response = tokens.Issue(user, tenant.Current, Guid.CreateVersion7());
        audit.Record("user.invitation-accepted", nameof(User), user.Id, userId: user.Id, userEmail: user.Email);
        ForgetSnapshot(user);
        await db.SaveChangesAsync(cancellationToken);
        return response;
    }

    /// <summary>
    /// Always accepted, and the same work whatever the address: the lookup and the e-mail happen in a background job,
    /// so neither the answer nor its timing tells whether an address has an account.
    /// </summary>
    public void RequestPasswordReset(PasswordResetRequest request) =>
        jobs.Enqueue<AccountEmailJob, AccountEmail>(AccountEmail.PasswordReset(request.Email, audit.Origin()));

    public async Task ConfirmPasswordResetAsync(PasswordResetConfirmRequest request, CancellationToken cancellationToken)
    {
        var (token, user) = await links.RedeemAsync(request.Token, OneTimeTokenPurpose.PasswordReset, cancellationToken);
        if (user.Status != UserStatus.Active)
        {
            throw OneTimeLinks.InvalidLink();
        }
        PasswordRules.Check(request.NewPassword, user.Email, "newPassword");
        await links.RetireAsync(user, OneTimeTokenPurpose.PasswordReset, cancellationToken);
        token.UsedAt = time.GetUtcNow();
        user.PasswordHash = hasher.HashPassword(user, request.NewPassword);
        user.FailedLoginCount = 0;
        user.LockoutEndsAt = null;
        await auth.RevokeAllSessionsAsync(user, AuthService.RevokedReasons.PasswordReset, cancellationToken);
        audit.Record("user.password-reset", nameof(User), user.Id, userId: user.Id, userEmail: user.Email);
        ForgetSnapshot(user);
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task<UserResponse> ChangeRoleAsync(Guid id, Role role, CancellationToken cancellationToken) =>
        ChangeAdminSafelyAsync(id, async user =>
        {
            if (user.Role == role)
            {
                return;
            }
            if (user.Role == Role.Admin)
            {
                await EnsureAnotherAdminAsync(user, "change the role of", cancellationToken);
            }
            var from = user.Role;
            user.Role = role;
            audit.Record("user.role-changed", nameof(User), user.Id, $"{user.Email}: {ApiConventions.EnumName(from)} → {ApiConventions.EnumName(role)}");
        }, cancellationToken);

    public Task<UserResponse> SetDisabledAsync(Guid id, bool disabled, CancellationToken cancellationToken) =>
        ChangeAdminSafelyAsync(id, async user =>
        {
            if (disabled && user.Status != UserStatus.Disabled)
            {
                if (user.Id == currentUser.Required.Id)
                {
                    throw ApiException.Conflict("You cannot disable your own account.");
                }
                if (user.Role == Role.Admin)
                {
                    await EnsureAnotherAdminAsync(user, "disable", cancellationToken);
                }
                user.Status = UserStatus.Disabled;
                await auth.RevokeAllSessionsAsync(user, AuthService.RevokedReasons.Disabled, cancellationToken);
                audit.Record("user.disabled", nameof(User), user.Id, user.Email);
            }
            else if (!disabled && user.Status == UserStatus.Disabled)
            {
                user.Status = user.PasswordHash is null ? UserStatus.Invited : UserStatus.Active;
                audit.Record("user.enabled", nameof(User), user.Id, user.Email);
            }
        }, cancellationToken);

    /// <summary>
    /// Changes a user where the rule "the studio keeps an active admin" must hold. The check and the write
    /// share one serializable transaction: on SQLite it takes the write lock first, so a concurrent change
    /// waits and then sees this one; on PostgreSQL one of two conflicting changes is aborted and answered 409.
    /// </summary>
    private async Task<UserResponse> ChangeAdminSafelyAsync(Guid id, Func<User, Task> change, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken);
            var user = await FindAsync(id, cancellationToken);
            await change(user);
            ForgetSnapshot(user);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return ToResponse(user);
        }
        catch (Exception e) when (IsConcurrentChange(e))
        {
            throw ApiException.Conflict("Someone changed the studio's team at the same moment. Reload and try again.");
        }
    }

    /// <summary>Drops the user's cached snapshot once the change being saved is committed.</summary>
    private void ForgetSnapshot(User user) => db.AfterCommit(() => directory.InvalidateAsync(user.Id).AsTask());

    private static bool IsConcurrentChange(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.SerializationFailure or Npgsql.PostgresErrorCodes.DeadlockDetected }
                or Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 })
            {
                return true;
            }
        }
        return false;
    }

    private async Task<User> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken) ?? throw ApiException.NotFound("User");

    private async Task EnsureAnotherAdminAsync(User admin, string action, CancellationToken cancellationToken)
    {
        var others = await db.Users.CountAsync(u => u.Role == Role.Admin && u.Status == UserStatus.Active && u.Id != admin.Id, cancellationToken);
        if (others == 0)
        {
            throw ApiException.Conflict($"You cannot {action} the studio's last active admin.");
        }
    }

    private static string Html(string text) => System.Net.WebUtility.HtmlEncode(text);

    private static UserResponse ToResponse(User u) => new(u.Id, u.Email, u.Name, u.Role, u.Status, u.CreatedAt, u.LastLoginAt);
}

public static class PasswordRules
{
    /// <summary>Length is enforced by the request contract (10–128); here, what length cannot catch.</summary>
    public static void Check(string password, string email, string field)
    {
        var localPart = email.Split('@')[0];
        if (localPart.Length >= 4 && password.Contains(localPart, StringComparison.OrdinalIgnoreCase))
        {
            throw new ValidationFailedException(field, "The password must not contain your e-mail address.");
        }
        if (password.Distinct().Count() < 4)
        {
            throw new ValidationFailedException(field, "The password needs at least 4 different characters.");
        }
    }
}
