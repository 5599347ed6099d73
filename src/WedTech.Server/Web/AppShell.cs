using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace WedTech.Server.Web;

/// <summary>
/// The app's index.html, served for every app address with a content security policy that lets in only
/// the app's own files, WebAssembly, and the inline import map the build writes (by its hash).
/// </summary>
public sealed partial class AppShell(IWebHostEnvironment environment)
{
    private readonly Lazy<(byte[] Html, string Policy)?> _shell = new(() => Load(environment));

    public IResult Serve(HttpContext http)
    {
        if (_shell.Value is not { } shell)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "App not built", detail: "Build src/WedTech.App (dotnet build) to serve the app.");
        }
        http.Response.Headers.ContentSecurityPolicy = shell.Policy;
        // The shell is small and names fingerprinted files: always check for a new one.
        http.Response.Headers.CacheControl = "no-cache";
        return Results.Bytes(shell.Html, "text/html; charset=utf-8");
    }

    private static (byte[], string)? Load(IWebHostEnvironment environment)
    {
        var file = environment.WebRootFileProvider.GetFileInfo("app/index.html");
        if (!file.Exists)
        {
            return null;
        }
        using var stream = file.CreateReadStream();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var html = buffer.ToArray();
        var hashes = InlineScript().Matches(Encoding.UTF8.GetString(html))
            .Select(m => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(m.Groups[1].Value)))}'");
        var policy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' " + string.Join(' ', hashes) +
            "; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; " +
            "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";
        return (html, policy);
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();
}
