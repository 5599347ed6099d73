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

    /// <summary>
    /// Sign-in and password-reset attempts (POSTs; viewing the pages is free) per studio and client address per minute.
    /// Sized for a studio of 20 behind one office address all signing in at 9:30, typos included; guessing one
    /// account's password is stopped by the lockout, not by this.
    /// </summary>
    public int LoginPermitsPerMinute { get; set; } = 60;
}
