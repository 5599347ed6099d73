using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using WedTech.App.Features.Calendar;
using WedTech.App.Features.Events;
using WedTech.App.Features.Files;
using WedTech.App.Features.Guests;
using WedTech.App.Features.Identity;
using WedTech.App.Features.Messaging;
using WedTech.App.Features.Reports;
using WedTech.App.Features.Seating;
using WedTech.App.Features.Templates;
using WedTech.App.Features.Tenancy;
using WedTech.App.Features.Venues;
using WedTech.App.Features.Weddings;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;

namespace WedTech.App.Tests;

/// <summary>The typed API clients hold the server's routes: each address as the API maps it, and each call sent to it.</summary>
public class ApiRoutesTests : AppTestContext
{
    private static readonly Guid Id = Guid.Parse("01938a00-0000-7000-8000-0000000000aa");
    private static readonly Guid Other = Guid.Parse("01938a00-0000-7000-8000-0000000000bb");

    public static TheoryData<string, string> Routes => new()
    {
        { WeddingsApi.Routes.Create, "/api/v1/weddings" },
        { WeddingsApi.Routes.Overview, "/api/v1/weddings/overview" },
        { WeddingsApi.Routes.One(Id), $"/api/v1/weddings/{Id}" },
        { WeddingsApi.Routes.List(null, null, null, null, 1, 20), "/api/v1/weddings?page=1&pageSize=20" },
        { WeddingsApi.Routes.List(" Sharma & Verma ", WeddingStatus.InProgress, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31), 2, 25),
            "/api/v1/weddings?page=2&pageSize=25&q=Sharma%20%26%20Verma&status=in-progress&from=2026-12-01&to=2026-12-31" },
        { EventsApi.Routes.Schedule(Id), $"/api/v1/weddings/{Id}/schedule" },
        { SeatingApi.Routes.Seating(Id, Other), $"/api/v1/weddings/{Id}/events/{Other}/seating" },
        { SeatingApi.Routes.Tables(Id, Other), $"/api/v1/weddings/{Id}/events/{Other}/seating/tables" },
        { SeatingApi.Routes.Table(Id, Other, Id), $"/api/v1/weddings/{Id}/events/{Other}/seating/tables/{Id}" },
        { SeatingApi.Routes.Moves(Id, Other), $"/api/v1/weddings/{Id}/events/{Other}/seating/moves" },
        { SeatingApi.Routes.Arrange(Id, Other), $"/api/v1/weddings/{Id}/events/{Other}/seating/arrange" },
        { SeatingApi.Routes.Print(Id, Other, SeatingPrint.PlaceCards), $"/api/v1/weddings/{Id}/events/{Other}/seating/print?kind=place-cards" },
        { EventsApi.Routes.OfWedding(Id), $"/api/v1/weddings/{Id}/events" },
        { EventsApi.Routes.Between(new DateOnly(2026, 12, 10), new DateOnly(2026, 12, 16), mine: true, 50), "/api/v1/events?from=2026-12-10&to=2026-12-16&mine=true&pageSize=50" },
        { EventsApi.Routes.Between(new DateOnly(2026, 12, 10), new DateOnly(2026, 12, 16), mine: false, 50), "/api/v1/events?from=2026-12-10&to=2026-12-16&pageSize=50" },
        { EventsApi.Routes.One(Id), $"/api/v1/events/{Id}" },
        { EventsApi.Routes.Items(Id), $"/api/v1/events/{Id}/run-of-show" },
        { EventsApi.Routes.Item(Id, Other), $"/api/v1/events/{Id}/run-of-show/{Other}" },
        { EventsApi.Routes.ItemStatus(Id, Other), $"/api/v1/events/{Id}/run-of-show/{Other}/status" },
        { EventsApi.Routes.Shift(Id), $"/api/v1/events/{Id}/run-of-show/shift" },
        { VenuesApi.Routes.Create, "/api/v1/venues" },
        { VenuesApi.Routes.Venues, "/api/v1/venues?pageSize=100" },
        { VenuesApi.Routes.One(Id), $"/api/v1/venues/{Id}" },
        { VenuesApi.Routes.List("Rambagh", "Jaipur", "08", 1, 20), "/api/v1/venues?page=1&pageSize=20&q=Rambagh&city=Jaipur&stateCode=08" },
        { TemplatesApi.Routes.Create, "/api/v1/templates" },
        { TemplatesApi.Routes.One(Id), $"/api/v1/templates/{Id}" },
        { TemplatesApi.Routes.NewWedding(Id), $"/api/v1/templates/{Id}/weddings" },
        { TemplatesApi.Routes.List(null, 1, 100), "/api/v1/templates?page=1&pageSize=100" },
        { FilesApi.Routes.OfWedding(Id), $"/api/v1/files?ownerType=wedding&ownerId={Id}" },
        { FilesApi.Routes.ListOfWedding(Id), $"/api/v1/files?ownerType=wedding&ownerId={Id}&pageSize=100" },
        { FilesApi.Routes.One(Id), $"/api/v1/files/{Id}" },
        { FilesApi.Routes.Content(Id), $"/api/v1/files/{Id}/content" },
        { ReportsApi.Routes.Create, "/api/v1/reports" },
        { ReportsApi.Routes.One(Id), $"/api/v1/reports/{Id}" },
        { ReportsApi.Routes.List(2, 20), "/api/v1/reports?page=2&pageSize=20" },
        { SettingsApi.Routes.Settings, "/api/v1/settings" },
        { CalendarApi.Routes.Feeds, "/api/v1/calendar/feeds" },
        { CalendarApi.Routes.Feed(Id), $"/api/v1/calendar/feeds/{Id}" },
        { NotificationsApi.Routes.Unread, "/api/v1/notifications?unread=true&pageSize=1" },
        { NotificationsApi.Routes.Latest, "/api/v1/notifications?pageSize=10" },
        { NotificationsApi.Routes.Read(Id), $"/api/v1/notifications/{Id}/read" },
        { NotificationsApi.Routes.ReadAll, "/api/v1/notifications/read" },
        { NotificationsApi.Routes.PushPublicKey, "/api/v1/push/public-key" },
        { NotificationsApi.Routes.PushSubscription("https://push.example/a b"), "/api/v1/push/subscriptions?endpoint=https%3A%2F%2Fpush.example%2Fa%20b" },
        { MessagesApi.Routes.Messages, "/api/v1/messages" },
        { MessagesApi.Routes.OfWedding(Id, MessagesApi.ListSize), $"/api/v1/messages?weddingId={Id}&pageSize=20" },
        { MessagesApi.Routes.Settings, "/api/v1/messaging/settings" },
        { MessagesApi.Routes.Latest, "/api/v1/messages?pageSize=50" },
        { GuestsApi.Routes.Households(Id), $"/api/v1/weddings/{Id}/households" },
        { GuestsApi.Routes.Page(Id, 3), $"/api/v1/weddings/{Id}/households?page=3&pageSize=100" },
        { GuestsApi.Routes.Household(Id, Other), $"/api/v1/weddings/{Id}/households/{Other}" },
        { GuestsApi.Routes.Invitations(Id, Other), $"/api/v1/weddings/{Id}/households/{Other}/invitations" },
        { GuestsApi.Routes.Answer(Id, Other, Id), $"/api/v1/weddings/{Id}/households/{Other}/invitations/{Id}/answer" },
        { GuestsApi.Routes.History(Id, Other), $"/api/v1/weddings/{Id}/households/{Other}/history" },
        { GuestsApi.Routes.Headcounts(Id), $"/api/v1/weddings/{Id}/headcounts" },
        { GuestsApi.Routes.Sends(Id), $"/api/v1/weddings/{Id}/guest-sends" },
        { GuestsApi.Routes.SendPreview(Id), $"/api/v1/weddings/{Id}/guest-sends/preview" },
        { GuestsApi.Routes.Send(Id, Other), $"/api/v1/weddings/{Id}/guest-sends/{Other}" },
        { GuestsApi.Routes.Outreach(Id), $"/api/v1/weddings/{Id}/guest-outreach" },
        { GuestsApi.Routes.CatererSheet(Id, Other, "pdf"), $"/api/v1/weddings/{Id}/caterer-sheet?eventId={Other}&format=pdf" },
        { GuestsApi.Routes.CatererSheet(Id, null, "xlsx"), $"/api/v1/weddings/{Id}/caterer-sheet?format=xlsx" },
        { GuestsApi.Routes.IdDocumentPage(Id, 2), $"/api/v1/weddings/{Id}/id-documents?page=2&pageSize=100" },
        { GuestsApi.Routes.IdDocument(Id, Other), $"/api/v1/weddings/{Id}/id-documents/{Other}" },
        { GuestsApi.Routes.IdDocumentFile(Id, Other), $"/api/v1/weddings/{Id}/id-documents/{Other}/file" },
        { WedTech.App.Features.Rooms.RoomsApi.Routes.AllBlocks(Id), $"/api/v1/weddings/{Id}/room-blocks?pageSize=100" },
        { WedTech.App.Features.Rooms.RoomsApi.Routes.Block(Id, Other), $"/api/v1/weddings/{Id}/room-blocks/{Other}" },
        { WedTech.App.Features.Rooms.RoomsApi.Routes.Rooms(Id, Other), $"/api/v1/weddings/{Id}/room-blocks/{Other}/rooms" },
        { WedTech.App.Features.Rooms.RoomsApi.Routes.Room(Id, Other), $"/api/v1/weddings/{Id}/rooms/{Other}" },
        { WedTech.App.Features.Rooms.RoomsApi.Routes.RoomingList(Id, "pdf"), $"/api/v1/weddings/{Id}/rooming-list?format=pdf" },
        { IdentityApi.Routes.Me, "/api/v1/me" },
        { IdentityApi.Routes.Logout, "/api/v1/auth/session/logout" },
        { IdentityApi.Routes.Users, "/api/v1/users?pageSize=100" },
        { IdentityApi.Routes.Invitations, "/api/v1/users/invitations" },
        { IdentityApi.Routes.Role(Id), $"/api/v1/users/{Id}/role" },
        { IdentityApi.Routes.Disable(Id), $"/api/v1/users/{Id}/disable" },
        { IdentityApi.Routes.Enable(Id), $"/api/v1/users/{Id}/enable" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public void A_route_is_the_address_the_API_maps(string route, string expected) => route.ShouldBe(expected);

    [Fact]
    public async Task The_clients_send_each_call_with_its_method_to_its_route_and_version()
    {
        var weddings = Services.GetRequiredService<WeddingsApi>();
        var events = Services.GetRequiredService<EventsApi>();
        var identity = Services.GetRequiredService<IdentityApi>();
        Api.Returns(WeddingsApi.Routes.One(Id), HttpStatusCode.NoContent, "DELETE");
        Api.Returns(EventsApi.Routes.Item(Id, Other), HttpStatusCode.NoContent, "DELETE");
        Api.Returns(IdentityApi.Routes.Disable(Id), HttpStatusCode.NoContent, "POST");
        Api.Returns(EventsApi.Routes.Item(Id, Other), HttpStatusCode.NotFound);

        await weddings.DeleteAsync(Id, "\"3\"");
        await events.DeleteItemAsync(Id, Other, "\"7\"");
        await identity.SetDisabledAsync(Id, disabled: true);
        (await events.ItemNowAsync(Id, Other)).ShouldBeNull("an item gone for this person");

        Api.Requests.Select(r => $"{r.Method} {r.RequestUri!.PathAndQuery} {r.Headers.IfMatch.SingleOrDefault()?.Tag}".TrimEnd()).ShouldBe(
        [
            $"DELETE /api/v1/weddings/{Id} \"3\"",
            $"DELETE /api/v1/events/{Id}/run-of-show/{Other} \"7\"",
            $"POST /api/v1/users/{Id}/disable",
            $"GET /api/v1/events/{Id}/run-of-show/{Other}",
        ]);
    }
}
