using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WedTech.Contracts;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

/// <summary>
/// Every permission of every role, and what each role may see. The rows of <see cref="Matrix"/> and of <see cref="MoneyMatrix"/>
/// are dealt out to <c>lanes</c> test classes per provider (<see cref="InLane"/>), which xUnit runs side by side, each with a studio
/// of its own; every row is in exactly one lane (<see cref="AccessTestsFirstLane.The_lanes_run_every_row_of_the_matrices_exactly_once"/>).
/// A row added to either matrix falls into a lane by itself. The other tests run in the first lane only.
/// </summary>
public abstract class AccessTests(TestServer server, SharedStudio shared, int lane, int lanes) : ProviderTests(server), IClassFixture<SharedStudio>
{
    /// <summary>This class's lane (from 0) of <see cref="Lanes"/> on its provider.</summary>
    protected int Lane { get; } = lane;

    protected int Lanes { get; } = lanes;

    /// <summary>
    /// The lanes of the matrices on each provider: on PostgreSQL a row waits on the database more than on the CPU. All of them
    /// together no more than the runner's threads (xunit.runner.json: 3 a core, 6 on two cores), or a lane waits for another to
    /// end: 4 + 3 lanes on two cores ran the fourth PostgreSQL lane after the first three.
    /// </summary>
    public const int PostgresLanes = 3;

    public const int SqliteLanes = 2;

    /// <summary>The collections of the PostgreSQL lanes, started first (<see cref="LongestCollectionsFirst"/>).</summary>
    public static readonly string[] PostgresCollections = [.. Enumerable.Range(1, PostgresLanes).Select(n => $"Access on PostgreSQL, lane {n}")];

    /// <summary>
    /// The rows of <see cref="Matrix"/> a lane class runs: each lane class hides this with its own (<see cref="MatrixLane"/>). This
    /// one has no rows, and a theory without rows fails: a lane class that forgot its own runs nothing unnoticed.
    /// </summary>
    public static TheoryData<string, string, string> LaneMatrix => new();

    /// <summary>The rows of <see cref="Matrix"/> in one lane of <paramref name="lanes"/>.</summary>
    protected static TheoryData<string, string, string> MatrixLane(int lane, int lanes)
    {
        var rows = new TheoryData<string, string, string>();
        foreach (var (endpoint, body, expected) in InLane(Rows(Matrix), lane, lanes))
        {
            rows.Add(endpoint, body, expected);
        }
        return rows;
    }

    protected static List<(string Endpoint, string Body, string Expected)> Rows(TheoryData<string, string, string> data) =>
        [.. data.Select(row => ((ITheoryDataRow)row).GetData()).Select(row => ((string)row[0]!, (string)row[1]!, (string)row[2]!))];

    /// <summary>
    /// The rows of one lane, in their order: dealt round the lanes in turn (row i to lane i mod lanes), so that the lanes take
    /// about as long (a row's time is spread evenly enough over the matrix) and a row added at the end moves no other. Every lane
    /// deals alike, so each row is in exactly one lane.
    /// </summary>
    protected static IEnumerable<T> InLane<T>(IEnumerable<T> rows, int lane, int lanes) => rows.Where((_, i) => i % lanes == lane);

    protected static readonly WeddingRequest NewWedding = new("Meera & Sahil", "Meera", "Sahil", new DateOnly(2027, 11, 20), "Delhi",
        WeddingStatus.Booked, 50_00_000_00, 300, null, null);

