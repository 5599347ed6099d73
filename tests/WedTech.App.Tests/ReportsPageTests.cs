using AngleSharp.Dom;
using Bunit;
using MudBlazor;
using Shouldly;
using WedTech.App.Features.Reports.Components;
using WedTech.App.Features.Reports.Pages;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;

namespace WedTech.App.Tests;

public class ReportsPageTests : AppTestContext
{
    private const string FirstPage = "/api/v1/reports?page=1&pageSize=20";
    private static readonly Guid WeddingId = Guid.Parse("01938a00-0000-7000-8000-0000000000a1");
    private static readonly Guid EventId = Guid.Parse("01938a00-0000-7000-8000-0000000000e1");
    private static readonly Guid FileId = Guid.Parse("01938a00-0000-7000-8000-0000000000f1");

    /// <summary>Asked for at 16:00 in Delhi (10:30 UTC), on days long past, so they read with their year whenever the test runs.</summary>
    private static DateTimeOffset Asked(int day) => new(2024, 12, day, 10, 30, 0, TimeSpan.Zero);

    private static readonly ReportResponse RunSheet = new(Guid.Parse("01938a00-0000-7000-8000-000000000003"), ReportKind.RunSheet, ReportFormat.Pdf, WeddingId,
        ReportStatus.Running, 40, null, null, Asked(3), null, EventId, "Sharma–Verma wedding", "Sangeet");

    private static readonly ReportResponse List = new(Guid.Parse("01938a00-0000-7000-8000-000000000002"), ReportKind.WeddingsList, ReportFormat.Xlsx, null,
        ReportStatus.Succeeded, 100, FileId, null, Asked(2), Asked(2).AddSeconds(3));

    private static readonly ReportResponse Summary = new(Guid.Parse("01938a00-0000-7000-8000-000000000001"), ReportKind.WeddingSummary, ReportFormat.Pdf, WeddingId,
        ReportStatus.Failed, 5, null, "The wedding was deleted, or you are no longer on its team", Asked(1), Asked(1).AddSeconds(2));

    private IRenderedComponent<MudPopoverProvider> _popovers = default!;

    private IRenderedComponent<Reports> RenderPage(string at = "reports")
    {
        // The weddings list's formats open in a menu, which renders into the popover provider, as MainLayout has one.
        _popovers = Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        Navigation.NavigateTo(at);
        var page = Render<Reports>();
        page.WaitForElement("[data-test=reports], [data-test=empty]");
        return page;
    }

    private static IElement Row(IRenderedComponent<Reports> page, ReportResponse report) => page.Find($"[data-report='{report.Id}']");

