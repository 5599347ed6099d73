using Microsoft.Extensions.Logging;
using Shouldly;
using WedTech.Server.Identity;
using WedTech.Server.Platform.Observability;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

/// <summary>Request paths in log scopes lose the secrets some of them carry (a guest's link, a feed, a signed download).</summary>
public sealed class SecretPathRedactionTests
{
    private static readonly string Token = TokenService.NewSecret();

    [Theory]
    [InlineData("/rsvp/{0}", "/rsvp/{secret}")]
    [InlineData("/rsvp/{0}/", "/rsvp/{secret}/")]
    [InlineData("/calendar/{0}.ics", "/calendar/{secret}.ics")]
    [InlineData("/api/v1/files/signed/{0}", "/api/v1/files/signed/{secret}")]
    [InlineData("/api/v1/weddings/01938a00-0000-7000-8000-000000000001/households", "/api/v1/weddings/01938a00-0000-7000-8000-000000000001/households")]
    [InlineData("/app/templates/north-indian-three-day-wedding", "/app/templates/north-indian-three-day-wedding")]
    [InlineData("/rsvp", "/rsvp")]
    [InlineData("/_framework/blazor.webassembly.js", "/_framework/blazor.webassembly.js")]
    public void A_token_like_segment_is_written_as_secret_and_ids_and_names_are_kept(string path, string expected) =>
        SecretPathRedaction<LogCapture>.Redact(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, Token)).ShouldBe(expected);

    [Fact]
    public void A_request_scope_reaches_the_log_writer_with_its_path_redacted_and_the_rest_as_it_was()
    {
        var capture = new LogCapture();
        using (var factory = LoggerFactory.Create(logging => logging.AddProvider(new SecretPathRedaction<LogCapture>(capture))))
        {
            var logger = factory.CreateLogger("Test");
            using (logger.BeginScope(new List<KeyValuePair<string, object?>> { new("RequestId", "0HN1"), new("RequestPath", $"/rsvp/{Token}") }))
            using (logger.BeginScope("plain scope"))
            {
                logger.LogWarning("Answer refused");
            }
        }
        var line = capture.Lines.Single();
        line.ShouldContain("RequestId=0HN1,RequestPath=/rsvp/{secret}");
        line.ShouldContain("plain scope");
        line.ShouldNotContain(Token);
    }
}