    /// <summary>
    /// The expected table, written out independently of the server's permission table: A(dmin), P(lanner),
    /// C(oordinator), L (client). "✓" allowed, "·" refused with 403. Every signed-in route of the API has a row
    /// (<see cref="Every_api_route_is_in_the_access_matrix"/>); {notification}, {feed}, {report} and {push} are the
    /// caller's own.
    /// </summary>
    public static TheoryData<string, string, string> Matrix => new()
    {
        { "GET /api/v1/weddings", "", "A✓ P✓ C✓ L✓" },
        { "GET /api/v1/weddings/{wedding}", "", "A✓ P✓ C✓ L✓" },
        { "GET /api/v1/weddings/overview", "", "A✓ P✓ C✓ L✓" },
        { "POST /api/v1/weddings", "wedding", "A✓ P✓ C· L·" },
        { "PUT /api/v1/weddings/{wedding}", "wedding", "A✓ P✓ C· L·" },
        { "DELETE /api/v1/weddings/{wedding}", "", "A✓ P· C· L·" },
        { "GET /api/v1/users", "", "A✓ P✓ C· L·" },
        { "POST /api/v1/users/invitations", "invite", "A✓ P· C· L·" },
        { "PUT /api/v1/users/{other}/role", "role", "A✓ P· C· L·" },
        { "POST /api/v1/users/{other}/disable", "", "A✓ P· C· L·" },
        { "POST /api/v1/users/{other}/enable", "", "A✓ P· C· L·" },
        { "GET /api/v1/settings", "", "A✓ P✓ C· L·" },
        { "PUT /api/v1/settings", "settings", "A✓ P· C· L·" },
        { "GET /api/v1/audit", "", "A✓ P· C· L·" },
        { "GET /api/v1/me", "", "A✓ P✓ C✓ L✓" },
        { "POST /api/v1/files?ownerType=wedding&ownerId={wedding}", "file", "A✓ P✓ C✓ L·" },
        { "GET /api/v1/files/{file}/content", "", "A✓ P✓ C✓ L✓" },
        { "DELETE /api/v1/files/{file}", "", "A✓ P✓ C· L·" },
        { "GET /api/v1/files?ownerType=wedding&ownerId={wedding}", "", "A✓ P✓ C✓ L✓" },
        { "GET /api/v1/files/{file}", "", "A✓ P✓ C✓ L✓" },
        { "POST /api/v1/files/{file}/link", "", "A✓ P✓ C✓ L✓" },
        { "POST /api/v1/messages", "message", "A✓ P✓ C· L·" },
        { "GET /api/v1/messages", "", "A✓ P✓ C· L·" },
        { "GET /api/v1/messages/{message}", "", "A✓ P✓ C· L·" },
        { "GET /api/v1/messaging/templates", "", "A✓ P✓ C· L·" },
        { "PUT /api/v1/messaging/templates/announcement/email/en", "template", "A✓ P· C· L·" },
        { "DELETE /api/v1/messaging/templates/announcement/email/en", "", "A✓ P· C· L·" },
        { "POST /api/v1/messaging/templates/preview", "preview", "A✓ P✓ C· L·" },
        { "GET /api/v1/messaging/settings", "", "A✓ P✓ C· L·" },
        { "PUT /api/v1/messaging/settings", "messaging", "A✓ P· C· L·" },
        { "GET /api/v1/notifications", "", "A✓ P✓ C✓ L✓" },
        { "POST /api/v1/notifications/{notification}/read", "", "A✓ P✓ C✓ L✓" },
        { "POST /api/v1/notifications/read", "", "A✓ P✓ C✓ L✓" },
        { "GET /api/v1/push/public-key", "", "A✓ P✓ C✓ L✓" },
        { "POST /api/v1/push/subscriptions", "push", "A✓ P✓ C✓ L✓" },
        { "DELETE /api/v1/push/subscriptions?endpoint={push}", "", "A✓ P✓ C✓ L✓" },
        { "POST /api/v1/calendar/feeds", "feed", "A✓ P✓ C✓ L✓" },
        { "GET /api/v1/calendar/feeds", "", "A✓ P✓ C✓ L✓" },
        { "DELETE /api/v1/calendar/feeds/{feed}", "", "A✓ P✓ C✓ L✓" },
        { "POST /api/v1/reports", "report", "A✓ P✓ C✓ L✓" },
        { "GET /api/v1/reports", "", "A✓ P✓ C✓ L✓" },
        { "GET /api/v1/reports/{report}", "", "A✓ P✓ C✓ L✓" },
        { "GET /api/v1/weddings/{wedding}/events", "", "A✓ P✓ C✓ L✓" },
        { "GET /api/v1/weddings/{wedding}/schedule", "", "A✓ P✓ C✓ L✓" },
        { "POST /api/v1/weddings/{wedding}/events", "event", "A✓ P✓ C· L·" },
        { "GET /api/v1/events", "", "A✓ P✓ C✓ L✓" },
        { "GET /api/v1/events/{event}", "", "A✓ P✓ C✓ L✓" },
        { "PUT /api/v1/events/{event}", "event", "A✓ P✓ C· L·" },
        { "DELETE /api/v1/events/{event}", "", "A✓ P✓ C· L·" },
        { "POST /api/v1/events/{event}/run-of-show", "item", "A✓ P✓ C· L·" },
        { "GET /api/v1/events/{event}/run-of-show/{item}", "", "A✓ P✓ C✓ L✓" },
        { "PUT /api/v1/events/{event}/run-of-show/{item}", "item", "A✓ P✓ C· L·" },
        { "DELETE /api/v1/events/{event}/run-of-show/{item}", "", "A✓ P✓ C· L·" },
        { "POST /api/v1/events/{event}/run-of-show/{item}/status", "status", "A✓ P✓ C✓ L·" },
        { "POST /api/v1/events/{event}/run-of-show/shift", "shift", "A✓ P✓ C· L·" },
        { "GET /api/v1/inventory/items", "", "A✓ P✓ C✓ L·" },
        { "POST /api/v1/inventory/items", "stock-item", "A✓ P✓ C· L·" },
        { "GET /api/v1/inventory/items/{stock-item}", "", "A✓ P✓ C✓ L·" },
        { "PUT /api/v1/inventory/items/{stock-item}", "stock-item", "A✓ P✓ C· L·" },
        { "DELETE /api/v1/inventory/items/{stock-item}", "", "A✓ P✓ C· L·" },
        { "GET /api/v1/inventory/availability?from=2027-11-19&to=2027-11-20&days=true", "", "A✓ P✓ C✓ L·" },
        { "GET /api/v1/events/{event}/stock", "", "A✓ P✓ C✓ L·" },
        { "POST /api/v1/events/{event}/stock", "stock-reservation", "A✓ P✓ C· L·" },
        { "DELETE /api/v1/events/{event}/stock/{reservation}", "", "A✓ P✓ C· L·" },
        { "POST /api/v1/events/{event}/stock/{reservation}/check-out", "stock-check-out", "A✓ P✓ C✓ L·" },
        { "POST /api/v1/events/{event}/stock/{reservation}/return", "stock-return", "A✓ P✓ C✓ L·" },
        { "GET /api/v1/events/{event}/pick-list.pdf", "", "A✓ P✓ C✓ L·" },
        { "GET /api/v1/venues", "", "A✓ P✓ C✓ L·" },
        { "GET /api/v1/venues/{venue}", "", "A✓ P✓ C✓ L·" },
        { "POST /api/v1/venues", "venue", "A✓ P✓ C· L·" },
        { "PUT /api/v1/venues/{venue}", "venue", "A✓ P✓ C· L·" },
        { "DELETE /api/v1/venues/{venue}", "", "A✓ P✓ C· L·" },
        { "GET /api/v1/templates", "", "A✓ P✓ C· L·" },
        { "GET /api/v1/templates/{template}", "", "A✓ P✓ C· L·" },
        { "POST /api/v1/templates", "wedding-template", "A✓ P✓ C· L·" },
        { "PUT /api/v1/templates/{template}", "template-update", "A✓ P✓ C· L·" },
        { "DELETE /api/v1/templates/{template}", "", "A✓ P✓ C· L·" },
        { "POST /api/v1/templates/{template}/weddings", "from-template", "A✓ P✓ C· L·" },
        { "GET /api/v1/weddings/{wedding}/households", "", "A✓ P✓ C✓ L✓" },
        { "GET /api/v1/weddings/{wedding}/headcounts", "", "A✓ P✓ C✓ L✓" },
        { "POST /api/v1/weddings/{wedding}/households", "household", "A✓ P✓ C· L✓" },
        { "GET /api/v1/weddings/{wedding}/households/{household}", "", "A✓ P✓ C✓ L✓" },
        { "PUT /api/v1/weddings/{wedding}/households/{household}", "household", "A✓ P✓ C· L✓" },
        { "DELETE /api/v1/weddings/{wedding}/households/{household}", "", "A✓ P✓ C· L✓" },
        { "PUT /api/v1/weddings/{wedding}/households/{household}/invitations", "invitations", "A✓ P✓ C· L✓" },
        { "POST /api/v1/weddings/{wedding}/households/{household}/invitations/{event}/answer", "answer", "A✓ P✓ C✓ L✓" },
        { "GET /api/v1/weddings/{wedding}/households/{household}/history", "", "A✓ P✓ C✓ L✓" },
        { "POST /api/v1/weddings/{wedding}/guest-imports/preview", "guest-file", "A✓ P✓ C· L✓" },
        { "POST /api/v1/weddings/{wedding}/guest-imports", "guest-file", "A✓ P✓ C· L✓" },
        { "GET /api/v1/weddings/{wedding}/guest-imports/{import}", "", "A✓ P✓ C· L✓" },
        { "GET /api/v1/weddings/{wedding}/guest-export", "", "A✓ P✓ C· L·" },
        { "GET /api/v1/weddings/{wedding}/guest-export?format=csv", "", "A✓ P✓ C· L·" },
        { "GET /api/v1/weddings/{wedding}/caterer-sheet", "", "A✓ P✓ C✓ L✓" },
        { "GET /api/v1/weddings/{wedding}/caterer-sheet?format=xlsx", "", "A✓ P✓ C✓ L✓" },
        { "POST /api/v1/weddings/{wedding}/households/{household}/rsvp-link", "", "A✓ P✓ C· L✓" },
        { "DELETE /api/v1/weddings/{wedding}/households/{household}/rsvp-link", "", "A✓ P✓ C· L✓" },
        { "GET /api/v1/weddings/{wedding}/guest-settings", "", "A✓ P✓ C✓ L✓" },
        { "PUT /api/v1/weddings/{wedding}/guest-settings", "guest-settings", "A✓ P✓ C· L✓" },
        { "POST /api/v1/weddings/{wedding}/guest-sends/preview", "guest-send", "A✓ P✓ C· L·" },
        { "POST /api/v1/weddings/{wedding}/guest-sends", "guest-send", "A✓ P✓ C· L·" },
        { "GET /api/v1/weddings/{wedding}/guest-sends", "", "A✓ P✓ C✓ L✓" },
        { "GET /api/v1/weddings/{wedding}/guest-sends/{send}", "", "A✓ P✓ C✓ L✓" },
        { "DELETE /api/v1/weddings/{wedding}/guest-sends/{send}", "", "A✓ P✓ C· L·" },
        { "GET /api/v1/weddings/{wedding}/guest-outreach", "", "A✓ P✓ C✓ L✓" },
        { "GET /api/v1/weddings/{wedding}/id-documents", "", "A✓ P✓ C· L·" },
        { "GET /api/v1/weddings/{wedding}/id-documents/{id-document}/file", "", "A✓ P✓ C· L·" },
        { "DELETE /api/v1/weddings/{wedding}/id-documents/{id-document}", "", "A✓ P✓ C· L·" },
        { "GET /api/v1/weddings/{wedding}/room-blocks", "", "A✓ P✓ C✓ L✓" },
        { "POST /api/v1/weddings/{wedding}/room-blocks", "room-block", "A✓ P✓ C· L·" },
        { "GET /api/v1/weddings/{wedding}/room-blocks/{room-block}", "", "A✓ P✓ C✓ L✓" },
        { "PUT /api/v1/weddings/{wedding}/room-blocks/{room-block}", "room-block", "A✓ P✓ C· L·" },
        { "DELETE /api/v1/weddings/{wedding}/room-blocks/{room-block}", "", "A✓ P✓ C· L·" },
        { "POST /api/v1/weddings/{wedding}/room-blocks/{room-block}/rooms", "room", "A✓ P✓ C· L·" },
        { "PUT /api/v1/weddings/{wedding}/rooms/{room}", "room", "A✓ P✓ C· L·" },
        { "DELETE /api/v1/weddings/{wedding}/rooms/{room}", "", "A✓ P✓ C· L·" },
        { "GET /api/v1/weddings/{wedding}/rooming-list", "", "A✓ P✓ C✓ L✓" },
        { "GET /api/v1/weddings/{wedding}/rooming-list?format=pdf", "", "A✓ P✓ C✓ L✓" },
        { "POST /api/v1/events/{event}/check-ins", "check-in", "A✓ P✓ C✓ L·" },
        { "GET /api/v1/events/{event}/check-ins/{household}", "", "A✓ P✓ C✓ L·" },
        { "DELETE /api/v1/events/{event}/check-ins/{household}", "", "A✓ P✓ C✓ L·" },
        { "GET /api/v1/events/{event}/arrivals", "", "A✓ P✓ C✓ L✓" },
        { "GET /api/v1/weddings/{wedding}/arrivals", "", "A✓ P✓ C✓ L✓" },
        { "GET /api/v1/weddings/{wedding}/households/{household}/guest-pass", "", "A✓ P✓ C✓ L✓" },
        { "GET /api/v1/weddings/{wedding}/events/{event}/seating", "", "A✓ P✓ C✓ L✓" },
        { "PUT /api/v1/weddings/{wedding}/events/{event}/seating", "seating-plan", "A✓ P✓ C· L·" },
        { "POST /api/v1/weddings/{wedding}/events/{event}/seating/moves", "seat-moves", "A✓ P✓ C· L·" },
        { "POST /api/v1/weddings/{wedding}/events/{event}/seating/arrange", "arrange", "A✓ P✓ C· L·" },
        { "GET /api/v1/weddings/{wedding}/events/{event}/seating/print", "", "A✓ P✓ C✓ L✓" },
        { "GET /api/v1/weddings/{wedding}/events/{event}/seating/print?kind=place-cards", "", "A✓ P✓ C✓ L✓" },
        { "POST /api/v1/weddings/{wedding}/events/{event}/seating/tables", "seating-table", "A✓ P✓ C· L·" },
        { "PUT /api/v1/weddings/{wedding}/events/{event}/seating/tables/{table}", "seating-table", "A✓ P✓ C· L·" },
        { "DELETE /api/v1/weddings/{wedding}/events/{event}/seating/tables/{table}", "", "A✓ P✓ C· L·" },
        { "GET /api/v1/weddings/{wedding}/travel", "", "A✓ P✓ C✓ L✓" },
        { "POST /api/v1/weddings/{wedding}/travel", "travel-leg", "A✓ P✓ C✓ L·" },
        { "GET /api/v1/weddings/{wedding}/travel/{leg}", "", "A✓ P✓ C✓ L✓" },
        { "PUT /api/v1/weddings/{wedding}/travel/{leg}", "travel-leg", "A✓ P✓ C✓ L·" },
        { "DELETE /api/v1/weddings/{wedding}/travel/{leg}", "", "A✓ P✓ C✓ L·" },
        { "GET /api/v1/weddings/{wedding}/vehicles", "", "A✓ P✓ C✓ L✓" },
        { "POST /api/v1/weddings/{wedding}/vehicles", "vehicle", "A✓ P✓ C✓ L·" },
        { "GET /api/v1/weddings/{wedding}/vehicles/{vehicle}", "", "A✓ P✓ C✓ L✓" },
        { "PUT /api/v1/weddings/{wedding}/vehicles/{vehicle}", "vehicle", "A✓ P✓ C✓ L·" },
        { "DELETE /api/v1/weddings/{wedding}/vehicles/{vehicle}", "", "A✓ P✓ C✓ L·" },
        { "GET /api/v1/weddings/{wedding}/vehicles/{vehicle}/manifest?day=2027-11-18", "", "A✓ P✓ C✓ L·" },
        { "POST /api/v1/weddings/{wedding}/vehicles/{vehicle}/manifest/send", "manifest-send", "A✓ P✓ C✓ L·" },
        { "GET /api/v1/weddings/{wedding}/trips", "", "A✓ P✓ C✓ L✓" },
        { "POST /api/v1/weddings/{wedding}/trips", "trip", "A✓ P✓ C✓ L·" },
        { "POST /api/v1/weddings/{wedding}/trips/plan", "trip-plan", "A✓ P✓ C✓ L·" },
        { "GET /api/v1/weddings/{wedding}/trips/{trip}", "", "A✓ P✓ C✓ L✓" },
        { "PUT /api/v1/weddings/{wedding}/trips/{trip}", "trip", "A✓ P✓ C✓ L·" },
        { "DELETE /api/v1/weddings/{wedding}/trips/{trip}", "", "A✓ P✓ C✓ L·" },
        { "POST /api/v1/weddings/{wedding}/trips/{trip}/notice", "trip-notice", "A✓ P✓ C✓ L·" },
        { "GET /api/v1/vendors", "", "A✓ P✓ C· L·" },
        { "GET /api/v1/vendors/categories", "", "A✓ P✓ C· L·" },
        { "POST /api/v1/vendors", "vendor", "A✓ P✓ C· L·" },
        { "GET /api/v1/vendors/{vendor}", "", "A✓ P✓ C· L·" },
        { "PUT /api/v1/vendors/{vendor}", "vendor", "A✓ P✓ C· L·" },
        { "DELETE /api/v1/vendors/{vendor}", "", "A✓ P✓ C· L·" },
        { "GET /api/v1/weddings/{wedding}/bookings", "", "A✓ P✓ C✓ L·" },
        { "POST /api/v1/weddings/{wedding}/bookings", "booking", "A✓ P✓ C· L·" },
        { "GET /api/v1/weddings/{wedding}/bookings/{booking}", "", "A✓ P✓ C✓ L·" },
        { "PUT /api/v1/weddings/{wedding}/bookings/{booking}", "booking", "A✓ P✓ C· L·" },
        { "DELETE /api/v1/weddings/{wedding}/bookings/{booking}", "", "A✓ P✓ C· L·" },
        { "POST /api/v1/weddings/{wedding}/bookings/{booking}/day-link", "day-link", "A✓ P✓ C· L·" },
        { "DELETE /api/v1/weddings/{wedding}/bookings/{booking}/day-link", "", "A✓ P✓ C· L·" },
        { "GET /api/v1/weddings/{wedding}/bookings/{booking}/payments", "", "A✓ P✓ C· L·" },
        { "POST /api/v1/weddings/{wedding}/bookings/{booking}/payments", "vendor-payment", "A✓ P✓ C· L·" },
        { "DELETE /api/v1/weddings/{wedding}/bookings/{booking}/payments/{payment}", "", "A✓ P· C· L·" },
        { "GET /api/v1/weddings/{wedding}/tasks", "", "A✓ P✓ C✓ L·" },
        { "POST /api/v1/weddings/{wedding}/tasks", "task", "A✓ P✓ C· L·" },
        { "GET /api/v1/weddings/{wedding}/tasks/{task}", "", "A✓ P✓ C✓ L·" },
        { "PUT /api/v1/weddings/{wedding}/tasks/{task}", "task", "A✓ P✓ C· L·" },
        { "DELETE /api/v1/weddings/{wedding}/tasks/{task}", "", "A✓ P✓ C· L·" },
        { "POST /api/v1/weddings/{wedding}/tasks/{task}/move", "task-move", "A✓ P✓ C✓ L·" },
        { "POST /api/v1/weddings/{wedding}/tasks/{task}/checklist/{checklist-item}", "tick", "A✓ P✓ C✓ L·" },
        { "POST /api/v1/weddings/{wedding}/tasks/{task}/comments", "task-comment", "A✓ P✓ C✓ L·" },
        { "POST /api/v1/weddings/{wedding}/tasks/from-template", "task-apply", "A✓ P✓ C· L·" },
        { "GET /api/v1/weddings/{wedding}/our-tasks", "", "A✓ P· C· L✓" },
        { "GET /api/v1/weddings/{wedding}/our-tasks/{task}", "", "A✓ P· C· L✓" },
        { "POST /api/v1/weddings/{wedding}/our-tasks/{task}/move", "task-done", "A✓ P· C· L✓" },
        { "POST /api/v1/weddings/{wedding}/our-tasks/{task}/checklist/{checklist-item}", "tick", "A✓ P· C· L✓" },
        { "POST /api/v1/weddings/{wedding}/our-tasks/{task}/comments", "task-comment", "A✓ P· C· L✓" },
        { "GET /api/v1/tasks/mine", "", "A✓ P✓ C✓ L·" },
        { "GET /api/v1/task-templates", "", "A✓ P✓ C· L·" },
        { "POST /api/v1/task-templates", "task-template", "A✓ P✓ C· L·" },
        { "GET /api/v1/task-templates/{task-template}", "", "A✓ P✓ C· L·" },
        { "PUT /api/v1/task-templates/{task-template}", "task-template", "A✓ P✓ C· L·" },
        { "DELETE /api/v1/task-templates/{task-template}", "", "A✓ P✓ C· L·" },
        { "GET /api/v1/me/reminder-channels", "", "A✓ P✓ C✓ L✓" },
        { "PUT /api/v1/me/reminder-channels", "reminder-channels", "A✓ P✓ C✓ L✓" },
        { "GET /api/v1/events/{event}/vendors", "", "A✓ P✓ C✓ L·" },
        { "GET /api/v1/weddings/{wedding}/budget", "", "A✓ P✓ C· L·" },
        { "PUT /api/v1/weddings/{wedding}/budget/settings", "budget-settings", "A✓ P✓ C· L·" },
        { "POST /api/v1/weddings/{wedding}/budget/lines", "budget-line", "A✓ P✓ C· L·" },
        { "PUT /api/v1/weddings/{wedding}/budget/lines/{budget-line}", "budget-line", "A✓ P✓ C· L·" },
        { "DELETE /api/v1/weddings/{wedding}/budget/lines/{budget-line}", "", "A✓ P· C· L·" },
        { "POST /api/v1/weddings/{wedding}/budget/what-if", "what-if", "A✓ P✓ C· L·" },
        { "GET /api/v1/weddings/{wedding}/budget/shared", "", "A✓ P✓ C· L✓" },
        { "GET /api/v1/billing/settings", "", "A✓ P✓ C· L·" },
        { "PUT /api/v1/billing/settings", "billing-settings", "A✓ P· C· L·" },
        { "GET /api/v1/weddings/{wedding}/invoices", "", "A✓ P✓ C· L·" },
        { "POST /api/v1/weddings/{wedding}/invoices", "invoice", "A✓ P✓ C· L·" },
        { "GET /api/v1/weddings/{wedding}/invoices/{invoice}", "", "A✓ P✓ C· L·" },
        { "PUT /api/v1/weddings/{wedding}/invoices/{invoice}", "invoice", "A✓ P✓ C· L·" },
        { "DELETE /api/v1/weddings/{wedding}/invoices/{invoice}", "", "A✓ P✓ C· L·" },
        { "POST /api/v1/weddings/{wedding}/invoices/{invoice}/issue", "", "A✓ P✓ C· L·" },
        { "POST /api/v1/weddings/{wedding}/invoices/{issued-invoice}/cancel", "cancel-invoice", "A✓ P· C· L·" },
        { "GET /api/v1/weddings/{wedding}/invoices/{invoice}/pdf", "", "A✓ P✓ C· L·" },
        { "GET /api/v1/weddings/{wedding}/payment-plan", "", "A✓ P✓ C· L·" },
        { "PUT /api/v1/weddings/{wedding}/payment-plan", "payment-plan", "A✓ P✓ C· L·" },
        { "POST /api/v1/weddings/{wedding}/payment-plan/instalments/{instalment}/pay-link", "", "A✓ P✓ C· L·" },
        { "GET /api/v1/weddings/{wedding}/payments", "", "A✓ P✓ C· L·" },
        { "POST /api/v1/weddings/{wedding}/payments", "client-payment", "A✓ P✓ C· L·" },
        { "POST /api/v1/weddings/{wedding}/payments/{client-payment}/refunds", "refund", "A✓ P· C· L·" },
        { "GET /api/v1/weddings/{wedding}/payments/{client-payment}/receipt", "", "A✓ P✓ C· L·" },
        { "GET /api/v1/weddings/{wedding}/billing", "", "A✓ P· C· L✓" },
        { "GET /api/v1/weddings/{wedding}/billing/invoices/{issued-invoice}/pdf", "", "A✓ P· C· L✓" },
        { "GET /api/v1/weddings/{wedding}/billing/receipts/{client-payment}/pdf", "", "A✓ P· C· L✓" },
        { "POST /api/v1/weddings/{wedding}/billing/instalments/{instalment}/pay", "", "A✓ P· C· L✓" },
        { "POST /api/v1/weddings/{wedding}/billing/return", "payment-return", "A✓ P· C· L✓" },
        { "GET /api/v1/books/profit-and-loss", "", "A✓ P✓ C· L·" },
        { "GET /api/v1/books/profit-and-loss?from=2026-04-01&to=2027-03-31", "", "A✓ P✓ C· L·" },
        { "GET /api/v1/books/receivables", "", "A✓ P✓ C· L·" },
        { "GET /api/v1/books/gstr1", "", "A✓ P✓ C· L·" },
        { "GET /api/v1/books/tally", "", "A✓ P✓ C· L·" },
        { "GET /api/v1/books/zoho-books/invoices", "", "A✓ P✓ C· L·" },
        { "GET /api/v1/books/zoho-books/credit-notes", "", "A✓ P✓ C· L·" },
        // Leads
        { "GET /api/v1/leads", "", "A✓ P✓ C· L·" },
        { "GET /api/v1/leads/board", "", "A✓ P✓ C· L·" },
        { "GET /api/v1/leads/conversion", "", "A✓ P✓ C· L·" },
        { "GET /api/v1/leads/inquiry-form", "", "A✓ P✓ C· L·" },
        { "POST /api/v1/leads", "lead", "A✓ P✓ C· L·" },
        { "GET /api/v1/leads/{lead}", "", "A✓ P✓ C· L·" },
        { "PUT /api/v1/leads/{lead}", "lead", "A✓ P✓ C· L·" },
        { "DELETE /api/v1/leads/{lead}", "", "A✓ P✓ C· L·" },
        { "POST /api/v1/leads/{lead}/move", "lead-move", "A✓ P✓ C· L·" },
        { "POST /api/v1/leads/{lead}/lost", "lead-lost", "A✓ P✓ C· L·" },
        { "POST /api/v1/leads/{lost-lead}/reopen", "", "A✓ P✓ C· L·" },
        { "POST /api/v1/leads/{lead}/won", "", "A✓ P✓ C· L·" },
        { "GET /api/v1/leads/{lead}/timeline", "", "A✓ P✓ C· L·" },
        { "POST /api/v1/leads/{lead}/activities", "lead-activity", "A✓ P✓ C· L·" },
        { "POST /api/v1/leads/{lead}/activities/{lead-activity}/done", "", "A✓ P✓ C· L·" },
        { "GET /api/v1/leads/{lead}/duplicates", "", "A✓ P✓ C· L·" },
        { "POST /api/v1/leads/{lead}/merge", "lead-merge", "A✓ P✓ C· L·" },
        { "GET /api/v1/pipeline/stages", "", "A✓ P✓ C· L·" },
        { "POST /api/v1/pipeline/stages", "stage", "A✓ P✓ C· L·" },
        { "PUT /api/v1/pipeline/stages/{stage}", "stage", "A✓ P✓ C· L·" },
        { "PUT /api/v1/pipeline/stages/order", "stage-order", "A✓ P✓ C· L·" },
        { "DELETE /api/v1/pipeline/stages/{stage}", "", "A✓ P✓ C· L·" },
        // Proposals
        { "GET /api/v1/packages", "", "A✓ P✓ C· L·" },
        { "GET /api/v1/packages/{package}", "", "A✓ P✓ C· L·" },
        { "POST /api/v1/packages", "package", "A✓ P✓ C· L·" },
        { "PUT /api/v1/packages/{package}", "package", "A✓ P✓ C· L·" },
        { "DELETE /api/v1/packages/{package}", "", "A✓ P✓ C· L·" },
        { "GET /api/v1/leads/{lead}/proposals", "", "A✓ P✓ C· L·" },
        { "POST /api/v1/leads/{lead}/proposals", "proposal", "A✓ P✓ C· L·" },
        { "GET /api/v1/leads/{lead}/proposals/{proposal}", "", "A✓ P✓ C· L·" },
        { "PUT /api/v1/leads/{lead}/proposals/{proposal}", "proposal", "A✓ P✓ C· L·" },
        { "DELETE /api/v1/leads/{lead}/proposals/{proposal}", "", "A✓ P✓ C· L·" },
        { "POST /api/v1/leads/{lead}/proposals/{proposal}/send", "send-proposal", "A✓ P✓ C· L·" },
        { "POST /api/v1/leads/{lead}/proposals/{sent-proposal}/link", "", "A✓ P✓ C· L·" },
        { "DELETE /api/v1/leads/{lead}/proposals/{proposal}/link", "", "A✓ P✓ C· L·" },
        { "GET /api/v1/leads/{lead}/proposals/{sent-proposal}/versions/1/pdf", "", "A✓ P✓ C· L·" },
        { "GET /api/v1/weddings/{wedding}/proposals", "", "A✓ P✓ C· L✓" },
        // Contracts with e-signature (Agreements).
        { "GET /api/v1/contract-templates", "", "A✓ P✓ C· L·" },
        { "GET /api/v1/contract-templates/fields", "", "A✓ P✓ C· L·" },
        { "GET /api/v1/contract-templates/{contract-template}", "", "A✓ P✓ C· L·" },
        { "POST /api/v1/contract-templates", "contract-template", "A✓ P✓ C· L·" },
        { "PUT /api/v1/contract-templates/{contract-template}", "contract-template", "A✓ P✓ C· L·" },
        { "DELETE /api/v1/contract-templates/{contract-template}", "", "A✓ P✓ C· L·" },
        { "GET /api/v1/leads/{contract-lead}/contracts", "", "A✓ P✓ C· L·" },
        { "GET /api/v1/leads/{contract-lead}/contracts/defaults", "", "A✓ P✓ C· L·" },
        { "POST /api/v1/leads/{contract-lead}/contracts", "contract", "A✓ P✓ C· L·" },
        { "GET /api/v1/leads/{contract-lead}/contracts/{contract}", "", "A✓ P✓ C· L·" },
        { "PUT /api/v1/leads/{contract-lead}/contracts/{contract}", "contract", "A✓ P✓ C· L·" },
        { "POST /api/v1/leads/{contract-lead}/contracts/{contract}/send", "", "A✓ P✓ C· L·" },
        { "POST /api/v1/leads/{signed-lead}/contracts/{signed-contract}/countersign", "countersign", "A✓ P· C· L·" },
        { "GET /api/v1/leads/{signed-lead}/contracts/{signed-contract}/versions/1/pdf", "", "A✓ P✓ C· L·" },
        { "GET /api/v1/weddings/{wedding}/contracts", "", "A✓ P· C· L✓" },
        { "GET /api/v1/weddings/{wedding}/contracts/{wedding-contract}/versions/1/pdf", "", "A✓ P· C· L✓" },
        // Automations: admins only (automation:manage), to change the rules and to read them and their history.
        { "GET /api/v1/automations", "", "A✓ P· C· L·" },
        { "POST /api/v1/automations", "automation", "A✓ P· C· L·" },
        { "GET /api/v1/automations/recipes", "", "A✓ P· C· L·" },
        { "GET /api/v1/automations/choices", "", "A✓ P· C· L·" },
        { "POST /api/v1/automations/recipes/event-week-team", "", "A✓ P· C· L·" },
        { "GET /api/v1/automations/firings", "", "A✓ P· C· L·" },
        { "GET /api/v1/automations/{automation}", "", "A✓ P· C· L·" },
        { "PUT /api/v1/automations/{automation}", "automation", "A✓ P· C· L·" },
        { "DELETE /api/v1/automations/{automation}", "", "A✓ P· C· L·" },
        { "POST /api/v1/automations/{automation}/pause", "", "A✓ P· C· L·" },
        { "POST /api/v1/automations/{automation}/resume", "", "A✓ P· C· L·" },
        { "GET /api/v1/automations/{automation}/history", "", "A✓ P· C· L·" },
    };

