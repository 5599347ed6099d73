using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using Bunit;
using MudBlazor;
using Shouldly;
using WedTech.App.Features.Weddings.Pages;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;

namespace WedTech.App.Tests;

public class WeddingFromTemplateTests : AppTestContext
{
    private static readonly WeddingTemplateSummary NorthIndian = new(Guid.Parse("77777777-7777-7777-8777-777777777777"), "North Indian 4-day",
        "Mehendi, sangeet, then the pheras and reception.", Days: 3, EventCount: 3, ItemCount: 21, Version: 1, DateTimeOffset.UnixEpoch);

    private static readonly WeddingTemplateSummary SouthIndian = new(Guid.Parse("88888888-8888-7888-8888-888888888888"), "South Indian 1-day",
        null, Days: 1, EventCount: 2, ItemCount: 1, Version: 1, DateTimeOffset.UnixEpoch);

    private static readonly Guid NewWeddingId = Guid.Parse("99999999-9999-7999-8999-999999999999");

    private static readonly string FromNorthIndian = $"/api/v1/templates/{NorthIndian.Id}/weddings";

    /// <summary>The pheras on the second day, the reception on the third.</summary>
    private static readonly WeddingTemplateResponse NorthIndianEvents = new(NorthIndian.Id, NorthIndian.Name, NorthIndian.Description,
    [
        new TemplateEvent(0, EventType.Mehendi, "Mehendi", new TimeOnly(15, 0), 300, null, null, null, []),
        new TemplateEvent(1, EventType.Ceremony, "Pheras", new TimeOnly(20, 0), 210, null, null, null, []),
        new TemplateEvent(1, EventType.Sangeet, "Sangeet", new TimeOnly(11, 0), 180, null, null, null, []),
        new TemplateEvent(2, EventType.Reception, "Reception", new TimeOnly(19, 30), 240, null, null, null, []),
    ], Version: 1, DateTimeOffset.UnixEpoch);

    public WeddingFromTemplateTests()
    {
        Api.Returns("/api/v1/templates?page=1&pageSize=100", new PagedResponse<WeddingTemplateSummary>([NorthIndian, SouthIndian], 1, 100, 2));
        Api.Returns($"/api/v1/templates/{NorthIndian.Id}", NorthIndianEvents);
    }

    private IRenderedComponent<WeddingNew> RenderPage()
    {
        // Selects and autocompletes render into the popover provider, as MainLayout has one.
        Render<MudPopoverProvider>();
        var page = Render<WeddingNew>();
        page.WaitForElement("[data-test='from-template']");
        return page;
    }

    private static void Choose(IRenderedComponent<WeddingNew> page, string templateName) =>
        page.FindAll(".mud-radio").Single(r => r.TextContent.Contains(templateName, StringComparison.Ordinal)).QuerySelector("input")!.Click();

    private static void FillWedding(IRenderedComponent<WeddingNew> page)
    {
        page.Find("#wedding-title").Change("Kapoor–Malhotra wedding");
        page.Find("#wedding-bride").Change("Simran Kapoor");
        page.Find("#wedding-groom").Change("Raj Malhotra");
    }

    private static string? ErrorOf(IRenderedComponent<WeddingNew> page, string inputId) =>
        page.Find($"#{inputId}").Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim();

