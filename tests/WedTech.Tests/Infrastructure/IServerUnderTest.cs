namespace WedTech.Tests.Infrastructure;

/// <summary>A running server the tests talk to over HTTP: in memory (TestServer) or on a port (BrowserServer).</summary>
public interface IServerUnderTest
{
    HttpClient CreateClient();

    /// <summary>Where the server writes its e-mails (.eml).</summary>
    string MailDirectory { get; }

    /// <summary>The server's services, for putting rows in place that tests only need as a starting point.</summary>
    IServiceProvider Services { get; }
}
