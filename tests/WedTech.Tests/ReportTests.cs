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
        var fonts = await PdfTools.RunAsync("pdffonts", pdf);
        var fontLines = fonts.Split('\n').Skip(2).Where(l => l.Length > 0).ToList();
        fontLines.Count(l => l.Contains("Devanagari", StringComparison.Ordinal)).ShouldBeGreaterThan(0, fonts);
        fontLines.Count(l => l.Contains("Noto", StringComparison.Ordinal) && !l.Contains("Devanagari", StringComparison.Ordinal)).ShouldBeGreaterThan(0, fonts);
        fontLines.ShouldAllBe(l => l.Contains(" yes ", StringComparison.Ordinal), fonts);
        var file = await admin.GetAsync<FileResponse>($"/api/v1/files/{done.FileId}");
        file.ContentType.ShouldBe("application/pdf");

        var told = await EventuallyAsync(async () => (await admin.GetAsync<PagedResponse<NotificationResponse>>("/api/v1/notifications")).Items);
        told.ShouldHaveSingleItem().Title.ShouldBe("Your report is ready");
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

    private static async Task<ReportResponse> WaitAsync(HttpClient client, Guid id)
    {
        for (var i = 0; i < 300; i++)
        {
            var report = await client.GetAsync<ReportResponse>($"/api/v1/reports/{id}");
            if (report.Status is ReportStatus.Succeeded or ReportStatus.Failed)
            {
                return report;
            }
            await Task.Delay(100, Cancel);
        }
        throw new ShouldAssertException($"Report {id} did not finish in 30 s.");
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
