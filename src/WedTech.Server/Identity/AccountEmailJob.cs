using Microsoft.Extensions.Options;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Platform.Email;
using WedTech.Server.Platform.Jobs;
using WedTech.Server.Tenancy;

namespace WedTech.Server.Identity;

public enum AccountEmailKind { PasswordReset, Locked }

/// <summary>An e-mail about someone's account, asked for by an anonymous request (a reset, a lockout).</summary>
public sealed record AccountEmail(AccountEmailKind Kind, string Email, RequestOrigin Origin)
{
    public static AccountEmail PasswordReset(string email, RequestOrigin origin) => new(AccountEmailKind.PasswordReset, email, origin);

    public static AccountEmail Locked(string email, RequestOrigin origin) => new(AccountEmailKind.Locked, email, origin);
}

/// <summary>
/// Looks the address up and e-mails its owner a password-reset link: because they asked, or because their account was
/// just locked. Run in the background so that the anonymous request does the same work whether or not the address has
/// an account. Safe to repeat: each run retires the earlier links.
/// </summary>
public sealed class AccountEmailJob(
    TenantDbContext db, TenantContext tenant, OneTimeLinks links, AuditLog audit, IEmailSender email, IOptions<AuthOptions> auth,
    StudioAddresses addresses, ILogger<AccountEmailJob> logger) : ITenantJob<AccountEmail>
{
    public async Task RunAsync(AccountEmail args, CancellationToken cancellationToken)
    {
        var normalized = User.Normalize(args.Email);
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized && u.Status == UserStatus.Active, cancellationToken);
        if (user is null)
        {
            return;
        }
        var minutes = auth.Value.PasswordResetMinutes;
        await links.RetireAsync(user, OneTimeTokenPurpose.PasswordReset, cancellationToken);
        var secret = links.Issue(user, OneTimeTokenPurpose.PasswordReset, TimeSpan.FromMinutes(minutes));
        audit.Record(args.Kind == AccountEmailKind.Locked ? "user.lockout-notified" : "user.password-reset-requested", nameof(User), user.Id,
            userId: user.Id, userEmail: user.Email, origin: args.Origin);
        await db.SaveChangesAsync(cancellationToken);

        var studio = tenant.Current.CompanyName;
        var link = $"{addresses.For(tenant.Current.Slug)}/reset-password?token={Uri.EscapeDataString(secret)}";
        var message = args.Kind switch
        {
            AccountEmailKind.Locked => new EmailMessage(user.Email, user.Name, $"Your {studio} account is locked for {auth.Value.LockoutMinutes} minutes",
                $"Namaste {user.Name},\n\nSomeone tried to sign in to your {studio} account with a wrong password {auth.Value.MaxFailedLogins} times, so it is locked " +
                $"for {auth.Value.LockoutMinutes} minutes. Until then, even the right password will not sign you in.\n\n" +
                $"If it was you, wait, or choose a new password now (this also unlocks the account):\n{link}\n\n" +
                $"If it was not you, choose a new password all the same. The link works for {minutes} minutes.\n",
                $"<p>Namaste {Html(user.Name)},</p><p>Someone tried to sign in to your {Html(studio)} account with a wrong password {auth.Value.MaxFailedLogins} times, " +
                $"so it is locked for {auth.Value.LockoutMinutes} minutes. Until then, even the right password will not sign you in.</p>" +
                $"<p>If it was you, wait, or <a href=\"{Html(link)}\">choose a new password now</a> (this also unlocks the account).</p>" +
                $"<p>If it was not you, choose a new password all the same. The link works for {minutes} minutes.</p>"),
            _ => new EmailMessage(user.Email, user.Name, $"Reset your {studio} password",
                $"Namaste {user.Name},\n\nChoose a new password here:\n{link}\n\nThe link works for {minutes} minutes. If you did not ask for this, ignore this e-mail.\n",
                $"<p>Namaste {Html(user.Name)},</p><p><a href=\"{Html(link)}\">Choose a new password</a></p>" +
                $"<p>The link works for {minutes} minutes. If you did not ask for this, ignore this e-mail.</p>"),
        };
        await email.TrySendAsync(message, logger, cancellationToken);
    }

    private static string Html(string text) => System.Net.WebUtility.HtmlEncode(text);
}