    /// <summary>The routes anyone may call without signing in, each with what guards it instead of a role.</summary>
    public static readonly IReadOnlyList<(string Route, string GuardedBy)> AnonymousRoutes =
    [
        ("POST /api/v1/tenants", "nothing: signing up creates a studio"),
        ("POST /api/v1/auth/login", "the password"),
        ("POST /api/v1/auth/refresh", "the refresh token"),
        ("POST /api/v1/auth/logout", "the refresh token"),
        ("POST /api/v1/auth/session/refresh", "the refresh cookie and the CSRF header"),
        ("POST /api/v1/auth/session/logout", "the refresh cookie and the CSRF header"),
        ("POST /api/v1/auth/invitations/accept", "the e-mailed invitation token"),
        ("POST /api/v1/auth/password-reset", "nothing: the answer is the same for any address"),
        ("POST /api/v1/auth/password-reset/confirm", "the e-mailed reset token"),
        ("GET /api/v1/files/signed/{token}", "the signed link"),
        ("POST /api/v1/webhooks/twilio/status", "Twilio's signature"),
        ("GET /api/v1/webhooks/whatsapp", "the verify token"),
        ("POST /api/v1/webhooks/whatsapp", "Meta's signature"),
        ("POST /api/v1/webhooks/razorpay", "Razorpay's signature with the studio's webhook secret, on the studio's own host"),
        // Proposals
        ("GET /api/v1/proposal-links/{token}", "the couple's proposal link"),
        ("POST /api/v1/proposal-links/{token}/accept", "the couple's proposal link"),
        ("POST /api/v1/proposal-links/{token}/changes", "the couple's proposal link"),
        ("GET /api/v1/sign/{token}/pdf", "the contract's signing link"),
    ];

    private static readonly EventRequest NewEvent = new(EventType.Sangeet, "Sangeet", new DateTime(2027, 11, 19, 19, 0, 0), new DateTime(2027, 11, 19, 23, 0, 0),
        null, null, null, null, null, null, null);

    private static readonly RunOfShowItemRequest SharedItem = new(new DateTime(2027, 11, 19, 20, 0, 0), 15, "First dance", null, null, null, null, null, true, null);

    private static readonly VenueRequest NewVenue = new("Samode Palace", null, "Jaipur", "08", null, null, 400, null, null, null);

    private static readonly SendMessageRequest Announcement = new(MessageChannel.Email, "guest@example.com", null, "announcement", "en",
        new Dictionary<string, string> { ["title"] = "Hello", ["text"] = "See you soon." }, null);

    private static readonly HouseholdRequest NewHousehold = new("Sharma family", GuestSide.Bride, "Mama's side", "98765 43210", null, "Jaipur", "Rajasthan", null,
        ["outstation"], "Prefers a ground-floor room.", null, [new GuestRequest(null, "Sunita Sharma", null, "Smt", AgeGroup.Adult, Diet.Jain, null, null, null, null)]);

    /// <summary>A room for the household's first member, two of the block's three nights.</summary>
    private static RoomAllotmentRequest RoomFor(HouseholdResponse household) =>
        new(household.Id, [household.Members[0].Id], new DateOnly(2027, 11, 17), new DateOnly(2027, 11, 19));
    private static readonly SeatingTableRequest NewTable = new("Table 1", TableShape.Round, 10, null, null);

    private static readonly VendorRequest NewVendor = new("Sharma Caterers", ["Caterer"], null, "27AAACR5055K1Z7", null, null, "Jaipur", null, null, 4, null);

    private static BookingRequest BookingOf(Guid vendor, Guid? @event) => new(vendor, @event, "Sangeet dinner", null, BookingStatus.Booked,
        [new QuoteLineRequest("Live counters", 2, 25_000_00, null, 1800)], [new InstalmentRequest(null, "Advance", InstalmentKind.Advance, new DateOnly(2027, 10, 1), 10_000_00)],
        @event is null ? null : new DateTime(2027, 11, 19, 17, 0, 0), "Rakesh", "98290 11111", null);

    private static readonly VendorPaymentRequest NewPayment = new(new DateOnly(2026, 1, 10), PaymentMode.Upi, "UTR 1", 5_000_00, null, null);

    private static readonly BudgetLineRequest NewBudgetLine = new("Decorator", "Mandap", 3_00_000_00, null, null, null, null);

    private static readonly VehicleRequest NewVehicle = new("Innova Crysta", 6, "RJ14 CA 1234", "Ramesh Kumar", "98290 12345", "Pink City Travels", null);

    private static TravelLegRequest ArrivalOf(HouseholdResponse household) => new(household.Id, [household.Members[0].Id], TravelDirection.Arrival, TravelMode.Flight,
        new DateTime(2027, 11, 18, 14, 30, 0), "Asia/Kolkata", "IndiGo", "6E 2131", "Jaipur International Airport", "T2", true, null);

    /// <summary>A pickup of the arrival (none for a new trip beside the one made for the route), in the vehicle.</summary>
    private static TripRequest PickupOf(Guid? legId, Guid? vehicleId) => new(TravelDirection.Arrival, new DateTime(2027, 11, 18, 15, 0, 0), null,
        "Jaipur International Airport", "T2", legId is null ? null : vehicleId, legId is null ? [] : [legId.Value], null);

    /// <summary>Scheduled: accepted without anyone on the list, and sends nothing while the matrix runs.</summary>
    private static GuestSendRequest ScheduledReminder => new(GuestMessageKind.Reminder, MessageChannel.Email, null, null, null, DateTimeOffset.UtcNow.AddDays(3));

    private static readonly ReportRequest WeddingsList = new(ReportKind.WeddingsList, ReportFormat.Csv, null);

    private static readonly CreateCalendarFeedRequest PersonalFeed = new(CalendarFeedKind.User, null);

    /// <summary>
    /// Every row in one studio of the class, signed up once (on PostgreSQL a sign-up is a database and every migration): each
    /// row brings its own people, {other} included, and makes its own records, so what one row does to its people (a role
    /// change, a disabled account) or to theirs (notifications, feeds, reports, devices) never reaches another. What rows share
    /// is the studio's own settings, which they set to what they were (company name, time zone), to what no row reads (the SMS
    /// provider) or to what a row sets up itself before it reads it (the announcement template).
    /// </summary>
    [Theory]
    [MemberData(nameof(LaneMatrix))]
    public async Task Each_role_may_do_exactly_what_the_permission_table_says(string endpoint, string body, string expected)
    {
        Assert.True(InLane(Rows(Matrix), Lane, Lanes).Contains((endpoint, body, expected)), $"{endpoint} is not a row of lane {Lane + 1} of {Lanes}.");
        var studio = await shared.OnAsync(Server);
        var people = new Dictionary<char, Member>();
        foreach (var (key, role) in new[] { ('A', Role.Admin), ('P', Role.Planner), ('C', Role.Coordinator), ('L', Role.Client) })
        {
            people[key] = await studio.AddMemberAsync(role);
        }
        var other = await studio.AddMemberAsync(Role.Planner);
        try
        {
            await EachCellAsync(studio, endpoint, body, expected, people, other);
        }
        finally
        {
            foreach (var person in people.Values.Append(other))
            {
                person.Client.Dispose();
            }
            // Done with: no later row's notices go to them (the studio's active admins are told of signed contracts, new leads…,
            // and hundreds of rows' admins would make every such request write hundreds of messages).
            var ids = people.Values.Append(other).Select(p => p.Id).ToList();
            await using var db = await TenantDatabase.OpenAsync(Server, studio);
            await db.Set<WedTech.Server.Identity.User>().Where(u => ids.Contains(u.Id)).ExecuteUpdateAsync(u => u.SetProperty(x => x.Status, UserStatus.Disabled), TestContext.Current.CancellationToken);
        }
    }

