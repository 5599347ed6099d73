using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Playwright;
using Shouldly;
using WedTech.Contracts;
using WedTech.Server.Identity;
using WedTech.Server.Web;
using WedTech.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(WedTech.Tests.Browser.BrowserServer))]

namespace WedTech.Tests.Browser;

/// <summary>
/// The real server on a real port (Kestrel, SQLite) with the built app, and Debian's Chromium driven by
/// Playwright. Studios are reached at http://{slug}.localhost:{port}, as a person would.
/// Without Chromium the browser tests are skipped, or fail when every server is required (CI).
/// </summary>
public sealed class BrowserServer : IAsyncLifetime, IServerUnderTest
{
    /// <summary>
    /// Browser scenarios run in two lanes, one at a time in each: each starts a WebAssembly app in its own Chromium, and two
    /// cores shared with the rest of the suite make more at once slow enough to time out. Both lanes start first
    /// (<see cref="LongestCollectionsFirst"/>): they are the longest part of the suite.
    /// </summary>
    public const string Collection = "Browser";

    /// <inheritdoc cref="Collection"/>
    public const string SecondLane = "Browser, second lane";

    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>How long a scenario waits for a page to get where it expects, in milliseconds.</summary>
    private const float Wait = 60_000;

    /// <summary>
    /// How long a document load waits for the app to start: the whole WebAssembly app is fetched, compiled and started
    /// while the rest of the suite runs on two cores. In CI starts took over a minute while the other tests were busiest.
    /// </summary>
    private const float AppStart = 180_000;
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public int Port { get; } = Ports.Free();

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "wedtech-browser-tests", Guid.NewGuid().ToString("N"));

    public string MailDirectory => Path.Combine(DataDirectory, "mail");

    public string RootUrl => $"http://localhost:{Port}";

    public string StudioUrl(string slug) => $"http://{slug}.localhost:{Port}";

    public HttpClient CreateClient() => new() { BaseAddress = new Uri($"http://127.0.0.1:{Port}") };

    /// <summary>Screenshots land here; CI collects them with the test results.</summary>
    public static string ArtifactsDirectory { get; } =
        Environment.GetEnvironmentVariable("WEDTECH_ARTIFACTS") is { Length: > 0 } dir ? dir : Path.Combine(AppContext.BaseDirectory, "artifacts");

    public IBrowser Browser
    {
        get
        {
            if (!File.Exists(ChromiumPath))
            {
                if (Environment.GetEnvironmentVariable("WEDTECH_REQUIRE_ALL") == "1")
                {
                    Assert.Fail($"Chromium is required (WEDTECH_REQUIRE_ALL=1) but {ChromiumPath} is missing.");
                }
                Assert.Skip($"Browser tests skipped: {ChromiumPath} is missing (apt-get install chromium).");
            }
            return _browser ?? throw new InvalidOperationException("The browser has not started.");
        }
    }

    public IServiceProvider Services => _factory!.Services;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            return;
        }
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseStaticWebAssets();
            builder.UseSetting("Tenancy:Provider", "Sqlite");
            builder.UseSetting("Tenancy:DataDirectory", DataDirectory);
            builder.UseSetting("Tenancy:SignupPermitsPerHour", "100000");
            // No Tenancy:TenantUrlTemplate: links follow the port served (ServedAddressTests).
            builder.UseSetting("Auth:LoginPermitsPerMinute", "1000");
            builder.UseSetting("Demo:Seed", "false");
            // The inquiry form's guard against robots (a form sent within seconds of being shown) would make a scenario wait.
            builder.UseSetting("Leads:InquiryMinimumSeconds", "0");
            // Razorpay is the stand-in on its loopback port; each test brings an account of its own.
            foreach (var (key, value) in RazorpayStandIn.Instance.Settings())
            {
                builder.UseSetting(key, value);
            }
            builder.ConfigureTestServices(TestPasswordHashing.Apply);
        });
        _factory.UseKestrel(kestrel => kestrel.ListenLocalhost(Port));
        _factory.StartServer();

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        // An app start (WebAssembly boot while other tests run) can take several seconds, tens of them on a loaded machine;
        // every wait is for a condition, so a longer bound costs nothing when the page is quick.
        Assertions.SetDefaultExpectTimeout(Wait);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Directory.CreateDirectory(ArtifactsDirectory);
    }

    /// <summary>Types into a field and leaves it, as a person tabbing on does: a typed date or time is read when the field is left.</summary>
    public static async Task EnterAsync(ILocator field, string text)
    {
        await field.FillAsync(text);
        await field.BlurAsync();
    }

    /// <summary>
    /// A Chromium of its own whose camera shows <paramref name="videoFile"/> (Y4M or MJPEG) on a loop, granted without asking:
    /// for a page that scans what the camera sees. The caller disposes it.
    /// </summary>
    public async Task<IBrowser> CameraBrowserAsync(string videoFile)
    {
        _ = Browser; // skips, or fails, as every scenario does without Chromium
        return await _playwright!.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", $"--use-file-for-fake-video-capture={videoFile}"],
        });
    }

    /// <summary>
    /// A fresh browser profile (its own cookies and storage), phone-sized (360 px unless <paramref name="size"/> says) or desktop;
    /// in <paramref name="browser"/> when given (a <see cref="CameraBrowserAsync"/>), with its <paramref name="permissions"/>.
    /// </summary>
    public async Task<IPage> NewPageAsync(bool phone = false, ViewportSize? size = null, IBrowser? browser = null, IEnumerable<string>? permissions = null)
    {
        var context = await (browser ?? Browser).NewContextAsync(new BrowserNewContextOptions
        {
            Permissions = permissions,
            ViewportSize = size ?? (phone ? new ViewportSize { Width = 360, Height = 740 } : new ViewportSize { Width = 1280, Height = 860 }),
            IsMobile = phone,
            HasTouch = phone,
            Locale = "en-IN",
            TimezoneId = "Asia/Kolkata",
        });
        context.SetDefaultTimeout(Wait);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Runs a browser scenario; when it fails, the failure carries what explains it: a screenshot, the page's errors, its
    /// requests with their times (the app's own files counted, not listed), the requests still unanswered and the page's text.
    /// </summary>
    public static async Task ScenarioAsync(IPage page, string name, Func<Task> scenario)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        string At() => $"{clock.Elapsed.TotalSeconds,5:0.0}s";
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add($"{At()} {message.Text}");
            }
        };
        page.PageError += (_, error) => errors.Add($"{At()} uncaught: {error}");
        page.Crash += (_, _) => errors.Add($"{At()} the page crashed");
        var requests = new List<string>();
        var pending = new System.Collections.Concurrent.ConcurrentDictionary<IRequest, string>();
        var frameworkFiles = 0;
        page.Request += (_, request) => pending[request] = At();
        page.RequestFinished += (_, request) => pending.TryRemove(request, out var _);
        page.Response += (_, response) =>
        {
            if (response.Url.Contains("/_framework/", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref frameworkFiles);
            }
            else
            {
                requests.Add($"{At()} {response.Request.Method} {response.Url} {response.Status}");
            }
        };
        page.FrameNavigated += (_, frame) => requests.Add($"{At()} navigated {frame.Url}");
        page.RequestFailed += (_, request) =>
        {
            pending.TryRemove(request, out var _);
            requests.Add($"{At()} FAILED {request.Method} {request.Url} {request.Failure}");
        };
        try
        {
            await scenario();
            // A component that threw leaves the app stopped behind its banner, whatever the scenario went on to check.
            var crash = errors.FirstOrDefault(e => e.Contains("Unhandled exception", StringComparison.Ordinal) || e.Contains("uncaught:", StringComparison.Ordinal));
            if (crash is not null || await page.Locator("#blazor-error-ui").IsVisibleAsync())
            {
                Assert.Fail($"The app failed during the scenario: {crash ?? "its error banner is showing"}");
            }
        }
        catch (Exception failure) when (failure is PlaywrightException or TimeoutException or Xunit.Sdk.IAssertionException or Shouldly.ShouldAssertException)
        {
            try
            {
                await ScreenshotAsync(page, "failed-" + name);
            }
            catch (PlaywrightException)
            {
                // A page that cannot be pictured still has its text and requests to tell.
            }
            var text = await VisibleTextAsync(page);
            throw new Xunit.Sdk.XunitException(
                $"{failure.Message}\nAt {page.Url}; screenshot failed-{name}.png in {ArtifactsDirectory}.\n" +
                $"Page text: {text}\nErrors:\n{string.Join("\n", errors)}\n" +
                $"Requests ({frameworkFiles} app files under _framework/ answered):\n{string.Join("\n", requests)}\n" +
                $"Unanswered at {At()}:\n{string.Join("\n", pending.Select(p => $"{p.Value} {p.Key.Method} {p.Key.Url}"))}");
        }
    }

    private static async Task<string> VisibleTextAsync(IPage page)
    {
        try
        {
            var text = await page.EvaluateAsync<string>("() => document.body ? document.body.innerText : ''");
            text = string.Join(" ", text.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
            return text.Length > 400 ? text[..400] + "…" : text;
        }
        catch (PlaywrightException unreadable)
        {
            return $"(unreadable: {unreadable.Message})";
        }
    }

    /// <summary>
    /// For waiting on an address: the navigation has committed. What the page then shows is waited for by the condition
    /// that follows (<see cref="AppStartedAsync"/> after a document load). Waiting for the load event instead timed out in
    /// CI under load although the page was there, both for the app's own page changes and for a form's redirect.
    /// </summary>
    public static readonly PageWaitForURLOptions Committed = new() { WaitUntil = WaitUntilState.Commit };

    /// <summary>
    /// For a click that loads another document (a form's post, signup's hand-over): the click returns at once, and the
    /// scenario then waits for the address and for the app to start. Playwright would otherwise wait for the new
    /// document's load event, which in CI outlasted 60 s while the app was already on the screen. Playwright marks the
    /// option obsolete because it is to become the default; until then this is how to ask for it.
    /// </summary>
#pragma warning disable CS0612
    public static readonly LocatorClickOptions LoadsAnotherPage = new() { NoWaitAfter = true };
#pragma warning restore CS0612

    /// <summary>
    /// Signs in on the studio's sign-in page (opening it unless the page <paramref name="isOnIt"/> already) and waits to land
    /// at <paramref name="expectedPath"/>.
    /// </summary>
    public async Task SignInWithTheFormAsync(IPage page, string slug, string email, string expectedPath, bool isOnIt = false)
    {
        if (!isOnIt)
        {
            await page.GotoAsync($"{StudioUrl(slug)}/login");
        }
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Studio.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync(LoadsAnotherPage);
        await page.WaitForURLAsync(StudioUrl(slug) + expectedPath, Committed);
        await AppStartedAsync(page);
    }

    /// <summary>
    /// Signs in as the sign-in form does (the API's tokens in the session cookies, see <see cref="BrowserSession"/>) without
    /// the form, opens <paramref name="open"/> (where the form goes next, unless told) and waits to land at
    /// <paramref name="expectedPath"/>. For the scenarios about something else; the form has scenarios of its own.
    /// </summary>
    public async Task SignInAsync(IPage page, string slug, string email, string expectedPath, string open = AppPaths.Home)
    {
        using var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Tenant", slug);
        var tokens = await (await client.PostJsonAsync("/api/v1/auth/login", new LoginRequest(email, Studio.Password))).ReadAsync<TokenResponse>();
        var host = new Uri(StudioUrl(slug)).Host;
        await page.Context.AddCookiesAsync(
        [
            SessionCookie(BrowserSession.AccessCookie, tokens.AccessToken, host, "/", tokens.AccessTokenExpiresAt),
            SessionCookie(BrowserSession.RefreshCookie, tokens.RefreshToken, host, BrowserSession.RefreshPath, tokens.RefreshTokenExpiresAt),
            // The form's lax "signed in" cookie too: it is what lets a link from another site (Razorpay's return) open the app.
            SessionCookie(BrowserSession.SignedInCookie, "1", host, "/", tokens.RefreshTokenExpiresAt, SameSiteAttribute.Lax),
        ]);
        await OpenAsync(page, StudioUrl(slug) + open);
        await page.WaitForURLAsync(StudioUrl(slug) + expectedPath, Committed);
    }

    /// <summary>Loads an app address as a typed or bookmarked link does (a new document) and waits for the app to start.</summary>
    public static async Task OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Commit });
        await AppStartedAsync(page);
    }

    /// <summary>
    /// Moves the running app to <paramref name="appPath"/> (under /app/) as its own links do, without loading a document:
    /// for going through several pages of the app, each start of which would cost the suite seconds of both cores.
    /// </summary>
    public static async Task GoInAppAsync(IPage page, string appPath)
    {
        var target = new Uri(new Uri(page.Url), appPath).AbsoluteUri;
        await page.EvaluateAsync("path => Blazor.navigateTo(path)", appPath);
        await page.WaitForURLAsync(url => url == target, Committed);
    }

    /// <summary>The app has replaced its start screen with a page (or the server answered with a page of its own).</summary>
    public static async Task AppStartedAsync(IPage page) =>
        await page.WaitForFunctionAsync("() => !document.querySelector('#app > .boot')", null, new() { Timeout = AppStart, PollingInterval = 250 });

    private static Cookie SessionCookie(string name, string value, string host, string path, DateTimeOffset expires,
        SameSiteAttribute sameSite = SameSiteAttribute.Strict) => new()
    {
        Name = name,
        Value = value,
        Domain = host,
        Path = path,
        Expires = expires.ToUnixTimeSeconds(),
        HttpOnly = true,
        SameSite = sameSite,
    };

    /// <summary>
    /// Nothing on the page is wider than the viewport (a phone never scrolls sideways). Measured against the layout viewport:
    /// a phone (IsMobile) zooms out to show a page that is too wide, which widens window.innerWidth with it.
    /// </summary>
    public static async Task NoHorizontalScrollAsync(IPage page, string name)
    {
        try
        {
            // A layout settles after a resize or an opening dialog (MudBlazor re-renders at a breakpoint): wait for it, briefly.
            await page.WaitForFunctionAsync("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth", null, new() { Timeout = 5_000 });
        }
        catch (TimeoutException)
        {
            // Measured and reported below.
        }
        var (content, viewport) = (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("() => document.documentElement.clientWidth"));
        if (content > viewport)
        {
            // What sticks out furthest, to fix rather than guess.
            var widest = await page.EvaluateAsync<string>("""
                () => [...document.querySelectorAll('body *')].map(e => [e, e.getBoundingClientRect().right + window.scrollX]).sort((a, b) => b[1] - a[1]).slice(0, 3)
                    .map(([e, right]) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} (right edge ${Math.round(right)} px)`).join('; ')
                """);
            content.ShouldBeLessThanOrEqualTo(viewport, $"{name} is {content} px wide in a {viewport} px viewport; furthest right: {widest}");
        }
    }

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactsDirectory, name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_browser is not null)
            {
                await _browser.DisposeAsync();
            }
            _playwright?.Dispose();
        }
        catch (PlaywrightException closing)
        {
            // Chromium and the Playwright driver are separate processes that may already be gone at the end of a
            // run; that says nothing about the product, so it is reported, not failed.
            Console.Error.WriteLine($"Browser tests: closing Chromium: {closing.Message}");
        }
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the OS temp folder is cleaned anyway.
        }
    }
}
