using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace WedTech.Server.Web;

/// <summary>
/// Requests the web server refuses before the app sees them (a request target it cannot decode, such as <c>%00</c>; a
/// request line over its limit, 414; headers over theirs, 431; a malformed request line) get an answer with no body
/// and none of the app's headers, and Kestrel offers no hook to change it. So each connection's output passes through
/// a writer that, only when Kestrel has just reported such a refusal on that connection (its
/// <c>Microsoft.AspNetCore.Server.Kestrel.BadRequest</c> diagnostic event, raised before it answers), replaces the
/// empty answer with the same status as an RFC 9457 problem document carrying the usual security headers. Every other
/// write passes straight through, with no copy.
/// </summary>
public static class ServerRejections
{
    private const string BadRequestEvent = "Microsoft.AspNetCore.Server.Kestrel.BadRequest";
    private static readonly ConcurrentDictionary<string, RefusalWriter> Connections = new(StringComparer.Ordinal);

    /// <summary>Every endpoint Kestrel listens on gets the connection middleware; the app listens for the refusals.</summary>
    public static IServiceCollection AddServerRejections(this IServiceCollection services) =>
        services.Configure<KestrelServerOptions>(options => options.ConfigureEndpointDefaults(listen => listen.Use(next => async connection =>
        {
            var writer = new RefusalWriter(connection.Transport.Output);
            var transport = connection.Transport;
            connection.Transport = new DuplexPipe(transport.Input, writer);
            Connections[connection.ConnectionId] = writer;
            try
            {
                await next(connection);
            }
            finally
            {
                Connections.TryRemove(connection.ConnectionId, out _);
                connection.Transport = transport;
            }
        })));

    public static WebApplication UseServerRejections(this WebApplication app)
    {
        var subscription = app.Services.GetRequiredService<DiagnosticListener>().Subscribe(new Observer(), name => name == BadRequestEvent);
        app.Lifetime.ApplicationStopped.Register(subscription.Dispose);
        return app;
    }

    private sealed class Observer : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Value is IFeatureCollection features
                && features.Get<IHttpConnectionFeature>()?.ConnectionId is { } id
                && Connections.TryGetValue(id, out var writer)
                && features.Get<IBadRequestExceptionFeature>()?.Error is Microsoft.AspNetCore.Http.BadHttpRequestException refusal)
            {
                writer.ExpectRefusal(refusal.StatusCode);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;
        public PipeWriter Output { get; } = output;
    }

    /// <summary>
    /// Passes writes through, except the one answer that follows a refusal, which it buffers and replaces. Memory is
    /// advanced where it was handed out, so a refusal reported between a write's GetMemory and its Advance (a request
    /// body that fails while the app writes) never mixes the two.
    /// </summary>
    private sealed class RefusalWriter(PipeWriter inner) : PipeWriter
    {
        private ArrayBufferWriter<byte>? _refusal;
        private ArrayBufferWriter<byte>? _handedOut;
        private int _status;

        public void ExpectRefusal(int status)
        {
            _status = status;
            _refusal = new ArrayBufferWriter<byte>(256);
        }

        public override Memory<byte> GetMemory(int sizeHint = 0) => (_handedOut = _refusal) is { } buffer ? buffer.GetMemory(sizeHint) : inner.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => (_handedOut = _refusal) is { } buffer ? buffer.GetSpan(sizeHint) : inner.GetSpan(sizeHint);

        public override void Advance(int bytes)
        {
            if (_handedOut is { } buffer)
            {
                buffer.Advance(bytes);
            }
            else
            {
                inner.Advance(bytes);
            }
        }

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
        {
            if (_refusal is { } buffer)
            {
                _refusal = null;
                inner.Write(Rewrite(buffer.WrittenSpan, _status));
            }
            return inner.FlushAsync(cancellationToken);
        }

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

        public override long UnflushedBytes => inner.UnflushedBytes + (_refusal?.WrittenCount ?? 0);

        public override void Complete(Exception? exception = null)
        {
            if (_refusal is { } buffer)
            {
                _refusal = null;
                inner.Write(buffer.WrittenSpan);
            }
            inner.Complete(exception);
        }

        public override ValueTask CompleteAsync(Exception? exception = null)
        {
            Complete(exception);
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>
    /// Kestrel's refusal (an HTTP/1.x status line and headers, with no body) becomes the same status with a problem
    /// document and the security headers. Anything else (the app answered after all) is written as it was.
    /// </summary>
    internal static byte[] Rewrite(ReadOnlySpan<byte> written, int status)
    {
        var text = Encoding.Latin1.GetString(written);
        var headEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (!text.StartsWith("HTTP/1.", StringComparison.Ordinal) || headEnd < 0 || headEnd + 4 != text.Length
            || !text.Contains("\r\nContent-Length: 0\r\n", StringComparison.OrdinalIgnoreCase)
            || text.Contains("\r\nX-Content-Type-Options:", StringComparison.OrdinalIgnoreCase))
        {
            return written.ToArray();
        }
        var lines = text[..headEnd].Split("\r\n");
        var (title, detail) = Describe(status);
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["type"] = $"https://www.rfc-editor.org/rfc/rfc9110#status.{status}",
            ["title"] = title,
            ["status"] = status,
            ["detail"] = detail,
        });
        var head = new StringBuilder();
        head.Append(lines[0]).Append("\r\n");
        foreach (var line in lines.Skip(1).Where(l => !l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)))
        {
            head.Append(line).Append("\r\n");
        }
        head.Append("Content-Type: application/problem+json\r\n");
        head.Append("Content-Length: ").Append(body.Length).Append("\r\n");
        head.Append("Cache-Control: no-store\r\n");
        foreach (var (name, value) in SecurityHeaders.Always)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }
        head.Append("\r\n");
        return [.. Encoding.Latin1.GetBytes(head.ToString()), .. body];
    }

    private static (string Title, string Detail) Describe(int status) => status switch
    {
        StatusCodes.Status414UriTooLong => ("Address too long", "The address of the request is longer than this server accepts (8 KB). Send long values in the request body."),
        StatusCodes.Status431RequestHeaderFieldsTooLarge => ("Request headers too large", "The request headers are larger than this server accepts (32 KB in all). Clear the cookies of this site, or send less."),
        StatusCodes.Status413PayloadTooLarge => ("Request body too large", "The request body is larger than this server accepts."),
        StatusCodes.Status411LengthRequired => ("Length required", "Send the request body with a Content-Length header or chunked."),
        StatusCodes.Status405MethodNotAllowed => ("Method not allowed", "This server does not accept this HTTP method."),
        StatusCodes.Status505HttpVersionNotsupported => ("HTTP version not supported", "Use HTTP/1.1 or HTTP/2."),
        StatusCodes.Status408RequestTimeout => ("Request timeout", "The request did not arrive in time. Send it again."),
        _ => ("Bad request", "The server could not read this request: its address or headers are malformed (for example an encoded NUL, %00, in the path)."),
    };
}