    private async Task EachCellAsync(Studio studio, string endpoint, string body, string expected, Dictionary<char, Member> people, Member other)
    {
        var admin = people['A'].Client;
        var members = people.ToDictionary(p => p.Key, p => p.Value.Client);
        var ids = people.ToDictionary(p => p.Key, p => p.Value.Id);
        // Everyone who calls is on the team of every wedding, so that only the permission decides.
        var team = people.Values.Where(p => p.Role != Role.Admin)
            .Select(p => new TeamAssignment(p.Id, p.Role == Role.Client ? TeamRole.Client : TeamRole.Coordinator)).ToList();

        foreach (var cell in expected.Split(' '))
        {
            var who = cell[0];
            var allowed = cell[1] == '✓';
            // A fresh wedding per attempt.
            var wedding = await (await admin.PostJsonAsync("/api/v1/weddings", NewWedding with { Team = team })).ReadAsync<WeddingResponse>(HttpStatusCode.Created);

            var parts = endpoint.Split(' ');
            var url = parts[1].Replace("{wedding}", wedding.Id.ToString(), StringComparison.Ordinal).Replace("{other}", other.Id.ToString(), StringComparison.Ordinal);
            if (url.Contains("{file}", StringComparison.Ordinal))
            {
                var file = await (await admin.PostAsync($"/api/v1/files?ownerType=wedding&ownerId={wedding.Id}", Attachment(), Cancel)).ReadAsync<FileResponse>(HttpStatusCode.Created);
                url = url.Replace("{file}", file.Id.ToString(), StringComparison.Ordinal);
            }
            Guid? itemId = null;
            Guid? eventId = null;
            if (url.Contains("{event}", StringComparison.Ordinal) || body == "invitations")
            {
                var created = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/events", NewEvent)).ReadAsync<EventResponse>(HttpStatusCode.Created);
                eventId = created.Id;
                itemId = (await (await admin.PostJsonAsync($"/api/v1/events/{created.Id}/run-of-show", SharedItem)).ReadAsync<RunOfShowItemResponse>(HttpStatusCode.Created)).Id;
                url = url.Replace("{event}", created.Id.ToString(), StringComparison.Ordinal).Replace("{item}", itemId.ToString(), StringComparison.Ordinal);
            }
            // Inventory: an item of its own, and a reservation of it for the event (one piece out, for a return).
            Guid? stockItemId = null;
            if (url.Contains("{stock-item}", StringComparison.Ordinal) || url.Contains("/stock", StringComparison.Ordinal))
            {
                stockItemId = (await (await admin.PostJsonAsync("/api/v1/inventory/items", NewStockItem)).ReadAsync<StockItemResponse>(HttpStatusCode.Created)).Id;
                url = url.Replace("{stock-item}", stockItemId.ToString(), StringComparison.Ordinal);
            }
            if (url.Contains("{reservation}", StringComparison.Ordinal))
            {
                var reservation = await (await admin.PostJsonAsync($"/api/v1/events/{eventId}/stock", new StockReservationRequest(stockItemId!.Value, 2, 0, 0)))
                    .ReadAsync<StockReservationResponse>(HttpStatusCode.Created);
                if (url.EndsWith("/return", StringComparison.Ordinal))
                {
                    (await admin.PostJsonAsync($"/api/v1/events/{eventId}/stock/{reservation.Id}/check-out", new StockCheckOutRequest(1))).EnsureSuccessStatusCode();
                }
                url = url.Replace("{reservation}", reservation.Id.ToString(), StringComparison.Ordinal);
            }
            if (url.Contains("{send}", StringComparison.Ordinal))
            {
                var send = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/guest-sends", ScheduledReminder)).ReadAsync<GuestSendResponse>(HttpStatusCode.Accepted);
                url = url.Replace("{send}", send.Id.ToString(), StringComparison.Ordinal);
            }
            if (url.Contains("{venue}", StringComparison.Ordinal))
            {
                var venue = await (await admin.PostJsonAsync("/api/v1/venues", NewVenue)).ReadAsync<VenueResponse>(HttpStatusCode.Created);
                url = url.Replace("{venue}", venue.Id.ToString(), StringComparison.Ordinal);
            }
            Guid? householdId = null;
            if (url.Contains("{household}", StringComparison.Ordinal) || body == "check-in")
            {
                var household = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/households", NewHousehold)).ReadAsync<HouseholdResponse>(HttpStatusCode.Created);
                householdId = household.Id;
                if (url.EndsWith("/guest-pass", StringComparison.Ordinal))
                {
                    (await admin.PostAsync($"/api/v1/weddings/{wedding.Id}/households/{household.Id}/rsvp-link", null, Cancel)).EnsureSuccessStatusCode();
                }
                if (eventId is { } invitedTo && (body is "answer" or "check-in" || url.Contains("/check-ins/", StringComparison.Ordinal)))
                {
                    (await admin.PutJsonAsync($"/api/v1/weddings/{wedding.Id}/households/{household.Id}/invitations", new InvitationsRequest([new(invitedTo, 4, null)]), "\"1\""))
                        .EnsureSuccessStatusCode();
                }
                url = url.Replace("{household}", household.Id.ToString(), StringComparison.Ordinal);
            }
            if (url.Contains("{id-document}", StringComparison.Ordinal))
            {
                var household = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/households", NewHousehold)).ReadAsync<HouseholdResponse>(HttpStatusCode.Created);
                url = url.Replace("{id-document}", (await GuestIds.SendOneAsync(Server, studio, admin, wedding.Id, household)).ToString(), StringComparison.Ordinal);
            }
            HouseholdResponse? guests = null;
            RoomBlockRequest? roomBlock = null;
            if (url.Contains("{room", StringComparison.Ordinal) || body is "room-block" or "room")
            {
                var hotel = await (await admin.PostJsonAsync("/api/v1/venues", NewVenue)).ReadAsync<VenueResponse>(HttpStatusCode.Created);
                roomBlock = new RoomBlockRequest(hotel.Id, "Deluxe double", 5, new DateOnly(2027, 11, 17), new DateOnly(2027, 11, 20), null, RoomPayer.Family, null);
                guests = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/households", NewHousehold)).ReadAsync<HouseholdResponse>(HttpStatusCode.Created);
                var block = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/room-blocks", roomBlock)).ReadAsync<RoomBlockResponse>(HttpStatusCode.Created);
                url = url.Replace("{room-block}", block.Id.ToString(), StringComparison.Ordinal);
                if (url.Contains("{room}", StringComparison.Ordinal))
                {
                    var given = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/room-blocks/{block.Id}/rooms", RoomFor(guests)))
                        .ReadAsync<RoomBlockResponse>(HttpStatusCode.Created);
                    url = url.Replace("{room}", given.Allotments[0].Id.ToString(), StringComparison.Ordinal);
                }
            }
            Guid? tableId = null;
            Guid? seatedHousehold = null;
            if (url.Contains("{table}", StringComparison.Ordinal) || body == "seat-moves")
            {
                var table = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/events/{eventId}/seating/tables", NewTable)).ReadAsync<SeatingTableResponse>(HttpStatusCode.Created);
                tableId = table.Id;
                url = url.Replace("{table}", table.Id.ToString(), StringComparison.Ordinal);
            }
            if (body == "seat-moves")
            {
                var household = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/households", NewHousehold)).ReadAsync<HouseholdResponse>(HttpStatusCode.Created);
                (await admin.PutJsonAsync($"/api/v1/weddings/{wedding.Id}/households/{household.Id}/invitations", new InvitationsRequest([new(eventId, 1, null)]), "\"1\""))
                    .EnsureSuccessStatusCode();
                seatedHousehold = household.Id;
            }
            Guid? legId = null, vehicleId = null;
            HouseholdResponse? traveller = null;
            if (url.Contains("/travel", StringComparison.Ordinal) || url.Contains("/vehicles", StringComparison.Ordinal) || url.Contains("/trips", StringComparison.Ordinal))
            {
                traveller = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/households", NewHousehold)).ReadAsync<HouseholdResponse>(HttpStatusCode.Created);
                var leg = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/travel", ArrivalOf(traveller))).ReadAsync<TravelLegResponse>(HttpStatusCode.Created);
                var vehicle = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/vehicles", NewVehicle)).ReadAsync<VehicleResponse>(HttpStatusCode.Created);
                (legId, vehicleId) = (leg.Id, vehicle.Id);
                if (url.Contains("{trip}", StringComparison.Ordinal) || body == "manifest-send")
                {
                    var trip = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/trips", PickupOf(leg.Id, vehicle.Id))).ReadAsync<TripResponse>(HttpStatusCode.Created);
                    url = url.Replace("{trip}", trip.Id.ToString(), StringComparison.Ordinal);
                }
                url = url.Replace("{leg}", leg.Id.ToString(), StringComparison.Ordinal).Replace("{vehicle}", vehicle.Id.ToString(), StringComparison.Ordinal);
            }
            Guid? vendorId = null;
            if (url.Contains("{vendor}", StringComparison.Ordinal) || url.Contains("/bookings", StringComparison.Ordinal))
            {
                vendorId = (await (await admin.PostJsonAsync("/api/v1/vendors", NewVendor)).ReadAsync<VendorResponse>(HttpStatusCode.Created)).Id;
                url = url.Replace("{vendor}", vendorId.ToString(), StringComparison.Ordinal);
            }
            if (url.Contains("{booking}", StringComparison.Ordinal))
            {
                eventId ??= (await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/events", NewEvent)).ReadAsync<EventResponse>(HttpStatusCode.Created)).Id;
                var booking = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/bookings", BookingOf(vendorId!.Value, eventId)))
                    .ReadAsync<BookingResponse>(HttpStatusCode.Created);
                url = url.Replace("{booking}", booking.Id.ToString(), StringComparison.Ordinal);
                if (url.Contains("{payment}", StringComparison.Ordinal))
                {
                    var payment = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/bookings/{booking.Id}/payments", NewPayment))
                        .ReadAsync<VendorPaymentResponse>(HttpStatusCode.Created);
                    url = url.Replace("{payment}", payment.Id.ToString(), StringComparison.Ordinal);
                }
            }
            if (url.Contains("{budget-line}", StringComparison.Ordinal))
            {
                var line = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/budget/lines", NewBudgetLine)).ReadAsync<BudgetLineResponse>(HttpStatusCode.Created);
                url = url.Replace("{budget-line}", line.Id.ToString(), StringComparison.Ordinal);
            }
            if (url.Contains("invoice}", StringComparison.Ordinal))
            {
                var invoices = $"/api/v1/weddings/{wedding.Id}/invoices";
                var draft = await (await admin.PostJsonAsync(invoices, NewEstimate)).ReadAsync<InvoiceResponse>(HttpStatusCode.Created);
                if (url.Contains("{issued-invoice}", StringComparison.Ordinal))
                {
                    await IssueAsync(admin, $"{invoices}/{draft.Id}", draft.Version);
                }
                url = url.Replace("{invoice}", draft.Id.ToString(), StringComparison.Ordinal).Replace("{issued-invoice}", draft.Id.ToString(), StringComparison.Ordinal);
            }
            OnlinePaymentReturn? paidOnline = null;
            if (url.Contains("{instalment}", StringComparison.Ordinal) || body == "payment-return")
            {
                var account = await TakesPaymentsOnlineAsync(studio, admin);
                var plan = await (await admin.PutJsonAsync($"/api/v1/weddings/{wedding.Id}/payment-plan", NewPlan, "\"0\"")).ReadAsync<PaymentPlanResponse>();
                var instalment = plan.Instalments[0].Instalment.Id;
                url = url.Replace("{instalment}", instalment.ToString(), StringComparison.Ordinal);
                if (body == "payment-return")
                {
                    // Paid on Razorpay's page, its webhook lost: only the couple's browser coming back tells the studio.
                    var link = await (await admin.PostAsync($"/api/v1/weddings/{wedding.Id}/payment-plan/instalments/{instalment}/pay-link", null, Cancel)).ReadAsync<PayLinkResponse>();
                    var paymentId = await RazorpayStandIn.Instance.PayAsync(link.LinkId, deliverWebhook: false);
                    var reference = RazorpayStandIn.Instance.LinkEntity(link.LinkId)["reference_id"]!.GetValue<string>();
                    paidOnline = new OnlinePaymentReturn(link.LinkId, reference, "paid", paymentId, RazorpaySignature(account.KeySecret, $"{link.LinkId}|{reference}|paid|{paymentId}"));
                }
            }
            if (url.Contains("{client-payment}", StringComparison.Ordinal))
            {
                var payment = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/payments", NewClientPayment)).ReadAsync<ClientPaymentResponse>(HttpStatusCode.Created);
                url = url.Replace("{client-payment}", payment.Id.ToString(), StringComparison.Ordinal);
            }
            if (url.Contains("{import}", StringComparison.Ordinal))
            {
                var import = await (await admin.PostAsync($"/api/v1/weddings/{wedding.Id}/guest-imports", GuestList(), Cancel)).ReadAsync<GuestImportResponse>(HttpStatusCode.Accepted);
                url = url.Replace("{import}", import.Id.ToString(), StringComparison.Ordinal);
            }
            // A template saved from a wedding with events, which itself comes from a built-in template.
            var eventful = url.Contains("{template}", StringComparison.Ordinal) || body == "wedding-template" ? await WeddingFromBuiltInAsync(admin) : null;
            if (url.Contains("{template}", StringComparison.Ordinal))
            {
                var template = await (await admin.PostJsonAsync("/api/v1/templates", new WeddingTemplateRequest($"Saved {Guid.NewGuid():N}", null, eventful!.Id)))
                    .ReadAsync<WeddingTemplateResponse>(HttpStatusCode.Created);
                url = url.Replace("{template}", template.Id.ToString(), StringComparison.Ordinal);
            }
            // Leads: a fresh lead (lost, for reopening), with a follow-up, another to merge, a fresh open stage.
            Guid? leadId = null;
            Guid? mergeId = null;
            if (url.Contains("{lead", StringComparison.Ordinal) || url.Contains("{lost-lead}", StringComparison.Ordinal))
            {
                leadId = (await (await admin.PostJsonAsync("/api/v1/leads", NewLead())).ReadAsync<LeadResponse>(HttpStatusCode.Created)).Id;
                mergeId = (await (await admin.PostJsonAsync("/api/v1/leads", NewLead())).ReadAsync<LeadResponse>(HttpStatusCode.Created)).Id;
                if (url.Contains("{lost-lead}", StringComparison.Ordinal))
                {
                    (await admin.PostJsonAsync($"/api/v1/leads/{leadId}/lost", new LeadLostRequest("Chose another planner"))).EnsureSuccessStatusCode();
                }
                if (url.Contains("{lead-activity}", StringComparison.Ordinal))
                {
                    var line = await (await admin.PostJsonAsync($"/api/v1/leads/{leadId}/activities", new LeadActivityRequest(LeadActivityKind.Call, "Call back", DateTimeOffset.UtcNow.AddDays(1), null)))
                        .ReadAsync<LeadActivityResponse>(HttpStatusCode.Created);
                    url = url.Replace("{lead-activity}", line.Id.ToString(), StringComparison.Ordinal);
                }
                url = url.Replace("{lead}", leadId.ToString(), StringComparison.Ordinal).Replace("{lost-lead}", leadId.ToString(), StringComparison.Ordinal);
            }
            if (url.Contains("{stage}", StringComparison.Ordinal))
            {
                var stage = await (await admin.PostJsonAsync("/api/v1/pipeline/stages", new PipelineStageRequest($"Stage {Guid.NewGuid():N}"[..20]))).ReadAsync<PipelineStageResponse>(HttpStatusCode.Created);
                url = url.Replace("{stage}", stage.Id.ToString(), StringComparison.Ordinal);
            }
            // Proposals: the lead's proposal, sent when the row says so.
            if (leadId is { } proposalLead && url.Contains("proposal}", StringComparison.Ordinal))
            {
                var proposal = await (await admin.PostJsonAsync($"/api/v1/leads/{proposalLead}/proposals", ProposalSeeds.NewProposal())).ReadAsync<ProposalResponse>(HttpStatusCode.Created);
                if (url.Contains("{sent-proposal}", StringComparison.Ordinal))
                {
                    (await admin.PostJsonAsync($"/api/v1/leads/{proposalLead}/proposals/{proposal.Id}/send", new SendProposalRequest(null))).EnsureSuccessStatusCode();
                }
                url = url.Replace("{proposal}", proposal.Id.ToString(), StringComparison.Ordinal).Replace("{sent-proposal}", proposal.Id.ToString(), StringComparison.Ordinal);
            }
            if (url.Contains("{package}", StringComparison.Ordinal))
            {
                var package = await (await admin.PostJsonAsync("/api/v1/packages", ProposalSeeds.NewPackage)).ReadAsync<PackageResponse>(HttpStatusCode.Created);
                url = url.Replace("{package}", package.Id.ToString(), StringComparison.Ordinal);
            }
            // Contracts with e-signature (Agreements): a lead of their own, a contract, one the couple signed, one signed on the wedding.
            if (url.Contains("{contract-template}", StringComparison.Ordinal))
            {
                var contractTemplate = await (await admin.PostJsonAsync("/api/v1/contract-templates", new ContractTemplateRequest("Décor", "For {{couple.names}}: {{fee}}.")))
                    .ReadAsync<ContractTemplateResponse>(HttpStatusCode.Created);
                url = url.Replace("{contract-template}", contractTemplate.Id.ToString(), StringComparison.Ordinal);
            }
            if (url.Contains("{contract-lead}", StringComparison.Ordinal))
            {
                var lead = await ContractTests.SeedLeadAsync(Server, studio, "Aarav & Meera", $"couple-{Guid.NewGuid():N}@example.com", null);
                url = url.Replace("{contract-lead}", lead.ToString(), StringComparison.Ordinal);
                if (url.Contains("{contract}", StringComparison.Ordinal))
                {
                    url = url.Replace("{contract}", (await ContractTests.NewContractAsync(admin, lead)).Id.ToString(), StringComparison.Ordinal);
                }
            }
            if (url.Contains("{signed-lead}", StringComparison.Ordinal))
            {
                var (lead, signedContract) = await ContractTests.SignedByCoupleAsync(Server, studio, admin, countersign: url.EndsWith("/pdf", StringComparison.Ordinal));
                url = url.Replace("{signed-lead}", lead.ToString(), StringComparison.Ordinal).Replace("{signed-contract}", signedContract.ToString(), StringComparison.Ordinal);
            }
            if (url.Contains("{wedding-contract}", StringComparison.Ordinal))
            {
                var (lead, signedContract) = await ContractTests.SignedByCoupleAsync(Server, studio, admin, countersign: true);
                await ContractTests.ConvertAsync(Server, studio, lead, wedding.Id);
                url = url.Replace("{wedding-contract}", signedContract.ToString(), StringComparison.Ordinal);
            }
            var pipeline = body is "lead-move" or "stage-order" ? await admin.GetAsync<List<PipelineStageResponse>>("/api/v1/pipeline/stages") : null;
            // Tasks: one assigned to everyone who calls (the couple's routes show only their own), with a checklist item; a template.
            if (url.Contains("{task}", StringComparison.Ordinal))
            {
                var task = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/tasks", new TaskRequest("Book the band", Assignees: [.. ids.Values],
                    Checklist: [new TaskChecklistItem(null, "Shortlist")]))).ReadAsync<TaskDetailResponse>(HttpStatusCode.Created);
                url = url.Replace("{task}", task.Task.Id.ToString(), StringComparison.Ordinal)
                    .Replace("{checklist-item}", task.Task.Checklist[0].Id.ToString(), StringComparison.Ordinal);
            }
            if (url.Contains("{task-template}", StringComparison.Ordinal))
            {
                var taskTemplate = await (await admin.PostJsonAsync("/api/v1/task-templates", NewTaskTemplate())).ReadAsync<TaskTemplateResponse>(HttpStatusCode.Created);
                url = url.Replace("{task-template}", taskTemplate.Id.ToString(), StringComparison.Ordinal);
            }
            var taskTemplates = body == "task-apply" ? await admin.GetAsync<List<TaskTemplateResponse>>("/api/v1/task-templates") : null;
            if (url.Contains("{automation}", StringComparison.Ordinal))
            {
                var rule = await (await admin.PostJsonAsync("/api/v1/automations", NewAutomation)).ReadAsync<AutomationRuleResponse>(HttpStatusCode.Created);
                url = url.Replace("{automation}", rule.Id.ToString(), StringComparison.Ordinal);
            }
            url = await WithCallersOwnAsync(url, admin, members[who], ids[who]);
            if (parts[0] == "DELETE" && url.StartsWith("/api/v1/messaging/templates/", StringComparison.Ordinal))
            {
                (await admin.PutJsonAsync(url, new MessageTemplateRequest("{{title}}", "{{text}}", null, null), "*")).EnsureSuccessStatusCode();
            }
            using var request = new HttpRequestMessage(new HttpMethod(parts[0]), url);
            request.Content = body switch
            {
                "wedding" => System.Net.Http.Json.JsonContent.Create(NewWedding with { Team = team }, options: Api.Json),
                "invite" => System.Net.Http.Json.JsonContent.Create(new InviteUserRequest($"x-{Guid.NewGuid():N}@example.com", "X", Role.Coordinator), options: Api.Json),
                "role" => System.Net.Http.Json.JsonContent.Create(new ChangeRoleRequest(Role.Planner), options: Api.Json),
                "settings" => System.Net.Http.Json.JsonContent.Create(new UpdateTenantSettingsRequest("Shaadi Studio", "Asia/Kolkata", null), options: Api.Json),
                "file" => Attachment(),
                "message" => System.Net.Http.Json.JsonContent.Create(Announcement, options: Api.Json),
                "preview" => System.Net.Http.Json.JsonContent.Create(new PreviewMessageRequest(Announcement.Channel, Announcement.TemplateKey, Announcement.Language,
                    Announcement.Variables), options: Api.Json),
                "push" => System.Net.Http.Json.JsonContent.Create(PushRequest(FakeProviders.Instance.NewPushSubscriber()), options: Api.Json),
                "feed" => System.Net.Http.Json.JsonContent.Create(PersonalFeed, options: Api.Json),
                "template" => System.Net.Http.Json.JsonContent.Create(new MessageTemplateRequest("{{title}}", "{{text}}", null, null), options: Api.Json),
                "messaging" => System.Net.Http.Json.JsonContent.Create(new MessagingSettingsRequest(SmsProvider.Msg91), options: Api.Json),
                "report" => System.Net.Http.Json.JsonContent.Create(WeddingsList, options: Api.Json),
                "event" => System.Net.Http.Json.JsonContent.Create(NewEvent, options: Api.Json),
                "item" => System.Net.Http.Json.JsonContent.Create(SharedItem, options: Api.Json),
                "status" => System.Net.Http.Json.JsonContent.Create(new RunOfShowStatusRequest(RunOfShowStatus.Done), options: Api.Json),
                "shift" => System.Net.Http.Json.JsonContent.Create(new RunOfShowShiftRequest(itemId, 10), options: Api.Json),
                "venue" => System.Net.Http.Json.JsonContent.Create(NewVenue, options: Api.Json),
                "wedding-template" => System.Net.Http.Json.JsonContent.Create(new WeddingTemplateRequest($"Saved {Guid.NewGuid():N}", null, eventful!.Id), options: Api.Json),
                "template-update" => System.Net.Http.Json.JsonContent.Create(new WeddingTemplateUpdate($"Renamed {Guid.NewGuid():N}", null), options: Api.Json),
                "household" => System.Net.Http.Json.JsonContent.Create(NewHousehold, options: Api.Json),
                "guest-file" => GuestList(),
                "invitations" => System.Net.Http.Json.JsonContent.Create(new InvitationsRequest([new(eventId, 3, null)]), options: Api.Json),
                "answer" => System.Net.Http.Json.JsonContent.Create(new RsvpRequest(null, 2), options: Api.Json),
                "check-in" => System.Net.Http.Json.JsonContent.Create(new CheckInRequest(null, householdId, null), options: Api.Json),
                "guest-send" => System.Net.Http.Json.JsonContent.Create(ScheduledReminder, options: Api.Json),
                "room-block" => System.Net.Http.Json.JsonContent.Create(roomBlock, options: Api.Json),
                "room" => System.Net.Http.Json.JsonContent.Create(RoomFor(guests!), options: Api.Json),
                "guest-settings" => System.Net.Http.Json.JsonContent.Create(new GuestListSettingsRequest(new DateOnly(2027, 11, 1), "Call Asha on 98765 43210"), options: Api.Json),
                "seating-plan" => System.Net.Http.Json.JsonContent.Create(new SeatingPlanRequest([], "Keep the aisle clear"), options: Api.Json),
                "seating-table" => System.Net.Http.Json.JsonContent.Create(NewTable, options: Api.Json),
                "seat-moves" => System.Net.Http.Json.JsonContent.Create(new SeatingMovesRequest([new SeatMove(seatedHousehold, null, tableId)]), options: Api.Json),
                "arrange" => System.Net.Http.Json.JsonContent.Create(new ArrangeRequest(), options: Api.Json),
                "travel-leg" => System.Net.Http.Json.JsonContent.Create(ArrivalOf(traveller!), options: Api.Json),
                "vehicle" => System.Net.Http.Json.JsonContent.Create(NewVehicle, options: Api.Json),
                "trip" => System.Net.Http.Json.JsonContent.Create(PickupOf(url.EndsWith("/trips", StringComparison.Ordinal) ? null : legId, vehicleId), options: Api.Json),
                "trip-plan" => System.Net.Http.Json.JsonContent.Create(new TripPlanRequest(TravelDirection.Arrival, null, null), options: Api.Json),
                "trip-notice" => System.Net.Http.Json.JsonContent.Create(new TripNoticeRequest(MessageChannel.Email, null), options: Api.Json),
                "manifest-send" => System.Net.Http.Json.JsonContent.Create(new ManifestSendRequest(MessageChannel.Sms, new DateOnly(2027, 11, 18), null), options: Api.Json),
                "stock-item" => System.Net.Http.Json.JsonContent.Create(NewStockItem, options: Api.Json),
                "stock-reservation" => System.Net.Http.Json.JsonContent.Create(new StockReservationRequest(stockItemId!.Value, 1, 2, 2), options: Api.Json),
                "stock-check-out" => System.Net.Http.Json.JsonContent.Create(new StockCheckOutRequest(1), options: Api.Json),
                "stock-return" => System.Net.Http.Json.JsonContent.Create(new StockReturnRequest(1, 0, 0, null), options: Api.Json),
                "vendor" => System.Net.Http.Json.JsonContent.Create(NewVendor with { Name = "Sharma & Sons Caterers" }, options: Api.Json),
                "booking" => System.Net.Http.Json.JsonContent.Create(BookingOf(vendorId!.Value, eventId), options: Api.Json),
                "day-link" => System.Net.Http.Json.JsonContent.Create(new VendorDayLinkRequest(MessageChannel.WhatsApp, null), options: Api.Json),
                "vendor-payment" => System.Net.Http.Json.JsonContent.Create(NewPayment, options: Api.Json),
                "budget-settings" => System.Net.Http.Json.JsonContent.Create(new BudgetSettingsRequest(FeeModel.Fixed, 2_00_000_00, null, true), options: Api.Json),
                "budget-line" => System.Net.Http.Json.JsonContent.Create(NewBudgetLine, options: Api.Json),
                "what-if" => System.Net.Http.Json.JsonContent.Create(new BudgetWhatIfRequest(null, null, [NewBudgetLine], null), options: Api.Json),
                "billing-settings" => System.Net.Http.Json.JsonContent.Create(BillingSettingsOf(await TakesPaymentsOnlineAsync(studio, admin)), options: Api.Json),
                "invoice" => System.Net.Http.Json.JsonContent.Create(NewEstimate, options: Api.Json),
                "cancel-invoice" => System.Net.Http.Json.JsonContent.Create(new CancelInvoiceRequest("The couple moved the wedding to next year"), options: Api.Json),
                "payment-plan" => System.Net.Http.Json.JsonContent.Create(NewPlan, options: Api.Json),
                "client-payment" => System.Net.Http.Json.JsonContent.Create(NewClientPayment, options: Api.Json),
                "refund" => System.Net.Http.Json.JsonContent.Create(new RefundRequest(5_000_00, "Paid twice by mistake"), options: Api.Json),
                "payment-return" => System.Net.Http.Json.JsonContent.Create(paidOnline, options: Api.Json),
                "contract-template" => System.Net.Http.Json.JsonContent.Create(new ContractTemplateRequest($"Décor {Guid.NewGuid():N}", "For {{couple.names}}."), options: Api.Json),
                "contract" => System.Net.Http.Json.JsonContent.Create(new ContractRequest(
                    (await admin.GetAsync<List<ContractTemplateResponse>>("/api/v1/contract-templates")).First(t => t.BuiltIn).Id, null, null, 2_00_000_00, null, null, null), options: Api.Json),
                "countersign" => System.Net.Http.Json.JsonContent.Create(new CountersignRequest("Asha Admin", ContractTests.Signature(), true), options: Api.Json),
                "automation" => System.Net.Http.Json.JsonContent.Create(NewAutomation, options: Api.Json),
                "from-template" => System.Net.Http.Json.JsonContent.Create(new WeddingFromTemplateRequest(NewWedding with { Team = team }, new DateOnly(2027, 11, 18), null), options: Api.Json),
                "lead" => System.Net.Http.Json.JsonContent.Create(NewLead(), options: Api.Json),
                "lead-move" => System.Net.Http.Json.JsonContent.Create(new LeadMoveRequest(pipeline![1].Id, null, null), options: Api.Json),
                "lead-lost" => System.Net.Http.Json.JsonContent.Create(new LeadLostRequest("The budget"), options: Api.Json),
                "lead-activity" => System.Net.Http.Json.JsonContent.Create(new LeadActivityRequest(LeadActivityKind.Note, "Wants a palace", null, null), options: Api.Json),
                "lead-merge" => System.Net.Http.Json.JsonContent.Create(new LeadMergeRequest(mergeId), options: Api.Json),
                "stage" => System.Net.Http.Json.JsonContent.Create(new PipelineStageRequest($"Stage {Guid.NewGuid():N}"[..20]), options: Api.Json),
                "stage-order" => System.Net.Http.Json.JsonContent.Create(new PipelineOrderRequest([.. pipeline!.Select(s => s.Id)]), options: Api.Json),
                "package" => System.Net.Http.Json.JsonContent.Create(ProposalSeeds.NewPackage, options: Api.Json),
                "proposal" => System.Net.Http.Json.JsonContent.Create(ProposalSeeds.NewProposal(), options: Api.Json),
                "send-proposal" => System.Net.Http.Json.JsonContent.Create(new SendProposalRequest(null), options: Api.Json),
                "task" => System.Net.Http.Json.JsonContent.Create(new TaskRequest("Book the dhol", Due: new TaskDue(Anchor: DueAnchor.Wedding, Days: -30)), options: Api.Json),
                "task-move" => System.Net.Http.Json.JsonContent.Create(new TaskMoveRequest(TaskState.InProgress, 0), options: Api.Json),
                "task-done" => System.Net.Http.Json.JsonContent.Create(new TaskMoveRequest(TaskState.Done), options: Api.Json),
                "tick" => System.Net.Http.Json.JsonContent.Create(new ChecklistTickRequest(true), options: Api.Json),
                "task-comment" => System.Net.Http.Json.JsonContent.Create(new TaskCommentRequest("Booked, advance paid"), options: Api.Json),
                "task-apply" => System.Net.Http.Json.JsonContent.Create(new ApplyTaskTemplateRequest(taskTemplates![0].Id), options: Api.Json),
                "task-template" => System.Net.Http.Json.JsonContent.Create(NewTaskTemplate(), options: Api.Json),
                "reminder-channels" => System.Net.Http.Json.JsonContent.Create(new ReminderChannels(true, false, true), options: Api.Json),
                _ => null,
            };
            if (parts[0] == "PUT" && (url.EndsWith("/settings", StringComparison.Ordinal) || url.StartsWith("/api/v1/messaging/templates/", StringComparison.Ordinal)
                || url.EndsWith("/payment-plan", StringComparison.Ordinal) || url.StartsWith("/api/v1/packages/", StringComparison.Ordinal)
                || url.StartsWith("/api/v1/leads/", StringComparison.Ordinal) || url.StartsWith("/api/v1/contract-templates/", StringComparison.Ordinal)
                || url.StartsWith("/api/v1/task-templates/", StringComparison.Ordinal)))
            {
                request.Headers.TryAddWithoutValidation("If-Match", "*");
            }
            else if ((parts[0] == "PUT" && (url.Contains("/weddings/", StringComparison.Ordinal) || url.StartsWith("/api/v1/vendors/", StringComparison.Ordinal) || url.Contains("/events/", StringComparison.Ordinal)
                    || url.StartsWith("/api/v1/venues/", StringComparison.Ordinal) || url.StartsWith("/api/v1/templates/", StringComparison.Ordinal)
                    || url.StartsWith("/api/v1/automations/", StringComparison.Ordinal) || url.StartsWith("/api/v1/inventory/", StringComparison.Ordinal)
                    || (url.StartsWith("/api/v1/pipeline/stages/", StringComparison.Ordinal) && !url.EndsWith("/order", StringComparison.Ordinal))))
                || url.EndsWith("/shift", StringComparison.Ordinal) || url.EndsWith("/issue", StringComparison.Ordinal))
            {
                request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
            }

