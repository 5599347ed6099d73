using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WedTech.Server.Tenancy;

namespace WedTech.Server.Identity;

public static class TokenClaims
{
    public const string Subject = "sub";
    public const string Tenant = "tid";
    public const string Role = "role";
    public const string SecurityStamp = "sst";
    public const string Name = "name";

    /// <summary>The session (refresh-token family) the access token was issued to; ending the session ends the token.</summary>
    public const string Session = "sid";
}

/// <summary>Issues access tokens (JWT, HS256) and refresh tokens (random, stored hashed).</summary>
public sealed class TokenService(SigningKey signingKey, IOptions<AuthOptions> options, TimeProvider time, TenantDbContext db)
{
    private static readonly JsonWebTokenHandler Handler = new();

    /// <summary>Adds the refresh token to the unit of work; the caller saves.</summary>
    public TokenResponse Issue(User user, TenantInfo tenant, Guid familyId)
    {
        var now = time.GetUtcNow();
        var accessExpires = now.AddMinutes(options.Value.AccessTokenMinutes);
        var accessToken = Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = accessExpires.UtcDateTime,
            SigningCredentials = new SigningCredentials(signingKey.Key, SecurityAlgorithms.HmacSha256),
            Subject = new ClaimsIdentity(
            [
                new Claim(TokenClaims.Subject, user.Id.ToString()),
                new Claim(TokenClaims.Tenant, tenant.Id.ToString()),
                new Claim(TokenClaims.Role, ApiConventions.EnumName(user.Role)),
                new Claim(TokenClaims.SecurityStamp, user.SecurityStamp),
                new Claim(TokenClaims.Name, user.Name),
                new Claim(TokenClaims.Session, familyId.ToString()),
            ]),
        });

        var refreshToken = NewSecret();
        var refreshExpires = now.AddDays(options.Value.RefreshTokenDays);
        db.RefreshTokens.Add(new RefreshToken
        {
            UserId = user.Id,
            FamilyId = familyId,
            TokenHash = Hash(refreshToken),
            CreatedAt = now,
            ExpiresAt = refreshExpires,
        });
        return new TokenResponse(accessToken, accessExpires, refreshToken, refreshExpires);
    }

    public static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
