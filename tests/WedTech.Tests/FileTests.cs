using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WedTech.Contracts;
using WedTech.Server.Files;
using WedTech.Server.Files.Storage;
using WedTech.Server.Identity;
using WedTech.Server.Platform.Api;
using WedTech.Server.Tenancy;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

/// <summary>
/// Attachments on the embedded default (a local folder, <see cref="SqliteServer"/>) and at scale (S3 against
/// s3rver, <see cref="PostgresServer"/>): what is stored where, the limits on the bytes, who may see what.
/// </summary>
public abstract class FileTests(TestServer server) : ProviderTests(server)
{
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly WeddingRequest NewWedding = new("Ira & Kabir", "Ira", "Kabir", new DateOnly(2027, 12, 4), "Udaipur",
        WeddingStatus.Booked, null, 200, null, null);

    [Fact]
    public async Task Upload_list_and_download_round_trip_the_exact_bytes_stored_under_the_tenants_prefix()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var wedding = await CreateWeddingAsync(admin);
        var pdf = Pdf(300_000);

        var created = await UploadAsync(admin, wedding, pdf, "C:\\Users\\asha\\विवाह अनुबंध.pdf", "application/pdf");
        var file = await created.ReadAsync<FileResponse>(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/files/{file.Id}", created.Headers.Location?.OriginalString);
        Assert.Equal(7, file.Id.Version);
        Assert.Equal(("wedding", wedding), (file.OwnerType, file.OwnerId));
        Assert.Equal("विवाह अनुबंध.pdf", file.FileName);
        Assert.Equal("application/pdf", file.ContentType);
        Assert.Equal(pdf.Length, file.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), file.Sha256);
        var me = await admin.GetAsync<MeResponse>("/api/v1/me");
        Assert.Equal(me.Id, file.UploadedBy);

        var list = await admin.GetAsync<PagedResponse<FileResponse>>($"/api/v1/files?ownerType=wedding&ownerId={wedding}");
        Assert.Equal(file.Id, Assert.Single(list.Items).Id);
        Assert.Equal(file, await admin.GetAsync<FileResponse>($"/api/v1/files/{file.Id}"));