            var response = await members[who].SendAsync(request, Cancel);
            if (allowed)
            {
                Assert.True(response.IsSuccessStatusCode, $"{who} {endpoint}: expected success, got {(int)response.StatusCode}");
            }
            else
            {
                await response.ProblemAsync(HttpStatusCode.Forbidden);
            }
        }
    }

    private static TaskTemplateRequest NewTaskTemplate() => new($"Checklist {Guid.NewGuid():N}", null,
        [new TaskTemplateItem("Book the venue", DaysBefore: 180), new TaskTemplateItem("Sound check", EventType: EventType.Sangeet, MinutesBefore: 120)]);

    /// <summary>A lead with dates (so it may be won) and its own couple's e-mail (each win invites them).</summary>
    private static LeadRequest NewLead() => new("Aanya & Rohan", "Meera Kapoor", null, $"couple-{Guid.NewGuid():N}@example.com", null, null,
        [new DateOnly(2027, 11, 18)], ["Wedding"], "Jaipur", 200, BudgetBand.From25To50Lakh, LeadSource.Instagram, null, null, null);
    /// <summary>A rule that acts on nothing the matrix makes (a paused one: the matrix runs no sweep anyway).</summary>
    private static readonly AutomationRuleRequest NewAutomation = new("Contract signed: thank the couple", AutomationTrigger.ContractSigned, null, null, [],
        [new AutomationAction(AutomationActionKind.SendMessage, MessageChannel.Email, "Thank you", "Dear {{contactName}}, thank you.")], Paused: true);

    private static readonly InvoiceRequest NewEstimate = new(InvoiceKind.Estimate, new InvoiceRecipient("Meera Kapoor", "14 Civil Lines", "Jaipur", "08", null, null),
        [new InvoiceLineRequest("Wedding planning and coordination", null, 1, 2_50_000_00, 1800)], null, null, null, null, null);

    private static readonly PaymentPlanRequest NewPlan = new([new InstalmentRequest(null, "Advance", InstalmentKind.Advance, new DateOnly(2027, 6, 1), 1_00_000_00)]);

    private static readonly ClientPaymentRequest NewClientPayment = new(new DateOnly(2026, 11, 2), PaymentMode.Upi, "UTR 88213", 50_000_00, null);

    /// <summary>The studio's Razorpay account at the stand-in, one per studio, set in its billing settings on first use.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, RazorpayStandInAccount> RazorpayAccounts = new();

    /// <summary>A studio in Rajasthan (08), with its Razorpay account when it has one.</summary>
    private static BillingSettingsRequest BillingSettingsOf(RazorpayStandInAccount? account) => new("Shubh Vivah Planners LLP", "12 MI Road", "Jaipur", "08", "302001",
        null, null, null, null, null, null, null, account?.KeyId, account?.KeySecret, account?.WebhookSecret);

    /// <summary>The studio takes payments online: its billing settings carry its Razorpay account (the same one every time, so the row that saves the settings keeps it).</summary>
    private static async Task<RazorpayStandInAccount> TakesPaymentsOnlineAsync(Studio studio, HttpClient admin)
    {
        var account = RazorpayAccounts.GetOrAdd(studio.Slug, _ => RazorpayStandIn.Instance.NewAccount("Shubh Vivah Planners LLP"));
        if (!(await admin.GetAsync<BillingSettingsResponse>("/api/v1/billing/settings")).RazorpayReady)
        {
            (await admin.PutJsonAsync("/api/v1/billing/settings", BillingSettingsOf(account), "*")).EnsureSuccessStatusCode();
        }
        return account;
    }

    /// <summary>Issues a draft (estimates need none of the studio's GST details).</summary>
    private static async Task<InvoiceResponse> IssueAsync(HttpClient admin, string invoiceUrl, long version)
    {
        using var issue = new HttpRequestMessage(HttpMethod.Post, $"{invoiceUrl}/issue");
        issue.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        return await (await admin.SendAsync(issue, Cancel)).ReadAsync<InvoiceResponse>();
    }

    /// <summary>Razorpay's signature of a payment link's callback: HMAC-SHA256, in hex, with the key secret.</summary>
    private static string RazorpaySignature(string keySecret, string data) => Convert.ToHexStringLower(
        System.Security.Cryptography.HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(keySecret), System.Text.Encoding.UTF8.GetBytes(data)));

    /// <summary>Fills in the records a route reaches that belong to the caller (or, for {message}, to the studio) by making one.</summary>
    private static async Task<string> WithCallersOwnAsync(string url, HttpClient admin, HttpClient caller, Guid callerId)
    {
        if (url.Contains("{message}", StringComparison.Ordinal))
        {
            var message = await (await admin.PostJsonAsync("/api/v1/messages", Announcement)).ReadAsync<MessageResponse>(HttpStatusCode.Created);
            url = url.Replace("{message}", message.Id.ToString(), StringComparison.Ordinal);
        }
        if (url.Contains("{notification}", StringComparison.Ordinal))
        {
            (await admin.PostJsonAsync("/api/v1/messages", Announcement with { Channel = MessageChannel.InApp, Recipient = callerId.ToString() })).EnsureSuccessStatusCode();
            url = url.Replace("{notification}", (await FirstNotificationAsync(caller)).Id.ToString(), StringComparison.Ordinal);
        }
        if (url.Contains("{feed}", StringComparison.Ordinal))
        {
            var feed = await (await caller.PostJsonAsync("/api/v1/calendar/feeds", PersonalFeed)).ReadAsync<CalendarFeedCreatedResponse>(HttpStatusCode.Created);
            url = url.Replace("{feed}", feed.Feed.Id.ToString(), StringComparison.Ordinal);
        }
        if (url.Contains("{report}", StringComparison.Ordinal))
        {
            var report = await (await caller.PostJsonAsync("/api/v1/reports", WeddingsList)).ReadAsync<ReportResponse>(HttpStatusCode.Accepted);
            url = url.Replace("{report}", report.Id.ToString(), StringComparison.Ordinal);
        }
        if (url.Contains("{push}", StringComparison.Ordinal))
        {
            var device = FakeProviders.Instance.NewPushSubscriber();
            (await caller.PostJsonAsync("/api/v1/push/subscriptions", PushRequest(device))).EnsureSuccessStatusCode();
            url = url.Replace("{push}", Uri.EscapeDataString(device.Endpoint), StringComparison.Ordinal);
        }
        return url;
    }

    /// <summary>The caller's newest notification, once the in-app message sent to them has been delivered by its job.</summary>
    private static async Task<NotificationResponse> FirstNotificationAsync(HttpClient caller)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            var inbox = await caller.GetAsync<PagedResponse<NotificationResponse>>("/api/v1/notifications");
            if (inbox.Items.Count > 0)
            {
                return inbox.Items[0];
            }
            Assert.True(DateTime.UtcNow < deadline, "The in-app message did not arrive within a minute.");
            await Task.Delay(200, Cancel);
        }
    }

    private static PushSubscriptionRequest PushRequest(PushSubscriber device) => new(device.Endpoint, new(device.P256dh, device.Auth));

    private static async Task<WeddingResponse> WeddingFromBuiltInAsync(HttpClient admin)
    {
        var builtIn = (await admin.GetAsync<PagedResponse<WeddingTemplateSummary>>("/api/v1/templates?q=south")).Items[0];
        return await (await admin.PostJsonAsync($"/api/v1/templates/{builtIn.Id}/weddings", new WeddingFromTemplateRequest(NewWedding, new DateOnly(2027, 11, 18), null)))
            .ReadAsync<WeddingResponse>(HttpStatusCode.Created);
    }

    private static MultipartFormDataContent Attachment() => new() { { new ByteArrayContent("Sangeet playlist\n"u8.ToArray()), "file", "playlist.txt" } };

    private static MultipartFormDataContent GuestList() => new() { { new ByteArrayContent("Name,Mobile\nAsha Rao,98765 43210\n"u8.ToArray()), "file", "guests.csv" } };

    /// <summary>
    /// Every write that carries a money field, by role: "✓" done as asked, "·" refused with 403 and nothing changed
    /// (the role sees money but may not change it), "=" accepted with the amount kept as it was (the role never sees
    /// money), "-" the route itself is refused. A money field of the model with no row here fails
    /// <see cref="Every_money_field_of_the_model_has_rows_in_the_money_matrix"/>.
    /// </summary>
    public static readonly IReadOnlyList<(string Field, string Write, string Expected)> MoneyMatrix =
    [
        ("Wedding.EstimatedBudgetPaise", "create with a budget", "A✓ P✓ C- L-"),
        ("Wedding.EstimatedBudgetPaise", "create from a template with a budget", "A✓ P✓ C- L-"),
        ("Wedding.EstimatedBudgetPaise", "change the budget", "A✓ P· C- L-"),
        ("Wedding.EstimatedBudgetPaise", "erase the budget", "A✓ P· C- L-"),
        ("Wedding.EstimatedBudgetPaise", "send the budget unchanged", "A✓ P✓ C- L-"),
        ("RoomBlock.RatePaise", "hold rooms with a rate", "A✓ P✓ C- L-"),
        ("RoomBlock.RatePaise", "change the rate", "A✓ P· C- L-"),
        ("RoomBlock.RatePaise", "erase the rate", "A✓ P· C- L-"),
        ("RoomBlock.RatePaise", "send the rate unchanged", "A✓ P✓ C- L-"),
        ("VendorBooking.Lines", "book a vendor with a quote", "A✓ P✓ C- L-"),
        ("VendorBooking.Lines", "change the quote", "A✓ P· C- L-"),
        ("VendorBooking.Lines", "send the quote unchanged", "A✓ P✓ C- L-"),
        ("VendorBooking.Schedule", "book a vendor with a schedule", "A✓ P✓ C- L-"),
        ("VendorBooking.Schedule", "change the schedule", "A✓ P· C- L-"),
        ("VendorBooking.Schedule", "send the schedule unchanged", "A✓ P✓ C- L-"),
        ("VendorPayment.AmountPaise", "record a payment", "A✓ P✓ C- L-"),
        ("VendorPayment.TdsPaise", "record a payment with TDS", "A✓ P✓ C- L-"),
        ("WeddingBudget.FeeFixedPaise", "set a fixed fee", "A✓ P✓ C- L-"),
        ("WeddingBudget.FeeFixedPaise", "change the fixed fee", "A✓ P· C- L-"),
        ("WeddingBudget.FeeBasisPoints", "set a percentage fee", "A✓ P✓ C- L-"),
        ("WeddingBudget.FeeBasisPoints", "change the percentage", "A✓ P· C- L-"),
        ("BudgetLine.AmountPaise", "add a line with an amount", "A✓ P✓ C- L-"),
        ("BudgetLine.AmountPaise", "change the amount", "A✓ P· C- L-"),
        ("BudgetLine.AmountPaise", "send the amount unchanged", "A✓ P✓ C- L-"),
        ("BudgetLine.PerGuestPaise", "add a per-guest line", "A✓ P✓ C- L-"),
        ("BudgetLine.PerGuestPaise", "change the amount per guest", "A✓ P· C- L-"),
        ("Invoice.Lines", "draft an estimate", "A✓ P✓ C- L-"),
        ("Invoice.Lines", "change a draft", "A✓ P✓ C- L-"),
        ("Invoice.TaxablePaise", "draft an estimate", "A✓ P✓ C- L-"),
        ("Invoice.TaxablePaise", "change a draft", "A✓ P✓ C- L-"),
        ("Invoice.CgstPaise", "draft an estimate", "A✓ P✓ C- L-"),
        ("Invoice.CgstPaise", "change a draft", "A✓ P✓ C- L-"),
        ("Invoice.SgstPaise", "draft an estimate", "A✓ P✓ C- L-"),
        ("Invoice.SgstPaise", "change a draft", "A✓ P✓ C- L-"),
        ("Invoice.IgstPaise", "draft an estimate to another state", "A✓ P✓ C- L-"),
        ("Invoice.IgstPaise", "change a draft", "A✓ P✓ C- L-"),
        ("Invoice.RoundOffPaise", "draft an estimate to another state", "A✓ P✓ C- L-"),
        ("Invoice.RoundOffPaise", "change a draft", "A✓ P✓ C- L-"),
        ("Invoice.TotalPaise", "draft an estimate", "A✓ P✓ C- L-"),
        ("Invoice.TotalPaise", "change a draft", "A✓ P✓ C- L-"),
        ("PaymentPlan.Schedule", "set a payment plan", "A✓ P✓ C- L-"),
        ("PaymentPlan.Schedule", "change the payment plan", "A✓ P· C- L-"),
        ("PaymentPlan.Schedule", "send the payment plan unchanged", "A✓ P✓ C- L-"),
        ("ClientPayment.AmountPaise", "record a payment from the couple", "A✓ P✓ C- L-"),
        ("ClientPayment.RefundedPaise", "refund a payment", "A✓ P- C- L-"),
        ("ClientRefund.AmountPaise", "refund a payment", "A✓ P- C- L-"),
        ("PayLink.AmountPaise", "ask for a pay link", "A✓ P✓ C- L-"),
        ("PayLink.AmountPaise", "the couple pays online", "A✓ P- C- L✓"),
        // Proposals: a package is the catalogue (its prices change with financial:edit); a proposal is a draft until accepted.
        ("ServicePackage.Lines", "add a package", "A✓ P✓ C- L-"),
        ("ServicePackage.Lines", "change a package's prices", "A✓ P· C- L-"),
        ("ServicePackage.Lines", "send a package unchanged", "A✓ P✓ C- L-"),
        ("Proposal.Lines", "draft a proposal", "A✓ P✓ C- L-"),
        ("Proposal.Lines", "change a proposal's prices", "A✓ P✓ C- L-"),
        ("Proposal.DiscountValue", "draft a proposal", "A✓ P✓ C- L-"),
        ("Proposal.DiscountValue", "change a proposal's discount", "A✓ P✓ C- L-"),
        ("ProposalVersion.Lines", "send a proposal", "A✓ P✓ C- L-"),
        ("ProposalVersion.DiscountValue", "send a proposal", "A✓ P✓ C- L-"),
        // Contracts with e-signature (Agreements): a draft's amounts need financial:create, a sent contract's financial:edit.
        ("Contract.FeePaise", "prepare a contract with a fee", "A✓ P✓ C- L-"),
        ("Contract.FeePaise", "change a draft's fee", "A✓ P✓ C- L-"),
        ("Contract.FeePaise", "change a sent contract's fee", "A✓ P· C- L-"),
        ("Contract.PaymentPlan", "prepare a contract with a plan", "A✓ P✓ C- L-"),
        ("Contract.PaymentPlan", "change a sent contract's plan", "A✓ P· C- L-"),
        ("Contract.PaymentPlan", "send the plan unchanged", "A✓ P✓ C- L-"),
        // Inventory: an item's replacement cost (what a lost or damaged piece is charged); the charges themselves are computed.
        ("StockItem.ReplacementCostPaise", "add a stock item with a cost", "A✓ P✓ C- L-"),
        ("StockItem.ReplacementCostPaise", "change the replacement cost", "A✓ P· C- L-"),
        ("StockItem.ReplacementCostPaise", "send the replacement cost unchanged", "A✓ P✓ C- L-"),
    ];

    [Fact]
    public async Task Money_fields_are_guarded_for_every_role_on_every_write_path()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var members = new Dictionary<char, HttpClient> { ['A'] = admin };
        foreach (var (key, role) in new[] { ('P', Role.Planner), ('C', Role.Coordinator), ('L', Role.Client) })
        {
            members[key] = (await studio.AddMemberAsync(role, admin)).Client;
        }
        var users = await admin.GetAsync<PagedResponse<UserResponse>>("/api/v1/users?pageSize=100");
        var team = users.Items.Where(u => u.Role is Role.Coordinator or Role.Client)
            .Select(u => new TeamAssignment(u.Id, u.Role == Role.Client ? TeamRole.Client : TeamRole.Coordinator)).ToList();
        var builtIn = (await admin.GetAsync<PagedResponse<WeddingTemplateSummary>>("/api/v1/templates?q=south")).Items[0];
        const long budget = 50_00_000_00;
        // The studio is in Rajasthan: an estimate to Rajasthan is CGST + SGST, one to Maharashtra IGST.
        (await admin.PutJsonAsync("/api/v1/billing/settings", BillingSettingsOf(null), "*")).EnsureSuccessStatusCode();

        foreach (var (field, write, expected) in InLane(MoneyMatrix, Lane, Lanes))
        {
            foreach (var cell in expected.Split(' '))
            {
                var who = cell[0];
                var outcome = cell[1];
                if (field.StartsWith("RoomBlock.", StringComparison.Ordinal))
                {
                    await RoomRateCellAsync(write, $"{who} {write} ({field})", outcome, members[who], admin, team);
                    continue;
                }
                if (field.StartsWith("PayLink.", StringComparison.Ordinal))
                {
                    await PayLinkCellAsync(write, $"{who} {write} ({field})", outcome, members[who], admin, team, await TakesPaymentsOnlineAsync(studio, admin));
                    continue;
                }
                if (field.Split('.')[0] is "ServicePackage" or "Proposal" or "ProposalVersion")
                {
                    await ProposalMoneyCellAsync(studio, write, $"{who} {write} ({field})", field, outcome, members[who], admin);
                    continue;
                }
                if (field.StartsWith("Contract.", StringComparison.Ordinal))
                {
                    await ContractMoneyCellAsync(studio, write, $"{who} {write} ({field})", field.Split('.')[1], outcome, members[who], admin);
                    continue;
                }
                if (field.StartsWith("StockItem.", StringComparison.Ordinal))
                {
                    await StockMoneyCellAsync(write, $"{who} {write} ({field})", outcome, members[who], admin);
                    continue;
                }
                if (field.Split('.')[0] is "Invoice" or "PaymentPlan" or "ClientPayment" or "ClientRefund")
                {
                    await BillingMoneyCellAsync(write, $"{who} {write} ({field})", field, outcome, members[who], admin, team);
                    continue;
                }
                if (!field.StartsWith("Wedding.", StringComparison.Ordinal))
                {
                    await VendorMoneyCellAsync(write, $"{who} {write} ({field})", field.Split('.')[1], outcome, members[who], admin, team);
                    continue;
                }
                var existing = await (await admin.PostJsonAsync("/api/v1/weddings", NewWedding with { EstimatedBudgetPaise = budget, Team = team }))
                    .ReadAsync<WeddingResponse>(HttpStatusCode.Created);
                (HttpResponseMessage response, long? asked, Guid? weddingId) = write switch
                {
                    "create with a budget" => (await members[who].PostJsonAsync("/api/v1/weddings", NewWedding with { EstimatedBudgetPaise = 7_00_000_00, Team = team }), (long?)7_00_000_00, (Guid?)null),
                    "create from a template with a budget" => (await members[who].PostJsonAsync($"/api/v1/templates/{builtIn.Id}/weddings",
                        new WeddingFromTemplateRequest(NewWedding with { EstimatedBudgetPaise = 7_00_000_00, Team = team }, new DateOnly(2027, 11, 18), null)), (long?)7_00_000_00, (Guid?)null),
                    "change the budget" => (await members[who].PutJsonAsync($"/api/v1/weddings/{existing.Id}", NewWedding with { EstimatedBudgetPaise = 999, Team = team }, "*"), (long?)999, (Guid?)existing.Id),
                    "erase the budget" => (await members[who].PutJsonAsync($"/api/v1/weddings/{existing.Id}", NewWedding with { EstimatedBudgetPaise = null, Team = team }, "*"), (long?)null, (Guid?)existing.Id),
                    "send the budget unchanged" => (await members[who].PutJsonAsync($"/api/v1/weddings/{existing.Id}", NewWedding with { Title = "Renamed", EstimatedBudgetPaise = budget, Team = team }, "*"), (long?)budget, (Guid?)existing.Id),
                    _ => throw new InvalidOperationException($"No write named '{write}'."),
                };
                var what = $"{who} {write} ({field})";
                switch (outcome)
                {
                    case '✓':
                        Assert.True(response.IsSuccessStatusCode, $"{what}: expected success, got {(int)response.StatusCode}");
                        var id = weddingId ?? (await response.ReadAsync<WeddingResponse>(HttpStatusCode.Created)).Id;
                        Assert.True(asked == (await admin.GetAsync<WeddingResponse>($"/api/v1/weddings/{id}")).EstimatedBudgetPaise, what);
                        break;
                    case '·':
                    case '-':
                        var problem = await response.ProblemAsync(HttpStatusCode.Forbidden);
                        if (outcome == '·')
                        {
                            Assert.Contains(char.ToLowerInvariant(field.Split('.')[1][0]) + field.Split('.')[1][1..], problem.Detail, StringComparison.Ordinal);
                        }
                        var after = await admin.GetAsync<WeddingResponse>($"/api/v1/weddings/{existing.Id}");
                        Assert.True((budget, existing.Version, existing.Title) == (after.EstimatedBudgetPaise, after.Version, after.Title), $"{what}: changed something");
                        break;
                    default:
                        throw new InvalidOperationException($"Unknown outcome '{outcome}' in {what}.");
                }
            }
        }
    }

    private static readonly StockItemRequest NewStockItem = new("Brass urli", StockCategory.Decor, "piece", 10, "Okhla godown", 2_500_00, 0, 0, null, null);

    /// <summary>One cell of a stock item's replacement cost: added, changed or sent back unchanged; read back by an admin.</summary>
    private static async Task StockMoneyCellAsync(string write, string what, char outcome, HttpClient caller, HttpClient admin)
    {
        var marker = Guid.NewGuid().ToString("N");
        var asked = NewStockItem with { Name = $"Urli {marker}" };
        var existing = write.StartsWith("add", StringComparison.Ordinal) ? null
            : await (await admin.PostJsonAsync("/api/v1/inventory/items", asked)).ReadAsync<StockItemResponse>(HttpStatusCode.Created);
        async Task<string> ReadAsync() => string.Join(";", (await admin.GetAsync<PagedResponse<StockItemResponse>>($"/api/v1/inventory/items?q={marker}")).Items
            .Select(i => $"{i.Name}:{i.ReplacementCostPaise}"));
        var before = await ReadAsync();
        var response = write switch
        {
            "add a stock item with a cost" => await caller.PostJsonAsync("/api/v1/inventory/items", asked with { ReplacementCostPaise = 9_999_00 }),
            "change the replacement cost" => await caller.PutJsonAsync($"/api/v1/inventory/items/{existing!.Id}", asked with { ReplacementCostPaise = 9_999_00 }, "*"),
            "send the replacement cost unchanged" => await caller.PutJsonAsync($"/api/v1/inventory/items/{existing!.Id}", asked with { Notes = "Polished" }, "*"),
            _ => throw new InvalidOperationException($"No write named '{write}'."),
        };
        var after = await ReadAsync();
        if (outcome == '✓')
        {
            Assert.True(response.IsSuccessStatusCode, $"{what}: expected success, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancel)}");
            Assert.True(write.Contains("unchanged", StringComparison.Ordinal) ? before == after : before != after, $"{what}: {before} → {after}");
            return;
        }
        var problem = await response.ProblemAsync(HttpStatusCode.Forbidden);
        if (outcome == '·')
        {
            Assert.Contains("replacementCostPaise", problem.Detail, StringComparison.Ordinal);
        }
        Assert.True(before == after, $"{what}: changed {before} → {after}");
    }

    /// <summary>One cell of a contract's money: prepared, changed as a draft, changed once sent, or sent back unchanged; read back by an admin.</summary>
    private async Task ContractMoneyCellAsync(Studio studio, string write, string what, string field, char outcome, HttpClient caller, HttpClient admin)
    {
        var lead = await ContractTests.SeedLeadAsync(Server, studio, "Aarav & Meera", $"couple-{Guid.NewGuid():N}@example.com", null);
        var root = $"/api/v1/leads/{lead}/contracts";
        var template = (await admin.GetAsync<List<ContractTemplateResponse>>("/api/v1/contract-templates")).First(t => t.BuiltIn).Id;
        InstalmentRequest Instalment(string label, long paise) => new(null, label, InstalmentKind.Advance, new DateOnly(2027, 5, 1), paise);
        var asked = new ContractRequest(template, null, null, 2_00_000_00, [Instalment("Advance", 2_00_000_00)], null, null);
        var existing = write.StartsWith("prepare", StringComparison.Ordinal) ? null
            : await (await admin.PostJsonAsync(root, asked)).ReadAsync<ContractResponse>(HttpStatusCode.Created);
        if (existing is not null && !write.Contains("draft", StringComparison.Ordinal))
        {
            (await admin.PostAsync($"{root}/{existing.Id}/send", null, Cancel)).EnsureSuccessStatusCode();
        }
        async Task<string> ReadAsync()
        {
            var contracts = await admin.GetAsync<List<ContractSummary>>(root);
            var read = new List<string>();
            foreach (var contract in contracts)
            {
                var full = await admin.GetAsync<ContractResponse>($"{root}/{contract.Id}");
                read.Add($"{full.FeePaise}:{string.Join(",", full.PaymentPlan.Select(i => i.AmountPaise))}");
            }
            return string.Join(";", read);
        }
        var before = await ReadAsync();
        var response = write switch
        {
            "prepare a contract with a fee" => await caller.PostJsonAsync(root, asked with { FeePaise = 3_00_000_00, PaymentPlan = null }),
            "prepare a contract with a plan" => await caller.PostJsonAsync(root, asked),
            "change a draft's fee" or "change a sent contract's fee" => await caller.PutJsonAsync($"{root}/{existing!.Id}",
                asked with { TemplateId = null, FeePaise = 3_00_000_00, PaymentPlan = [Instalment("Advance", 3_00_000_00)] }, "*"),
            "change a sent contract's plan" => await caller.PutJsonAsync($"{root}/{existing!.Id}",
                asked with { TemplateId = null, PaymentPlan = [Instalment("Advance", 1_00_000_00), Instalment("Balance", 1_00_000_00)] }, "*"),
            "send the plan unchanged" => await caller.PutJsonAsync($"{root}/{existing!.Id}", asked with { TemplateId = null, CancellationTerms = "No refunds." }, "*"),
            _ => throw new InvalidOperationException($"No write named '{write}'."),
        };
        var after = await ReadAsync();
        if (outcome == '✓')
        {
            Assert.True(response.IsSuccessStatusCode, $"{what}: expected success, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancel)}");
            Assert.True(write.Contains("unchanged", StringComparison.Ordinal) ? before == after : before != after, $"{what}: {before} → {after}");
            return;
        }
        var problem = await response.ProblemAsync(HttpStatusCode.Forbidden);
        if (outcome == '·')
        {
            Assert.Contains(char.ToLowerInvariant(field[0]) + field[1..], problem.Detail, StringComparison.Ordinal);
        }
        Assert.True(before == after, $"{what}: changed {before} → {after}");
    }

    /// <summary>
    /// One cell of a vendor booking's, payment's or budget's money: the write by the caller, then what an admin reads. Each
    /// write says what it asked (read back on success) and what the record was before (read back, unchanged, on refusal).
    /// </summary>
    private static async Task VendorMoneyCellAsync(string write, string what, string field, char outcome, HttpClient caller, HttpClient admin,
        IReadOnlyList<TeamAssignment> team)
    {
        var wedding = await (await admin.PostJsonAsync("/api/v1/weddings", NewWedding with { Team = team })).ReadAsync<WeddingResponse>(HttpStatusCode.Created);
        var @event = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/events", NewEvent)).ReadAsync<EventResponse>(HttpStatusCode.Created);
        var vendor = await (await admin.PostJsonAsync("/api/v1/vendors", NewVendor)).ReadAsync<VendorResponse>(HttpStatusCode.Created);
        var bookings = $"/api/v1/weddings/{wedding.Id}/bookings";
        var lines = $"/api/v1/weddings/{wedding.Id}/budget/lines";
        var booking = BookingOf(vendor.Id, @event.Id);
        var existing = await (await admin.PostJsonAsync(bookings, booking)).ReadAsync<BookingResponse>(HttpStatusCode.Created);
        var perGuest = new BudgetLineRequest("Caterer", "Dinner", null, @event.Id, 1_500_00, null, null);
        var line = await (await admin.PostJsonAsync(lines, NewBudgetLine)).ReadAsync<BudgetLineResponse>(HttpStatusCode.Created);
        var guestLine = await (await admin.PostJsonAsync(lines, perGuest)).ReadAsync<BudgetLineResponse>(HttpStatusCode.Created);
        var settings = $"/api/v1/weddings/{wedding.Id}/budget/settings";
        var fixedFee = new BudgetSettingsRequest(FeeModel.Fixed, 2_00_000_00, null, null);
        var percentFee = new BudgetSettingsRequest(FeeModel.PercentOfSpend, null, 1000, null);
        if (write.StartsWith("change the", StringComparison.Ordinal) && field.StartsWith("Fee", StringComparison.Ordinal))
        {
            (await admin.PutJsonAsync(settings, field == "FeeFixedPaise" ? fixedFee : percentFee, "*")).EnsureSuccessStatusCode();
        }
        var quote = new QuoteLineRequest("Live counters", 3, 20_000_00, null, 500);
        var instalment = new InstalmentRequest(null, "Balance", InstalmentKind.AfterEvent, new DateOnly(2027, 11, 25), 5_000_00);
        async Task<string> ReadAsync() => field switch
        {
            "Lines" or "Schedule" => System.Text.Json.JsonSerializer.Serialize((await admin.GetAsync<BookingListResponse>(bookings)).Items
                .Select(b => field == "Lines" ? (object)b.Lines!.Select(l => $"{l.Quantity}×{l.UnitPaise}@{l.GstRateBasisPoints}").ToList() : b.Schedule!.Select(s => s.AmountPaise).ToList())),
            "AmountPaise" or "TdsPaise" when write.StartsWith("record", StringComparison.Ordinal) => System.Text.Json.JsonSerializer.Serialize(
                (await admin.GetAsync<List<VendorPaymentResponse>>($"{bookings}/{existing.Id}/payments")).Select(p => $"{p.AmountPaise}+{p.TdsPaise}")),
            "FeeFixedPaise" or "FeeBasisPoints" => System.Text.Json.JsonSerializer.Serialize((await admin.GetAsync<BudgetResponse>($"/api/v1/weddings/{wedding.Id}/budget")).Settings),
            _ => System.Text.Json.JsonSerializer.Serialize((await admin.GetAsync<BudgetResponse>($"/api/v1/weddings/{wedding.Id}/budget")).Lines
                .Select(l => $"{l.AmountPaise}|{l.PerGuestPaise}")),
        };
        var before = await ReadAsync();
        var response = write switch
        {
            "book a vendor with a quote" => await caller.PostJsonAsync(bookings, booking with { Lines = [quote], Schedule = null }),
            "change the quote" => await caller.PutJsonAsync($"{bookings}/{existing.Id}", booking with { Lines = [quote] }, "*"),
            "send the quote unchanged" => await caller.PutJsonAsync($"{bookings}/{existing.Id}", booking with { Service = "Dinner and counters" }, "*"),
            "book a vendor with a schedule" => await caller.PostJsonAsync(bookings, booking with { Schedule = [instalment] }),
            "change the schedule" => await caller.PutJsonAsync($"{bookings}/{existing.Id}", booking with { Schedule = [instalment] }, "*"),
            "send the schedule unchanged" => await caller.PutJsonAsync($"{bookings}/{existing.Id}", booking with { Notes = "Veg only" }, "*"),
            "record a payment" => await caller.PostJsonAsync($"{bookings}/{existing.Id}/payments", NewPayment),
            "record a payment with TDS" => await caller.PostJsonAsync($"{bookings}/{existing.Id}/payments", NewPayment with { TdsPaise = 50_00 }),
            "set a fixed fee" or "change the fixed fee" => await caller.PutJsonAsync(settings, fixedFee with { FeeFixedPaise = 3_00_000_00 }, "*"),
            "set a percentage fee" or "change the percentage" => await caller.PutJsonAsync(settings, percentFee with { FeeBasisPoints = 1500 }, "*"),
            "add a line with an amount" => await caller.PostJsonAsync(lines, NewBudgetLine with { AmountPaise = 7_00_000_00 }),
            "change the amount" => await caller.PutJsonAsync($"{lines}/{line.Id}", NewBudgetLine with { AmountPaise = 999 }, "*"),
            "send the amount unchanged" => await caller.PutJsonAsync($"{lines}/{line.Id}", NewBudgetLine with { Description = "Mandap and stage" }, "*"),
            "add a per-guest line" => await caller.PostJsonAsync(lines, perGuest with { PerGuestPaise = 900_00 }),
            "change the amount per guest" => await caller.PutJsonAsync($"{lines}/{guestLine.Id}", perGuest with { PerGuestPaise = 999 }, "*"),
            _ => throw new InvalidOperationException($"No write named '{write}'."),
        };
        var after = await ReadAsync();
        if (outcome == '✓')
        {
            Assert.True(response.IsSuccessStatusCode, $"{what}: expected success, got {(int)response.StatusCode}");
            Assert.True(write.Contains("unchanged", StringComparison.Ordinal) ? before == after : before != after, $"{what}: {before} → {after}");
            return;
        }
        var problem = await response.ProblemAsync(HttpStatusCode.Forbidden);
        if (outcome == '·')
        {
            Assert.Contains(char.ToLowerInvariant(field[0]) + field[1..], problem.Detail, StringComparison.Ordinal);
        }
        Assert.True(before == after, $"{what}: changed {before} → {after}");
    }

    /// <summary>
    /// One cell of a package's or proposal's money: the catalogue's lines, a proposal's lines and discount (a draft until the
    /// couple accept it), the version frozen when it is sent. What an admin reads of the packages or the lead's proposals
    /// before and after tells whether the write was made.
    /// </summary>
    private static async Task ProposalMoneyCellAsync(Studio studio, string write, string what, string field, char outcome, HttpClient caller, HttpClient admin)
    {
        var lead = await ProposalSeeds.LeadAsync(studio);
        var root = $"/api/v1/leads/{lead}/proposals";
        var package = write.Contains("package", StringComparison.Ordinal) && write != "add a package"
            ? await (await admin.PostJsonAsync("/api/v1/packages", ProposalSeeds.NewPackage)).ReadAsync<PackageResponse>(HttpStatusCode.Created) : null;
        var proposal = write is "change a proposal's prices" or "change a proposal's discount" or "send a proposal"
            ? await (await admin.PostJsonAsync(root, ProposalSeeds.NewProposal())).ReadAsync<ProposalResponse>(HttpStatusCode.Created) : null;
        async Task<string> ReadAsync() => write.Contains("package", StringComparison.Ordinal)
            ? System.Text.Json.JsonSerializer.Serialize((await admin.GetAsync<List<PackageResponse>>("/api/v1/packages")).OrderBy(p => p.Id)
                .Select(p => string.Join(",", p.Lines.Select(l => $"{l.Quantity}×{l.UnitPaise}@{l.GstRateBasisPoints}"))))
            : System.Text.Json.JsonSerializer.Serialize((await admin.GetAsync<List<ProposalSummary>>(root)).Select(p => $"{p.TotalPaise}|{p.SentVersions}"));
        var before = await ReadAsync();
        var request = ProposalSeeds.NewProposal();
        var response = write switch
        {
            "add a package" => await caller.PostJsonAsync("/api/v1/packages", ProposalSeeds.NewPackage),
            "change a package's prices" => await caller.PutJsonAsync($"/api/v1/packages/{package!.Id}",
                ProposalSeeds.NewPackage with { Lines = [ProposalSeeds.NewPackage.Lines![0] with { UnitPaise = 99_999_00 }] }, "*"),
            "send a package unchanged" => await caller.PutJsonAsync($"/api/v1/packages/{package!.Id}", ProposalSeeds.NewPackage with { Name = "Renamed package" }, "*"),
            "draft a proposal" => await caller.PostJsonAsync(root, request),
            "change a proposal's prices" => await caller.PutJsonAsync($"{root}/{proposal!.Id}", request with { Lines = [request.Lines![0] with { UnitPaise = 4_44_444_00 }] }, "*"),
            "change a proposal's discount" => await caller.PutJsonAsync($"{root}/{proposal!.Id}", request with { DiscountValue = 500 }, "*"),
            "send a proposal" => await caller.PostJsonAsync($"{root}/{proposal!.Id}/send", new SendProposalRequest(null)),
            _ => throw new InvalidOperationException($"No write named '{write}'."),
        };
        var after = await ReadAsync();
        if (outcome == '✓')
        {
            Assert.True(response.IsSuccessStatusCode, $"{what}: expected success, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancel)}");
            Assert.True(write.Contains("unchanged", StringComparison.Ordinal) ? before == after : before != after, $"{what}: {before} → {after}");
            return;
        }
        var problem = await response.ProblemAsync(HttpStatusCode.Forbidden);
        if (outcome == '·')
        {
            var name = field.Split('.')[1];
            Assert.Contains(char.ToLowerInvariant(name[0]) + name[1..], problem.Detail, StringComparison.Ordinal);
        }
        Assert.True(before == after, $"{what}: changed {before} → {after}");
    }

    /// <summary>
    /// One cell of the couple's billing money: an estimate drafted or a draft changed (financial:create while it is a draft), the
    /// payment plan set or changed, a payment from the couple recorded or refunded. What an admin reads of the wedding's
    /// invoices, plan or payments before and after tells whether the write was made.
    /// </summary>
    private static async Task BillingMoneyCellAsync(string write, string what, string field, char outcome, HttpClient caller, HttpClient admin,
        IReadOnlyList<TeamAssignment> team)
    {
        var wedding = await (await admin.PostJsonAsync("/api/v1/weddings", NewWedding with { Team = team })).ReadAsync<WeddingResponse>(HttpStatusCode.Created);
        var root = $"/api/v1/weddings/{wedding.Id}";
        // To Maharashtra from a studio in Rajasthan: IGST instead of CGST + SGST, and paise to round off.
        var interstate = NewEstimate with
        {
            Recipient = NewEstimate.Recipient! with { City = "Pune", StateCode = "27" },
            Lines = [new InvoiceLineRequest("Wedding planning and coordination", null, 1, 99_999_99, 1800)],
        };
        var draft = write == "change a draft" ? await (await admin.PostJsonAsync($"{root}/invoices", NewEstimate)).ReadAsync<InvoiceResponse>(HttpStatusCode.Created) : null;
        if (write is "change the payment plan" or "send the payment plan unchanged")
        {
            (await admin.PutJsonAsync($"{root}/payment-plan", NewPlan, "\"0\"")).EnsureSuccessStatusCode();
        }
        var received = write == "refund a payment"
            ? await (await admin.PostJsonAsync($"{root}/payments", NewClientPayment)).ReadAsync<ClientPaymentResponse>(HttpStatusCode.Created)
            : null;
        async Task<string> ReadAsync() => field.Split('.')[0] switch
        {
            "Invoice" => System.Text.Json.JsonSerializer.Serialize((await admin.GetAsync<InvoiceListResponse>($"{root}/invoices")).Items.Select(i => field.Split('.')[1] switch
            {
                "Lines" => string.Join(",", i.Lines.Select(l => $"{l.Quantity}×{l.UnitPaise}@{l.GstRateBasisPoints}")),
                "TaxablePaise" => i.TaxablePaise.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "CgstPaise" => i.CgstPaise.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "SgstPaise" => i.SgstPaise.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "IgstPaise" => i.IgstPaise.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "RoundOffPaise" => i.RoundOffPaise.ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => i.TotalPaise.ToString(System.Globalization.CultureInfo.InvariantCulture),
            })),
            "PaymentPlan" => System.Text.Json.JsonSerializer.Serialize((await admin.GetAsync<PaymentPlanResponse>($"{root}/payment-plan")).Instalments
                .Select(i => $"{i.Instalment.Label} {i.Instalment.AmountPaise}")),
            _ => System.Text.Json.JsonSerializer.Serialize((await admin.GetAsync<ClientPaymentListResponse>($"{root}/payments")).Items
                .Select(p => $"{p.AmountPaise}-{p.RefundedPaise}: {string.Join(",", p.Refunds.Select(r => r.AmountPaise))}")),
        };
        var before = await ReadAsync();
        var response = write switch
        {
            "draft an estimate" => await caller.PostJsonAsync($"{root}/invoices", NewEstimate),
            "draft an estimate to another state" => await caller.PostJsonAsync($"{root}/invoices", interstate),
            "change a draft" => await caller.PutJsonAsync($"{root}/invoices/{draft!.Id}", interstate, "*"),
            "set a payment plan" => await caller.PutJsonAsync($"{root}/payment-plan", NewPlan, "*"),
            "change the payment plan" => await caller.PutJsonAsync($"{root}/payment-plan",
                new PaymentPlanRequest([NewPlan.Instalments![0] with { AmountPaise = 1_50_000_00 }]), "*"),
            "send the payment plan unchanged" => await caller.PutJsonAsync($"{root}/payment-plan", NewPlan, "*"),
            "record a payment from the couple" => await caller.PostJsonAsync($"{root}/payments", NewClientPayment),
            "refund a payment" => await caller.PostJsonAsync($"{root}/payments/{received!.Id}/refunds", new RefundRequest(20_000_00, "Paid twice by mistake")),
            _ => throw new InvalidOperationException($"No write named '{write}'."),
        };
        var after = await ReadAsync();
        if (outcome == '✓')
        {
            Assert.True(response.IsSuccessStatusCode, $"{what}: expected success, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancel)}");
            Assert.True(write.Contains("unchanged", StringComparison.Ordinal) ? before == after : before != after, $"{what}: {before} → {after}");
            return;
        }
        var problem = await response.ProblemAsync(HttpStatusCode.Forbidden);
        if (outcome == '·')
        {
            var name = field.Split('.')[1];
            Assert.Contains(char.ToLowerInvariant(name[0]) + name[1..], problem.Detail, StringComparison.Ordinal);
        }
        Assert.True(before == after, $"{what}: changed {before} → {after}");
    }

    /// <summary>
    /// One cell of a pay link's amount: what is unpaid of the instalment, worked out by the server, never sent. A link kept with
    /// its amount is given again to whoever asks next (an admin, here); a refused request asked Razorpay for nothing.
    /// </summary>
    private static async Task PayLinkCellAsync(string write, string what, char outcome, HttpClient caller, HttpClient admin, IReadOnlyList<TeamAssignment> team,
        RazorpayStandInAccount account)
    {
        var wedding = await (await admin.PostJsonAsync("/api/v1/weddings", NewWedding with { Team = team })).ReadAsync<WeddingResponse>(HttpStatusCode.Created);
        var root = $"/api/v1/weddings/{wedding.Id}";
        var plan = await (await admin.PutJsonAsync($"{root}/payment-plan", NewPlan, "\"0\"")).ReadAsync<PaymentPlanResponse>();
        var instalment = plan.Instalments[0].Instalment;
        int LinksMade() => account.Requests.Count(r => r.Method == "POST" && r.Path == "/v1/payment_links");
        var before = LinksMade();
        var response = write switch
        {
            "ask for a pay link" => await caller.PostAsync($"{root}/payment-plan/instalments/{instalment.Id}/pay-link", null, Cancel),
            "the couple pays online" => await caller.PostAsync($"{root}/billing/instalments/{instalment.Id}/pay", null, Cancel),
            _ => throw new InvalidOperationException($"No write named '{write}'."),
        };
        if (outcome == '✓')
        {
            var link = await response.ReadAsync<PayLinkResponse>();
            Assert.True(link.AmountPaise == instalment.AmountPaise, $"{what}: a link for {link.AmountPaise}, not {instalment.AmountPaise}");
            var again = await (await admin.PostAsync($"{root}/payment-plan/instalments/{instalment.Id}/pay-link", null, Cancel)).ReadAsync<PayLinkResponse>();
            Assert.True(link.LinkId == again.LinkId, $"{what}: the link was not kept with its amount: {link.LinkId}, then a new one {again.LinkId}");
            return;
        }
        await response.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.True(before == LinksMade(), $"{what}: refused, yet Razorpay was asked for a link");
    }

    /// <summary>One cell of a room block's rate: the write by the caller, then what an admin reads of the block.</summary>
    private static async Task RoomRateCellAsync(string write, string what, char outcome, HttpClient caller, HttpClient admin, IReadOnlyList<TeamAssignment> team)
    {
        const long rate = 12_500_00;
        var wedding = await (await admin.PostJsonAsync("/api/v1/weddings", NewWedding with { Team = team })).ReadAsync<WeddingResponse>(HttpStatusCode.Created);
        var hotel = await (await admin.PostJsonAsync("/api/v1/venues", NewVenue)).ReadAsync<VenueResponse>(HttpStatusCode.Created);
        var blocks = $"/api/v1/weddings/{wedding.Id}/room-blocks";
        var block = new RoomBlockRequest(hotel.Id, "Deluxe double", 5, new DateOnly(2027, 11, 17), new DateOnly(2027, 11, 20), rate, RoomPayer.Family, null);
        var existing = await (await admin.PostJsonAsync(blocks, block)).ReadAsync<RoomBlockResponse>(HttpStatusCode.Created);
        (HttpResponseMessage response, long? asked, Guid? blockId) = write switch
        {
            "hold rooms with a rate" => (await caller.PostJsonAsync(blocks, block with { RatePaise = 9_000_00 }), (long?)9_000_00, (Guid?)null),
            "change the rate" => (await caller.PutJsonAsync($"{blocks}/{existing.Id}", block with { RatePaise = 999 }, "*"), (long?)999, (Guid?)existing.Id),
            "erase the rate" => (await caller.PutJsonAsync($"{blocks}/{existing.Id}", block with { RatePaise = null }, "*"), (long?)null, (Guid?)existing.Id),
            "send the rate unchanged" => (await caller.PutJsonAsync($"{blocks}/{existing.Id}", block with { RoomType = "Suite" }, "*"), (long?)rate, (Guid?)existing.Id),
            _ => throw new InvalidOperationException($"No write named '{write}'."),
        };
        if (outcome == '✓')
        {
            Assert.True(response.IsSuccessStatusCode, $"{what}: expected success, got {(int)response.StatusCode}");
            var id = blockId ?? (await response.ReadAsync<RoomBlockResponse>(HttpStatusCode.Created)).Id;
            Assert.True(asked == (await admin.GetAsync<RoomBlockResponse>($"{blocks}/{id}")).RatePaise, what);
            return;
        }
        var problem = await response.ProblemAsync(HttpStatusCode.Forbidden);
        if (outcome == '·')
        {
            Assert.Contains("ratePaise", problem.Detail, StringComparison.Ordinal);
        }
        var after = await admin.GetAsync<RoomBlockResponse>($"{blocks}/{existing.Id}");
        Assert.True((rate, existing.Version, existing.RoomType) == (after.RatePaise, after.Version, after.RoomType), $"{what}: changed something");
        Assert.Single((await admin.GetAsync<PagedResponse<RoomBlockResponse>>(blocks)).Items);
    }
}

