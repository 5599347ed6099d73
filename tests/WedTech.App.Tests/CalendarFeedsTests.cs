using System.Net;
using Bunit;
using Shouldly;
using WedTech.App.Features.Calendar.Components;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;

namespace WedTech.App.Tests;

public class CalendarFeedsTests : AppTestContext
{
    private const string Url = "/api/v1/calendar/feeds";
    private static readonly DateTimeOffset Created = new(2026, 11, 24, 6, 0, 0, TimeSpan.Zero);

    private static readonly CalendarFeedResponse WeddingFeed = new(Guid.NewGuid(), CalendarFeedKind.Wedding, Guid.NewGuid(), "Priya & Arjun", Created);
    private static readonly CalendarFeedResponse LostFeed = new(Guid.NewGuid(), CalendarFeedKind.Wedding, Guid.NewGuid(), null, Created);

    [Fact]
    public async Task A_new_personal_address_is_shown_once_and_listed_and_a_feed_can_be_revoked()
    {
        await SignInAsAsync(Role.Coordinator);
        Api.Returns(Url, new List<CalendarFeedResponse> { WeddingFeed, LostFeed });
        var personal = new CalendarFeedResponse(Guid.NewGuid(), CalendarFeedKind.User, null, null, Created);
        Api.Returns(Url, new CalendarFeedCreatedResponse(personal, "http://shaadi.localhost/calendar/secret.ics", "webcal://shaadi.localhost/calendar/secret.ics"), "POST");
        Api.Returns($"{Url}/{WeddingFeed.Id}", HttpStatusCode.NoContent, "DELETE");
        Render<MudBlazor.MudSnackbarProvider>();

        var card = Render<CalendarFeeds>();

        card.WaitForAssertion(() => card.FindAll("[data-test=calendar-feed]").Select(f => Text(f.TextContent)).ShouldBe(
            ["Wedding: Priya & Arjun Created 24 Nov 2026 Revoke", "A wedding you can no longer see Created 24 Nov 2026 Revoke"]));
        card.FindAll("#calendar-url").ShouldBeEmpty();

        await card.Find("[data-test=calendar-create]").ClickAsync(new());
        card.WaitForAssertion(() => card.Find("#calendar-url").GetAttribute("value").ShouldBe("http://shaadi.localhost/calendar/secret.ics"));
        Api.RequestBodies.ShouldContain("{\"kind\":\"user\",\"weddingId\":null}");
        card.FindAll("[data-test=calendar-feed]").Count.ShouldBe(3);
        card.Find("[data-test=calendar-feeds] a[href^='webcal:']").GetAttribute("href").ShouldBe("webcal://shaadi.localhost/calendar/secret.ics");

        await card.Find("[data-test=calendar-copy]").ClickAsync(new());
        JSInterop.Invocations["navigator.clipboard.writeText"].ShouldHaveSingleItem().Arguments[0].ShouldBe("http://shaadi.localhost/calendar/secret.ics");

        await card.FindAll("[data-test=calendar-revoke]")[0].ClickAsync(new());
        card.WaitForAssertion(() => card.FindAll("[data-test=calendar-feed]").Count.ShouldBe(2));
        card.FindAll("[data-test=calendar-feed]").ShouldNotContain(f => f.TextContent.Contains("Priya", StringComparison.Ordinal));
        Api.Requests.ShouldContain(r => r.Method == HttpMethod.Delete && r.RequestUri!.AbsolutePath == $"{Url}/{WeddingFeed.Id}");
    }

    private static string Text(string content) => System.Text.RegularExpressions.Regex.Replace(content, @"\s+", " ").Trim();

    [Fact]
    public async Task A_refusal_is_shown_as_a_problem()
    {
        await SignInAsAsync(Role.Planner);
        Api.Returns(Url, new List<CalendarFeedResponse>());
        Api.ReturnsProblem(Url, HttpStatusCode.Conflict, "Conflict", method: "POST");

        var card = Render<CalendarFeeds>();
        card.WaitForAssertion(() => card.Markup.ShouldContain("You have no calendar feeds yet."));
        await card.Find("[data-test=calendar-create]").ClickAsync(new());

        card.WaitForAssertion(() => card.Find("[data-test=problem]").TextContent.ShouldContain("Conflict"));
        card.FindAll("#calendar-url").ShouldBeEmpty();
    }
}
