using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Shouldly;
using WedTech.App.Features.Guests;
using WedTech.App.Features.Guests.Components;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;
using static WedTech.App.Tests.Infrastructure.Schedules;

namespace WedTech.App.Tests;

public class ImportDialogTests : AppTestContext
{
    private static readonly Guid ImportId = Guid.Parse("01938a00-0000-7000-8000-0000000000c1");
    private static readonly Guid VermaId = Guid.Parse("01938a00-0000-7000-8000-0000000000c2");

    private static readonly ImportMapping Detected = new(ImportFormat.Spreadsheet,
        [new SheetMapping("", 1, [new ColumnMapping(0, "Name", GuestField.FullName), new ColumnMapping(1, "Mobile", GuestField.Phone), new ColumnMapping(2, "Hotel", GuestField.Notes)])]);

    private static GuestImportPreview Preview(ImportMapping mapping) => new("guests.csv", mapping, [new ColumnSamples("", 2, ["Taj", "Oberoi"])], 3, 0, 2, 2, 0, 0, 1, 0, 1,
        [new SimilarHousehold("", 3, "Anita Verma", ["Anita Verma"], VermaId, "Verma family")],
        [new ImportIssue("", 2, "Mobile", IssueSeverity.Warning, "Row 2: '98765' is not a phone number; the guest is imported without a phone.")], []);

    private static GuestImportResponse Status(GuestImportStatus status, int done, GuestImportResult? result = null) =>
        new(ImportId, WeddingId, "guests.csv", status, done, 3, result, null, DateTimeOffset.UtcNow, null);

    [Fact]
    public async Task A_planner_changes_a_column_chooses_for_a_similar_household_and_follows_the_import_to_its_summary()
    {
        await SignInAsAsync(Role.Planner);
        Api.Returns(GuestsApi.Routes.ImportPreview(WeddingId), Preview(Detected), "POST");
        Api.Returns(GuestsApi.Routes.Imports(WeddingId), Status(GuestImportStatus.Queued, 0), "POST");
        Api.Returns(GuestsApi.Routes.Import(WeddingId, ImportId), Status(GuestImportStatus.Done, 3, new GuestImportResult(1, 1, 0, 0, 0, [])));
        var popovers = Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var parameters = new DialogParameters<ImportDialog> { { d => d.WeddingId, WeddingId }, { d => d.PollEvery, TimeSpan.FromMilliseconds(10) } };
        var reference = await dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<ImportDialog>("Import guests", parameters));

        dialogs.WaitForElement("[data-test=import-choose]");
        dialogs.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("Name,Mobile,Hotel\nAsha Rao,98765,Taj\nAnita Verma,98765 00001,Oberoi\n", "guests.csv"));
        dialogs.WaitForAssertion(() => dialogs.FindAll("[data-test=import-column]").Count.ShouldBe(3));
        dialogs.Find("[data-test=import-column]:nth-child(3)").TextContent.ShouldContain("Taj · Oberoi");
        dialogs.Find("#import-0-2").GetAttribute("value").ShouldBe("Notes for the studio");
        dialogs.Find("#import-0-2").Closest(".mud-select")!.MouseDown();
        popovers.WaitForElements(".mud-list-item").Single(i => i.TextContent.Trim() == "Don't import").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("#import-0-2").GetAttribute("value").ShouldBe("Don't import"));

        dialogs.Find("[data-test=import-check]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-test=import-counts]").TextContent.ShouldContain("Households2"));
        dialogs.Find("[data-test=import-issues]").TextContent.ShouldContain("Row 2: '98765' is not a phone number");
        dialogs.Find("[data-test=import-similar]").TextContent.ShouldContain("Anita Verma");
        dialogs.Find("#similar--3").Closest(".mud-select")!.MouseDown();
        popovers.WaitForElements(".mud-list-item").Single(i => i.TextContent.Trim() == "Add to Verma family").Click();
        dialogs.Find("[data-test=import-start]").Click();

        dialogs.WaitForAssertion(() => dialogs.Find("[data-test=import-done]").TextContent.ShouldContain("1 household added, 1 household on the list completed"));
        Api.RequestBodies[1].ShouldContain("\"field\":\"ignore\"", customMessage: "the check sends the changed mapping");
        var import = Api.RequestBodies[2];
        import.ShouldContain("\"field\":\"ignore\"");
        import.ShouldContain("[{\"sheet\":\"\",\"row\":3,\"choice\":\"merge\"}]");
        import.ShouldContain("Anita Verma,98765 00001,Oberoi");
        dialogs.Find("[data-test=import-close]").Click();
        (await reference.Result)!.Data.ShouldBeOfType<GuestImportResponse>().Status.ShouldBe(GuestImportStatus.Done);
    }

    [Fact]
    public async Task A_file_the_server_refuses_keeps_the_planner_on_the_first_step_with_the_reason()
    {
        await SignInAsAsync(Role.Planner);
        Api.ReturnsProblem(GuestsApi.Routes.ImportPreview(WeddingId), System.Net.HttpStatusCode.BadRequest, "One or more validation errors occurred.",
            new Dictionary<string, string[]> { ["file"] = ["This file is a PDF, not a spreadsheet."] }, "POST");
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        await dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<ImportDialog>("Import guests",
            new DialogParameters<ImportDialog> { { d => d.WeddingId, WeddingId } }));

        dialogs.WaitForElement("[data-test=import-choose]");
        dialogs.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("%PDF-1.7", "guests.pdf"));
        dialogs.WaitForAssertion(() => dialogs.Find("[data-test=import-file-error]").TextContent.ShouldBe("This file is a PDF, not a spreadsheet."));
        dialogs.Find("[data-test=import-choose]");
        dialogs.FindAll("[data-test=import-column]").ShouldBeEmpty();
    }
}
