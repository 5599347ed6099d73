namespace WedTech.Server.Web;

/// <summary>
/// The app's index.html, served for every app address with a content security policy that lets in only
/// the app's own files and WebAssembly: no inline script, no eval.
/// </summary>
public sealed class AppShell(IWebHostEnvironment environment)
{
    private const string Policy =
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    private readonly Lazy<byte[]?> _html = new(() => Load(environment));

    public IResult Serve(HttpContext http)
    {
        if (_html.Value is not { } html)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "App not built", detail: "Build src/WedTech.App (dotnet build) to serve the app.");
        }
        http.Response.Headers.ContentSecurityPolicy = Policy;
        // Small, and it must never outlive a deployment: always revalidated.
        http.Response.Headers.CacheControl = "no-cache";
        return Results.Bytes(html, "text/html; charset=utf-8");
    }

    private static byte[]? Load(IWebHostEnvironment environment)
    {
        var file = environment.WebRootFileProvider.GetFileInfo("app/index.html");
        if (!file.Exists)
        {
            return null;
        }
        using var stream = file.CreateReadStream();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
