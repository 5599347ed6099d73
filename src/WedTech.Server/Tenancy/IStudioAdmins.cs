namespace WedTech.Server.Tenancy;

/// <summary>A studio's admin accounts as signup and the operator handle them; the Identity module implements it.</summary>
public interface IStudioAdmins
{
    /// <summary>Refuses a password the sign-in rules would refuse, as a field error on <paramref name="field"/>.</summary>
    void CheckPassword(string password, string email, string field);

    string HashPassword(string password);

    bool VerifyPassword(string hash, string password);

    /// <summary>The studio's first admin, with the password hash given at signup, unless a member with this e-mail exists already.</summary>
    Task EnsureFirstAdminAsync(TenantDbContext db, string slug, string name, string email, string? passwordHash, CancellationToken cancellationToken);

    /// <summary>
    /// Makes the member with this e-mail an active admin of the studio whose database this is, ends their sessions and
    /// audits it as done by the operator; their id.
    /// </summary>
    Task<Guid> MakeAdminAsync(TenantDbContext db, Guid tenantId, string email, CancellationToken cancellationToken);
}
