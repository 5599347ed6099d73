using System.Net;
using System.Text;
using MiniExcelLibs;
using Shouldly;
using WedTech.Contracts;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

public abstract class ReportTests(TestServer server) : ProviderTests(server)
{
    [Fact]
    public async Task A_wedding_summary_PDF_is_made_by_a_job_with_progress_stored_as_a_file_and_the_requester_is_told()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var wedding = await admin.CreateWeddingAsync("प्रिया & Arjun");

        var asked = await admin.PostJsonAsync("/api/v1/reports", new ReportRequest(ReportKind.WeddingSummary, null, wedding.Id));
        asked.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var report = await asked.ReadAsync<ReportResponse>(HttpStatusCode.Accepted);
        asked.Headers.Location!.ToString().ShouldBe($"/api/v1/reports/{report.Id}");
        report.Format.ShouldBe(ReportFormat.Pdf);
        report.WeddingTitle.ShouldBe("प्रिया & Arjun", "named as the requester sees the wedding");

        var done = await WaitAsync(admin, report.Id);
        done.Status.ShouldBe(ReportStatus.Succeeded, done.Error);
        done.Progress.ShouldBe(100);
        var pdf = await admin.GetByteArrayAsync($"/api/v1/files/{done.FileId}/content", Cancel);
        Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
        // Read back by a real PDF reader (Debian poppler-utils): the text is there, in embedded Noto fonts.
        var text = await PdfTools.RunAsync("pdftotext", pdf, "-layout");
        text.ShouldContain("Arjun");
        text.ShouldContain("Jaipur");
        text.ShouldContain("Status: booked");
        text.ShouldMatch(@"made \d{1,2} \w{3} \d{4}, \d\d:\d\d \(Asia/Kolkata\)", "made on the studio's clock");
        var fonts = await PdfTools.RunAsync("pdffonts", pdf);
        var fontLines = fonts.Split('\n').Skip(2).Where(l => l.Length > 0).ToList();
        fontLines.Count(l => l.Contains("Devanagari", StringComparison.Ordinal)).ShouldBeGreaterThan(0, fonts);
        fontLines.Count(l => l.Contains("Noto", StringComparison.Ordinal) && !l.Contains("Devanagari", StringComparison.Ordinal)).ShouldBeGreaterThan(0, fonts);
        fontLines.ShouldAllBe(l => l.Contains(" yes ", StringComparison.Ordinal), fonts);
        var file = await admin.GetAsync<FileResponse>($"/api/v1/files/{done.FileId}");
        file.ContentType.ShouldBe("application/pdf");

