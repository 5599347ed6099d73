using System.Net;
using Bunit;
using MudBlazor;
using Shouldly;
using WedTech.App.Features.Guests;
using WedTech.App.Features.Guests.Pages;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;
using static WedTech.App.Tests.Infrastructure.Schedules;

namespace WedTech.App.Tests;

public class IdDocumentsPageTests : AppTestContext
{
    private static readonly IdDocumentResponse Sunita = new(Guid.NewGuid(), Guid.NewGuid(), "Sharma family", Guid.NewGuid(), "सुनीता शर्मा", IdDocumentKind.Aadhaar,
        "XXXX XXXX 7058", "image/jpeg", 52_000, new DateTimeOffset(2027, 1, 10, 9, 0, 0, TimeSpan.Zero), "The guest", new DateOnly(2027, 2, 22));

    private static IdDocumentsResponse List(int without, params IdDocumentResponse[] documents) =>
        new(new PagedResponse<IdDocumentResponse>(documents, 1, GuestsApi.PageSize, documents.Length), without, true, 7);

    private IRenderedComponent<IdDocumentsPage> RenderPage() => Render<IdDocumentsPage>(p => p.Add(c => c.Id, WeddingId));

    [Fact]
    public async Task A_planner_sees_masked_numbers_opens_a_file_in_a_new_tab_and_deletes_after_confirming()
    {
        await SignInAsAsync(Role.Planner);
        Api.Returns(GuestsApi.Routes.IdDocumentPage(WeddingId, 1), List(1, Sunita));
        Api.Answers(GuestsApi.Routes.IdDocument(WeddingId, Sunita.Id), _ => HttpStatusCode.NoContent, "DELETE");
        var dialogs = Render<MudDialogProvider>();
        var page = RenderPage();

        page.WaitForAssertion(() => page.Find("[data-test=id-number]").TextContent.ShouldBe("Aadhaar XXXX XXXX 7058"));
        page.Find("[data-test=ids-summary]").TextContent.ShouldContain("1 guest coming has not sent one yet.");
        page.Find("[data-test=ids-summary]").TextContent.ShouldContain("All are deleted on 22 Feb 2027, 7 days after the wedding.");
        var open = page.Find("[data-test=open-id]");
        (open.GetAttribute("href"), open.GetAttribute("target")).ShouldBe((GuestsApi.Routes.IdDocumentFile(WeddingId, Sunita.Id), "_blank"));
        open.GetAttribute("aria-label").ShouldBe("Open सुनीता शर्मा's ID");

        Api.Returns(GuestsApi.Routes.IdDocumentPage(WeddingId, 1), List(2));
        await page.InvokeAsync(() => page.Find("[data-test=delete-id]").Click());
        dialogs.WaitForAssertion(() => dialogs.Markup.ShouldContain("सुनीता शर्मा's Aadhaar is deleted for good."));
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Delete").Click());

        page.WaitForAssertion(() => page.Find("[data-test=no-ids]").TextContent.ShouldBe("No IDs received yet."));
        Api.Requests.ShouldContain(r => r.Method == HttpMethod.Delete && r.RequestUri!.PathAndQuery == GuestsApi.Routes.IdDocument(WeddingId, Sunita.Id));
    }

    [Theory]
    [InlineData(Role.Coordinator)]
    [InlineData(Role.Client)]
    public async Task Roles_without_the_permission_are_told_and_nothing_is_fetched(Role role)
    {
        await SignInAsAsync(role);

        var page = RenderPage();

        page.Find("[data-test=no-documents-permission]").TextContent.ShouldContain("only to the studio's planners and admins");
        Api.Requests.ShouldNotContain(r => r.RequestUri!.AbsolutePath.Contains("id-documents", StringComparison.Ordinal));
    }
}