    private static WeddingResponse Created() => new(NewWeddingId, "Kapoor–Malhotra wedding", "Simran Kapoor", "Raj Malhotra", new DateOnly(2026, 12, 12), null,
        WeddingStatus.Inquiry, null, "INR", null, null, [], 1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task Templates_are_offered_with_their_days_events_and_items()
    {
        await SignInAsAsync(Role.Planner);

        var page = RenderPage();

        var choices = page.FindAll(".mud-radio").Select(r => r.TextContent.Trim()).ToList();
        choices.Count.ShouldBe(3);
        choices[0].ShouldBe("A blank wedding");
        choices[1].ShouldContain("North Indian 4-day");
        choices[1].ShouldContain("3 days · 3 events · 21 run-of-show items");
        choices[2].ShouldContain("1 day · 2 events · 1 run-of-show item");
        page.FindAll("#template-first-day").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_wedding_from_a_template_is_sent_with_its_first_day_and_opens_when_created()
    {
        await SignInAsAsync(Role.Planner);
        Api.Returns(FromNorthIndian, Created(), "POST");
        var page = RenderPage();

        Choose(page, "North Indian 4-day");
        page.WaitForElement("#template-first-day").Change("10/12/2026");
        page.WaitForAssertion(() => page.Find("#template-first-day").Closest(".mud-input-control")!.TextContent.ShouldContain("Its events from 10 Dec 2026 to 12 Dec 2026."));
        page.FindAll("[data-test=template-outline] li").Select(li => li.TextContent.Trim())
            .ShouldBe(["Thu, 10 Dec 2026: Mehendi 15:00", "Fri, 11 Dec 2026: Sangeet 11:00, Pheras 20:00", "Sat, 12 Dec 2026: Reception 19:30"]);
        // The wedding date, still empty, is the day of the template's ceremony.
        page.Find("#wedding-date").GetAttribute("value").ShouldBe("11/12/2026");
        FillWedding(page);
        await page.Find("[data-test='save']").ClickAsync(new());

        page.WaitForAssertion(() => Navigation.Uri.ShouldEndWith($"/weddings/{NewWeddingId}"));
        var sent = Api.Requests.Single(r => r.Method == HttpMethod.Post);
        sent.RequestUri!.PathAndQuery.ShouldBe(FromNorthIndian);
        using var body = JsonDocument.Parse(Api.RequestBodies.Single());
        body.RootElement.GetProperty("firstDay").GetString().ShouldBe("2026-12-10");
        body.RootElement.GetProperty("timeZone").ValueKind.ShouldBe(JsonValueKind.Null);
        var wedding = body.RootElement.GetProperty("wedding");
        wedding.GetProperty("title").GetString().ShouldBe("Kapoor–Malhotra wedding");
        wedding.GetProperty("primaryDate").GetString().ShouldBe("2026-12-11");
    }

    [Fact]
    public async Task The_APIs_field_errors_appear_at_the_first_day_and_at_the_weddings_own_fields()
    {
        await SignInAsAsync(Role.Planner);
        Api.ReturnsProblem(FromNorthIndian, HttpStatusCode.BadRequest, "One or more validation errors occurred.", new Dictionary<string, string[]>
        {
            ["firstDay"] = ["The date must be between the years 2000 and 2100."],
            ["wedding.brideName"] = ["Enter the bride's name."],
            ["timeZone"] = ["Use an IANA time zone, like Asia/Kolkata or Asia/Dubai."],
        }, method: "POST");
        var page = RenderPage();
        Choose(page, "North Indian 4-day");
        page.WaitForElement("#template-first-day").Change("10/12/2026");
        FillWedding(page);

        await page.Find("[data-test='save']").ClickAsync(new());

        page.WaitForAssertion(() => ErrorOf(page, "template-first-day").ShouldBe("The date must be between the years 2000 and 2100."));
        ErrorOf(page, "wedding-bride").ShouldBe("Enter the bride's name.");
        ErrorOf(page, "template-timezone").ShouldBe("Use an IANA time zone, like Asia/Kolkata or Asia/Dubai.");
        ErrorOf(page, "wedding-title").ShouldBeNull();
        ErrorOf(page, "wedding-date").ShouldBeNull();
        Navigation.Uri.ShouldNotContain("/weddings/");
    }

    [Fact]
    public async Task A_wedding_date_typed_by_hand_is_kept_when_the_first_day_moves()
    {
        await SignInAsAsync(Role.Planner);
        var page = RenderPage();
        Choose(page, "North Indian 4-day");
        page.WaitForElement("[data-test=template-outline]");
        page.FindAll("[data-test=template-outline] li")[0].TextContent.ShouldStartWith("Day 1:");

        page.Find("#template-first-day").Change("10/12/2026");
        page.WaitForAssertion(() => page.Find("#wedding-date").GetAttribute("value").ShouldBe("11/12/2026"));
        page.Find("#template-first-day").Change("20/12/2026");
        page.WaitForAssertion(() => page.Find("#wedding-date").GetAttribute("value").ShouldBe("21/12/2026"));
        page.Find("#wedding-date").Change("23/12/2026");
        page.Find("#template-first-day").Change("21/12/2026");

        page.WaitForAssertion(() => page.Find("[data-test=template-outline] li").TextContent.ShouldStartWith("Mon, 21 Dec 2026"));
        page.Find("#wedding-date").GetAttribute("value").ShouldBe("23/12/2026");
    }

    [Fact]
    public async Task Without_a_first_day_nothing_is_sent()
    {
        await SignInAsAsync(Role.Planner);
        var page = RenderPage();
        Choose(page, "South Indian 1-day");
        FillWedding(page);
        page.Find("#wedding-date").Change("20/01/2027");

        await page.Find("[data-test='save']").ClickAsync(new());

        page.WaitForAssertion(() => ErrorOf(page, "template-first-day").ShouldBe("Choose the day the template's first day falls on."));
        Api.Requests.ShouldNotContain(r => r.Method == HttpMethod.Post);
    }

    [Fact]
    public async Task A_blank_wedding_is_still_created_without_a_template()
    {
        await SignInAsAsync(Role.Planner);
        Api.Returns("/api/v1/weddings", Created(), "POST");
        var page = RenderPage();
        Choose(page, "North Indian 4-day");
        Choose(page, "A blank wedding");
        page.FindAll("#template-first-day").ShouldBeEmpty();
        FillWedding(page);
        page.Find("#wedding-date").Change("20/01/2027");

        await page.Find("[data-test='save']").ClickAsync(new());

        page.WaitForAssertion(() => Navigation.Uri.ShouldEndWith($"/weddings/{NewWeddingId}"));
        Api.Requests.Single(r => r.Method == HttpMethod.Post).RequestUri!.PathAndQuery.ShouldBe("/api/v1/weddings");
    }

    [Fact]
    public async Task The_templates_page_link_preselects_its_template()
    {
        await SignInAsAsync(Role.Planner);
        Navigation.NavigateTo($"weddings/new?template={SouthIndian.Id}");

        var page = RenderPage();

        page.WaitForElement("#template-first-day");
        page.FindAll(".mud-radio").Single(r => r.TextContent.Contains("South Indian", StringComparison.Ordinal)).QuerySelector("input")!.HasAttribute("checked").ShouldBeTrue();
    }
}
