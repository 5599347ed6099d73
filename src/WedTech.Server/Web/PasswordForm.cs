namespace WedTech.Server.Web;

/// <summary>The one field of the accept-invitation and reset-password forms.</summary>
public sealed class PasswordForm
{
    public string? Password { get; set; }
}
