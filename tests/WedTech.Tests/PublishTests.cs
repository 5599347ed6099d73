using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Reflection;
using Microsoft.Playwright;
using Shouldly;
using WedTech.Tests.Browser;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

/// <summary>
/// What is deployed is the publish output, not the build the other tests run: the app trimmed, the files
/// compressed. The published server must serve the app and its files (a hosting project's publish once
/// left the app's index.html out, and /app/ answered 404), and the trimmed app must work in a browser.
/// </summary>
[Collection(Collection)]
public sealed class PublishTests(BrowserServer browsers)
{
    /// <summary>
    /// Not in a lane of the browser scenarios (<see cref="BrowserServer.Collection"/>): the publish takes minutes of its own,
    /// and only at its end does it open an app.
    /// </summary>
    public const string Collection = "Publish";

    [Fact]
    public async Task The_published_server_serves_the_app_shell_and_its_files()
    {
        var cancel = TestContext.Current.CancellationToken;
        var root = RepositoryRoot();
        var output = Path.Combine(Path.GetTempPath(), "wedtech-publish-" + Guid.NewGuid().ToString("N"));
        try
        {
            // The build the tests run, published as a deployment publishes it (the app trimmed, every file compressed) without
            // compiling it again: --no-build writes only publish files of its own under obj/, never the build the other tests
            // are running. Brotli at its fastest level: a deployment compresses at the smallest size, which would cost the check
            // 18 of its 60 CPU-seconds and check nothing more than that compressed files are made and served.
            var (code, log) = await RunAsync("dotnet", ["publish", Path.Combine(root, "src", "WedTech.Server"), "-c", BuildConfiguration, "--no-build",
                "-p:_BlazorBrotliCompressionLevel=Fastest", "-o", output, "-nologo"], root, cancel);
            code.ShouldBe(0, log);
            File.Exists(Path.Combine(output, "wwwroot", "app", "index.html")).ShouldBeTrue("the app's index.html is not in the publish output");

            var port = Ports.Free();
            // Started from another folder, as a service manager or a container does: it finds its own files. Given no address
            // for links: the studios' links follow the port it listens on.
            var elsewhere = Directory.CreateDirectory(Path.Combine(output, "elsewhere")).FullName;
            using var server = Process.Start(new ProcessStartInfo("dotnet", [Path.Combine(output, "WedTech.Server.dll"), "--urls", $"http://127.0.0.1:{port}"])
            {
                WorkingDirectory = elsewhere,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment =
                {
                    ["ASPNETCORE_ENVIRONMENT"] = "Production",
                    ["Tenancy__DataDirectory"] = Path.Combine(output, "data"),
                    ["Auth__SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
                },
            })!;
            // Read as it comes (a full pipe would stop the server), and told if it never starts.
            var written = new System.Collections.Concurrent.ConcurrentQueue<string>();
            server.OutputDataReceived += (_, line) => written.Enqueue(line.Data ?? "");
            server.ErrorDataReceived += (_, line) => written.Enqueue(line.Data ?? "");
            server.BeginOutputReadLine();
            server.BeginErrorReadLine();
            try
            {
                using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
                await WaitForHealthAsync(http, server, written, cancel);

                var shell = await http.GetAsync("/app/weddings", cancel);
                shell.StatusCode.ShouldBe(HttpStatusCode.OK);
                (await shell.Content.ReadAsStringAsync(cancel)).ShouldContain("_framework/blazor.webassembly.js");
                shell.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("'wasm-unsafe-eval'");
                foreach (var file in new[] { "/app/_framework/blazor.webassembly.js", "/app/service-worker.js", "/app/service-worker-assets.js",
                    "/app/manifest.webmanifest", "/app/icon-512.png", "/_content/MudBlazor/MudBlazor.min.css", "/_content/MudBlazor/MudBlazor.min.js", "/site.css" })
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, file);
                    request.Headers.AcceptEncoding.ParseAdd("br");
                    var response = await http.SendAsync(request, cancel);
                    response.StatusCode.ShouldBe(HttpStatusCode.OK, file);
                    if (!file.EndsWith(".png", StringComparison.Ordinal))
                    {
                        // Served from the publish's brotli file, which decodes.
                        response.Content.Headers.ContentEncoding.ShouldBe(["br"], file);
                        using var decoded = new MemoryStream();
                        await using (var brotli = new BrotliStream(await response.Content.ReadAsStreamAsync(cancel), CompressionMode.Decompress))
                        {
                            await brotli.CopyToAsync(decoded, cancel);
                        }
                        decoded.Length.ShouldBeGreaterThan(0, file);
                    }
                }

                await UseTheTrimmedAppAsync(port);
            }
            finally
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync(cancel);
            }
        }
        finally
        {
            try
            {
                Directory.Delete(output, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>Sign up, plan a wedding and visit every main page of the published (trimmed) app.</summary>
    private async Task UseTheTrimmedAppAsync(int port)
    {
        var page = await browsers.NewPageAsync();
        var slug = Studio.NewSlug("published");
        await BrowserServer.ScenarioAsync(page, "published", async () =>
        {
            await page.GotoAsync($"http://localhost:{port}/");
            await page.GetByLabel("Studio name").FillAsync("Published Weddings");
            await page.GetByLabel("Your address").FillAsync(slug);
            await page.GetByLabel("Your name").FillAsync("Ira Sen");
            await page.GetByLabel("Your e-mail").FillAsync($"ira@{slug}.example.com");
            await page.GetByLabel("Choose a password").FillAsync(Studio.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Create my studio" }).ClickAsync(BrowserServer.LoadsAnotherPage);
            await page.WaitForURLAsync(url => url.Contains($"{slug}.localhost:{port}/app/", StringComparison.Ordinal), BrowserServer.Committed);
            await BrowserServer.AppStartedAsync(page);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Namaste, Ira Sen" })).ToBeVisibleAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = "New wedding" }).First.ClickAsync();
            await page.GetByLabel("Title").FillAsync("सेन–बसु विवाह");
            await page.GetByLabel("Bride's name").FillAsync("ইরা সেন");
            await page.GetByLabel("Groom's name").FillAsync("Arjun Basu");
            await BrowserServer.EnterAsync(page.GetByLabel("Wedding date", new() { Exact = true }), "15/01/2027");
            await page.GetByLabel("Estimated budget (₹)").FillAsync("2500000");
            await page.Locator("[data-test=add-team-member]").ClickAsync();
            await page.Locator("[data-test=save]").ClickAsync();
            await Assertions.Expect(page.GetByText("Choose a person")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Remove from the team" }).ClickAsync();
            await page.Locator("[data-test=save]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-test=budget]")).ToHaveTextAsync("₹25,00,000");
            await page.Locator("[data-test=delete]").ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Keep it" }).ClickAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = "Weddings", Exact = true }).ClickAsync();
            await page.GetByLabel("Search by title or couple's name").FillAsync("ইরা");
            await Assertions.Expect(page.Locator("[data-test=weddings-table]")).ToContainTextAsync("सेन–बसु विवाह");
            await page.GetByRole(AriaRole.Link, new() { Name = "Team" }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-test=users-table]")).ToContainTextAsync("Ira Sen");
            await page.GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
            await page.GetByRole(AriaRole.Combobox, new() { Name = "Time zone" }).FillAsync("Asia/Dub");
            await Assertions.Expect(page.GetByText("Asia/Dubai")).ToBeVisibleAsync();
            await BrowserServer.ScreenshotAsync(page, "published-settings");
        });
    }

    /// <summary>
    /// A start-up takes seconds on a quiet machine; while the rest of the suite kept both cores busy one took over 30 s, so the
    /// wait is for the server to answer (or exit), up to two minutes.
    /// </summary>
    private static readonly TimeSpan StartUp = TimeSpan.FromMinutes(2);

    private static async Task WaitForHealthAsync(HttpClient http, Process server, IEnumerable<string> written, CancellationToken cancel)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < StartUp)
        {
            if (server.HasExited)
            {
                throw new Xunit.Sdk.XunitException($"The published server exited with code {server.ExitCode}. It wrote:\n{string.Join('\n', written)}");
            }
            try
            {
                if ((await http.GetAsync("/health", cancel)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(250, cancel);
        }
        throw new Xunit.Sdk.XunitException($"The published server did not start within {StartUp.TotalSeconds:0} s. It wrote:\n{string.Join('\n', written.TakeLast(40))}");
    }

    private static async Task<(int Code, string Log)> RunAsync(string file, string[] arguments, string directory, CancellationToken cancel)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["MSBUILDDISABLENODEREUSE"] = "1", ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0" },
        })!;
        var output = process.StandardOutput.ReadToEndAsync(cancel);
        var errors = process.StandardError.ReadToEndAsync(cancel);
        await process.WaitForExitAsync(cancel);
        return (process.ExitCode, await output + await errors);
    }

    /// <summary>The configuration this assembly was built in (Release in CI): the build that is published.</summary>
    private static string BuildConfiguration => typeof(PublishTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration
        ?? throw new InvalidOperationException("The test assembly names no build configuration.");

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "WedTech.slnx")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("WedTech.slnx not found above " + AppContext.BaseDirectory);
    }
}