/// <summary>The first lane of the matrices, and the tests of access that are not rows of them (once per provider).</summary>
public abstract class AccessTestsFirstLane(TestServer server, SharedStudio shared, int lanes) : AccessTests(server, shared, 0, lanes)
{
    /// <summary>
    /// The lane classes of this provider run, together, every row of <see cref="Matrix"/> exactly once (each runs the rows it names,
    /// and each row checks that it is its class's), and the lanes of <see cref="MoneyMatrix"/> hold every row of it exactly once.
    /// </summary>
    [Fact]
    public void The_lanes_run_every_row_of_the_matrices_exactly_once()
    {
        var classes = typeof(AccessTests).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(AccessTests)) && !t.IsAbstract && t.GetConstructors().Single().GetParameters()[0].ParameterType == Server.GetType())
            .ToList();
        Assert.True(classes.Count == Lanes, $"{Lanes} lanes on {Server.Provider}, yet {classes.Count} classes: {string.Join(", ", classes.Select(t => t.Name))}");
        var run = new List<(string, string, string)>();
        foreach (var type in classes)
        {
            var own = type.GetProperty(nameof(LaneMatrix), System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.DeclaredOnly);
            Assert.True(own is not null, $"{type.Name} names no rows of its own: it needs its own {nameof(LaneMatrix)}.");
            var rows = Rows((TheoryData<string, string, string>)own.GetValue(null)!);
            Assert.True(rows.Count > 0, $"{type.Name} runs no rows of the matrix.");
            run.AddRange(rows);
        }
        Assert.Equal(Rows(Matrix).Order(), run.Order());
        Assert.Equal(MoneyMatrix.Order(), Enumerable.Range(0, Lanes).SelectMany(l => InLane(MoneyMatrix, l, Lanes)).Order());
    }

    /// <summary>
    /// Every route under /api/v1 the server maps, tenant and platform API alike, has a row in <see cref="Matrix"/> (a signed-in
    /// route, tested for every role) or in <see cref="AnonymousRoutes"/> (and then asks for no sign-in); no row names a route
    /// that is not there.
    /// </summary>
    [Fact]
    public void Every_api_route_is_in_the_access_matrix()
    {
        var routes = Server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } path && path.StartsWith("/api/v1/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(method =>
                (Route: $"{method} {e.RoutePattern.RawText!.TrimEnd('/')}", SignedIn: e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0)))
            .ToList();
        var signedInRows = Matrix.Select(row => (string)((ITheoryDataRow)row).GetData()[0]!).ToList();
        var anonymousRows = AnonymousRoutes.Select(row => row.Route).ToList();

        var missing = routes.Where(r => !signedInRows.Concat(anonymousRows).Any(row => RowIsFor(row, r.Route))).Select(r => r.Route).ToList();
        Assert.True(missing.Count == 0, $"Routes with no row in AccessTests.Matrix (or AnonymousRoutes):\n{string.Join("\n", missing.Order())}");
        var stale = signedInRows.Concat(anonymousRows).Where(row => !routes.Any(r => RowIsFor(row, r.Route))).ToList();
        Assert.True(stale.Count == 0, $"Rows for no route of the server:\n{string.Join("\n", stale)}");
        Assert.Empty(routes.Where(r => anonymousRows.Any(row => RowIsFor(row, r.Route)) == r.SignedIn)
            .Select(r => $"{r.Route} is {(r.SignedIn ? "signed-in only, yet in AnonymousRoutes" : "open to anyone, yet in the role matrix")}"));
    }

    /// <summary>
    /// Whether a row ("PUT /api/v1/weddings/{wedding}", "GET /api/v1/files?ownerType=…") is for a route ("PUT /api/v1/weddings/{id:guid}"):
    /// a placeholder of the row stands for a parameter of the route, a concrete value of the row may fill one.
    /// </summary>
    private static bool RowIsFor(string row, string route)
    {
        var rowParts = row.Split('?')[0].TrimEnd('/').Split(' ', '/');
        var routeParts = route.Split(' ', '/');
        return rowParts.Length == routeParts.Length && rowParts.Zip(routeParts).All(pair => pair.First == pair.Second || pair.Second.StartsWith('{'));
    }

    [Fact]
    public void Every_money_field_of_the_model_has_rows_in_the_money_matrix()
    {
        using var scope = Server.Factory.Services.CreateScope();
        var databases = scope.ServiceProvider.GetRequiredService<WedTech.Server.Platform.Persistence.IDatabaseProvider>();
        using var db = databases.CreateTenantContext("model_only");
        var properties = db.Model.GetEntityTypes().SelectMany(e => e.GetProperties().Select(p => (Entity: e.ClrType.Name, Property: p))).ToList();
        var money = properties.Where(p => WedTech.Server.Platform.Persistence.MoneyGuard.IsMoney(p.Property)).Select(p => $"{p.Entity}.{p.Property.Name}").ToList();

        // Amounts are named in paise; every such property must be declared money, so that the guard sees it.
        // (or declared computed by the server from guarded money, which no request carries).
        Assert.Empty(properties.Where(p => p.Property.Name.EndsWith("Paise", StringComparison.Ordinal) && !WedTech.Server.Platform.Persistence.MoneyGuard.IsMoney(p.Property)
                && p.Property.PropertyInfo?.IsDefined(typeof(WedTech.Server.Platform.Persistence.ComputedMoneyAttribute), false) != true)
            .Select(p => $"{p.Entity}.{p.Property.Name}"));
        Assert.NotEmpty(money);
        Assert.Empty(money.Except(MoneyMatrix.Select(row => row.Field)));
    }

    [Fact]
    public async Task Coordinators_see_only_assigned_weddings_clients_only_their_own_and_neither_sees_money()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var coordinator = await studio.AddMemberAsync(Role.Coordinator, admin);
        var client = await studio.AddMemberAsync(Role.Client, admin);
        var planner = await studio.AddMemberAsync(Role.Planner, admin);

        var theirs = await (await admin.PostJsonAsync("/api/v1/weddings", NewWedding with { Title = "Assigned", Team = [new(coordinator.Id, TeamRole.Coordinator), new(client.Id, TeamRole.Client)] }))
            .ReadAsync<WeddingResponse>(HttpStatusCode.Created);
        var coordinatorOnly = await (await admin.PostJsonAsync("/api/v1/weddings", NewWedding with { Title = "Coordinated", Team = [new(coordinator.Id, TeamRole.Coordinator)] }))
            .ReadAsync<WeddingResponse>(HttpStatusCode.Created);
        var nobodys = await (await admin.PostJsonAsync("/api/v1/weddings", NewWedding with { Title = "Unassigned" })).ReadAsync<WeddingResponse>(HttpStatusCode.Created);

        var coordinatorList = await coordinator.Client.GetAsync<PagedResponse<WeddingSummaryResponse>>("/api/v1/weddings");
        Assert.Equal(["Assigned", "Coordinated"], coordinatorList.Items.Select(w => w.Title).Order());
        var clientList = await client.Client.GetAsync<PagedResponse<WeddingSummaryResponse>>("/api/v1/weddings");
        Assert.Equal("Assigned", Assert.Single(clientList.Items).Title);
        var plannerList = await planner.Client.GetAsync<PagedResponse<WeddingSummaryResponse>>("/api/v1/weddings");
        Assert.Equal(3, plannerList.TotalCount);

        await (await coordinator.Client.GetAsync($"/api/v1/weddings/{nobodys.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.Client.GetAsync($"/api/v1/weddings/{coordinatorOnly.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Null((await coordinator.Client.GetAsync<WeddingResponse>($"/api/v1/weddings/{theirs.Id}")).EstimatedBudgetPaise);
        Assert.Null((await client.Client.GetAsync<WeddingResponse>($"/api/v1/weddings/{theirs.Id}")).EstimatedBudgetPaise);
        Assert.Equal(50_00_000_00, (await planner.Client.GetAsync<WeddingResponse>($"/api/v1/weddings/{theirs.Id}")).EstimatedBudgetPaise);
    }

    [Fact]
    public async Task A_role_change_applies_to_the_next_request_and_disabling_ends_every_session()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var planner = await studio.AddMemberAsync(Role.Planner, admin);
        (await planner.Client.PostJsonAsync("/api/v1/weddings", NewWedding)).EnsureSuccessStatusCode();

        (await admin.PutJsonAsync($"/api/v1/users/{planner.Id}/role", new ChangeRoleRequest(Role.Coordinator))).EnsureSuccessStatusCode();
        await (await planner.Client.PostJsonAsync("/api/v1/weddings", NewWedding)).ProblemAsync(HttpStatusCode.Forbidden);

        (await admin.PostAsync($"/api/v1/users/{planner.Id}/disable", null, Cancel)).EnsureSuccessStatusCode();
        await (await planner.Client.GetAsync("/api/v1/me", Cancel)).ProblemAsync(HttpStatusCode.Unauthorized);
        using var anonymous = studio.Anonymous();
        await (await anonymous.PostJsonAsync("/api/v1/auth/refresh", new RefreshRequest(planner.Tokens.RefreshToken))).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.PostJsonAsync("/api/v1/auth/login", new LoginRequest(planner.Email, Studio.Password))).ProblemAsync(HttpStatusCode.Unauthorized);

        (await admin.PostAsync($"/api/v1/users/{planner.Id}/enable", null, Cancel)).EnsureSuccessStatusCode();
        await studio.LoginAsync(planner.Email);
    }

    [Fact]
    public async Task Two_admins_demoting_each_other_at_once_leave_the_studio_an_admin()
    {
        var studio = await NewStudioAsync();
        using var first = await studio.AdminAsync();
        var firstId = (await first.GetAsync<MeResponse>("/api/v1/me")).Id;
        var second = await studio.AddMemberAsync(Role.Admin, first);
        for (var round = 0; round < 6; round++)
        {
            var responses = await Task.WhenAll(
                first.PutJsonAsync($"/api/v1/users/{second.Id}/role", new ChangeRoleRequest(Role.Planner)),
                second.Client.PutJsonAsync($"/api/v1/users/{firstId}/role", new ChangeRoleRequest(Role.Planner)));
            var codes = responses.Select(r => r.StatusCode).ToList();
            Assert.Single(codes, HttpStatusCode.OK);
            Assert.All(codes.Where(c => c != HttpStatusCode.OK), c => Assert.Contains(c, new[] { HttpStatusCode.Conflict, HttpStatusCode.Forbidden }));

            // Exactly one admin is left; that one makes the other an admin again for the next round.
            var survivor = codes[0] == HttpStatusCode.OK ? first : second.Client;
            var users = await survivor.GetAsync<PagedResponse<UserResponse>>("/api/v1/users");
            var admins = users.Items.Where(u => u.Role == Role.Admin && u.Status == UserStatus.Active).ToList();
            var admin = Assert.Single(admins);
            var demoted = admin.Id == firstId ? second.Id : firstId;
            (await survivor.PutJsonAsync($"/api/v1/users/{demoted}/role", new ChangeRoleRequest(Role.Admin))).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task The_last_admin_cannot_be_demoted_or_disabled()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var me = await admin.GetAsync<MeResponse>("/api/v1/me");
        await (await admin.PutJsonAsync($"/api/v1/users/{me.Id}/role", new ChangeRoleRequest(Role.Planner))).ProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PostAsync($"/api/v1/users/{me.Id}/disable", null, Cancel)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(Role.Admin, (await admin.GetAsync<MeResponse>("/api/v1/me")).Role);
    }
}

