using System.Net;
using Bunit;
using Shouldly;
using WedTech.App.Features.Messaging.Components;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;

namespace WedTech.App.Tests;

public class NotificationsMenuTests : AppTestContext
{
    private static readonly NotificationResponse Unread = new(Guid.NewGuid(), "Your report is ready", "Weddings list is ready to download under Reports.", null, DateTimeOffset.UnixEpoch, null);

    [Fact]
    public void The_bell_says_how_many_are_unread_and_opening_one_marks_it_read()
    {
        Api.Returns("/api/v1/notifications?unread=true&pageSize=1", new PagedResponse<NotificationResponse>([Unread], 1, 1, 2));
        Api.Returns("/api/v1/notifications?pageSize=10", new PagedResponse<NotificationResponse>([Unread], 1, 10, 1));
        Api.Returns($"/api/v1/notifications/{Unread.Id}/read", HttpStatusCode.NoContent, "POST");
        var popovers = Render<MudBlazor.MudPopoverProvider>();
        var menu = Render<NotificationsMenu>();
        menu.WaitForAssertion(() => menu.Markup.ShouldContain("Notifications, 2 unread"));

        menu.Find("button[aria-label^=Notifications]").Click();
        popovers.WaitForAssertion(() => popovers.Markup.ShouldContain("Your report is ready"));
        popovers.Find("[data-test=notification]").Click();

        menu.WaitForAssertion(() => Api.Requests.ShouldContain(r => r.Method == HttpMethod.Post && r.RequestUri!.AbsolutePath == $"/api/v1/notifications/{Unread.Id}/read"));
        Navigation.History.ShouldBeEmpty("an older notification without a link only becomes read");
    }

    [Fact]
    public void Opening_a_notification_marks_it_read_and_goes_to_what_it_is_about()
    {
        var reportId = Guid.NewGuid();
        var ready = Unread with { Id = Guid.NewGuid(), Link = $"/app/reports?report={reportId}" };
        var elsewhere = Unread with { Id = Guid.NewGuid(), Title = "Not ours", Link = "https://evil.example/app/" };
        Api.Returns("/api/v1/notifications?unread=true&pageSize=1", new PagedResponse<NotificationResponse>([ready], 1, 1, 2));
        Api.Returns("/api/v1/notifications?pageSize=10", new PagedResponse<NotificationResponse>([ready, elsewhere], 1, 10, 2));
        Api.Returns($"/api/v1/notifications/{ready.Id}/read", HttpStatusCode.NoContent, "POST");
        Api.Returns($"/api/v1/notifications/{elsewhere.Id}/read", HttpStatusCode.NoContent, "POST");
        var popovers = Render<MudBlazor.MudPopoverProvider>();
        var menu = Render<NotificationsMenu>();
        menu.WaitForAssertion(() => menu.Markup.ShouldContain("Notifications, 2 unread"));
        var start = Navigation.Uri;

        menu.Find("button[aria-label^=Notifications]").Click();
        popovers.WaitForAssertion(() => popovers.FindAll("[data-test=notification]").Count.ShouldBe(2));
        popovers.FindAll("[data-test=notification]")[1].Click();
        menu.WaitForAssertion(() => Api.Requests.ShouldContain(r => r.Method == HttpMethod.Post && r.RequestUri!.AbsolutePath == $"/api/v1/notifications/{elsewhere.Id}/read"));
        Navigation.Uri.ShouldBe(start, "a link out of the app is never followed");

        menu.Find("button[aria-label^=Notifications]").Click();
        popovers.WaitForAssertion(() => popovers.FindAll("[data-test=notification]").Count.ShouldBe(2));
        popovers.FindAll("[data-test=notification]")[0].Click();

        menu.WaitForAssertion(() => Navigation.Uri.ShouldBe($"http://localhost/app/reports?report={reportId}"));
        Api.Requests.ShouldContain(r => r.Method == HttpMethod.Post && r.RequestUri!.AbsolutePath == $"/api/v1/notifications/{ready.Id}/read");
    }

    [Fact]
    public void Without_the_API_the_bell_shows_no_count()
    {
        var menu = Render<NotificationsMenu>();
        menu.WaitForAssertion(() => menu.Markup.ShouldContain("aria-label=\"Notifications\""));
    }
}