        using var download = await admin.GetAsync($"/api/v1/files/{file.Id}/content", Cancel);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync(Cancel));
        AssertServedAsAttachment(download, "application/pdf", "विवाह अनुबंध.pdf");
        Assert.Equal(pdf.Length, download.Content.Headers.ContentLength);

        // In storage, under the tenant's prefix, byte for byte (s3rver keeps aws-chunked framing if the client sends it).
        var stored = await StoredObjectsAsync(studio.TenantId);
        var (key, bytes) = Assert.Single(stored);
        Assert.Equal($"tenants/{studio.TenantId}/files/{file.Id}", key);
        Assert.Equal(pdf, bytes);

        var audit = await admin.GetAsync<PagedResponse<AuditEntryResponse>>($"/api/v1/audit?action=file.uploaded&entityId={file.Id}");
        Assert.Contains("विवाह अनुबंध.pdf", Assert.Single(audit.Items).Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_allowed_type_is_recognised_from_its_bytes_and_served_as_that_type()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var wedding = await CreateWeddingAsync(admin);
        var samples = new (byte[] Bytes, string Name, string? Claim, string Expected, string StoredName)[]
        {
            (Magic([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]), "venue.png", "image/png", "image/png", "venue.png"),
            (Magic([0xFF, 0xD8, 0xFF, 0xE0]), "mandap.JPG", "image/jpeg", "image/jpeg", "mandap.JPG"),
            (Magic([.. "RIFF"u8, 0x10, 0, 0, 0, .. "WEBPVP8 "u8]), "decor.webp", "image/webp", "image/webp", "decor.webp"),
            (Magic([.. "GIF89a"u8]), "invite.gif", null, "image/gif", "invite.gif"),
            (Office("word/document.xml", Docx), "contract.docx", Docx, Docx, "contract.docx"),
            (Office("xl/workbook.xml", Xlsx), "budget.xlsx", "application/octet-stream", Xlsx, "budget.xlsx"),
            ("Mehendi at 4 pm; मेहंदी शाम चार बजे\n"u8.ToArray(), "notes.txt", "text/plain", "text/plain; charset=utf-8", "notes.txt"),
            ("name,city\nAsha,Jaipur\n"u8.ToArray(), "guests.csv", "application/vnd.ms-excel", "text/csv; charset=utf-8", "guests.csv"),
            // No extension: the detected type's is added.
            (Pdf(2_000), "scan", null, "application/pdf", "scan.pdf"),
        };
        foreach (var (bytes, name, claim, expected, storedName) in samples)
        {
            var file = await (await UploadAsync(admin, wedding, bytes, name, claim)).ReadAsync<FileResponse>(HttpStatusCode.Created);
            Assert.Equal((expected, storedName), (file.ContentType, file.FileName));
            using var download = await admin.GetAsync($"/api/v1/files/{file.Id}/content", Cancel);
            Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync(Cancel));
            AssertServedAsAttachment(download, expected.Split(';')[0], storedName);
        }
        Assert.Equal(samples.Length, (await admin.GetAsync<PagedResponse<FileResponse>>($"/api/v1/files?ownerType=wedding&ownerId={wedding}")).TotalCount);
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_with_413_and_nothing_is_stored()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var wedding = await CreateWeddingAsync(admin);
        var limit = Server.Services.GetRequiredService<IOptions<FileStorageOptions>>().Value.MaxFileBytes;
        Assert.Equal(25 * 1024 * 1024, limit);

        // One byte over: the body fits the endpoint's request limit, so the bytes are counted as they are written.
        var justOver = new byte[limit + 1];
        justOver.AsSpan().Fill((byte)'a');
        var counted = await (await UploadAsync(admin, wedding, justOver, "big.txt", "text/plain")).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(("File too large", "A file can be at most 25 MB."), (counted.Title, counted.Detail));

        // The same without a declared length (chunked), so only counting can stop it.
        using (var chunked = new MultipartFormDataContent())
        {
            var part = new StreamContent(new NonSeekableStream(justOver));
            part.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            chunked.Add(part, "file", "big.txt");
            await (await admin.PostAsync($"/api/v1/files?ownerType=wedding&ownerId={wedding}", chunked, Cancel)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        }

        // Far over: refused on the declared length before the body is read.
        var declared = await (await UploadAsync(admin, wedding, new byte[limit + 2 * 1024 * 1024], "huge.pdf", "application/pdf")).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("Request body too large", declared.Title);

        Assert.Empty((await admin.GetAsync<PagedResponse<FileResponse>>($"/api/v1/files?ownerType=wedding&ownerId={wedding}")).Items);
        Assert.Empty(await StoredObjectsAsync(studio.TenantId));

        // Other endpoints keep the JSON limit.
        var bigJson = new StringContent($"{{\"title\":\"{new string('x', 300 * 1024)}\"}}", Encoding.UTF8, "application/json");
        await (await admin.PostAsync("/api/v1/weddings", bigJson, Cancel)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Content_that_is_not_an_allowed_type_or_not_what_it_claims_is_refused_with_415()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var wedding = await CreateWeddingAsync(admin);
        var html = "<!DOCTYPE html><html><script>alert(document.cookie)</script></html>"u8.ToArray();
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"u8.ToArray();
        var exe = Magic([(byte)'M', (byte)'Z', 0x90, 0]);
        var png = Magic([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var plainZip = Office("readme.txt", "text/plain");

        var refusals = new (byte[] Bytes, string Name, string? Claim, string Why)[]
        {
            (html, "photo.png", "image/png", "content is plain text"),        // HTML claimed as an image
            (html, "page.html", "text/html", "named as '.html'"),
            (html, "notes.txt", "text/html", "sent as 'text/html'"),
            (svg, "logo.svg", "image/svg+xml", "named as '.svg'"),
            (exe, "setup.exe", "application/octet-stream", "none of them"),
            (exe, "invoice.pdf", "application/pdf", "none of them"),
            (png, "photo.jpg", "image/jpeg", "named as '.jpg'"),              // a real PNG, claimed and named as JPEG
            (png, "photo", "image/jpeg", "sent as 'image/jpeg'"),
            (plainZip, "contract.docx", Docx, "none of them"),               // a zip, but not a Word document
            ([.. "name,city\n"u8, 0, .. "x\n"u8], "guests.csv", "text/csv", "none of them"), // NUL: not text
            ([.. "caf"u8, 0xE9, .. "\n"u8], "menu.txt", "text/plain", "none of them"),        // Latin-1, not UTF-8
        };
        foreach (var (bytes, name, claim, why) in refusals)
        {
            var problem = await (await UploadAsync(admin, wedding, bytes, name, claim)).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
            Assert.True(problem.Detail?.Contains(why, StringComparison.Ordinal), $"{name}: {problem.Detail}");
        }

        var empty = await (await UploadAsync(admin, wedding, [], "empty.pdf", "application/pdf")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("file", empty.Errors!.Keys);
        var notMultipart = new ByteArrayContent(Pdf(100));
        notMultipart.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        await (await admin.PostAsync($"/api/v1/files?ownerType=wedding&ownerId={wedding}", notMultipart, Cancel)).ProblemAsync(HttpStatusCode.UnsupportedMediaType);

        Assert.Empty((await admin.GetAsync<PagedResponse<FileResponse>>($"/api/v1/files?ownerType=wedding&ownerId={wedding}")).Items);
        Assert.Empty(await StoredObjectsAsync(studio.TenantId));
    }

    [Fact]
    public async Task Malformed_requests_get_clear_problems()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var wedding = await CreateWeddingAsync(admin);

        var unknownType = await (await UploadAsync(admin, wedding, Pdf(100), "a.pdf", null, ownerType: "planet")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("wedding", unknownType.Errors!["ownerType"][0], StringComparison.Ordinal);
        var noOwner = await (await admin.GetAsync("/api/v1/files?ownerType=wedding", Cancel)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("ownerId", noOwner.Errors!.Keys);
        await (await admin.GetAsync($"/api/v1/files?ownerType=wedding&ownerId={Guid.CreateVersion7()}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync($"/api/v1/files?ownerType=wedding&ownerId={wedding}&pageSize=1000", Cancel)).ProblemAsync(HttpStatusCode.BadRequest);

        using (var two = new MultipartFormDataContent())
        {
            two.Add(new ByteArrayContent(Pdf(100)), "file", "one.pdf");
            two.Add(new ByteArrayContent(Pdf(100)), "file", "two.pdf");
            var problem = await (await admin.PostAsync($"/api/v1/files?ownerType=wedding&ownerId={wedding}", two, Cancel)).ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains("one file", problem.Errors!["file"][0], StringComparison.Ordinal);
        }
        using (var none = new MultipartFormDataContent())
        {
            none.Add(new StringContent("just a field"), "note");
            await (await admin.PostAsync($"/api/v1/files?ownerType=wedding&ownerId={wedding}", none, Cancel)).ProblemAsync(HttpStatusCode.BadRequest);
        }
        var truncated = new ByteArrayContent("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhello"u8.ToArray());
        truncated.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=b");
        await (await admin.PostAsync($"/api/v1/files?ownerType=wedding&ownerId={wedding}", truncated, Cancel)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Empty((await admin.GetAsync<PagedResponse<FileResponse>>($"/api/v1/files?ownerType=wedding&ownerId={wedding}")).Items);
        Assert.Empty(await StoredObjectsAsync(studio.TenantId));
    }

    [Fact]
    public async Task Another_tenants_file_is_not_found_on_every_endpoint()
    {
        var studioA = await NewStudioAsync();
        using var adminA = await studioA.AdminAsync();
        var weddingA = await CreateWeddingAsync(adminA);
        var file = await (await UploadAsync(adminA, weddingA, Pdf(1_000), "a.pdf", "application/pdf")).ReadAsync<FileResponse>(HttpStatusCode.Created);
        var link = await (await adminA.PostAsync($"/api/v1/files/{file.Id}/link", null, Cancel)).ReadAsync<FileLinkResponse>();

        var studioB = await NewStudioAsync();
        using var adminB = await studioB.AdminAsync();
        await (await adminB.GetAsync($"/api/v1/files/{file.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await adminB.GetAsync($"/api/v1/files/{file.Id}/content", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await adminB.DeleteAsync($"/api/v1/files/{file.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await adminB.PostAsync($"/api/v1/files/{file.Id}/link", null, Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await adminB.GetAsync($"/api/v1/files?ownerType=wedding&ownerId={weddingA}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await UploadAsync(adminB, weddingA, Pdf(1_000), "b.pdf", "application/pdf")).ProblemAsync(HttpStatusCode.NotFound);

        // A genuine link of studio A, presented at studio B's address.
        var token = link.Url[(link.Url.LastIndexOf('/') + 1)..];
        using var anonymous = AnonymousClient();
        await (await anonymous.GetAsync($"http://{studioB.Slug}.localhost/api/v1/files/signed/{token}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);

        // Still there for its own studio, and B stored nothing.
        Assert.Equal(file, await adminA.GetAsync<FileResponse>($"/api/v1/files/{file.Id}"));
        Assert.Empty(await StoredObjectsAsync(studioB.TenantId));
    }

    [Fact]
    public async Task Files_are_seen_by_those_who_see_their_wedding_and_changed_by_the_permission_table()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var coordinator = await studio.AddMemberAsync(Role.Coordinator, admin);
        var client = await studio.AddMemberAsync(Role.Client, admin);
        var assigned = await CreateWeddingAsync(admin, [new(coordinator.Id, TeamRole.Coordinator), new(client.Id, TeamRole.Client)]);
        var other = await CreateWeddingAsync(admin);
        var shared = await (await UploadAsync(admin, assigned, Pdf(1_000), "itinerary.pdf", "application/pdf")).ReadAsync<FileResponse>(HttpStatusCode.Created);
        var hidden = await (await UploadAsync(admin, other, Pdf(1_000), "vendor-costs.pdf", "application/pdf")).ReadAsync<FileResponse>(HttpStatusCode.Created);

        foreach (var member in new[] { coordinator, client })
        {
            Assert.Equal(shared.Id, Assert.Single((await member.Client.GetAsync<PagedResponse<FileResponse>>($"/api/v1/files?ownerType=wedding&ownerId={assigned}")).Items).Id);
            using var download = await member.Client.GetAsync($"/api/v1/files/{shared.Id}/content", Cancel);
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            await (await member.Client.PostAsync($"/api/v1/files/{shared.Id}/link", null, Cancel)).ReadAsync<FileLinkResponse>();

            // The wedding they are not on does not exist for them, nor do its files.
            await (await member.Client.GetAsync($"/api/v1/files?ownerType=wedding&ownerId={other}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
            await (await member.Client.GetAsync($"/api/v1/files/{hidden.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
            await (await member.Client.GetAsync($"/api/v1/files/{hidden.Id}/content", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
            await (await member.Client.PostAsync($"/api/v1/files/{hidden.Id}/link", null, Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        }

        // Coordinators attach what they collect at the venue, to their weddings only; deleting is for admins and planners.
        await (await UploadAsync(coordinator.Client, assigned, Pdf(500), "receipt.pdf", "application/pdf")).ReadAsync<FileResponse>(HttpStatusCode.Created);
        await (await UploadAsync(coordinator.Client, other, Pdf(500), "receipt.pdf", "application/pdf")).ProblemAsync(HttpStatusCode.NotFound);
        await (await coordinator.Client.DeleteAsync($"/api/v1/files/{shared.Id}", Cancel)).ProblemAsync(HttpStatusCode.Forbidden);
        // The couple reads what the studio shares with them.
        await (await UploadAsync(client.Client, assigned, Pdf(500), "mine.pdf", "application/pdf")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.Client.DeleteAsync($"/api/v1/files/{shared.Id}", Cancel)).ProblemAsync(HttpStatusCode.Forbidden);

        var planner = await studio.AddMemberAsync(Role.Planner, admin);
        Assert.Equal(HttpStatusCode.NoContent, (await planner.Client.DeleteAsync($"/api/v1/files/{hidden.Id}", Cancel)).StatusCode);

        using var anonymous = studio.Anonymous();
        await (await anonymous.GetAsync($"/api/v1/files/{shared.Id}/content", Cancel)).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_signed_link_downloads_without_signing_in_until_it_expires_and_only_unaltered()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var wedding = await CreateWeddingAsync(admin);
        var bytes = Magic([0xFF, 0xD8, 0xFF, 0xE1]);
        var file = await (await UploadAsync(admin, wedding, bytes, "haldi.jpeg", "image/jpeg")).ReadAsync<FileResponse>(HttpStatusCode.Created);

        var before = DateTimeOffset.UtcNow;
        var link = await (await admin.PostAsync($"/api/v1/files/{file.Id}/link", null, Cancel)).ReadAsync<FileLinkResponse>();
        Assert.StartsWith($"http://{studio.Slug}.localhost/api/v1/files/signed/", link.Url, StringComparison.Ordinal);
        Assert.InRange(link.ExpiresAt, before.AddMinutes(5).AddSeconds(-2), DateTimeOffset.UtcNow.AddMinutes(5).AddSeconds(1));

        using var anonymous = AnonymousClient();
        using (var download = await anonymous.GetAsync(link.Url, Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync(Cancel));
            AssertServedAsAttachment(download, "image/jpeg", "haldi.jpeg");
        }

        var token = link.Url[(link.Url.LastIndexOf('/') + 1)..];
        var middle = token.Length / 2;
        var tampered = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];
        await (await anonymous.GetAsync($"http://{studio.Slug}.localhost/api/v1/files/signed/{tampered}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync($"http://{studio.Slug}.localhost/api/v1/files/signed/not-a-token", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync($"http://{studio.Slug}.localhost/api/v1/files/signed/{new string('A', 5000)}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);

        // A genuine token whose time is up.
        var expired = Server.Services.GetRequiredService<SignedFileLinks>().Create(new SignedFileLink(studio.TenantId, file.Id, DateTimeOffset.UtcNow.AddSeconds(-1)));
        var gone = await (await anonymous.GetAsync($"http://{studio.Slug}.localhost/api/v1/files/signed/{expired}", Cancel)).ProblemAsync(HttpStatusCode.Gone);
        Assert.Contains("expired", gone.Detail, StringComparison.Ordinal);

        // A live link stops working once the file is deleted.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/files/{file.Id}", Cancel)).StatusCode);
        await (await anonymous.GetAsync(link.Url, Cancel)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_deleted_file_is_not_found_and_its_deletion_is_audited()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var wedding = await CreateWeddingAsync(admin);
        var file = await (await UploadAsync(admin, wedding, Pdf(1_000), "old-quote.pdf", "application/pdf")).ReadAsync<FileResponse>(HttpStatusCode.Created);
        var kept = await (await UploadAsync(admin, wedding, Pdf(1_000), "new-quote.pdf", "application/pdf")).ReadAsync<FileResponse>(HttpStatusCode.Created);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/files/{file.Id}", Cancel)).StatusCode);
        await (await admin.GetAsync($"/api/v1/files/{file.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync($"/api/v1/files/{file.Id}/content", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PostAsync($"/api/v1/files/{file.Id}/link", null, Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.DeleteAsync($"/api/v1/files/{file.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(kept.Id, Assert.Single((await admin.GetAsync<PagedResponse<FileResponse>>($"/api/v1/files?ownerType=wedding&ownerId={wedding}")).Items).Id);

        var audit = await admin.GetAsync<PagedResponse<AuditEntryResponse>>($"/api/v1/audit?entityId={file.Id}");
        Assert.Equal(["file.deleted", "file.uploaded"], audit.Items.Select(e => e.Action));
        Assert.All(audit.Items, e => Assert.Equal(studio.AdminEmail, e.UserEmail));
    }

    [Fact]
    public async Task The_service_stores_files_without_an_http_request_and_keys_cannot_leave_the_tenants_space()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var wedding = await CreateWeddingAsync(admin);
        var me = await admin.GetAsync<MeResponse>("/api/v1/me");

        // As a background job does: a scope with the tenant and the user it acts for, no HttpContext.
        await using (var scope = Server.Services.CreateAsyncScope())
        {
            var tenant = await scope.ServiceProvider.GetRequiredService<TenantDirectory>().FindBySlugAsync(studio.Slug, Cancel);
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant!);
            var files = scope.ServiceProvider.GetRequiredService<FileService>();

            // With no user, a wedding is nobody's to attach to.
            await Assert.ThrowsAsync<ApiException>(() => files.StoreAsync(FileOwnerTypes.Wedding, wedding, "x.txt", new MemoryStream("x"u8.ToArray()), Cancel));

            scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new UserSnapshot(me.Id, me.Email, me.Name, me.Role, UserStatus.Active, "stamp", []));
            var stored = await files.StoreAsync(FileOwnerTypes.Wedding, wedding, "run-of-show.csv", new NonSeekableStream("time,what\n16:00,Mehendi\n"u8.ToArray()), Cancel);
            Assert.Equal(("text/csv; charset=utf-8", me.Id), (stored.ContentType, stored.UploadedBy));

            var refused = await Assert.ThrowsAsync<ApiException>(() => files.StoreAsync(FileOwnerTypes.Wedding, wedding, "a.html", new MemoryStream("<html>"u8.ToArray()), Cancel));
            Assert.Equal(415, refused.Status);

            var storage = scope.ServiceProvider.GetRequiredService<IFileStorage>();
            foreach (var key in new[] { "../escape", $"tenants/{studio.TenantId}/../../escape", "/etc/passwd", "tenants//x", "tenants\\x", "tenants/./x", "" })
            {
                await Assert.ThrowsAsync<ArgumentException>(() => storage.PutAsync(key, new MemoryStream([1]), "text/plain", Cancel));
                await Assert.ThrowsAsync<ArgumentException>(() => storage.OpenReadAsync(key, Cancel));
            }
            Assert.Null(await storage.OpenReadAsync($"tenants/{studio.TenantId}/files/{Guid.CreateVersion7()}", Cancel));
            Assert.True(await storage.IsReachableAsync(Cancel));
        }

        var listed = Assert.Single((await admin.GetAsync<PagedResponse<FileResponse>>($"/api/v1/files?ownerType=wedding&ownerId={wedding}")).Items);
        Assert.Equal("run-of-show.csv", listed.FileName);
        Assert.Single(await StoredObjectsAsync(studio.TenantId));
    }

    [Fact]
    public async Task Readiness_includes_the_file_storage()
    {
        using var client = AnonymousClient();
        using var ready = await client.GetAsync("/ready", Cancel);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync(Cancel));
        Assert.Equal("Healthy", report.RootElement.GetProperty("checks").GetProperty("file-storage").GetString());
    }

    [Fact]
    public void File_names_are_made_safe()
    {
        var cases = new (string Uploaded, string Expected)[]
        {
            ("../../etc/passwd", "passwd"),
            ("C:\\fakepath\\Mehendi photos.png", "Mehendi photos.png"),
            ("\u202Egnp.exe", "gnp.exe"), // a right-to-left override that disguises the extension
            ("  ..invoice<1>?.pdf.  ", "invoice1.pdf"),
            ("शादी\u0000 का\tकार्ड.pdf", "शादी का कार्ड.pdf"),
            ("ക്\u200Dഷ.txt", "ക്\u200Dഷ.txt"), // joiners shape Indic scripts: kept
            ("...", ""),
        };
        Assert.All(cases, c => Assert.Equal(c.Expected, FileNames.Sanitize(c.Uploaded)));
    }

    [Fact]
    public void Long_file_names_are_shortened_keeping_their_extension()
    {
        var name = FileNames.Sanitize(new string('न', 300) + ".xlsx");
        Assert.Equal(FileNames.MaxLength, name.Length);
        Assert.EndsWith("नन.xlsx", name, StringComparison.Ordinal);
    }

    internal static async Task<Guid> CreateWeddingAsync(HttpClient admin, IReadOnlyList<TeamAssignment>? team = null) =>
        (await (await admin.PostJsonAsync("/api/v1/weddings", NewWedding with { Team = team })).ReadAsync<WeddingResponse>(HttpStatusCode.Created)).Id;

    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid ownerId, byte[] bytes, string fileName, string? contentType,
        string ownerType = "wedding")
    {
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(bytes);
        if (contentType is not null)
        {
            part.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        form.Add(part, "file", fileName);
        return await client.PostAsync($"/api/v1/files?ownerType={ownerType}&ownerId={ownerId}", form, Cancel);
    }

    private static void AssertServedAsAttachment(HttpResponseMessage response, string contentType, string fileName)
    {
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains("sandbox", string.Join(",", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    /// <summary>What the storage holds under <c>tenants/{tenantId}/</c>, read directly from the folder or the bucket.</summary>
    private async Task<Dictionary<string, byte[]>> StoredObjectsAsync(Guid tenantId)
    {
        var options = Server.Services.GetRequiredService<IOptions<FileStorageOptions>>().Value;
        var prefix = StorageKeys.TenantPrefix(tenantId);
        var stored = new Dictionary<string, byte[]>();
        if (options.Provider == FileStorageProvider.Local)
        {
            var root = Path.Combine(Server.DataDirectory, options.LocalDirectory);
            var folder = Path.Combine(root, prefix);
            foreach (var path in Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories) : [])
            {
                stored[Path.GetRelativePath(root, path).Replace('\\', '/')] = await File.ReadAllBytesAsync(path, Cancel);
            }
            return stored;
        }

        using var s3 = new AmazonS3Client(new BasicAWSCredentials(options.S3.AccessKey, options.S3.SecretKey),
            new AmazonS3Config { ServiceURL = options.S3.ServiceUrl, ForcePathStyle = true, AuthenticationRegion = options.S3.Region });
        var listing = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = options.S3.Bucket, Prefix = options.S3.KeyPrefix + prefix }, Cancel);
        foreach (var item in listing.S3Objects ?? [])
        {
            using var response = await s3.GetObjectAsync(options.S3.Bucket, item.Key, Cancel);
            using var bytes = new MemoryStream();
            await response.ResponseStream.CopyToAsync(bytes, Cancel);
            Assert.Equal(item.Size, (long?)bytes.Length);
            stored[item.Key[options.S3.KeyPrefix.Length..]] = bytes.ToArray();
        }
        return stored;
    }

    private static byte[] Pdf(int size) => Magic("%PDF-1.7\n"u8.ToArray(), size);

    /// <summary>A file that starts with the given signature, followed by binary (not UTF-8) bytes.</summary>
    private static byte[] Magic(byte[] signature, int size = 4_096)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        bytes[signature.Length] = 0xFF; // never valid UTF-8
        signature.CopyTo(bytes, 0);
        return bytes;
    }

    /// <summary>An Office Open XML package whose main part is <paramref name="mainPart"/> of the given type.</summary>
    private static byte[] Office(string mainPart, string mainType)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml",
                $"""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/{mainPart}" ContentType="{mainType}.main+xml"/></Types>""");
            Write(zip, mainPart, "<document/>");
        }
        return buffer.ToArray();

        static void Write(ZipArchive zip, string name, string text)
        {
            using var writer = new StreamWriter(zip.CreateEntry(name).Open());
            writer.Write(text);
        }
    }

    /// <summary>A stream that cannot seek or tell its length, like a request body sent in chunks.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => base.Position; set => throw new NotSupportedException(); }
    }
}

public sealed class FileTestsOnSqlite(SqliteServer server) : FileTests(server);

public sealed class FileTestsOnPostgres(PostgresServer server) : FileTests(server);