    [Fact]
    public async Task A_planner_sees_each_report_newest_first_with_what_it_is_about_when_it_was_asked_for_and_how_far_it_has_got()
    {
        await SignInAsAsync(Role.Planner);
        Api.Returns(FirstPage, new PagedResponse<ReportResponse>([RunSheet, List, Summary], 1, 20, 3));
        Api.Returns($"/api/v1/reports/{RunSheet.Id}", RunSheet);

        var page = RenderPage();

        page.FindAll("[data-test=report]").Select(r => r.GetAttribute("data-report")).ShouldBe([$"{RunSheet.Id}", $"{List.Id}", $"{Summary.Id}"]);
        var running = Row(page, RunSheet);
        running.QuerySelector("h2")!.TextContent.ShouldBe("Run sheet");
        running.QuerySelector("[data-test=report-subject]")!.TextContent.ShouldBe("Sangeet · Sharma–Verma wedding");
        running.TextContent.ShouldContain("PDF · asked 3 Dec 2024, 16:00", Case.Sensitive, "on the studio's clock");
        running.QuerySelector("[data-test=report-state]")!.TextContent.ShouldBe("Being made · 40%");
        running.QuerySelector("[role=progressbar]")!.GetAttribute("aria-valuenow").ShouldBe("40");
        running.QuerySelector("[data-test=download]").ShouldBeNull();

        var ready = Row(page, List);
        ready.QuerySelector("h2")!.TextContent.ShouldBe("Weddings list");
        ready.QuerySelector("[data-test=report-subject]").ShouldBeNull("the list is about no one wedding");
        ready.TextContent.ShouldContain("Excel (xlsx) · asked 2 Dec 2024, 16:00");
        var download = ready.QuerySelector("[data-test=download]")!;
        download.GetAttribute("href").ShouldBe($"/api/v1/files/{FileId}/content");
        download.GetAttribute("aria-label").ShouldBe("Download the weddings list (Excel (xlsx))");

        var failed = Row(page, Summary);
        failed.QuerySelector("[data-test=report-subject]")!.TextContent.ShouldBe("A wedding no longer shown to you");
        failed.QuerySelector("[data-test=report-error]")!.TextContent.ShouldBe("Could not be made. The wedding was deleted, or you are no longer on its team.");
        failed.QuerySelector("[data-test=ask-again]").ShouldNotBeNull();
        var text = page.Find("[data-test=reports]").TextContent;
        text.ShouldNotContain("run-sheet", Case.Insensitive, "no raw names of kinds or states");
        text.ShouldNotContain("Succeeded", Case.Insensitive);
        text.ShouldNotContain("RunSheet", Case.Insensitive);
        page.Find("[data-test=ask-weddings-list]").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_report_being_made_is_followed_until_it_is_ready_to_download()
    {
        await SignInAsAsync(Role.Coordinator);
        Api.Returns(FirstPage, new PagedResponse<ReportResponse>([RunSheet], 1, 20, 1));
        Api.Returns($"/api/v1/reports/{RunSheet.Id}", RunSheet with { Status = ReportStatus.Succeeded, Progress = 100, FileId = FileId });

        var page = RenderPage();

        page.WaitForAssertion(() => Row(page, RunSheet).QuerySelector("[data-test=download]")!.GetAttribute("href").ShouldBe($"/api/v1/files/{FileId}/content"));
        Row(page, RunSheet).GetAttribute("data-status").ShouldBe("succeeded");
        Row(page, RunSheet).QuerySelector("[role=progressbar]").ShouldBeNull();
    }

    [Fact]
    public async Task A_notification_s_report_is_marked_and_shown_first_even_when_it_is_older_than_the_first_page()
    {
        await SignInAsAsync(Role.Planner);
        Api.Returns(FirstPage, new PagedResponse<ReportResponse>([RunSheet, List], 1, 20, 21));
        Api.Returns($"/api/v1/reports/{RunSheet.Id}", RunSheet);
        Api.Returns($"/api/v1/reports/{Summary.Id}", Summary);

        var page = RenderPage($"reports?report={Summary.Id}");

        page.WaitForAssertion(() => page.FindAll("[data-test=report]").Select(r => r.GetAttribute("data-report")).ShouldBe([$"{Summary.Id}", $"{RunSheet.Id}", $"{List.Id}"]));
        Row(page, Summary).GetAttribute("aria-current").ShouldBe("true");
        Row(page, Summary).ClassList.ShouldContain("report-marked");
        Row(page, List).HasAttribute("aria-current").ShouldBeFalse();
        page.Find("[aria-label=Pages]").ShouldNotBeNull("21 reports are two pages");
    }

    [Fact]
    public async Task Asking_for_the_weddings_list_as_CSV_lands_on_it_marked_on_the_reports_page()
    {
        await SignInAsAsync(Role.Planner);
        var asked = new ReportResponse(Guid.Parse("01938a00-0000-7000-8000-000000000009"), ReportKind.WeddingsList, ReportFormat.Csv, null, ReportStatus.Queued, 0,
            null, null, Asked(4), null);
        Api.Returns(FirstPage, new PagedResponse<ReportResponse>([], 1, 20, 0));
        Api.Returns("/api/v1/reports", asked, "POST");
        var page = RenderPage();
        page.Find("[data-test=empty]").TextContent.ShouldContain("You have not asked for any reports yet.");

        page.Find("[data-test=ask-weddings-list] button").Click();
        Api.Returns(FirstPage, new PagedResponse<ReportResponse>([asked], 1, 20, 1));
        Api.Returns($"/api/v1/reports/{asked.Id}", asked);
        (await _popovers.WaitForElementAsync("[data-test=ask-weddings-list-csv]")).Click();

        page.WaitForAssertion(() => Navigation.Uri.ShouldEndWith($"/reports?report={asked.Id}"));
        Api.RequestBodies.ShouldContain("""{"kind":"weddings-list","format":"csv","weddingId":null,"eventId":null}""");
        page.WaitForAssertion(() => Row(page, asked).GetAttribute("aria-current").ShouldBe("true"));
        Row(page, asked).QuerySelector("[data-test=report-state]")!.TextContent.ShouldBe("Waiting to start");
    }

    [Fact]
    public async Task The_wedding_summary_is_asked_for_from_the_wedding_and_lands_on_the_reports_page()
    {
        await SignInAsAsync(Role.Planner);
        Api.Returns("/api/v1/reports", Summary with { Status = ReportStatus.Queued, Error = null }, "POST");
        var button = Render<AskForReport>(p => p.Add(a => a.Kind, ReportKind.WeddingSummary).Add(a => a.Formats, [ReportFormat.Pdf])
            .Add(a => a.WeddingId, WeddingId).Add(a => a.Label, "Summary (PDF)").Add(a => a.Test, "ask-wedding-summary"));

        button.Find("[data-test=ask-wedding-summary]").Click();

        button.WaitForAssertion(() => Navigation.Uri.ShouldEndWith($"/reports?report={Summary.Id}"));
        Api.RequestBodies.ShouldContain($$"""{"kind":"wedding-summary","format":"pdf","weddingId":"{{WeddingId}}","eventId":null}""");
    }

    [Fact]
    public async Task The_couple_is_offered_no_reports()
    {
        await SignInAsAsync(Role.Client);
        Api.Returns(FirstPage, new PagedResponse<ReportResponse>([], 1, 20, 0));

        var page = RenderPage();

        page.Find("[data-test=empty]").TextContent.Trim().ShouldBe("You have no reports.");
        page.FindAll("[data-test=ask-weddings-list]").ShouldBeEmpty();
    }
}
