using Bunit;
using Shouldly;
using WedTech.App.Layout;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;

namespace WedTech.App.Tests;

public class NavMenuTests : AppTestContext
{
    private IRenderedComponent<NavMenu> RenderMenu() => Render<NavMenu>();

    private static (string Text, string? Href)[] Links(IRenderedComponent<NavMenu> menu) =>
        [.. menu.FindAll("a.mud-nav-link").Select(a => (a.TextContent.Trim(), a.GetAttribute("href")))];

    [Theory]
    [InlineData(Role.Admin)]
    [InlineData(Role.Planner)]
    public async Task Studio_staff_who_see_every_wedding_get_dashboard_weddings_calendar_reports_venues_the_vendor_book_packages_contract_templates_the_books_templates_team_and_settings(Role role)
    {
        await SignInAsAsync(role);

        var links = Links(RenderMenu());

        // Automations (automation:manage) are the admin's only.
        string[] automations = role == Role.Admin ? ["Automations"] : [];
        string[] automationsHref = role == Role.Admin ? ["automations"] : [];
        links.Select(l => l.Text).ShouldBe(["Dashboard", "Weddings", "Leads", "My tasks", "Checklist templates", "Calendar", "Reports", "Venues", "Stock", "Vendor book", "Packages", "Contract templates", "Books", "Templates", .. automations, "Team", "Settings"]);
        links.Select(l => l.Href).ShouldBe(["", "weddings", "leads", "tasks", "task-templates", "calendar", "reports", "venues", "stock", "vendors", "packages", "contract-templates", "books", "templates", .. automationsHref, "team", "settings"]);
    }

    [Fact]
    public async Task A_planner_cannot_manage_users_but_still_sees_the_team()
    {
        var me = await SignInAsAsync(Role.Planner);
        me.Permissions.ShouldNotContain(Permissions.UserManage);

        Links(RenderMenu()).ShouldContain(("Team", "team"));
    }

    [Fact]
    public async Task A_coordinator_sees_only_their_own_weddings_their_calendar_their_reports_and_the_venue_book()
    {
        await SignInAsAsync(Role.Coordinator);

        Links(RenderMenu()).ShouldBe([("My weddings", "weddings"), ("My tasks", "tasks"), ("Calendar", "calendar"), ("Reports", "reports"), ("Venues", "venues"), ("Stock", "stock")]);
    }

    [Fact]
    public async Task The_couple_gets_their_weddings_and_calendar_and_nothing_of_the_studio_s()
    {
        await SignInAsAsync(Role.Client);

        Links(RenderMenu()).ShouldBe([("My weddings", "weddings"), ("Calendar", "calendar")]);
    }

    [Fact]
    public void Nobody_signed_in_gets_no_staff_links()
    {
        var links = Links(RenderMenu());

        links.Select(l => l.Text).ShouldBe(["My weddings"]);
    }
}
