using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace WedTech.Server.Tenancy;

/// <summary>A tenant's slug is its subdomain: 3–40 of a-z, 0-9 and inner hyphens, not a reserved word.</summary>
public static partial class SlugRules
{
    public static readonly FrozenSet<string> Reserved = FrozenSet.Create(StringComparer.Ordinal,
        "www", "api", "app", "admin", "administrator", "mail", "email", "smtp", "imap", "pop", "ftp", "docs", "doc", "help",
        "support", "status", "blog", "static", "assets", "cdn", "media", "files", "img", "images", "auth", "login", "signup",
        "register", "account", "accounts", "billing", "pay", "payments", "dashboard", "portal", "console", "platform",
        "system", "root", "test", "dev", "staging", "prod", "production", "demo-admin", "metrics", "health", "ready",
        "wedtech", "security", "abuse", "postmaster", "hostmaster", "webmaster", "ns", "ns1", "ns2", "dns", "vpn", "internal");

    /// <summary>Why the slug is not acceptable, or null when it is.</summary>
    public static string? Problem(string? slug)
    {
        if (string.IsNullOrEmpty(slug))
        {
            return "Choose a web address for your studio.";
        }
        if (slug.Length is < 3 or > 40)
        {
            return "Use 3 to 40 characters.";
        }
        if (!IsWellFormed(slug))
        {
            return "Use lowercase letters a-z, digits and hyphens; start and end with a letter or digit, no double hyphens.";
        }
        return Reserved.Contains(slug) ? "This address is reserved; choose another." : null;
    }

    public static bool IsWellFormed(string slug) => slug.Length is >= 3 and <= 40 && Shape().IsMatch(slug);

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9]|-(?!-))*[a-z0-9]$")]
    private static partial Regex Shape();
}
