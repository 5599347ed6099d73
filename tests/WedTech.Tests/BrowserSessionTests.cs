using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shouldly;
using WedTech.Contracts;
using WedTech.Server.Identity;
using WedTech.Server.Messaging.Outbox;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

/// <summary>
/// The browser's session: HttpOnly cookies set by the server-rendered pages, honoured for state changes
/// only with the anti-forgery header, renewed and ended through the session endpoints.
/// </summary>
public abstract partial class BrowserSessionTests(TestServer server) : ProviderTests(server)
{
    [Fact]
    public async Task Signing_in_on_the_login_page_sets_http_only_strict_cookies_that_authenticate_the_app()
    {
        var studio = await NewStudioAsync();
        using var browser = Browser(studio.Slug);

        var response = await SubmitFormAsync(browser, "/login?returnUrl=%2Fapp%2Fweddings", "login",
            new() { ["Posted.Email"] = studio.AdminEmail, ["Posted.Password"] = Studio.Password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Target(response).ShouldBe($"http://{studio.Slug}.localhost/app/weddings");
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        var access = cookies.Single(c => c.StartsWith(BrowserSession.AccessCookie + "=", StringComparison.Ordinal));
        var refresh = cookies.Single(c => c.StartsWith(BrowserSession.RefreshCookie + "=", StringComparison.Ordinal));
        var signedIn = cookies.Single(c => c.StartsWith(BrowserSession.SignedInCookie + "=", StringComparison.Ordinal));
        foreach (var cookie in new[] { access, refresh, signedIn })
        {
            cookie.ShouldContain("httponly", Case.Insensitive);
            cookie.ShouldContain(cookie == signedIn ? "samesite=lax" : "samesite=strict", Case.Insensitive);
            cookie.ShouldNotContain("domain=", Case.Insensitive);
        }
        signedIn.ShouldStartWith(BrowserSession.SignedInCookie + "=1;", customMessage: "it says only that there is a session, never which");
        refresh.ShouldContain("path=/api/v1/auth/session", Case.Insensitive);

        (await browser.GetAsync<MeResponse>("/api/v1/me")).Email.ShouldBe(studio.AdminEmail);
    }

    [Fact]
    public async Task A_cookie_alone_cannot_change_anything_the_anti_forgery_header_is_required()
    {
        var studio = await NewStudioAsync();
        using var browser = await SignedInBrowserAsync(studio);
        var wedding = new WeddingRequest("Forged", "A", "B", new DateOnly(2027, 1, 1), null, null, null, null, null, null);

        // What a cross-site form post would carry: the cookies, not the header.
        (await browser.PostJsonAsync("/api/v1/weddings", wedding)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await browser.PostAsync("/api/v1/auth/session/refresh", null, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await browser.PostAsync("/api/v1/auth/session/logout", null, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var admin = await studio.AdminAsync();
        (await admin.GetAsync<PagedResponse<WeddingSummaryResponse>>("/api/v1/weddings")).TotalCount.ShouldBe(0);

        browser.DefaultRequestHeaders.Add(BrowserSession.CsrfHeader, "1");
        await (await browser.PostJsonAsync("/api/v1/weddings", wedding)).ReadAsync<WeddingResponse>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_session_renews_once_per_refresh_cookie_and_logout_ends_it()
    {
        var studio = await NewStudioAsync();
        using var browser = await SignedInBrowserAsync(studio);
        browser.DefaultRequestHeaders.Add(BrowserSession.CsrfHeader, "1");
        var firstRefresh = Cookie(browser, studio.Slug, BrowserSession.RefreshCookie, "/api/v1/auth/session");

        (await browser.PostAsync("/api/v1/auth/session/refresh", null, Cancel)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var secondRefresh = Cookie(browser, studio.Slug, BrowserSession.RefreshCookie, "/api/v1/auth/session");
        secondRefresh.ShouldNotBe(firstRefresh);
        (await browser.GetAsync<MeResponse>("/api/v1/me")).Email.ShouldBe(studio.AdminEmail);

        (await browser.GetAsync("/app/weddings", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await browser.PostAsync("/api/v1/auth/session/logout", null, Cancel)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await browser.GetAsync("/api/v1/me", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var afterLogout = await browser.GetAsync("/app/weddings", Cancel);
        afterLogout.StatusCode.ShouldBe(HttpStatusCode.Redirect, "signed out, the app's addresses go to sign in");

        // The refresh token of the ended session renews nothing, even when replayed by hand.
        using var replay = Browser(studio.Slug);
        replay.DefaultRequestHeaders.Add("Cookie", $"{BrowserSession.RefreshCookie}={secondRefresh}");
        replay.DefaultRequestHeaders.Add(BrowserSession.CsrfHeader, "1");
        await (await replay.PostAsync("/api/v1/auth/session/refresh", null, Cancel)).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_landing_page_shows_the_product_and_each_plan_with_its_price_and_its_daily_messages()
    {
        using var site = Server.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost") });
        var page = WebUtility.HtmlDecode(await site.GetStringAsync("/", Cancel));
        var quotas = Server.Services.GetRequiredService<IOptions<MessagingOptions>>().Value;
        foreach (var (plan, price) in new[]
        {
            (TenantPlan.Starter, "₹2,999 a month"), (TenantPlan.Professional, "₹7,999 a month"), (TenantPlan.Premium, "₹19,999 a month"), (TenantPlan.Enterprise, "Talk to us"),
        })
        {
            var card = PlanCard().Matches(page).Select(m => m.Value).Single(c => c.Contains($">{plan}</h3>", StringComparison.Ordinal));
            card.ShouldContain(price);
            var quota = quotas.QuotaFor(plan);
            card.ShouldContain($"{IndianFormat.Count(quota.WhatsApp)} WhatsApp messages and {IndianFormat.Count(quota.Sms)} SMS a day",
                customMessage: "the allowance shown is the one the outbox enforces");
        }
        page.ShouldContain("<option value=\"professional\">Professional — ₹7,999 a month</option>");
        foreach (var screen in ScreenImage().Matches(page).Select(m => m.Groups[1].Value))
        {
            var image = await site.GetAsync(screen, Cancel);
            image.StatusCode.ShouldBe(HttpStatusCode.OK, screen);
            image.Content.Headers.ContentType!.MediaType.ShouldBe("image/png", screen);
        }
        ScreenImage().Count(page).ShouldBe(2);
    }

    [GeneratedRegex(@"<article class=""plan"".*?</article>", RegexOptions.Singleline)]
    private static partial Regex PlanCard();

    [GeneratedRegex(@"<img src=""(/screens/[^""]+)""")]
    private static partial Regex ScreenImage();

    [Fact]
    public async Task Signup_on_the_landing_page_hands_the_admin_over_to_their_studio_once()
    {
        var slug = Studio.NewSlug("landing");
        using var site = Server.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") });
        var signup = await SubmitFormAsync(site, "/", "signup", new()
        {
            ["Posted.CompanyName"] = "Phoolon Ki Shaadi",
            ["Posted.Slug"] = slug,
            ["Posted.AdminName"] = "Farah Khan",
            ["Posted.AdminEmail"] = $"farah@{slug}.example.com",
            ["Posted.AdminPassword"] = Studio.Password,
            ["Posted.Plan"] = "premium",
        });
        signup.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var handoff = signup.Headers.Location!;
        handoff.Host.ShouldBe($"{slug}.localhost");
        handoff.AbsolutePath.ShouldBe("/auth/handoff");

        using var studioBrowser = Browser(slug);
        var landed = await studioBrowser.GetAsync(handoff.PathAndQuery, Cancel);
        landed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        landed.Headers.Location!.OriginalString.ShouldBe("/app/");
        (await studioBrowser.GetAsync<MeResponse>("/api/v1/me")).Role.ShouldBe(Role.Admin);

        // The ticket works once, only on its own studio, and not when altered.
        using var replay = Browser(slug);
        (await replay.GetAsync(handoff.PathAndQuery, Cancel)).Headers.Location!.OriginalString.ShouldBe("/login");
        var other = await NewStudioAsync();
        using var elsewhere = Browser(other.Slug);
        (await elsewhere.GetAsync(handoff.PathAndQuery, Cancel)).Headers.Location!.OriginalString.ShouldBe("/login");
        using var tampered = Browser(slug);
        (await tampered.GetAsync(handoff.PathAndQuery.Replace("ticket=C", "ticket=D", StringComparison.Ordinal) + "x", Cancel)).Headers.Location!.OriginalString.ShouldBe("/login");
        (await elsewhere.GetAsync("/api/v1/me", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Forms_show_the_api_rules_at_their_fields_and_never_redirect_off_the_app()
    {
        var studio = await NewStudioAsync(Studio.NewSlug("forms"));
        using var site = Server.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") });
        var taken = await SubmitFormAsync(site, "/", "signup", new()
        {
            ["Posted.CompanyName"] = "X",
            ["Posted.Slug"] = studio.Slug,
            ["Posted.AdminName"] = "Farah\u0007",
            ["Posted.AdminEmail"] = "not-an-address",
            ["Posted.AdminPassword"] = "short",
            ["Posted.Plan"] = "free-for-ever",
        });
        taken.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await taken.Content.ReadAsStringAsync(Cancel);
        foreach (var field in new[] { "companyname", "adminname", "adminemail", "adminpassword", "plan" })
        {
            page.ShouldContain($"id=\"f-posted-{field}-error\"", Case.Sensitive, $"no error shown at {field}");
        }

        using var browser = Browser(studio.Slug);
        var wrong = await SubmitFormAsync(browser, "/login", "login", new() { ["Posted.Email"] = studio.AdminEmail, ["Posted.Password"] = "wrong-password-1" });
        wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await wrong.Content.ReadAsStringAsync(Cancel)).ShouldContain("The e-mail or password is not right.");
        wrong.Headers.Contains("Set-Cookie").ShouldBeFalse();

        foreach (var returnUrl in new[] { "//evil.example/app/", "https://evil.example/app/", "/app/\\evil.example", "/login" })
        {
            using var visitor = Browser(studio.Slug);
            var signedIn = await SubmitFormAsync(visitor, "/login?returnUrl=" + Uri.EscapeDataString(returnUrl), "login",
                new() { ["Posted.Email"] = studio.AdminEmail, ["Posted.Password"] = Studio.Password });
            Target(signedIn).ShouldBe($"http://{studio.Slug}.localhost/app/", $"returnUrl {returnUrl}");
        }
    }

    [Fact]
    public async Task A_visitor_without_a_session_goes_to_sign_in_before_any_of_the_app_is_sent_and_comes_back_after()
    {
        var studio = await NewStudioAsync();
        using var visitor = Browser(studio.Slug);
        foreach (var (path, back) in new[]
        {
            ("/app/", "%2Fapp%2F"),
            ("/app/weddings?status=booked&q=Priya%20%26%20Rahul", "%2Fapp%2Fweddings%3Fstatus%3Dbooked%26q%3DPriya%2520%2526%2520Rahul"),
            ("/app/weddings/0190a1b2-0000-7000-8000-000000000000/events", "%2Fapp%2Fweddings%2F0190a1b2-0000-7000-8000-000000000000%2Fevents"),
        })
        {
            var sent = await visitor.GetAsync(path, Cancel);
            sent.StatusCode.ShouldBe(HttpStatusCode.Redirect, path);
            sent.Headers.Location!.OriginalString.ShouldBe("/login?returnUrl=" + back, path);
            (await sent.Content.ReadAsStringAsync(Cancel)).ShouldNotContain("blazor", Case.Insensitive);
        }

        // Someone who never signed in is asked to sign in, not told a session ended; the app says so when one did.
        var login = await (await visitor.GetAsync("/login?returnUrl=%2Fapp%2F", Cancel)).Content.ReadAsStringAsync(Cancel);
        login.ShouldNotContain("session has ended");
        (await (await visitor.GetAsync("/login?ended=true&returnUrl=%2Fapp%2F", Cancel)).Content.ReadAsStringAsync(Cancel)).ShouldContain("Your session has ended.");

        var signedIn = await SubmitFormAsync(visitor, "/login?returnUrl=%2Fapp%2Fweddings%3Fstatus%3Dbooked", "login",
            new() { ["Posted.Email"] = studio.AdminEmail, ["Posted.Password"] = Studio.Password });
        Target(signedIn).ShouldBe($"http://{studio.Slug}.localhost/app/weddings?status=booked");
        (await visitor.GetAsync("/app/weddings?status=booked", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The product's own root (no studio) has no sign-in to send anyone to: it serves the shell as before.
        using var root = Server.Factory.CreateDefaultClient(new Uri("http://localhost"));
        (await root.GetAsync("/app/", Cancel)).StatusCode.ShouldNotBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Pages_and_the_app_shell_carry_a_strict_content_policy_and_no_referrer()
    {
        var studio = await NewStudioAsync();
        using var browser = Browser(studio.Slug);
        var login = await browser.GetAsync("/login", Cancel);
        login.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("script-src 'none'");
        login.Headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer");
        login.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");

        // Only a browser that has (or may renew) a session gets the app; the cookie that says so is all it takes to get the
        // shell, which holds nothing of the studio's.
        browser.DefaultRequestHeaders.Add("Cookie", $"{BrowserSession.SignedInCookie}=1");
        var shell = await browser.GetAsync("/app/weddings/some-page", Cancel);
        shell.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await shell.Content.ReadAsStringAsync(Cancel)).ShouldContain("<base href=\"/app/\"");
        var policy = shell.Headers.GetValues("Content-Security-Policy").Single();
        policy.ShouldContain("script-src 'self' 'wasm-unsafe-eval';");
        policy.ShouldNotContain("'unsafe-eval'");
        policy.ShouldContain("frame-ancestors 'none'");
    }

    [Fact]
    public async Task An_unknown_studio_is_a_readable_page_for_people_and_a_problem_for_programs()
    {
        using var browser = Browser("no-such-studio-here");
        var page = await browser.GetAsync("/login", Cancel);
        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await page.Content.ReadAsStringAsync(Cancel)).ShouldContain("<h1>Tenant not found</h1>");
        await (await browser.GetAsync("/api/v1/me", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_dashboard_overview_counts_only_the_weddings_the_caller_may_see()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var coordinator = await studio.AddMemberAsync(Role.Coordinator, admin);
        var soon = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30));
        async Task<WeddingResponse> Create(string title, WeddingStatus status, DateOnly date, params TeamAssignment[] team) =>
            await (await admin.PostJsonAsync("/api/v1/weddings", new WeddingRequest(title, "A", "B", date, null, status, null, null, null, team)))
                .ReadAsync<WeddingResponse>(HttpStatusCode.Created);
        await Create("Booked soon", WeddingStatus.Booked, soon, new TeamAssignment(coordinator.Id, TeamRole.Coordinator));
        await Create("Inquiry later", WeddingStatus.Inquiry, soon.AddDays(10));
        await Create("Cancelled", WeddingStatus.Cancelled, soon.AddDays(1));
        await Create("Long past", WeddingStatus.Completed, new DateOnly(2024, 1, 1));

        var all = await admin.GetAsync<WeddingOverviewResponse>("/api/v1/weddings/overview");
        all.ByStatus.Sum(s => s.Count).ShouldBe(4);
        all.ByStatus.Single(s => s.Status == WeddingStatus.Cancelled).Count.ShouldBe(1);
        all.Upcoming.Select(w => w.Title).ShouldBe(["Booked soon", "Inquiry later"]);

        var theirs = await coordinator.Client.GetAsync<WeddingOverviewResponse>("/api/v1/weddings/overview");
        theirs.ByStatus.Sum(s => s.Count).ShouldBe(1);
        theirs.Upcoming.Select(w => w.Title).ShouldBe(["Booked soon"]);
        using var anonymous = studio.Anonymous();
        (await anonymous.GetAsync("/api/v1/weddings/overview", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private readonly Dictionary<HttpClient, CookieContainer> _cookieJars = [];

    /// <summary>Where a redirect sends the browser, as an absolute address.</summary>
    private static string Target(HttpResponseMessage redirect) =>
        new Uri(redirect.RequestMessage!.RequestUri!, redirect.Headers.Location!).AbsoluteUri;

    /// <summary>A browser on the studio's own host: keeps cookies, does not follow redirects.</summary>
    private HttpClient Browser(string slug)
    {
        var jar = new CookieContainer();
        var client = Server.Factory.CreateDefaultClient(new Uri($"http://{slug}.localhost"), new CookieContainerHandler(jar));
        _cookieJars[client] = jar;
        return client;
    }

    private async Task<HttpClient> SignedInBrowserAsync(Studio studio)
    {
        var browser = Browser(studio.Slug);
        var response = await SubmitFormAsync(browser, "/login", "login", new() { ["Posted.Email"] = studio.AdminEmail, ["Posted.Password"] = Studio.Password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return browser;
    }

    private static Task<HttpResponseMessage> SubmitFormAsync(HttpClient client, string url, string formName, Dictionary<string, string> fields) =>
        ServerForms.SubmitAsync(client, url, formName, fields);

    private string Cookie(HttpClient client, string slug, string name, string path) =>
        _cookieJars[client].GetCookies(new Uri($"http://{slug}.localhost{path}"))[name]?.Value ?? throw new Xunit.Sdk.XunitException($"No {name} cookie.");

}

public sealed class BrowserSessionTestsOnSqlite(SqliteServer server) : BrowserSessionTests(server);

public sealed class BrowserSessionTestsOnPostgres(PostgresServer server) : BrowserSessionTests(server);
