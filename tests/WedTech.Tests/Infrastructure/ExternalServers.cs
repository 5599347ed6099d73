namespace WedTech.Tests.Infrastructure;

/// <summary>
/// The real servers the at-scale configuration uses, found through the variables `.ci/servers.sh`
/// exports. Under WEDTECH_REQUIRE_ALL=1 (CI) a missing one fails the test instead of skipping it.
/// </summary>
public static class ExternalServers
{
    /// <summary>StackExchange.Redis configuration string, e.g. 127.0.0.1:56379.</summary>
    public static string? Redis => Variable("WEDTECH_TEST_REDIS");

    /// <summary>host:port of an SMTP server that stores what it accepts in <see cref="SmtpMaildir"/>.</summary>
    public static string? Smtp => Variable("WEDTECH_TEST_SMTP");

    public static string? SmtpMaildir => Variable("WEDTECH_TEST_SMTP_MAILDIR");

    /// <summary>Endpoint URL of an S3-compatible server (credentials S3RVER/S3RVER) with <see cref="S3Bucket"/> created.</summary>
    public static string? S3 => Variable("WEDTECH_TEST_S3");

    public static string? S3Bucket => Variable("WEDTECH_TEST_S3_BUCKET");

    /// <summary>What is missing for the at-scale configuration, or null when every server is there.</summary>
    public static string? Missing()
    {
        var missing = new List<string>();
        if (Redis is null)
        {
            missing.Add("WEDTECH_TEST_REDIS");
        }
        if (Smtp is null || SmtpMaildir is null)
        {
            missing.Add("WEDTECH_TEST_SMTP(_MAILDIR)");
        }
        if (S3 is null || S3Bucket is null)
        {
            missing.Add("WEDTECH_TEST_S3(_BUCKET)");
        }
        return missing.Count == 0 ? null : string.Join(", ", missing) + " not set (source .ci/servers.sh; servers_start)";
    }

    /// <summary>Returns the value, or skips the test (fails it under WEDTECH_REQUIRE_ALL=1) when it is not set.</summary>
    public static string Require(string? value, string what)
    {
        if (value is not null)
        {
            return value;
        }
        if (Environment.GetEnvironmentVariable("WEDTECH_REQUIRE_ALL") == "1")
        {
            Assert.Fail($"{what} is required (WEDTECH_REQUIRE_ALL=1) but is not configured.");
        }
        Assert.Skip($"{what} is not configured here.");
        return value!;
    }

    private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
