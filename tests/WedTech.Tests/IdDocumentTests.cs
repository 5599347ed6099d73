using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WedTech.Contracts;
using WedTech.Server.Guests;
using WedTech.Server.Guests.Documents;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Platform.Encryption;
using WedTech.Server.Platform.Jobs;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

/// <summary>Guests' IDs for the hotel: sent from the RSVP link, sealed with the studio's key, masked, audited, and deleted when their purpose ends.</summary>
public abstract class IdDocumentTests(TestServer server, SharedStudio shared) : ProviderTests(server), IClassFixture<SharedStudio>
{
    private const string TestAadhaar = GuestIds.TestAadhaar;
    private const string OtherTestAadhaar = GuestIds.OtherTestAadhaar;

    private sealed record Setup(Studio Studio, HttpClient Admin, WeddingResponse Wedding, HouseholdResponse Household, string Token)
    {
        public string Api => $"/api/v1/weddings/{Wedding.Id}";
        public string Page => $"/rsvp/{Token}/id";
        public Guid Member(string name) => Household.Members.Single(m => m.Name == name).Id;
    }

    /// <summary>A wedding on <paramref name="day"/> with the Sharma household (two members) coming to its reception, and its RSVP link.</summary>
    private async Task<Setup> SetUpAsync(Studio? studio = null, DateOnly? day = null, bool collect = true)
    {
        studio ??= await NewStudioAsync();
        var admin = await studio.AdminAsync();
        var date = day ?? DateOnly.FromDateTime(DateTime.UtcNow).AddDays(40);
        var wedding = await admin.CreateWeddingAsync("Meera & Sahil", date);
        var reception = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/events", new EventRequest(EventType.Reception, "Reception",
            date.ToDateTime(new TimeOnly(19, 0)), date.ToDateTime(new TimeOnly(23, 0)), null, null, null, null, null, null, null))).ReadAsync<EventResponse>(HttpStatusCode.Created);
        var household = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/households", new HouseholdRequest("Sharma family", GuestSide.Bride, null,
            "+91 98765 43210", null, null, null, null, null, null, null,
            [new GuestRequest(null, "सुनीता शर्मा", "Sunita Sharma", null, null, null, null, null, null, null), new GuestRequest(null, "Rahul Sharma", null, null, null, null, null, null, null, null)])))
            .ReadAsync<HouseholdResponse>(HttpStatusCode.Created);
        household = await (await admin.PutJsonAsync($"/api/v1/weddings/{wedding.Id}/households/{household.Id}/invitations",
            new InvitationsRequest([new(reception.Id, 2, null)]), $"\"{household.Version}\"")).ReadAsync<HouseholdResponse>();
        (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/households/{household.Id}/invitations/{reception.Id}/answer", new RsvpRequest(null, 2))).EnsureSuccessStatusCode();
        if (collect)
        {
            (await admin.PutJsonAsync($"/api/v1/weddings/{wedding.Id}/guest-settings", new GuestListSettingsRequest(null, null, CollectIds: true), "\"1\"")).EnsureSuccessStatusCode();
        }
        var link = await (await admin.PostAsync($"/api/v1/weddings/{wedding.Id}/households/{household.Id}/rsvp-link", null, Cancel)).ReadAsync<RsvpLinkResponse>();
        return new Setup(studio, admin, wedding, household, new Uri(link.Url).AbsolutePath["/rsvp/".Length..]);
    }

    private HttpClient Browser(Studio studio) => GuestIds.Browser(Server, studio);

    private static byte[] Photo(int seed) => GuestIds.Photo(seed);

    private static Task<HttpResponseMessage> SendAsync(HttpClient browser, Setup setup, Guid? member, string? kind, string? number, byte[]? file,
        bool consent = true, string? page = null, string? tokenFrom = null) =>
        GuestIds.SendAsync(browser, setup.Token, new Dictionary<string, string>
        {
            ["guest"] = member?.ToString() ?? "", ["kind"] = kind ?? "", ["number"] = number ?? "", ["consent"] = consent ? "yes" : "",
        }, file, page, tokenFrom);

    /// <summary>The studio's stored ID documents, of one wedding when given (the class's tests share a studio).</summary>
    private async Task<List<IdDocument>> StoredAsync(Studio studio, Guid? weddingId = null)
    {
        await using var db = await TenantDatabase.OpenAsync(Server, studio);
        return await db.Set<IdDocument>().AsNoTracking().Where(d => weddingId == null || d.WeddingId == weddingId).ToListAsync(Cancel);
    }

    [Fact]
    public async Task A_guest_sends_an_ID_from_their_link_stored_sealed_shown_masked_and_opened_only_with_the_permission_each_opening_audited()
    {
        var setup = await SetUpAsync(await shared.OnAsync(Server));
        using var browser = Browser(setup.Studio);
        var rsvp = await ServerForms.TextAsync(await browser.GetAsync($"/rsvp/{setup.Token}", Cancel));
        Assert.Contains($"href=\"/rsvp/{setup.Token}/id\"", rsvp, StringComparison.Ordinal);
        var page = await ServerForms.TextAsync(await browser.GetAsync(setup.Page, Cancel));
        Assert.Contains("deleted 7 days after the wedding", page, StringComparison.Ordinal);
        Assert.Contains("सुनीता शर्मा</strong>: Not sent yet", page, StringComparison.Ordinal);

        var photo = Photo(1);
        var sent = await ServerForms.TextAsync(await SendAsync(browser, setup, setup.Member("सुनीता शर्मा"), "Aadhaar", TestAadhaar, photo));
        Assert.Contains("Thank you: सुनीता शर्मा's ID is received.", sent, StringComparison.Ordinal);
        Assert.Contains("सुनीता शर्मा</strong>: Received (Aadhaar XXXX XXXX 7058)", sent, StringComparison.Ordinal);
        Assert.Contains("Rahul Sharma</strong>: Not sent yet", sent, StringComparison.Ordinal);

        // At rest: the sealed bytes are not the upload and hold no run of it; only the last four digits of the number are kept.
        var stored = Assert.Single(await StoredAsync(setup.Studio, setup.Wedding.Id));
        Assert.Equal(("7058", "image/jpeg", photo.Length), (stored.NumberLastFour, stored.ContentType, (int)stored.Size));
        Assert.NotEqual(photo, stored.Sealed);
        Assert.Equal(-1, stored.Sealed.AsSpan().IndexOf(photo.AsSpan(100, 16)));
        await using (var db = await TenantDatabase.OpenAsync(Server, setup.Studio))
        {
            var audit = await db.Set<AuditEntry>().AsNoTracking().Select(e => e.Details).ToListAsync(Cancel);
            Assert.DoesNotContain(audit, d => d != null && (d.Contains("999941057058", StringComparison.Ordinal) || d.Contains("9999 4105", StringComparison.Ordinal)));
            // One data key for ID documents in the studio (shared by the class's tests), whichever test sent the first ID.
            var key = await db.Set<StudioKey>().AsNoTracking().SingleAsync(Cancel);
            Assert.Equal((IdDocumentService.KeyPurpose, Server.Services.GetRequiredService<MasterKey>().Id), (key.Purpose, key.MasterKeyId));
        }

        // The planner sees it masked, and opens the file as it was sent; the opening is audited with who opened it.
        var list = await setup.Admin.GetAsync<IdDocumentsResponse>($"{setup.Api}/id-documents");
        var shown = Assert.Single(list.Documents.Items);
        Assert.Equal(("सुनीता शर्मा", "Sharma family", IdDocumentKind.Aadhaar, "XXXX XXXX 7058", "The guest"), (shown.Guest, shown.Household, shown.Kind, shown.Number, shown.UploadedBy));
        Assert.Equal(setup.Wedding.PrimaryDate.AddDays(8), shown.DeletedOn);
        Assert.Equal((1, true, 7), (list.GuestsWithout, list.Collecting, list.DaysKeptAfterWedding));
        var opened = await setup.Admin.GetAsync($"{setup.Api}/id-documents/{shown.Id}/file", Cancel);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal(photo, await opened.Content.ReadAsByteArrayAsync(Cancel));
        Assert.Equal("image/jpeg", opened.Content.Headers.ContentType?.MediaType);
        Assert.True(opened.Headers.CacheControl?.NoStore);
        var audits = (await setup.Admin.GetAsync<PagedResponse<AuditEntryResponse>>($"/api/v1/audit?entityId={shown.Id}")).Items;
        Assert.Equal(["id-document.opened", "id-document.received"], audits.Select(e => e.Action));
        Assert.Equal(setup.Studio.AdminEmail, audits[0].UserEmail);
        Assert.Null(audits[1].UserId);

        // Nobody else: roles without guest:documents, another studio, another wedding's address.
        foreach (var role in new[] { Role.Coordinator, Role.Client })
        {
            var member = await setup.Studio.AddMemberAsync(role, setup.Admin);
            await (await member.Client.GetAsync($"{setup.Api}/id-documents", Cancel)).ProblemAsync(HttpStatusCode.Forbidden);
            await (await member.Client.GetAsync($"{setup.Api}/id-documents/{shown.Id}/file", Cancel)).ProblemAsync(HttpStatusCode.Forbidden);
            await (await member.Client.DeleteAsync($"{setup.Api}/id-documents/{shown.Id}", Cancel)).ProblemAsync(HttpStatusCode.Forbidden);
        }
        var otherWedding = await setup.Admin.CreateWeddingAsync("Other");
        await (await setup.Admin.GetAsync($"/api/v1/weddings/{otherWedding.Id}/id-documents/{shown.Id}/file", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        var otherStudio = await NewStudioAsync();
        using var otherAdmin = await otherStudio.AdminAsync();
        await (await otherAdmin.GetAsync($"{setup.Api}/id-documents/{shown.Id}/file", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await otherAdmin.GetAsync($"{setup.Api}/id-documents", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        using (var elsewhere = Browser(otherStudio))
        {
            await ServerForms.TextAsync(await elsewhere.GetAsync(setup.Page, Cancel), HttpStatusCode.NotFound);
        }

        // A second ID for the same guest replaces the first; the list filters by kind and name.
        var passport = Photo(2);
        await ServerForms.TextAsync(await SendAsync(browser, setup, setup.Member("सुनीता शर्मा"), "Passport", "z 1234567", passport));
        await ServerForms.TextAsync(await SendAsync(browser, setup, setup.Member("Rahul Sharma"), "VoterId", "abc1234567", Photo(3)));
        var replaced = (await StoredAsync(setup.Studio, setup.Wedding.Id)).Single(d => d.GuestId == setup.Member("सुनीता शर्मा"));
        Assert.Equal((stored.Id, IdDocumentKind.Passport, "4567"), (replaced.Id, replaced.Kind, replaced.NumberLastFour));
        Assert.Equal(passport, await setup.Admin.GetByteArrayAsync($"{setup.Api}/id-documents/{replaced.Id}/file", Cancel));
        Assert.Equal(["XXXX4567"], (await setup.Admin.GetAsync<IdDocumentsResponse>($"{setup.Api}/id-documents?kind=passport")).Documents.Items.Select(d => d.Number));
        Assert.Equal(["Rahul Sharma"], (await setup.Admin.GetAsync<IdDocumentsResponse>($"{setup.Api}/id-documents?q=rahul")).Documents.Items.Select(d => d.Guest));
        Assert.Equal(0, (await setup.Admin.GetAsync<IdDocumentsResponse>($"{setup.Api}/id-documents")).GuestsWithout);
        await (await setup.Admin.GetAsync($"{setup.Api}/id-documents?kind=pan", Cancel)).ProblemAsync(HttpStatusCode.BadRequest);

        // Deleted by the planner: gone at once, and audited.
        (await setup.Admin.DeleteAsync($"{setup.Api}/id-documents/{replaced.Id}", Cancel)).EnsureSuccessStatusCode();
        Assert.DoesNotContain(await StoredAsync(setup.Studio, setup.Wedding.Id), d => d.Id == replaced.Id);
        await (await setup.Admin.DeleteAsync($"{setup.Api}/id-documents/{replaced.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bad_IDs_are_refused_with_the_field_at_fault_in_the_guests_language_and_nothing_is_kept()
    {
        var setup = await SetUpAsync(await shared.OnAsync(Server));
        var other = await (await setup.Admin.PostJsonAsync($"{setup.Api}/households", new HouseholdRequest("Verma family", GuestSide.Groom, null, null, null, null, null, null,
            null, null, null, [new GuestRequest(null, "Anil Verma", null, null, null, null, null, null, null, null)]))).ReadAsync<HouseholdResponse>(HttpStatusCode.Created);
        using var browser = Browser(setup.Studio);
        var sunita = setup.Member("सुनीता शर्मा");
        var html = System.Text.Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>");
        var cases = new (Guid? Member, string? Kind, string? Number, byte[]? File, bool Consent, string Expected)[]
        {
            (sunita, "Aadhaar", "9999 4105 7059", Photo(1), true, "That is not a valid Aadhaar number"),
            (sunita, "Aadhaar", "1999 4105 7058", Photo(1), true, "An Aadhaar number has 12 digits"),
            (sunita, "Aadhaar", "", Photo(1), true, "Write the number on the ID."),
            (sunita, "VoterId", "AB12345678", Photo(1), true, "A voter ID (EPIC) number has 3 letters and 7 digits."),
            (sunita, "DrivingLicence", "1234", Photo(1), true, "A driving licence number starts with"),
            (sunita, "Pan", TestAadhaar, Photo(1), true, "Choose the kind of ID."),
            (sunita, "1", TestAadhaar, Photo(1), true, "Choose the kind of ID."),
            (other.Members[0].Id, "Aadhaar", TestAadhaar, Photo(1), true, "Choose whose ID this is."),
            (null, "Aadhaar", TestAadhaar, Photo(1), true, "Choose whose ID this is."),
            (sunita, "Aadhaar", TestAadhaar, null, true, "Attach a photo or a PDF of the ID."),
            (sunita, "Aadhaar", TestAadhaar, html, true, "Send a photo (JPEG, PNG or WebP) or a PDF."),
            (sunita, "Aadhaar", TestAadhaar, [.. Photo(1), .. new byte[IdDocumentService.MaxBytes]], true, "The file is over 8 MB"),
            (sunita, "Aadhaar", TestAadhaar, Photo(1), false, "Tick the box to agree"),
        };
        foreach (var (member, kind, number, file, consent, expected) in cases)
        {
            var answer = await ServerForms.TextAsync(await SendAsync(browser, setup, member, kind, number, file, consent));
            Assert.True(answer.Contains(expected, StringComparison.Ordinal), $"Expected \"{expected}\" in: {answer}");
            Assert.Contains("Please check the answers marked below.", answer, StringComparison.Ordinal);
        }
        var hindi = await ServerForms.TextAsync(await SendAsync(browser, setup, sunita, "Aadhaar", "9999 4105 7059", Photo(1), page: setup.Page + "?lang=hi"));
        Assert.Contains("यह सही आधार नंबर नहीं है", hindi, StringComparison.Ordinal);
        Assert.Empty(await StoredAsync(setup.Studio, setup.Wedding.Id));

        // Over the form's limit: refused before it is read.
        var huge = await SendAsync(browser, setup, sunita, "Aadhaar", TestAadhaar, new byte[IdDocumentService.MaxFormBytes + 1]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);

        // A studio that does not collect IDs: the page says so and a post keeps nothing; the RSVP page offers no link.
        var quiet = await SetUpAsync(setup.Studio, collect: false);
        using var guest = Browser(setup.Studio);
        Assert.DoesNotContain("/id\"", await ServerForms.TextAsync(await guest.GetAsync($"/rsvp/{quiet.Token}", Cancel)), StringComparison.Ordinal);
        Assert.Contains("The wedding planner is not collecting IDs for this wedding.", await ServerForms.TextAsync(await guest.GetAsync(quiet.Page, Cancel)), StringComparison.Ordinal);
        // The page has no form to post to.
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(guest, quiet, quiet.Member("Rahul Sharma"), "Aadhaar", OtherTestAadhaar, Photo(4),
            tokenFrom: $"/rsvp/{quiet.Token}")).StatusCode);
        Assert.Empty(await StoredAsync(setup.Studio, quiet.Wedding.Id));
    }

    [Fact]
    public async Task An_ID_goes_with_its_guest_and_seven_days_after_the_wedding()
    {
        var studio = await NewStudioAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var over = await SetUpAsync(studio, today.AddDays(-8));
        var lastWeek = await SetUpAsync(studio, today.AddDays(-6));
        var coming = await SetUpAsync(studio, today.AddDays(20));
        using var browser = Browser(studio);
        foreach (var setup in new[] { over, lastWeek, coming })
        {
            foreach (var member in setup.Household.Members)
            {
                await ServerForms.TextAsync(await SendAsync(browser, setup, member.Id, "Aadhaar", OtherTestAadhaar, Photo(5)));
            }
        }
        Assert.Equal(6, (await StoredAsync(studio)).Count);

        // What the daily duties run for this studio; a second run finds nothing more.
        async Task RunAsync() => await ActivatorUtilities.CreateInstance<TenantJobRunner<DailyDutyJob, string>>(Server.Services)
            .RunAsync(studio.TenantId, null, typeof(IdDocumentRetention).FullName!, Cancel);
        await RunAsync();
        await RunAsync();
        var left = await StoredAsync(studio);
        Assert.Equal([lastWeek.Wedding.Id, coming.Wedding.Id], left.Select(d => d.WeddingId).Distinct().Order());
        var audit = (await over.Admin.GetAsync<PagedResponse<AuditEntryResponse>>($"/api/v1/audit?entityId={over.Wedding.Id}")).Items;
        Assert.Equal("2 ID documents, 7 days after the wedding", Assert.Single(audit, e => e.Action == "id-document.deleted").Details);

        // A member taken off the household takes their ID; a household deleted takes all of its members'.
        var household = await coming.Admin.GetAsync<HouseholdResponse>($"{coming.Api}/households/{coming.Household.Id}");
        var keep = household.Members.Single(m => m.Name == "Rahul Sharma");
        (await coming.Admin.PutJsonAsync($"{coming.Api}/households/{household.Id}", new HouseholdRequest(household.DisplayName, household.Side, null, null, null, null, null,
            null, null, null, null, [new GuestRequest(keep.Id, keep.Name, null, null, null, null, null, null, null, null)]), $"\"{household.Version}\"")).EnsureSuccessStatusCode();
        Assert.Equal([keep.Id], (await StoredAsync(studio)).Where(d => d.WeddingId == coming.Wedding.Id).Select(d => d.GuestId));
        (await lastWeek.Admin.DeleteAsync($"{lastWeek.Api}/households/{lastWeek.Household.Id}", Cancel)).EnsureSuccessStatusCode();
        Assert.DoesNotContain(await StoredAsync(studio), d => d.WeddingId == lastWeek.Wedding.Id);
    }

    [Fact]
    public async Task Each_studio_has_its_own_data_key_and_sealed_bytes_open_only_for_their_own_record()
    {
        var first = await SetUpAsync(await shared.OnAsync(Server));
        var second = await SetUpAsync();
        using (var browser = Browser(first.Studio))
        {
            await ServerForms.TextAsync(await SendAsync(browser, first, first.Member("Rahul Sharma"), "Aadhaar", OtherTestAadhaar, Photo(6)));
            await ServerForms.TextAsync(await SendAsync(browser, first, first.Member("सुनीता शर्मा"), "Aadhaar", TestAadhaar, Photo(7)));
        }
        using (var browser = Browser(second.Studio))
        {
            await ServerForms.TextAsync(await SendAsync(browser, second, second.Member("Rahul Sharma"), "Aadhaar", OtherTestAadhaar, Photo(6)));
        }
        var master = Server.Services.GetRequiredService<MasterKey>();
        await using var db = await TenantDatabase.OpenAsync(Server, first.Studio);
        await using var otherDb = await TenantDatabase.OpenAsync(Server, second.Studio);
        var keys = new StudioKeys(db, master, TimeProvider.System);
        var documents = await db.Set<IdDocument>().AsNoTracking().Where(d => d.WeddingId == first.Wedding.Id).OrderBy(d => d.Id).ToListAsync(Cancel);
        var foreign = await otherDb.Set<IdDocument>().AsNoTracking().SingleAsync(Cancel);
        Assert.NotEqual((await db.Set<StudioKey>().SingleAsync(Cancel)).Wrapped, (await otherDb.Set<StudioKey>().SingleAsync(Cancel)).Wrapped);

        Assert.Equal(Photo(6), await keys.OpenAsync(IdDocumentService.KeyPurpose, documents[0].Sealed, $"id-document|{documents[0].Id:N}", Cancel));
        // Moved to another record, or to another studio, the bytes do not open; nor with the other studio's key.
        await Assert.ThrowsAnyAsync<CryptographicException>(() => keys.OpenAsync(IdDocumentService.KeyPurpose, documents[0].Sealed, $"id-document|{documents[1].Id:N}", Cancel));
        await Assert.ThrowsAnyAsync<CryptographicException>(() => keys.OpenAsync(IdDocumentService.KeyPurpose, foreign.Sealed, $"id-document|{foreign.Id:N}", Cancel));
        // A server with another master key says which key the data key needs.
        var wrapped = await db.Set<StudioKey>().SingleAsync(Cancel);
        var wrong = Assert.ThrowsAny<CryptographicException>(() => master.Unwrap(wrapped.Wrapped, "0123456789ABCDEF", "x"));
        Assert.Contains("master key 0123456789ABCDEF", wrong.Message, StringComparison.Ordinal);
    }
}

public sealed class IdDocumentTestsOnSqlite(SqliteServer server, SharedStudio shared) : IdDocumentTests(server, shared);

public sealed class IdDocumentTestsOnPostgres(PostgresServer server, SharedStudio shared) : IdDocumentTests(server, shared);
