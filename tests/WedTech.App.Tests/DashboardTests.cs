using Bunit;
using Shouldly;
using WedTech.App.Features.Identity;
using WedTech.App.Features.Messaging;
using WedTech.App.Features.Tenancy.Components;
using WedTech.App.Features.Venues;
using WedTech.App.Features.Weddings.Components;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;

namespace WedTech.App.Tests;

public class DashboardTests : AppTestContext
{
    private static readonly DateOnly Today = new(2026, 12, 15);
    private static readonly string VenueCount = VenuesApi.Routes.List(null, null, null, 1, 1);

    private static MessageResponse Message(MessageChannel channel, Guid? wedding) => new(Guid.NewGuid(), channel, "someone", "Someone", "note", "en", null, "Hello",
        MessageStatus.Sent, null, null, 1, null, wedding, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, null, null);

    private static AttentionItem Item(AttentionKind kind, string title, int inDays) =>
        new(kind, title, "Why it matters.", Today.AddDays(inDays), $"weddings/{Guid.NewGuid()}");

    [Theory]
    [InlineData(-1, "Today")]
    [InlineData(0, "Today")]
    [InlineData(1, "Tomorrow")]
    [InlineData(5, "In 5 days")]
    [InlineData(6, "In 6 days")]
    [InlineData(7, "22 Dec 2026")]
    public void A_line_says_when_it_is_due_in_words(int inDays, string expected) =>
        NeedsYou.Due(Today.AddDays(inDays), Today).ShouldBe(expected);

    [Fact]
    public void Needs_you_lists_each_line_linking_to_its_page_and_says_so_kindly_when_there_is_nothing()
    {
        var venue = Item(AttentionKind.EventWithoutVenue, "Choose a venue for Mehendi", 3);
        var mine = Item(AttentionKind.RunOfShowItem, "19:30 Baraat arrives", 0);
        var lines = Render<NeedsYou>(p => p.Add(c => c.Items, [mine, venue]).Add(c => c.Today, Today));

        var items = lines.FindAll("[data-test=needs-you-item]");
        items.Select(i => i.QuerySelector("a")!.TextContent.Trim()).ShouldBe(["19:30 Baraat arrives", "Choose a venue for Mehendi"]);
        items.Select(i => i.QuerySelector("a")!.GetAttribute("href")).ShouldBe([mine.Link, venue.Link]);
        items[1].TextContent.ShouldContain("In 3 days");

        var empty = Render<NeedsYou>(p => p.Add(c => c.Items, []).Add(c => c.Today, Today));
        empty.Find("[data-test=needs-you-empty]").TextContent.ShouldContain("Nothing needs you right now");
    }

    [Fact]
    public async Task A_new_studio_s_admin_sees_the_steps_left_ticked_from_what_the_studio_holds()
    {
        await SignInAsAsync(Role.Admin);
        Api.Returns(VenueCount, new PagedResponse<VenueResponse>([], 1, 1, 1));
        Api.Returns(IdentityApi.Routes.Users, new PagedResponse<UserResponse>([], 1, 100, 1));
        // An invitation e-mail (no wedding) and a report notification are not writing to a couple.
        Api.Returns(MessagesApi.Routes.Latest, new PagedResponse<MessageResponse>([Message(MessageChannel.Email, wedding: null), Message(MessageChannel.InApp, Guid.NewGuid())], 1, 50, 2));

        var steps = Render<FirstSteps>(p => p.Add(c => c.Weddings, 0));

        steps.WaitForAssertion(() => steps.FindAll("[data-test=first-step]").Count.ShouldBe(4));
        steps.FindAll("[data-test=first-step]").Select(s => s.GetAttribute("data-done")).ShouldBe(["true", "false", "false", "false"]);
        steps.Find("[data-test=first-steps]").TextContent.ShouldContain("1 of 4 done");
        steps.FindAll("[data-test=first-step] a").Select(a => a.GetAttribute("href")).ShouldBe(["team", "weddings/new", "weddings"]);

        steps.Find("[data-test=hide-first-steps]").Click();
        steps.WaitForAssertion(() => steps.FindAll("[data-test=first-steps]").ShouldBeEmpty());
        JSInterop.Invocations.ShouldContain(i => i.Identifier == "wedtech.storage.set" && Equals(i.Arguments[1], "first-steps-hidden:shaadi"));
    }

    [Fact]
    public async Task The_steps_go_once_all_are_done()
    {
        await SignInAsAsync(Role.Admin);
        Api.Returns(VenueCount, new PagedResponse<VenueResponse>([], 1, 1, 4));
        Api.Returns(IdentityApi.Routes.Users, new PagedResponse<UserResponse>([], 1, 100, 3));
        Api.Returns(MessagesApi.Routes.Latest, new PagedResponse<MessageResponse>([Message(MessageChannel.WhatsApp, Guid.NewGuid())], 1, 50, 1));

        var steps = Render<FirstSteps>(p => p.Add(c => c.Weddings, 2));

        steps.WaitForAssertion(() => Api.Requests.Count(r => r.RequestUri!.PathAndQuery == MessagesApi.Routes.Latest).ShouldBe(1));
        steps.FindAll("[data-test=first-steps]").ShouldBeEmpty();
    }

    [Theory]
    [InlineData(Role.Planner)]
    [InlineData(Role.Coordinator)]
    [InlineData(Role.Client)]
    public async Task Only_the_admin_who_sets_the_studio_up_is_shown_the_steps_and_nobody_else_asks_for_them(Role role)
    {
        await SignInAsAsync(role);
        var steps = Render<FirstSteps>(p => p.Add(c => c.Weddings, 0));
        steps.FindAll("[data-test=first-steps]").ShouldBeEmpty();
        Api.Requests.ShouldNotContain(r => r.RequestUri!.PathAndQuery == IdentityApi.Routes.Users || r.RequestUri!.PathAndQuery == VenueCount
            || r.RequestUri!.PathAndQuery == MessagesApi.Routes.Latest);
    }
}
