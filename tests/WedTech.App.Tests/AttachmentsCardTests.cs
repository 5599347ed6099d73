using System.Net;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using Shouldly;
using WedTech.App.Features.Files.Components;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;

namespace WedTech.App.Tests;

public class AttachmentsCardTests : AppTestContext
{
    private static readonly Guid WeddingId = Guid.Parse("33333333-3333-7333-8333-333333333333");
    private static readonly string ListUrl = $"/api/v1/files?ownerType=wedding&ownerId={WeddingId}&pageSize=100";
    private static readonly string UploadUrl = $"/api/v1/files?ownerType=wedding&ownerId={WeddingId}";

    private static readonly FileResponse Contract = File("44444444-4444-7444-8444-444444444444", "विवाह अनुबंध.pdf", 1_572_864);
    private static readonly FileResponse Photo = File("55555555-5555-7555-8555-555555555555", "mandap.jpg", 2_300);

    private static FileResponse File(string id, string name, long size) =>
        new(Guid.Parse(id), "wedding", WeddingId, name, "application/pdf", size, new string('a', 64), null, new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero));

    private static PagedResponse<FileResponse> Page(params FileResponse[] files) => new(files, 1, 100, files.Length);

    private IRenderedComponent<AttachmentsCard> RenderCard() => Render<AttachmentsCard>(p => p.Add(c => c.WeddingId, WeddingId));

    [Fact]
    public async Task The_couple_sees_the_files_as_download_links_and_nothing_to_change()
    {
        await SignInAsAsync(Role.Client);
        Api.Returns(ListUrl, Page(Contract, Photo));

        var card = RenderCard();

        card.WaitForAssertion(() => card.FindAll("[data-test=files] a").Count.ShouldBe(2));
        var link = card.FindAll("[data-test=files] a")[0];
        link.TextContent.ShouldBe("विवाह अनुबंध.pdf");
        link.GetAttribute("href").ShouldBe($"/api/v1/files/{Contract.Id}/content");
        link.GetAttribute("download").ShouldBe("विवाह अनुबंध.pdf");
        card.Find("[data-test=files]").TextContent.ShouldContain("1.5 MB");
        card.Find("[data-test=files]").TextContent.ShouldContain("3 KB");
        card.FindAll("[data-test=upload]").ShouldBeEmpty();
        card.FindAll("[data-test=delete-file]").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_coordinator_uploads_a_file_with_the_type_the_browser_reported_and_sees_it_listed()
    {
        await SignInAsAsync(Role.Coordinator);
        Api.Returns(ListUrl, Page());
        var card = RenderCard();
        card.WaitForAssertion(() => card.Markup.ShouldContain("No files yet."));
        card.FindAll("[data-test=delete-file]").ShouldBeEmpty();

        var stored = File("66666666-6666-7666-8666-666666666666", "receipt.txt", 17);
        Api.Returns(UploadUrl, stored, "POST");
        Api.Returns(ListUrl, Page(stored));
        card.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("Paid ₹5,000 cash", "receipt.txt", contentType: "text/plain"));

        card.WaitForAssertion(() => card.Find("[data-test=files] a").TextContent.ShouldBe("receipt.txt"));
        var upload = Api.Requests.Single(r => r.Method == HttpMethod.Post);
        upload.RequestUri!.PathAndQuery.ShouldBe(UploadUrl);
        upload.Headers.GetValues("X-WedTech-Csrf").ShouldNotBeEmpty();
        var body = Api.RequestBodies.Single();
        body.ShouldContain("filename=receipt.txt");
        body.ShouldContain("Content-Type: text/plain");
        body.ShouldContain("Paid ₹5,000 cash");
    }

    [Fact]
    public async Task A_refused_upload_shows_the_servers_reason()
    {
        await SignInAsAsync(Role.Planner);
        Api.Returns(ListUrl, Page());
        Api.ReturnsProblem(UploadUrl, HttpStatusCode.UnsupportedMediaType, "Unsupported file type", method: "POST");
        var card = RenderCard();
        card.WaitForAssertion(() => card.Markup.ShouldContain("No files yet."));

        card.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("<html></html>", "page.html", contentType: "text/html"));

        card.WaitForAssertion(() => card.Find("[data-test=problem]").TextContent.ShouldContain("Unsupported file type"));
        card.Markup.ShouldContain("No files yet.");
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_without_sending_it()
    {
        await SignInAsAsync(Role.Planner);
        Api.Returns(ListUrl, Page());
        var card = RenderCard();
        card.WaitForAssertion(() => card.Markup.ShouldContain("No files yet."));

        card.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(new byte[AttachmentsCard.MaxBytes + 1], "video.pdf", contentType: "application/pdf"));

        card.WaitForAssertion(() => card.Find("[data-test=problem]").TextContent.ShouldContain("at most 25 MB"));
        Api.Requests.ShouldNotContain(r => r.Method == HttpMethod.Post);
    }

    [Fact]
    public async Task A_planner_deletes_a_file_after_confirming()
    {
        await SignInAsAsync(Role.Planner);
        Api.Returns(ListUrl, Page(Contract, Photo));
        Api.Answers($"/api/v1/files/{Photo.Id}", _ => HttpStatusCode.NoContent, "DELETE");
        var dialogs = Render<MudDialogProvider>();
        var card = RenderCard();
        card.WaitForAssertion(() => card.FindAll("[data-test=delete-file]").Count.ShouldBe(2));
        card.FindAll("[data-test=delete-file]")[1].GetAttribute("aria-label").ShouldBe("Delete mandap.jpg");

        Api.Returns(ListUrl, Page(Contract));
        await card.InvokeAsync(() => card.FindAll("[data-test=delete-file]")[1].Click());
        dialogs.WaitForAssertion(() => dialogs.Markup.ShouldContain("mandap.jpg will no longer be shown to anyone."));
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Delete").Click());

        card.WaitForAssertion(() => card.FindAll("[data-test=files] a").Count.ShouldBe(1));
        Api.Requests.ShouldContain(r => r.Method == HttpMethod.Delete && r.RequestUri!.PathAndQuery == $"/api/v1/files/{Photo.Id}");
    }
}
