namespace WedTech.Server.Identity;

/// <summary>The single-use secrets e-mailed to people (invitations, password resets), stored as hashes.</summary>
public sealed class OneTimeLinks(TenantDbContext db, TimeProvider time)
{
    /// <summary>A new secret for the user, added to the unit of work; the caller saves and sends it.</summary>
    public string Issue(User user, OneTimeTokenPurpose purpose, TimeSpan lifetime)
    {
        var secret = TokenService.NewSecret();
        var now = time.GetUtcNow();
        db.OneTimeTokens.Add(new OneTimeToken { UserId = user.Id, Purpose = purpose, TokenHash = TokenService.Hash(secret), CreatedAt = now, ExpiresAt = now + lifetime });
        return secret;
    }

    /// <summary>A new link, or a completed reset, makes every earlier link of that kind useless.</summary>
    public Task<int> RetireAsync(User user, OneTimeTokenPurpose purpose, CancellationToken cancellationToken) =>
        db.OneTimeTokens.Where(t => t.UserId == user.Id && t.Purpose == purpose && t.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, time.GetUtcNow()), cancellationToken);

    /// <summary>The unused, unexpired token with this secret and its user; a problem answer otherwise.</summary>
    public async Task<(OneTimeToken Token, User User)> RedeemAsync(string secret, OneTimeTokenPurpose purpose, CancellationToken cancellationToken)
    {
        var hash = TokenService.Hash(secret);
        var token = await db.OneTimeTokens.FirstOrDefaultAsync(t => t.TokenHash == hash && t.Purpose == purpose, cancellationToken);
        if (token is null || token.UsedAt is not null || token.ExpiresAt <= time.GetUtcNow())
        {
            throw InvalidLink();
        }
        var user = await db.Users.FirstAsync(u => u.Id == token.UserId, cancellationToken);
        return (token, user);
    }

    public static ApiException InvalidLink() =>
        new(StatusCodes.Status400BadRequest, "Link not valid", "This link has expired or has already been used. Ask for a new one.");
}
