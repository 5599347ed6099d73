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
    }

    [Fact]
    public void Without_the_API_the_bell_shows_no_count()
    {
        var menu = Render<NotificationsMenu>();
        menu.WaitForAssertion(() => menu.Markup.ShouldContain("aria-label=\"Notifications\""));
    }
}