public sealed class AccessTestsOnSqlite(SqliteServer server, SharedStudio shared) : AccessTestsFirstLane(server, shared, SqliteLanes)
{
    public static new TheoryData<string, string, string> LaneMatrix => MatrixLane(0, SqliteLanes);
}

public sealed class AccessTestsOnSqliteLane2(SqliteServer server, SharedStudio shared) : AccessTests(server, shared, 1, SqliteLanes)
{
    public static new TheoryData<string, string, string> LaneMatrix => MatrixLane(1, SqliteLanes);
}

[Collection("Access on PostgreSQL, lane 1")]
public sealed class AccessTestsOnPostgres(PostgresServer server, SharedStudio shared) : AccessTestsFirstLane(server, shared, PostgresLanes)
{
    public static new TheoryData<string, string, string> LaneMatrix => MatrixLane(0, PostgresLanes);
}

[Collection("Access on PostgreSQL, lane 2")]
public sealed class AccessTestsOnPostgresLane2(PostgresServer server, SharedStudio shared) : AccessTests(server, shared, 1, PostgresLanes)
{
    public static new TheoryData<string, string, string> LaneMatrix => MatrixLane(1, PostgresLanes);
}

[Collection("Access on PostgreSQL, lane 3")]
public sealed class AccessTestsOnPostgresLane3(PostgresServer server, SharedStudio shared) : AccessTests(server, shared, 2, PostgresLanes)
{
    public static new TheoryData<string, string, string> LaneMatrix => MatrixLane(2, PostgresLanes);
}
