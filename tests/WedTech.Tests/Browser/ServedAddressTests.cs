using System.Net;
using Shouldly;
using WedTech.Contracts;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests.Browser;

/// <summary>
/// The server of these tests listens on a port of its own and is given no address for links: every link the product makes
/// (signup's answer, the welcome and invitation e-mails, a calendar feed) names that port, never another.
/// </summary>
[Collection(BrowserServer.Collection)]
public sealed class ServedAddressTests(BrowserServer server)
{
    [Fact]
    public async Task Every_link_the_product_makes_follows_the_port_it_is_served_on()
    {
        var slug = Studio.NewSlug("port");
        var expected = server.StudioUrl(slug);
        expected.ShouldEndWith($":{server.Port}");
        var signup = Studio.SignupRequest(slug);
        using var anonymous = server.CreateClient();
        var answer = await anonymous.PostJsonAsync("/api/v1/tenants", signup);
        answer.Headers.Location.ShouldBe(new Uri(expected));
        var created = await answer.ReadAsync<TenantCreatedResponse>(HttpStatusCode.Created);
        created.Url.ShouldBe(expected);
        Mailbox.Links(await Mailbox.LatestToAsync(server.MailDirectory, signup.AdminEmail)).ShouldContain(expected);
        var studio = Studio.SignedUp(server, created, signup.AdminEmail);

        using var admin = await studio.AdminAsync();
        var invited = $"invited-{Guid.NewGuid():N}@example.com";
        (await admin.PostJsonAsync("/api/v1/users/invitations", new InviteUserRequest(invited, "Invited Person", Role.Coordinator)))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        Mailbox.Links(await Mailbox.LatestToAsync(server.MailDirectory, invited)).ShouldContain(link => link.StartsWith(expected + "/accept-invitation?token=", StringComparison.Ordinal));

        var feed = await (await admin.PostJsonAsync("/api/v1/calendar/feeds", new CreateCalendarFeedRequest(CalendarFeedKind.User, null)))
            .ReadAsync<CalendarFeedCreatedResponse>(HttpStatusCode.Created);
        feed.Url.ShouldStartWith(expected + "/calendar/");
        feed.WebcalUrl.ShouldStartWith($"webcal://{studio.Slug}.localhost:{server.Port}/calendar/");
    }
}
