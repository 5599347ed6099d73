using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WedTech.Contracts;
using WedTech.Server.Guests;
using WedTech.Server.Identity;
using WedTech.Server.Tenancy;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

/// <summary>The guest's RSVP page on the studio's address: its link, its answers, its languages, its size, and "find my invitation".</summary>
public abstract partial class RsvpPageTests(TestServer server) : ProviderTests(server)
{
    private sealed record Setup(Studio Studio, HttpClient Admin, WeddingResponse Wedding, HouseholdResponse Household, EventResponse Mehendi, EventResponse Sangeet,
        EventResponse Reception)
    {
        public string Households => $"/api/v1/weddings/{Wedding.Id}/households";
        public Guid Member(string name) => Household.Members.Single(m => m.Name == name).Id;

        public Task<List<RsvpChangeResponse>> HistoryAsync() => Admin.GetAsync<List<RsvpChangeResponse>>($"{Households}/{Household.Id}/history");
    }

    /// <summary>
    /// A wedding of Meera and Sahil with three events, and the Sharma household (three members) invited to two of them: the
    /// Mehendi for its three members (answered per member), the Sangeet for five places (answered as a headcount).
    /// </summary>
    private async Task<Setup> SetUpAsync(string phone = "+91 98765 43210", IReadOnlyList<GuestRequest>? members = null)
    {
        var studio = await NewStudioAsync();
        var admin = await studio.AdminAsync();
        var wedding = await (await admin.PostJsonAsync("/api/v1/weddings", new WeddingRequest("Meera & Sahil, Jaipur", "Meera", "Sahil", new DateOnly(2027, 2, 14),
            "Jaipur", WeddingStatus.Booked, null, 200, null, null))).ReadAsync<WeddingResponse>(HttpStatusCode.Created);
        var venue = await (await admin.PostJsonAsync("/api/v1/venues", new VenueRequest("Samode Palace", null, "Jaipur", "08", null, null, 400, null, null, null)))
            .ReadAsync<VenueResponse>(HttpStatusCode.Created);
        async Task<EventResponse> EventAsync(string name, int day, Guid? venueId) =>
            await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/events", new EventRequest(EventType.Custom, name, new DateTime(2027, 2, day, 19, 0, 0),
                new DateTime(2027, 2, day, 23, 0, 0), null, venueId, null, null, null, null, null))).ReadAsync<EventResponse>(HttpStatusCode.Created);
        var mehendi = await EventAsync("Mehendi", 12, venue.Id);
        var sangeet = await EventAsync("Sangeet", 13, null);
        var reception = await EventAsync("Reception", 15, null);
        var household = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/households", new HouseholdRequest("Sharma family", GuestSide.Bride, null, phone,
            null, "Delhi", null, null, null, "Studio-only note", null, members ??
            [
                new GuestRequest(null, "Sunita Sharma", null, "Smt", AgeGroup.Adult, Diet.Veg, null, null, null, null),
                new GuestRequest(null, "Rahul Sharma", null, null, AgeGroup.Adult, null, null, null, null, null),
                new GuestRequest(null, "Anya Sharma", null, null, AgeGroup.Child, null, null, null, null, null),
            ]))).ReadAsync<HouseholdResponse>(HttpStatusCode.Created);
        household = await (await admin.PutJsonAsync($"/api/v1/weddings/{wedding.Id}/households/{household.Id}/invitations",
            new InvitationsRequest([new(mehendi.Id, 3, null), new(sangeet.Id, 5, null)]), $"\"{household.Version}\"")).ReadAsync<HouseholdResponse>();
        return new Setup(studio, admin, wedding, household, mehendi, sangeet, reception);
    }

    private static List<GuestRequest> Named(params string[] names) => [.. names.Select(n => new GuestRequest(null, n, null, null, null, null, null, null, null, null))];

    private static async Task<string> IssueLinkAsync(Setup setup) =>
        new Uri((await (await setup.Admin.PostAsync($"{setup.Households}/{setup.Household.Id}/rsvp-link", null, Cancel)).ReadAsync<RsvpLinkResponse>()).Url)
            .AbsolutePath["/rsvp/".Length..];

    /// <summary>A browser on the studio's own host: keeps cookies, does not follow redirects.</summary>
    private HttpClient Browser(string slug) =>
        Server.Factory.CreateDefaultClient(new Uri($"http://{slug}.localhost"), new CookieContainerHandler(new CookieContainer()));

    private static Task<HttpResponseMessage> SubmitAsync(HttpClient browser, string url, string formName, Dictionary<string, string> fields) =>
        ServerForms.SubmitAsync(browser, url, formName, fields);

    private static Task<string> TextAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK) => ServerForms.TextAsync(response, expected);

    [Fact]
    public async Task A_household_link_opens_its_page_until_revoked_or_reissued_and_only_on_its_own_studio()
    {
        var setup = await SetUpAsync();
        var issued = await (await setup.Admin.PostAsync($"{setup.Households}/{setup.Household.Id}/rsvp-link", null, Cancel)).ReadAsync<RsvpLinkResponse>();
        var studioAddress = Server.Services.GetRequiredService<StudioAddresses>().For(setup.Studio.Slug);
        Assert.StartsWith(studioAddress + "/rsvp/", issued.Url, StringComparison.Ordinal);
        var token = issued.Url[(studioAddress.Length + "/rsvp/".Length)..];
        Assert.Matches("^[A-Za-z0-9_-]{22}$", token);
        await using (var db = await TenantDatabase.OpenAsync(Server, setup.Studio))
        {
            var stored = await db.Set<Household>().AsNoTracking().SingleAsync(h => h.Id == setup.Household.Id, Cancel);
            Assert.Equal(TokenService.Hash(token), stored.RsvpTokenHash);
            Assert.Equal(setup.Household.Version, stored.Version); // a link is not an edit of the household
        }

        using var browser = Browser(setup.Studio.Slug);
        var page = await TextAsync(await browser.GetAsync($"/rsvp/{token}", Cancel));
        Assert.Contains("Meera & Sahil", page, StringComparison.Ordinal);
        Assert.Contains("Meera & Sahil, Jaipur", page, StringComparison.Ordinal);
        Assert.Contains("Mehendi", page, StringComparison.Ordinal);
        Assert.Contains("Samode Palace", page, StringComparison.Ordinal);
        Assert.Contains("Sangeet", page, StringComparison.Ordinal);
        Assert.Contains("Friday, 12 February 2027, 7:00 pm", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Reception", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Studio-only note", page, StringComparison.Ordinal);

        var unknown = await TextAsync(await browser.GetAsync($"/rsvp/{new string('A', 22)}", Cancel), HttpStatusCode.NotFound);
        Assert.Contains("This link does not work", unknown, StringComparison.Ordinal);
        Assert.Equal(unknown, await TextAsync(await browser.GetAsync("/rsvp/not-a-token-at-all", Cancel), HttpStatusCode.NotFound));

        // On another studio's host the link is as unknown as any; that studio's own unknown link looks the same.
        var other = await NewStudioAsync();
        using var elsewhere = Browser(other.Slug);
        Assert.Equal(await TextAsync(await elsewhere.GetAsync($"/rsvp/{new string('A', 22)}", Cancel), HttpStatusCode.NotFound),
            await TextAsync(await elsewhere.GetAsync($"/rsvp/{token}", Cancel), HttpStatusCode.NotFound));
        // Another studio's link, on this studio's host.
        var otherSetup = await SetUpAsync();
        var otherToken = await IssueLinkAsync(otherSetup);
        Assert.Equal(unknown, await TextAsync(await browser.GetAsync($"/rsvp/{otherToken}", Cancel), HttpStatusCode.NotFound));

        // A new link replaces the old one.
        var reissued = await IssueLinkAsync(setup);
        Assert.NotEqual(token, reissued);
        Assert.Equal(unknown, await TextAsync(await browser.GetAsync($"/rsvp/{token}", Cancel), HttpStatusCode.NotFound));
        await TextAsync(await browser.GetAsync($"/rsvp/{reissued}", Cancel));

        // Revoked: unknown, and the household keeps no hash.
        Assert.Equal(HttpStatusCode.NoContent, (await setup.Admin.DeleteAsync($"{setup.Households}/{setup.Household.Id}/rsvp-link", Cancel)).StatusCode);
        Assert.Equal(unknown, await TextAsync(await browser.GetAsync($"/rsvp/{reissued}", Cancel), HttpStatusCode.NotFound));
        await using (var db = await TenantDatabase.OpenAsync(Server, setup.Studio))
        {
            Assert.Null((await db.Set<Household>().AsNoTracking().SingleAsync(h => h.Id == setup.Household.Id, Cancel)).RsvpTokenHash);
        }

        // Another studio's household cannot be reached through this wedding's route.
        await (await setup.Admin.PostAsync($"{setup.Households}/{otherSetup.Household.Id}/rsvp-link", null, Cancel)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_guest_answers_per_member_and_as_a_headcount_with_diets_travel_and_a_note_kept_with_the_history()
    {
        var setup = await SetUpAsync();
        var token = await IssueLinkAsync(setup);
        using var browser = Browser(setup.Studio.Slug);
        var (mehendi, sangeet) = (setup.Mehendi.Id, setup.Sangeet.Id);
        var (sunita, rahul) = (setup.Member("Sunita Sharma"), setup.Member("Rahul Sharma"));
        await using var live = await RealtimeListener.ConnectAsync(Server.Factory, setup.Studio.Slug, (await setup.Studio.LoginAsync(setup.Studio.AdminEmail)).AccessToken);
        await live.JoinAsync(setup.Wedding.Id);

        var answers = new Dictionary<string, string>
        {
            [$"a-{mehendi:N}-{sunita:N}"] = "attending",
            [$"a-{mehendi:N}-{rahul:N}"] = "declined",
            [$"n-{sangeet:N}"] = "4",
            [$"d-{sunita:N}"] = "jain",
            [$"d-{rahul:N}"] = "non-veg",
            [$"al-{rahul:N}"] = "Peanuts",
            ["arrive-date"] = "2027-02-11",
            ["arrive-time"] = "14:30",
            ["arrive-by"] = "12956 Jaipur Express",
            ["depart-date"] = "2027-02-16",
            ["depart-by"] = "6E 2134",
            ["note"] = "We can't wait! — शुभकामनाएँ",
        };
        var saved = await TextAsync(await SubmitAsync(browser, $"/rsvp/{token}", "rsvp", answers));
        Assert.Contains("Thank you!", saved, StringComparison.Ordinal);
        Assert.Contains("Sunita Sharma: Coming; Rahul Sharma: Not coming", saved, StringComparison.Ordinal);
        Assert.Contains("Coming: 4", saved, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", saved, StringComparison.Ordinal);
        var change = await live.NextChangeAsync();
        Assert.Equal((setup.Wedding.Id, WeddingChange.GuestsChanged), (change.WeddingId, change.Change));

        var household = await setup.Admin.GetAsync<HouseholdResponse>($"{setup.Households}/{setup.Household.Id}");
        var atMehendi = household.Invitations.Single(i => i.EventId == mehendi);
        Assert.Equal((RsvpAnswer.Attending, 1), (atMehendi.Answer, atMehendi.Attending));
        Assert.Equal([new MemberAnswer(sunita, RsvpAnswer.Attending), new MemberAnswer(rahul, RsvpAnswer.Declined)], atMehendi.Members);
        var atSangeet = household.Invitations.Single(i => i.EventId == sangeet);
        Assert.Equal((RsvpAnswer.Attending, 4), (atSangeet.Answer, atSangeet.Attending));
        Assert.Equal([Diet.Jain, Diet.NonVeg, null], household.Members.Select(m => m.Diet));
        Assert.Equal("Peanuts", household.Members[1].Allergies);
        Assert.Equal(new TravelPlan(new DateTime(2027, 2, 11, 14, 30, 0), "12956 Jaipur Express", new DateTime(2027, 2, 16), "6E 2134"), household.Travel);
        Assert.Equal("We can't wait! — शुभकामनाएँ", household.NoteToCouple);
        Assert.Equal("Studio-only note", household.Notes);

        var history = await setup.HistoryAsync();
        Assert.Equal(2, history.Count);
        Assert.All(history, change => Assert.Equal((RsvpSource.Guest, (string?)null), (change.Source, change.By)));
        Assert.Contains(history, c => c.EventId == sangeet && c is { Before: RsvpAnswer.Pending, After: RsvpAnswer.Attending, AttendingAfter: 4 });

        // The page shows the answers saved; sending them again changes nothing and adds no history.
        var again = await TextAsync(await browser.GetAsync($"/rsvp/{token}", Cancel));
        Assert.Matches($"name=\"a-{mehendi:N}-{sunita:N}\" value=\"attending\" checked", again);
        Assert.Contains("value=\"2027-02-11\"", again, StringComparison.Ordinal);
        await TextAsync(await SubmitAsync(browser, $"/rsvp/{token}", "rsvp", answers));
        Assert.Equal(2, (await setup.HistoryAsync()).Count);
        Assert.Equal(household.Version, (await setup.Admin.GetAsync<HouseholdResponse>($"{setup.Households}/{setup.Household.Id}")).Version);
    }

    [Fact]
    public async Task More_coming_than_the_places_is_refused_with_the_guests_message_and_nothing_is_saved()
    {
        var setup = await SetUpAsync();
        var token = await IssueLinkAsync(setup);
        using var browser = Browser(setup.Studio.Slug);
        var fields = new Dictionary<string, string>
        {
            [$"a-{setup.Mehendi.Id:N}-{setup.Member("Sunita Sharma"):N}"] = "attending",
            [$"n-{setup.Sangeet.Id:N}"] = "6",
            ["note"] = "Six of us!",
        };
        var refused = await TextAsync(await SubmitAsync(browser, $"/rsvp/{token}", "rsvp", fields));
        Assert.Contains("This invitation is for 5 places, and 6 is more. To bring more people, contact Shaadi Studio.", refused, StringComparison.Ordinal);
        Assert.Contains("Six of us!", refused, StringComparison.Ordinal); // what the guest wrote stays in the form

        var hindi = await TextAsync(await SubmitAsync(browser, $"/rsvp/{token}?lang=hi", "rsvp", fields));
        Assert.Contains("यह निमंत्रण 5 व्यक्ति के लिए है। और लोगों को लाने के लिए Shaadi Studio से संपर्क करें।", hindi, StringComparison.Ordinal);

        var household = await setup.Admin.GetAsync<HouseholdResponse>($"{setup.Households}/{setup.Household.Id}");
        Assert.All(household.Invitations, i => Assert.Equal((RsvpAnswer.Pending, 0), (i.Answer, i.Attending)));
        Assert.Null(household.NoteToCouple);
        Assert.Equal(setup.Household.Version, household.Version);
        Assert.Empty(await setup.HistoryAsync());

        // Per member too: four members for three places.
        var bigger = await SetUpAsync(members: Named("Asha", "Bela", "Chetan", "Deepa"));
        var biggerToken = await IssueLinkAsync(bigger);
        using var biggerBrowser = Browser(bigger.Studio.Slug);
        var perMember = await TextAsync(await SubmitAsync(biggerBrowser, $"/rsvp/{biggerToken}", "rsvp",
            bigger.Household.Members.ToDictionary(m => $"a-{bigger.Mehendi.Id:N}-{m.Id:N}", _ => "attending")));
        Assert.Contains("This invitation is for 3 places, and 4 is more. To bring more people, contact Shaadi Studio.", perMember, StringComparison.Ordinal);
        Assert.Empty(await bigger.HistoryAsync());
    }

    [Fact]
    public async Task After_the_deadline_the_page_is_read_only_and_shows_the_studios_contact()
    {
        var setup = await SetUpAsync();
        var token = await IssueLinkAsync(setup);
        using var browser = Browser(setup.Studio.Slug);
        var settingsUrl = $"/api/v1/weddings/{setup.Wedding.Id}/guest-settings";
        var defaults = await setup.Admin.GetAsync<GuestListSettingsResponse>(settingsUrl);
        Assert.Equal((null, null, 1L), (defaults.RsvpDeadline, defaults.StudioContact, defaults.Version));

        var open = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2);
        var set = await (await setup.Admin.PutJsonAsync(settingsUrl, new GuestListSettingsRequest(open, "Call Asha on 98765 00000"), "\"1\""))
            .ReadAsync<GuestListSettingsResponse>();
        Assert.Equal((open, "Call Asha on 98765 00000", 2L), (set.RsvpDeadline, set.StudioContact, set.Version));
        var before = await TextAsync(await browser.GetAsync($"/rsvp/{token}", Cancel));
        Assert.Contains("Please answer by", before, StringComparison.Ordinal);
        Assert.Contains(open.ToString("d MMMM yyyy", CultureInfo.InvariantCulture), before, StringComparison.Ordinal);
        Assert.Contains("<form", before, StringComparison.Ordinal);

        var passed = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2);
        await (await setup.Admin.PutJsonAsync(settingsUrl, new GuestListSettingsRequest(passed, "Call Asha on 98765 00000"), "\"1\"")).ProblemAsync(HttpStatusCode.Conflict);
        (await setup.Admin.PutJsonAsync(settingsUrl, new GuestListSettingsRequest(passed, "Call Asha on 98765 00000"), "\"2\"")).EnsureSuccessStatusCode();
        var closed = await TextAsync(await browser.GetAsync($"/rsvp/{token}", Cancel));
        Assert.Contains("Answers are closed.", closed, StringComparison.Ordinal);
        Assert.Contains("Call Asha on 98765 00000", closed, StringComparison.Ordinal);
        Assert.Contains("Mehendi", closed, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", closed, StringComparison.Ordinal);
        Assert.DoesNotContain("<input", closed, StringComparison.Ordinal);

        // A form kept from before the deadline saves nothing.
        await browser.PostAsync($"/rsvp/{token}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryField().Match(before).Groups[1].Value, ["_handler"] = "rsvp", [$"n-{setup.Sangeet.Id:N}"] = "2",
        }), Cancel);
        Assert.Empty(await setup.HistoryAsync());
    }

    [Fact]
    public async Task The_page_speaks_Hindi_when_asked_and_remembers_it()
    {
        var setup = await SetUpAsync();
        var token = await IssueLinkAsync(setup);
        using var browser = Browser(setup.Studio.Slug);

        var english = await TextAsync(await browser.GetAsync($"/rsvp/{token}", Cancel));
        Assert.Contains("Send my answer", english, StringComparison.Ordinal);
        Assert.Contains($"href=\"/rsvp/{token}?lang=hi\" lang=\"hi\">हिंदी</a>", english, StringComparison.Ordinal);

        var asked = await browser.GetAsync($"/rsvp/{token}?lang=hi", Cancel);
        Assert.Contains(asked.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith("rsvp-lang=hi", StringComparison.Ordinal));
        foreach (var hindi in new[] { await TextAsync(asked), await TextAsync(await browser.GetAsync($"/rsvp/{token}", Cancel)) })
        {
            Assert.Contains("lang=\"hi\"", hindi, StringComparison.Ordinal);
            Assert.Contains("आप आ रहे हैं?", hindi, StringComparison.Ordinal);
            Assert.Contains("मेरा जवाब भेजें", hindi, StringComparison.Ordinal);
            Assert.Contains("भोजन की पसंद", hindi, StringComparison.Ordinal);
            Assert.Contains("आप में से कितने लोग आ रहे हैं?", hindi, StringComparison.Ordinal);
            Assert.DoesNotContain("Send my answer", hindi, StringComparison.Ordinal);
            Assert.DoesNotContain("Not coming", hindi, StringComparison.Ordinal);
        }
        var thanked = await TextAsync(await SubmitAsync(browser, $"/rsvp/{token}", "rsvp", new() { [$"n-{setup.Sangeet.Id:N}"] = "2" }));
        Assert.Contains("धन्यवाद!", thanked, StringComparison.Ordinal);
        Assert.Contains("आ रहे हैं: 2", thanked, StringComparison.Ordinal);

        Assert.Contains("Send my answer", await TextAsync(await browser.GetAsync($"/rsvp/{token}?lang=en", Cancel)), StringComparison.Ordinal);
        Assert.Contains("Send my answer", await TextAsync(await browser.GetAsync($"/rsvp/{token}", Cancel)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_weighs_under_50_KB_with_its_stylesheet_and_runs_no_script()
    {
        var setup = await SetUpAsync(members: Named("सुनीता शर्मा", "Rahul Sharma", "Anya Sharma", "Dadi ji", "Kabir Sharma", "Meenakshi Sharma"));
        var token = await IssueLinkAsync(setup);
        using var browser = Browser(setup.Studio.Slug);
        foreach (var lang in new[] { "en", "hi" })
        {
            var response = await browser.GetAsync($"/rsvp/{token}?lang={lang}", Cancel);
            var html = await response.Content.ReadAsByteArrayAsync(Cancel);
            var text = Encoding.UTF8.GetString(html);
            Assert.DoesNotContain("<script", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(".wasm", text, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("script-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            var stylesheets = Stylesheet().Matches(text).Select(m => m.Groups[1].Value).ToList();
            Assert.Single(stylesheets);
            var css = await (await browser.GetAsync(stylesheets[0], Cancel)).Content.ReadAsByteArrayAsync(Cancel);
            TestContext.Current.TestOutputHelper?.WriteLine($"RSVP page ({lang}, 6 members, 2 events): {html.Length:N0} B HTML + {css.Length:N0} B CSS = {html.Length + css.Length:N0} B");
            Assert.True(html.Length + css.Length < 50_000, $"The page ({lang}) weighs {html.Length} B and its stylesheet {css.Length} B.");

            // To a browser that takes brotli the page goes compressed, the same page; the sign-in page does not.
            using var asked = new HttpRequestMessage(HttpMethod.Get, $"/rsvp/{token}?lang={lang}");
            asked.Headers.AcceptEncoding.ParseAdd("br");
            var packed = await browser.SendAsync(asked, Cancel);
            Assert.Equal(["br"], packed.Content.Headers.ContentEncoding);
            var packedBytes = await packed.Content.ReadAsByteArrayAsync(Cancel);
            using var unpacking = new StreamReader(new BrotliStream(new MemoryStream(packedBytes), CompressionMode.Decompress), Encoding.UTF8);
            var unpacked = await unpacking.ReadToEndAsync(Cancel);
            Assert.Equal(AntiforgeryField().Replace(text, ""), AntiforgeryField().Replace(unpacked, ""));
            Assert.True(packedBytes.Length * 3 < html.Length, $"{packedBytes.Length} B compressed of {html.Length} B.");
        }
        using var signIn = new HttpRequestMessage(HttpMethod.Get, "/login");
        signIn.Headers.AcceptEncoding.ParseAdd("br");
        var plain = await browser.SendAsync(signIn, Cancel);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Find_my_invitation_matches_names_as_people_write_them_with_the_last_four_digits()
    {
        var setup = await SetUpAsync(phone: "+91 98111 22334", members:
        [
            new GuestRequest(null, "Christopher Mehta", null, "Mr", null, null, null, null, null, null),
            new GuestRequest(null, "प्रिया मेहता", null, null, null, null, null, null, null, null),
            new GuestRequest(null, "Chacha ji", null, null, null, null, null, "+91 99887 76655", null, null),
        ]);
        using var browser = Browser(setup.Studio.Slug);
        var addresses = new List<string>();
        foreach (var (name, digits) in new[] { ("Christopher Mehta", "2334"), ("chris", "2334"), ("Priya", "2334"), ("Chacha ji", "6655") })
        {
            var found = await SubmitAsync(browser, "/rsvp", "find", new() { ["Posted.Name"] = name, ["Posted.Digits"] = digits });
            Assert.True(found.StatusCode == HttpStatusCode.Redirect, $"{name} / {digits}: {(int)found.StatusCode}");
            var page = await TextAsync(await browser.GetAsync(found.Headers.Location, Cancel));
            Assert.Contains("Sharma family", page, StringComparison.Ordinal);
            Assert.Contains("Mehendi", page, StringComparison.Ordinal);
            addresses.Add(found.Headers.Location!.OriginalString.Split('/')[^1]);
        }
        // The household had no link: the first find issued it (kept as its hash); later ones, with a link there, get a
        // pass for the visit rather than the link.
        await using (var db = await TenantDatabase.OpenAsync(Server, setup.Studio))
        {
            Assert.Equal(TokenService.Hash(addresses[0]), (await db.Set<Household>().AsNoTracking().SingleAsync(h => h.Id == setup.Household.Id, Cancel)).RsvpTokenHash);
        }
        Assert.Equal(RsvpLinks.TokenLength, addresses[0].Length);
        Assert.All(addresses.Skip(1), pass => Assert.True(pass.Length > RsvpLinks.TokenLength, pass));
    }

    [Fact]
    public async Task Find_my_invitation_never_tells_a_known_name_from_wrong_digits_and_stops_after_five_tries()
    {
        var setup = await SetUpAsync(phone: "+91 97531 86420");
        using var browser = Browser(setup.Studio.Slug);
        async Task<string> TryAsync(string name, string digits, HttpStatusCode expected = HttpStatusCode.OK) =>
            AntiforgeryField().Replace(await TextAsync(await SubmitAsync(browser, "/rsvp", "find", new() { ["Posted.Name"] = name, ["Posted.Digits"] = digits }), expected), "");

        var wrongDigits = await TryAsync("Sunita Sharma", "1111");
        var unknownName = await TryAsync("Nobody Known", "6420");
        Assert.Equal(wrongDigits, unknownName);
        Assert.Contains("We could not find an invitation with this name and number.", wrongDigits, StringComparison.Ordinal);
        Assert.DoesNotContain("Sunita", wrongDigits, StringComparison.Ordinal);
        // A malformed try is told what to fix, and is not counted.
        Assert.Contains("Write the last four digits of your mobile number.", await TryAsync("Sunita Sharma", "64a0"), StringComparison.Ordinal);

        await TryAsync("Someone Else", "6420");
        await TryAsync("Another One", "6420");
        await TryAsync("Third Person", "6420");
        var refused = await SubmitAsync(browser, "/rsvp", "find", new() { ["Posted.Name"] = "Sunita Sharma", ["Posted.Digits"] = "6420" });
        var tooMany = await TextAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Contains("Too many tries.", tooMany, StringComparison.Ordinal);
        Assert.Contains("Please wait 15 minutes and try again", tooMany, StringComparison.Ordinal);
        Assert.NotNull(refused.Headers.RetryAfter);

        // The household's phone, as the studio wrote it and as stored, is in no log line.
        Assert.DoesNotContain(Server.Logs.Lines, line => line.Contains("9753186420", StringComparison.Ordinal) || line.Contains("97531 86420", StringComparison.Ordinal)
            || line.Contains("Posted.Digits", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_guests_pages_are_rate_limited_per_address_of_a_studio()
    {
        var studio = await NewStudioAsync();
        using var browser = Browser(studio.Slug);
        for (var i = 0; i < GuestsModule.RsvpPageRequestsPerMinute; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/rsvp/{new string('B', 22)}", Cancel)).StatusCode);
        }
        var limited = await TextAsync(await browser.GetAsync("/rsvp", Cancel), HttpStatusCode.TooManyRequests);
        Assert.Contains("Too many attempts from your address", limited, StringComparison.Ordinal); // the platform's page for people
        // Another studio's guests are not held back by this one's.
        using var elsewhere = Browser((await NewStudioAsync()).Slug);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/rsvp", Cancel)).StatusCode);
    }

    private static Regex AntiforgeryField() => ServerForms.AntiforgeryField();

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"([^\"]+)\"")]
    private static partial Regex Stylesheet();
}

public sealed class RsvpPageTestsOnSqlite(SqliteServer server) : RsvpPageTests(server);

public sealed class RsvpPageTestsOnPostgres(PostgresServer server) : RsvpPageTests(server);
