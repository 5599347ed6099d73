namespace WedTech.Server.Identity;

public sealed class AuthOptions
{
    /// <summary>HMAC-SHA256 key, base64, at least 32 bytes, the same on every node. Generated into the data folder when absent.</summary>
    public string? SigningKey { get; set; }

    public string Issuer { get; set; } = "wedtech";
    public string Audience { get; set; } = "wedtech-api";
    public int AccessTokenMinutes { get; set; } = 15;
    public int RefreshTokenDays { get; set; } = 7;
    public int InvitationDays { get; set; } = 7;
    public int PasswordResetMinutes { get; set; } = 60;
    public int MaxFailedLogins { get; set; } = 5;
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Login attempts per tenant and client address per minute.</summary>
    public int LoginPermitsPerMinute { get; set; } = 10;
}
