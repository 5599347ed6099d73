using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using WedTech.Server.Web;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

/// <summary>
/// Requests the web server (Kestrel) refuses before the app sees them: the real server on a real port, spoken to over a
/// raw socket, since an HTTP client library would refuse to send most of them. Every refusal must be a problem document
/// with the security headers, like every error the app itself writes.
/// </summary>
public sealed class ServerRejectionTests : IAsyncLifetime
{
    private readonly int _port = Ports.Free();
    private readonly string _data = Path.Combine(Path.GetTempPath(), "wedtech-tests", Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? _factory;

    public ValueTask InitializeAsync()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Tenancy:Provider", "Sqlite");
            builder.UseSetting("Tenancy:DataDirectory", _data);
            builder.UseSetting("Demo:Seed", "false");
        });
        _factory.UseKestrel(kestrel => kestrel.ListenLocalhost(_port));
        _factory.StartServer();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    public static TheoryData<string, string, int> Refused => new()
    {
        { "an encoded NUL in the path", "GET /api/v1/weddings/%00 HTTP/1.1\r\nHost: localhost\r\nX-Tenant: demo\r\n\r\n", 400 },
        { "a request line over 8 KB", $"GET /api/v1/weddings?q={new string('a', 9000)} HTTP/1.1\r\nHost: localhost\r\n\r\n", 414 },
        { "40 KB of headers", $"GET /health HTTP/1.1\r\nHost: localhost\r\nX-Big: {new string('a', 40_000)}\r\n\r\n", 431 },
        { "a request line that is not HTTP", "GARBAGE\r\n\r\n", 400 },
        { "a NUL in a header", "GET /health HTTP/1.1\r\nHost: localhost\r\nX-Bad: a\u0000b\r\n\r\n", 400 },
        { "a space in a header name", "GET /health HTTP/1.1\r\nHost: localhost\r\nX Bad: a\r\n\r\n", 400 },
        { "a Content-Length that is not a number", "POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Length: abc\r\n\r\n", 400 },
        { "no Host header", "GET /health HTTP/1.1\r\n\r\n", 400 },
        { "an unknown HTTP version", "GET /health HTTP/7.1\r\nHost: localhost\r\n\r\n", 505 },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_request_the_web_server_refuses_gets_a_problem_document_with_the_security_headers(string what, string request, int status)
    {
        var (head, body) = await ExchangeAsync(request);
        Assert.True(head.StartsWith($"HTTP/1.1 {status} ", StringComparison.Ordinal), $"{what}: {head}");
        var headers = Headers(head);
        Assert.Equal("application/problem+json", headers["content-type"]);
        foreach (var (name, value) in SecurityHeaders.Always)
        {
            Assert.Equal(value, headers[name.ToLowerInvariant()]);
        }
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()));
        Assert.Equal(Encoding.UTF8.GetByteCount(body), int.Parse(headers["content-length"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Answers_the_app_writes_pass_through_untouched_on_a_kept_alive_connection()
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync("127.0.0.1", _port, TestContext.Current.CancellationToken);
        var stream = socket.GetStream();
        for (var i = 0; i < 3; i++)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n"), TestContext.Current.CancellationToken);
            var (head, body) = await ReadResponseAsync(stream);
            Assert.StartsWith("HTTP/1.1 200 ", head, StringComparison.Ordinal);
            Assert.Equal("nosniff", Headers(head)["x-content-type-options"]);
            Assert.False(string.IsNullOrEmpty(body));
        }
        // An app error stays the app's own problem answer (404 for an unknown studio), not rewritten.
        await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\nX-Tenant: no-such-studio\r\n\r\n"), TestContext.Current.CancellationToken);
        var (notFound, problem) = await ReadResponseAsync(stream);
        Assert.StartsWith("HTTP/1.1 404 ", notFound, StringComparison.Ordinal);
        Assert.Contains("/api/v1/me", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rewrite_leaves_anything_but_an_empty_refusal_as_it_was()
    {
        var withBody = "HTTP/1.1 400 Bad Request\r\nContent-Length: 2\r\n\r\nhi"u8.ToArray();
        Assert.Equal(withBody, ServerRejections.Rewrite(withBody, 400));
        var appAnswer = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nX-Content-Type-Options: nosniff\r\n\r\n"u8.ToArray();
        Assert.Equal(appAnswer, ServerRejections.Rewrite(appAnswer, 400));
        var http2 = new byte[] { 0, 0, 4, 1, 4, 0, 0, 0, 1 };
        Assert.Equal(http2, ServerRejections.Rewrite(http2, 400));
    }

    private async Task<(string Head, string Body)> ExchangeAsync(string request)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync("127.0.0.1", _port, TestContext.Current.CancellationToken);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request), TestContext.Current.CancellationToken);
        return await ReadResponseAsync(stream);
    }

    /// <summary>One response: its head, then a body of its Content-Length or, chunked, up to the last chunk.</summary>
    private static async Task<(string Head, string Body)> ReadResponseAsync(NetworkStream stream)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var received = new List<byte>();
        var buffer = new byte[8192];
        while (true)
        {
            var text = Encoding.Latin1.GetString(received.ToArray());
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end >= 0)
            {
                var head = text[..end];
                var headers = Headers(head);
                var rest = text[(end + 4)..];
                if (headers.TryGetValue("content-length", out var length) && Encoding.Latin1.GetByteCount(rest) >= int.Parse(length, System.Globalization.CultureInfo.InvariantCulture))
                {
                    return (head, Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(rest)));
                }
                if (headers.GetValueOrDefault("transfer-encoding") == "chunked" && rest.EndsWith("0\r\n\r\n", StringComparison.Ordinal))
                {
                    return (head, rest);
                }
            }
            var read = await stream.ReadAsync(buffer, timeout.Token);
            if (read == 0)
            {
                var all = Encoding.Latin1.GetString(received.ToArray());
                var split = all.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                return split < 0 ? (all, "") : (all[..split], Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(all[(split + 4)..])));
            }
            received.AddRange(buffer.AsSpan(0, read).ToArray());
        }
    }

    private static Dictionary<string, string> Headers(string head) => head.Split("\r\n").Skip(1)
        .Select(line => line.Split(':', 2))
        .Where(parts => parts.Length == 2)
        .ToDictionary(parts => parts[0].Trim().ToLowerInvariant(), parts => parts[1].Trim());
}
