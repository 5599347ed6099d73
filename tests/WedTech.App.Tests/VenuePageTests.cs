using System.Net;
using Bunit;
using MudBlazor;
using Shouldly;
using WedTech.App.Features.Venues.Pages;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;

namespace WedTech.App.Tests;

public class VenuePageTests : AppTestContext
{
    private static readonly Guid VenueId = Guid.Parse("cccccccc-0000-7000-8000-000000000001");
    private static readonly string Url = $"/api/v1/venues/{VenueId}";

    private static VenueResponse Venue(int eventCount) => new(VenueId, "Rambagh Palace", "Bhawani Singh Road", "Jaipur", "08", "Rajasthan", "IN",
        "https://maps.app.goo.gl/rambagh", 800, [new VenueContact("Sunita Rathore", "Banquet manager", "+919829012345", "sunita@rambagh.example")],
        "Generator back-up for six hours.", "Asia/Kolkata", eventCount, Version: 3, DateTimeOffset.UnixEpoch);

    private IRenderedComponent<MudDialogProvider>? _dialogs;

    private IRenderedComponent<VenuePage> RenderPage()
    {
        Render<MudPopoverProvider>();
        _dialogs = Render<MudDialogProvider>();
        var page = Render<VenuePage>(p => p.Add(v => v.Id, VenueId));
        page.WaitForElement("[data-test=venue-name]");
        return page;
    }

    [Fact]
    public async Task A_coordinator_reads_the_venue_with_its_contacts_and_map_but_cannot_change_it()
    {
        await SignInAsAsync(Role.Coordinator);
        Api.Returns(Url, Venue(eventCount: 2));

        var page = RenderPage();

        page.Find("[data-test=venue-state]").TextContent.ShouldContain("Rajasthan");
        page.Find("[data-test=venue-state]").TextContent.ShouldContain("GST 08");
        page.Find("[data-test=open-map]").GetAttribute("target").ShouldBe("_blank");
        page.Find("[data-test=venue-contacts] a[href='tel:+919829012345']").TextContent.ShouldBe("+919829012345");
        page.Find("[data-test=event-count]").TextContent.ShouldBe("2 events");
        page.FindAll("[data-test=edit-venue]").ShouldBeEmpty();
        page.FindAll("[data-test=delete-venue]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Deleting_a_venue_still_in_use_says_why_and_keeps_it_on_screen()
    {
        await SignInAsAsync(Role.Planner);
        Api.Returns(Url, Venue(eventCount: 2));
        Api.ReturnsProblem(Url, HttpStatusCode.Conflict, "Conflict", method: "DELETE");
        var page = RenderPage();

        page.Find("[data-test=delete-venue]").Click();
        var yes = _dialogs!.WaitForElements(".mud-dialog button").Single(b => b.TextContent.Trim() == "Delete");
        await yes.ClickAsync(new());

        page.WaitForAssertion(() => page.Find("[data-test=in-use]").TextContent.ShouldContain("This venue is still in use."));
        page.Find("[data-test=in-use]").TextContent.ShouldContain("It is the venue of 2 events. Choose another venue for them first");
        page.FindAll("[data-test=problem]").ShouldBeEmpty();
        page.Find("[data-test=venue-name]").TextContent.ShouldBe("Rambagh Palace");
        Navigation.Uri.ShouldNotEndWith("/venues");
        Api.Requests.Count(r => r.Method == HttpMethod.Delete).ShouldBe(1);
    }
}
