using System.Net;
using Bunit;
using Microsoft.AspNetCore.Components;
using Shouldly;
using WedTech.App.Layout;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;

namespace WedTech.App.Tests;

public class MainLayoutTests : AppTestContext
{
    public MainLayoutTests() => JSInterop.Setup<bool>("wedtech.watchConnectivity", _ => true).SetResult(true);

    private IRenderedComponent<MainLayout> RenderLayout() =>
        Render<MainLayout>(parameters => parameters.Add(p => p.Body, (RenderFragment)(b => b.AddMarkupContent(0, "<p id=\"page\">The page</p>"))));

    [Fact]
    public void A_couple_gets_no_menu_and_no_drawer()
    {
        Api.Returns("/api/v1/me", MeAs(Role.Client));

        var layout = RenderLayout();

        layout.WaitForElement("#page");
        layout.FindAll(".mud-drawer").ShouldBeEmpty();
        layout.FindAll("button[aria-label='Open the menu']").ShouldBeEmpty();
        layout.FindAll("a.mud-nav-link").ShouldBeEmpty();
    }

    [Fact]
    public void A_coordinator_gets_the_drawer_with_their_weddings()
    {
        Api.Returns("/api/v1/me", MeAs(Role.Coordinator));

        var layout = RenderLayout();

        layout.WaitForElement("#page");
        layout.FindAll(".mud-drawer").Count.ShouldBe(1);
        layout.FindAll("button[aria-label='Open the menu']").Count.ShouldBe(1);
        layout.FindAll("a.mud-nav-link").Select(a => a.TextContent.Trim()).ShouldBe(["My weddings", "My tasks", "Calendar", "Reports", "Venues", "Stock"]);
    }

    [Fact]
    public void The_app_bar_names_the_studio()
    {
        Api.Returns("/api/v1/me", MeAs(Role.Admin));

        var layout = RenderLayout();

        layout.WaitForAssertion(() => layout.Find(".app-title").TextContent.ShouldBe("Shaadi Studio"));
        layout.FindAll("[data-test='offline-banner']").ShouldBeEmpty();
    }

    [Fact]
    public void Without_a_session_the_page_is_not_shown_and_the_person_is_sent_to_sign_in()
    {
        Navigation.NavigateTo("weddings?status=booked");
        Api.Returns("/api/v1/me", HttpStatusCode.Unauthorized);

        var layout = RenderLayout();

        layout.WaitForAssertion(() => layout.Markup.ShouldContain("Taking you to sign in"));
        layout.FindAll("#page").ShouldBeEmpty();
        var signIn = Navigation.History.First();
        signIn.Uri.ShouldBe("/login?ended=true&returnUrl=%2Fweddings%3Fstatus%3Dbooked");
        signIn.Options.ForceLoad.ShouldBeTrue();
    }
}