        var told = (await EventuallyAsync(async () => (await admin.GetAsync<PagedResponse<NotificationResponse>>("/api/v1/notifications")).Items)).ShouldHaveSingleItem();
        told.Title.ShouldBe("Your report is ready");
        told.Link.ShouldBe($"/app/reports?report={report.Id}", "a tap opens the report in the app");
    }

    [Fact]
    public async Task The_list_names_each_report_s_wedding_and_event_as_the_requester_sees_them_now()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var wedding = await admin.CreateWeddingAsync("Meera & Kabir");
        var ev = await EventTests.AddEventAsync(admin, wedding.Id, Sangeet("संगीत Night"));
        var list = await (await admin.PostJsonAsync("/api/v1/reports", new ReportRequest(ReportKind.WeddingsList, ReportFormat.Csv, null))).ReadAsync<ReportResponse>(HttpStatusCode.Accepted);
        var sheet = await (await admin.PostJsonAsync("/api/v1/reports", new ReportRequest(ReportKind.RunSheet, null, null, ev.Id))).ReadAsync<ReportResponse>(HttpStatusCode.Accepted);
        sheet.ShouldSatisfyAllConditions(r => r.WeddingTitle.ShouldBe("Meera & Kabir"), r => r.EventName.ShouldBe("संगीत Night"));
        await WaitAsync(admin, sheet.Id);

        var mine = await admin.GetAsync<PagedResponse<ReportResponse>>("/api/v1/reports");
        mine.Items.Select(r => (r.Id, r.WeddingTitle, r.EventName)).ShouldBe(new (Guid, string?, string?)[] { (sheet.Id, "Meera & Kabir", "संगीत Night"), (list.Id, null, null) },
            "newest first");

        // A wedding since deleted is no longer named.
        (await admin.DeleteAsync($"/api/v1/weddings/{wedding.Id}", Cancel)).EnsureSuccessStatusCode();
        (await admin.GetAsync<ReportResponse>($"/api/v1/reports/{sheet.Id}")).ShouldSatisfyAllConditions(
            r => r.WeddingTitle.ShouldBeNull(), r => r.EventName.ShouldBeNull(), r => r.WeddingId.ShouldBe(wedding.Id));
    }

    [Fact]
    public async Task The_weddings_list_holds_only_what_the_requester_may_see_and_reports_are_private()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var coordinator = await studio.AddMemberAsync(Role.Coordinator, admin);
        await admin.CreateWeddingAsync("=HYPERLINK(\"x\") & Co");
        var assigned = await (await admin.PostJsonAsync("/api/v1/weddings", new WeddingRequest("Meera & Kabir", "मीरा", "Kabir", new DateOnly(2027, 3, 1), "Udaipur",
            WeddingStatus.Booked, 1_00_000_00, 150, null, [new(coordinator.Id, TeamRole.Coordinator)]))).ReadAsync<WeddingResponse>(HttpStatusCode.Created);

        var all = await WaitAsync(admin, (await (await admin.PostJsonAsync("/api/v1/reports", new ReportRequest(ReportKind.WeddingsList, ReportFormat.Xlsx, null)))
            .ReadAsync<ReportResponse>(HttpStatusCode.Accepted)).Id);
        await using (var xlsx = new MemoryStream(await admin.GetByteArrayAsync($"/api/v1/files/{all.FileId}/content", Cancel)))
        {
            var rows = xlsx.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
            rows.Select(r => r["Wedding"]).ShouldBe(["=HYPERLINK(\"x\") & Co", "Meera & Kabir"], ignoreOrder: true);
            rows.Single(r => (string)r["Wedding"] == "Meera & Kabir")["Bride"].ShouldBe("मीरा");
        }

        var mine = await WaitAsync(coordinator.Client, (await (await coordinator.Client.PostJsonAsync("/api/v1/reports", new ReportRequest(ReportKind.WeddingsList, ReportFormat.Csv, null)))
            .ReadAsync<ReportResponse>(HttpStatusCode.Accepted)).Id);
        var csv = Encoding.UTF8.GetString(await coordinator.Client.GetByteArrayAsync($"/api/v1/files/{mine.FileId}/content", Cancel)).TrimStart('\uFEFF');
        csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(2, "the header and the coordinator's one wedding");
        csv.ShouldContain("Meera & Kabir,मीरा,Kabir,2027-03-01,Udaipur,booked,150");

        // Reports are their requester's: the admin cannot read the coordinator's, another studio sees nothing.
        (await admin.GetAsync($"/api/v1/reports/{mine.Id}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetAsync($"/api/v1/files/{mine.FileId}/content", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var other = await NewStudioAsync();
        using var otherAdmin = await other.AdminAsync();
        (await otherAdmin.GetAsync($"/api/v1/reports/{all.Id}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await otherAdmin.GetAsync($"/api/v1/files/{all.FileId}/content", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // A coordinator cannot summarise a wedding they are not on.
        var notTheirs = await admin.CreateWeddingAsync("Not theirs");
        (await coordinator.Client.PostJsonAsync("/api/v1/reports", new ReportRequest(ReportKind.WeddingSummary, null, notTheirs.Id))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await coordinator.Client.PostJsonAsync("/api/v1/reports", new ReportRequest(ReportKind.WeddingSummary, null, assigned.Id))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task Bad_report_requests_get_field_errors()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        (await (await admin.PostJsonAsync("/api/v1/reports", new ReportRequest(ReportKind.WeddingSummary, null, null))).ProblemAsync(HttpStatusCode.BadRequest))
            .Errors.ShouldNotBeNull().ShouldContainKey("weddingId");
        (await (await admin.PostJsonAsync("/api/v1/reports", new ReportRequest(ReportKind.WeddingsList, ReportFormat.Pdf, null))).ProblemAsync(HttpStatusCode.BadRequest))
            .Errors.ShouldNotBeNull().ShouldContainKey("format");
        (await (await admin.PostJsonAsync("/api/v1/reports", new { kind = "tax-return" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors.ShouldNotBeNull().ShouldContainKey("kind");
        (await admin.GetAsync<PagedResponse<ReportResponse>>("/api/v1/reports")).TotalCount.ShouldBe(0);
    }

    private static readonly DateTime Evening = new(2027, 2, 12, 19, 30, 0);

    private static EventRequest Sangeet(string name, IReadOnlyList<TeamAssignment>? team = null) =>
        new(EventType.Sangeet, name, Evening, Evening.AddHours(5.5), "Asia/Kolkata", null, "Indo-western, pastels", 250,
            "Band needs 2 hrs for sound check.", EventStatus.Confirmed, team);

    private static async Task<byte[]> RunSheetAsync(HttpClient client, Guid eventId)
    {
        var asked = await (await client.PostJsonAsync("/api/v1/reports", new ReportRequest(ReportKind.RunSheet, null, null, eventId))).ReadAsync<ReportResponse>(HttpStatusCode.Accepted);
        var done = await WaitAsync(client, asked.Id);
        done.Status.ShouldBe(ReportStatus.Succeeded, done.Error);
        return await client.GetByteArrayAsync($"/api/v1/files/{done.FileId}/content", Cancel);
    }

    [Fact]
    public async Task A_run_sheet_prints_an_event_s_run_of_show_over_as_many_pages_as_it_takes_with_the_header_row_on_each()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var wedding = await admin.CreateWeddingAsync("प्रिया & Arjun");
        var ev = await EventTests.AddEventAsync(admin, wedding.Id, Sangeet("संगीत Night"));
        for (var i = 0; i < 60; i++)
        {
            var title = i switch { 7 => "फेरे की तैयारी", 30 => "Jaimala", _ => $"Step {i:00} of the evening" };
            await EventTests.AddItemAsync(admin, ev.Id, new RunOfShowItemRequest(Evening.AddMinutes(i * 6 - 30), i == 0 ? 90 : 5, title, null,
                i % 2 == 0 ? "DJ Aman" : "Decor team", "Main lawn", i % 3 == 0 ? $"Note {i}: cue the dhol after the lights dim." : null,
                IsFixed: i == 30, IsShared: i % 2 == 0, Status: i < 5 ? RunOfShowStatus.Done : null));
        }

        var asked = await admin.PostJsonAsync("/api/v1/reports", new ReportRequest(ReportKind.RunSheet, null, null, ev.Id));
        var report = await asked.ReadAsync<ReportResponse>(HttpStatusCode.Accepted);
        report.ShouldSatisfyAllConditions(r => r.Format.ShouldBe(ReportFormat.Pdf), r => r.EventId.ShouldBe(ev.Id), r => r.WeddingId.ShouldBe(wedding.Id));
        var done = await WaitAsync(admin, report.Id);
        done.Status.ShouldBe(ReportStatus.Succeeded, done.Error);
        var pdf = await admin.GetByteArrayAsync($"/api/v1/files/{done.FileId}/content", Cancel);
        (await admin.GetAsync<FileResponse>($"/api/v1/files/{done.FileId}")).ShouldSatisfyAllConditions(
            f => f.ContentType.ShouldBe("application/pdf"), f => f.FileName.ShouldBe("Run sheet — संगीत Night 2027-02-12.pdf"));

        // Read back by poppler: A4, several pages, each with the table's header row and its number out of the count.
        var info = await PdfTools.RunAsync("pdfinfo", pdf);
        info.ShouldContain("595 x 842 pts (A4)");
        var pages = int.Parse(info.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal))[6..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        pages.ShouldBeGreaterThan(1, info);
        var steps = new List<string>();
        for (var page = 1; page <= pages; page++)
        {
            var text = await PdfTools.RunAsync("pdftotext", pdf, "-layout", "-f", $"{page}", "-l", $"{page}");
            text.ShouldMatch(@"Time\s+Duration\s+Title\s+Owner\s+Location\s+Status", $"page {page}");
            text.ShouldContain($"page {page} of {pages}");
            // Made on the venue's clock, which is the one the sheet's times are read on.
            text.ShouldMatch(@"made \d{1,2} \w{3} \d{4}, \d\d:\d\d \(Asia/Kolkata\)", $"page {page}");
            text.ShouldContain(page == 1 ? "Friday, 12 Feb 2027 · 19:30 – 01:00 (13 Feb) · Asia/Kolkata (UTC+05:30)" : "(continued)");
            steps.AddRange(System.Text.RegularExpressions.Regex.Matches(text, @"Step \d\d").Select(m => m.Value));
        }
        steps.Count.ShouldBe(58, "every item once, none lost or repeated at a page break");
        steps.ShouldBeUnique();

        var all = await PdfTools.RunAsync("pdftotext", pdf, "-layout");
        all.ShouldContain("Dress code: Indo-western, pastels");
        all.ShouldContain("Notes: Band needs 2 hrs for sound check.");
        all.ShouldMatch(@"19:00\s+1 h 30\s+Step 00 of the evening\s+DJ Aman\s+Main lawn\s+Done");
        all.ShouldMatch(@"22:00\s+5 min\s+Jaimala\s+DJ Aman\s+Main lawn\s+Pending");
        all.ShouldContain("Muhurat (fixed time)");
        all.ShouldContain("Note 3: cue the dhol after the lights dim.");
        // The glyphs carry their text: Devanagari comes back as typed, vowel signs and conjuncts included.
        var letters = string.Concat(all.Where(c => !char.IsWhiteSpace(c)));
        letters.ShouldContain("प्रिया&Arjun");
        letters.ShouldContain("संगीतNight·Sangeet");
        letters.ShouldContain("फेरेकीतैयारी");

        var fonts = await PdfTools.RunAsync("pdffonts", pdf);
        var fontLines = fonts.Split('\n').Skip(2).Where(l => l.Length > 0).ToList();
        fontLines.ShouldContain(l => l.Contains("NotoSansDevanagari", StringComparison.Ordinal), fonts);
        fontLines.ShouldContain(l => l.Contains("NotoSans-Bold", StringComparison.Ordinal), fonts);
        fontLines.ShouldAllBe(l => l.Contains(" yes ", StringComparison.Ordinal), fonts);
    }

    [Fact]
    public async Task The_couple_s_run_sheet_has_only_the_shared_items_and_no_notes()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var couple = await studio.AddMemberAsync(Role.Client, admin);
        var wedding = await (await admin.PostJsonAsync("/api/v1/weddings", new WeddingRequest("Anaya & Kabir", "Anaya", "Kabir", new DateOnly(2027, 2, 12), "Delhi",
            WeddingStatus.Booked, null, null, null, [new TeamAssignment(couple.Id, TeamRole.Client)]))).ReadAsync<WeddingResponse>(HttpStatusCode.Created);
        var ev = await EventTests.AddEventAsync(admin, wedding.Id, Sangeet("Sangeet"));
        await EventTests.AddItemAsync(admin, ev.Id, new RunOfShowItemRequest(Evening, 15, "Couple's entry", null, "DJ Aman", "Stage", "Cue the dhol only after the lights dim.", false, true, null));
        await EventTests.AddItemAsync(admin, ev.Id, new RunOfShowItemRequest(Evening.AddHours(1), 10, "Ring exchange", null, null, "Stage", null, true, true, null));
        await EventTests.AddItemAsync(admin, ev.Id, new RunOfShowItemRequest(Evening.AddHours(3), 5, "Pay the DJ balance", null, null, null, "₹45,000 in cash", false, false, null));

        var theirs = await PdfTools.RunAsync("pdftotext", await RunSheetAsync(couple.Client, ev.Id), "-layout");
        theirs.ShouldContain("Couple's entry");
        theirs.ShouldContain("Ring exchange");
        theirs.ShouldContain("Muhurat (fixed time)");
        theirs.ShouldContain("page 1 of 1");
        theirs.ShouldNotContain("Pay the DJ");
        theirs.ShouldNotContain("45,000");
        theirs.ShouldNotContain("Cue the dhol");
        theirs.ShouldNotContain("Band needs");

        // The studio's copy of the same event has them all.
        var ours = await PdfTools.RunAsync("pdftotext", await RunSheetAsync(admin, ev.Id), "-layout");
        ours.ShouldContain("Pay the DJ balance");
        ours.ShouldContain("₹45,000 in cash");
        ours.ShouldContain("Cue the dhol only after the lights dim.");
        ours.ShouldContain("Notes: Band needs 2 hrs for sound check.");
    }

    [Fact]
    public async Task A_run_sheet_needs_an_event_the_requester_may_see_and_comes_only_as_a_PDF()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var coordinator = await studio.AddMemberAsync(Role.Coordinator, admin);
        var outsider = await studio.AddMemberAsync(Role.Coordinator, admin);
        var wedding = await (await admin.PostJsonAsync("/api/v1/weddings", new WeddingRequest("Tara & Rohan", "Tara", "Rohan", new DateOnly(2027, 2, 12), "Goa",
            WeddingStatus.Booked, null, null, null, [new TeamAssignment(coordinator.Id, TeamRole.Coordinator)]))).ReadAsync<WeddingResponse>(HttpStatusCode.Created);
        var ev = await EventTests.AddEventAsync(admin, wedding.Id, Sangeet("Sangeet"));
        var other = await NewStudioAsync();
        using var otherAdmin = await other.AdminAsync();
        var otherEvent = await EventTests.AddEventAsync(otherAdmin, (await otherAdmin.CreateWeddingAsync("Elsewhere")).Id, Sangeet("Their Sangeet"));

        (await (await admin.PostJsonAsync("/api/v1/reports", new ReportRequest(ReportKind.RunSheet, null, wedding.Id))).ProblemAsync(HttpStatusCode.BadRequest))
            .Errors.ShouldNotBeNull().ShouldContainKey("eventId");
        (await (await admin.PostJsonAsync("/api/v1/reports", new ReportRequest(ReportKind.RunSheet, ReportFormat.Xlsx, null, ev.Id))).ProblemAsync(HttpStatusCode.BadRequest))
            .Errors.ShouldNotBeNull().ShouldContainKey("format");
        (await (await admin.PostJsonAsync("/api/v1/reports", new { kind = "run-sheet", format = "csv", eventId = ev.Id })).ProblemAsync(HttpStatusCode.BadRequest))
            .Errors.ShouldNotBeNull().ShouldContainKey("format");
        await (await admin.PostJsonAsync("/api/v1/reports", new ReportRequest(ReportKind.RunSheet, null, null, otherEvent.Id))).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PostJsonAsync("/api/v1/reports", new ReportRequest(ReportKind.RunSheet, null, null, Guid.CreateVersion7()))).ProblemAsync(HttpStatusCode.NotFound);
        await (await outsider.Client.PostJsonAsync("/api/v1/reports", new ReportRequest(ReportKind.RunSheet, null, null, ev.Id))).ProblemAsync(HttpStatusCode.NotFound);
        (await admin.GetAsync<PagedResponse<ReportResponse>>("/api/v1/reports")).TotalCount.ShouldBe(0);
        (await outsider.Client.GetAsync<PagedResponse<ReportResponse>>("/api/v1/reports")).TotalCount.ShouldBe(0);

        // The coordinator on the wedding prints it, from the JSON a client would send.
        var asked = await (await coordinator.Client.PostJsonAsync("/api/v1/reports", new { kind = "run-sheet", eventId = ev.Id })).ReadAsync<ReportResponse>(HttpStatusCode.Accepted);
        asked.ShouldSatisfyAllConditions(r => r.Kind.ShouldBe(ReportKind.RunSheet), r => r.Format.ShouldBe(ReportFormat.Pdf), r => r.WeddingId.ShouldBe(wedding.Id));
        (await WaitAsync(coordinator.Client, asked.Id)).Status.ShouldBe(ReportStatus.Succeeded);
    }

    private static async Task<ReportResponse> WaitAsync(HttpClient client, Guid id)
    {
        // The shared test server's workers run every test's jobs: under CI's load a report can wait its turn for a while.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(120))
        {
            var report = await client.GetAsync<ReportResponse>($"/api/v1/reports/{id}");
            if (report.Status is ReportStatus.Succeeded or ReportStatus.Failed)
            {
                return report;
            }
            await Task.Delay(100, Cancel);
        }
        throw new ShouldAssertException($"Report {id} did not finish in {waited.Elapsed.TotalSeconds:0} s.");
    }

    private static async Task<IReadOnlyList<T>> EventuallyAsync<T>(Func<Task<IReadOnlyList<T>>> read)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await read() is { Count: > 0 } items)
            {
                return items;
            }
            await Task.Delay(100, Cancel);
        }
        return [];
    }
}

/// <summary>Runs a poppler-utils tool on a PDF; fails (or skips outside CI) when the tool is not installed.</summary>
internal static class PdfTools
{
    public static async Task<string> RunAsync(string tool, byte[] pdf, params string[] options)
    {
        var path = $"/usr/bin/{tool}";
        ExternalServers.Require(File.Exists(path) ? path : null, $"{tool} (Debian poppler-utils)");
        var file = Path.Combine(Path.GetTempPath(), $"wedtech-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf, TestContext.Current.CancellationToken);
        try
        {
            var start = new System.Diagnostics.ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var option in options)
            {
                start.ArgumentList.Add(option);
            }
            start.ArgumentList.Add(file);
            if (tool == "pdftotext")
            {
                start.ArgumentList.Add("-");
            }
            using var process = System.Diagnostics.Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            process.ExitCode.ShouldBe(0, await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken));
            return output;
        }
        finally
        {
            File.Delete(file);
        }
    }
}

public sealed class ReportTestsOnSqlite(SqliteServer server) : ReportTests(server);

public sealed class ReportTestsOnPostgres(PostgresServer server) : ReportTests(server);
