using System.Net;
using Microsoft.EntityFrameworkCore;
using WedTech.Contracts;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Tenancy.Settings;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

/// <summary>
/// The write path every module shares: field errors of a request all named at once, versions, times and audit entries
/// made at save, and what is sent after a write (cache drops, realtime messages) sent only once it is committed.
/// </summary>
public abstract class WritePathTests(TestServer server) : ProviderTests(server)
{
    private static WeddingRequest NewWedding(string title, IReadOnlyList<TeamAssignment>? team = null, long? budget = null) =>
        new(title, "Isha", "Arjun", new DateOnly(2027, 2, 13), "Jaipur", WeddingStatus.Booked, budget, 200, null, team);

    private static EventRequest NewEvent(string name, DateTime start, DateTime end, Guid? venueId = null, IReadOnlyList<TeamAssignment>? team = null) =>
        new(EventType.Sangeet, name, start, end, null, venueId, null, 150, null, EventStatus.Planned, team);

    private static VenueRequest NewVenue(string city) => new("Rambagh Palace", null, city, "08", null, null, 500, null, null, null);

    private static async Task<IReadOnlyList<AuditEntryResponse>> AuditOfAsync(HttpClient admin, Guid entityId) =>
        (await admin.GetAsync<PagedResponse<AuditEntryResponse>>($"/api/v1/audit?entityId={entityId}&pageSize=100")).Items;

    private static Task<HttpResponseMessage> ShiftAsync(HttpClient client, Guid eventId, RunOfShowShiftRequest shift, string ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/events/{eventId}/run-of-show/shift") { Content = System.Net.Http.Json.JsonContent.Create(shift, options: Api.Json) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request, Cancel);
    }

    private static async Task<IReadOnlyCollection<string>> FieldErrorsAsync(Task<HttpResponseMessage> request) =>
        (await (await request).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task Every_field_at_fault_in_a_write_is_named_in_one_answer_and_nothing_is_saved()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var wedding = await admin.CreateWeddingAsync("Kept as it is");
        var nobody = new TeamAssignment(Guid.NewGuid(), TeamRole.Planner);

        var badWedding = NewWedding("Bad", [nobody]) with { PrimaryDate = new DateOnly(1999, 1, 1) };
        Assert.Equal(["primaryDate", "team[0].userId"], await FieldErrorsAsync(admin.PostJsonAsync("/api/v1/weddings", badWedding)));
        Assert.Equal(["primaryDate", "team[0].userId"], await FieldErrorsAsync(admin.PutJsonAsync($"/api/v1/weddings/{wedding.Id}", badWedding, "\"1\"")));

        var start = new DateTime(2027, 2, 13, 19, 0, 0);
        var badEvent = NewEvent("Backwards", start, start.AddHours(-1), venueId: Guid.NewGuid(), team: [nobody]);
        Assert.Equal(["end", "team[0].userId", "venueId"], await FieldErrorsAsync(admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/events", badEvent)));
        var sangeet = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/events", NewEvent("Sangeet", start, start.AddHours(4))))
            .ReadAsync<EventResponse>(HttpStatusCode.Created);
        Assert.Equal(["end", "team[0].userId", "venueId"], await FieldErrorsAsync(admin.PutJsonAsync($"/api/v1/events/{sangeet.Id}", badEvent, "\"1\"")));

        var badItem = new RunOfShowItemRequest(start.AddDays(5), 30, "Far away", Guid.NewGuid(), "Also a vendor", null, null, null, null, null);
        Assert.Equal(["ownerName", "ownerUserId", "start"], await FieldErrorsAsync(admin.PostJsonAsync($"/api/v1/events/{sangeet.Id}/run-of-show", badItem)));
        Assert.Equal(["fromItemId", "minutes"], await FieldErrorsAsync(ShiftAsync(admin, sangeet.Id, new RunOfShowShiftRequest(Guid.NewGuid(), 0), "\"1\"")));

        var badVenue = new VenueRequest("Nowhere", null, "Jaipur", "99", null, "ftp://maps", null, [new VenueContact("Manager", null, "12", "not-an-address")], null, null);
        Assert.Equal(["contacts[0].email", "contacts[0].phone", "mapUrl", "stateCode"], await FieldErrorsAsync(admin.PostJsonAsync("/api/v1/venues", badVenue)));

        var template = (await admin.GetAsync<PagedResponse<WeddingTemplateSummary>>("/api/v1/templates")).Items[0];
        Assert.Equal(["firstDay", "timeZone"], await FieldErrorsAsync(admin.PostJsonAsync($"/api/v1/templates/{template.Id}/weddings",
            new WeddingFromTemplateRequest(NewWedding("From a template"), new DateOnly(1999, 1, 1), "Mars/Olympus"))));

        Assert.Equal(["key", "language", "providerParameters", "providerTemplate"], await FieldErrorsAsync(admin.PutJsonAsync(
            "/api/v1/messaging/templates/Bad_Key/whats-app/xx", new MessageTemplateRequest(null, "Namaste", null, ["1st"]), "\"0\"")));
        Assert.Equal(["gstin", "timeZone"], await FieldErrorsAsync(admin.PutJsonAsync("/api/v1/settings",
            new UpdateTenantSettingsRequest("Rang Studio", "Mars/Olympus", "27AAPFU0939F1ZW"), "*")));
        Assert.Equal(["eventId", "format"], await FieldErrorsAsync(admin.PostJsonAsync("/api/v1/reports", new ReportRequest(ReportKind.RunSheet, ReportFormat.Xlsx, null))));

        Assert.Equal(1, (await admin.GetAsync<PagedResponse<WeddingSummaryResponse>>("/api/v1/weddings")).TotalCount);
        Assert.Equal(1, (await admin.GetAsync<WeddingResponse>($"/api/v1/weddings/{wedding.Id}")).Version);
        var events = (await admin.GetAsync<WeddingScheduleResponse>($"/api/v1/weddings/{wedding.Id}/schedule")).Events;
        Assert.Equal([(sangeet.Id, 1L, 0)], events.Select(e => (e.Id, e.Version, e.RunOfShow.Count)));
        Assert.Equal(0, (await admin.GetAsync<PagedResponse<VenueResponse>>("/api/v1/venues")).TotalCount);
        Assert.Equal(1, (await admin.GetAsync<TenantSettingsResponse>("/api/v1/settings")).Version);
        Assert.Equal(0, (await admin.GetAsync<PagedResponse<ReportResponse>>("/api/v1/reports")).TotalCount);
        Assert.DoesNotContain((await admin.GetAsync<PagedResponse<AuditEntryResponse>>("/api/v1/audit?pageSize=100")).Items,
            e => e.Action.EndsWith(".updated", StringComparison.Ordinal) || e.Action.StartsWith("message-template", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_update_through_each_module_gets_its_next_version_its_time_and_an_audit_entry_naming_what_changed()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var planner = await studio.AddMemberAsync(Role.Planner, admin);

        var created = await (await admin.PostJsonAsync("/api/v1/weddings", NewWedding("Isha & Arjun"))).ReadAsync<WeddingResponse>(HttpStatusCode.Created);
        var wedding = await admin.GetAsync<WeddingResponse>($"/api/v1/weddings/{created.Id}");
        Assert.Equal((1L, wedding.CreatedAt), (wedding.Version, wedding.UpdatedAt));
        // The same values again change nothing: no new version, no entry.
        var unchanged = await (await admin.PutJsonAsync($"/api/v1/weddings/{wedding.Id}", NewWedding("Isha & Arjun"), "\"1\"")).ReadAsync<WeddingResponse>();
        Assert.Equal((1L, wedding.UpdatedAt), (unchanged.Version, unchanged.UpdatedAt));
        var updated = await (await admin.PutJsonAsync($"/api/v1/weddings/{wedding.Id}", NewWedding("Isha weds Arjun", [new(planner.Id, TeamRole.Planner)]), "\"1\""))
            .ReadAsync<WeddingResponse>();
        Assert.Equal((2L, wedding.CreatedAt), (updated.Version, updated.CreatedAt));
        Assert.True(updated.UpdatedAt >= wedding.UpdatedAt);
        Assert.Equal([("wedding.updated", "changed: title, team"), ("wedding.created", "Isha & Arjun")],
            (await AuditOfAsync(admin, wedding.Id)).Select(e => (e.Action, e.Details)));
        // A change of the team alone is a change of the wedding.
        var teamOnly = await (await admin.PutJsonAsync($"/api/v1/weddings/{wedding.Id}", NewWedding("Isha weds Arjun", [new(planner.Id, TeamRole.LeadPlanner)]), "\"2\""))
            .ReadAsync<WeddingResponse>();
        Assert.Equal(3L, teamOnly.Version);
        Assert.Equal("changed: team", (await AuditOfAsync(admin, wedding.Id))[0].Details);

        var start = new DateTime(2027, 2, 13, 19, 0, 0);
        var sangeet = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/events", NewEvent("Sangeet", start, start.AddHours(4))))
            .ReadAsync<EventResponse>(HttpStatusCode.Created);
        var item = await (await admin.PostJsonAsync($"/api/v1/events/{sangeet.Id}/run-of-show",
            new RunOfShowItemRequest(start.AddMinutes(30), 15, "Couple's entry", null, null, null, null, null, null, null))).ReadAsync<RunOfShowItemResponse>(HttpStatusCode.Created);
        Assert.Equal((1L, 1L), (sangeet.Version, item.Version));
        var moved = await (await admin.PutJsonAsync($"/api/v1/events/{sangeet.Id}", NewEvent("Sangeet night", start.AddHours(1), start.AddHours(5)), "\"1\""))
            .ReadAsync<EventResponse>();
        Assert.Equal((2L, 2L, start.AddMinutes(90)), (moved.Version, moved.RunOfShow[0].Version, moved.RunOfShow[0].Start));
        Assert.True(moved.UpdatedAt >= sangeet.UpdatedAt);
        Assert.Equal("changed: name, start, end; 1 run-of-show items moved with it", (await AuditOfAsync(admin, sangeet.Id))[0].Details);

        var renamed = await (await admin.PutJsonAsync($"/api/v1/events/{sangeet.Id}/run-of-show/{item.Id}",
            new RunOfShowItemRequest(start.AddMinutes(90), 15, "Couple's grand entry", null, null, null, null, null, null, null), "\"2\"")).ReadAsync<RunOfShowItemResponse>();
        Assert.Equal(3L, renamed.Version);
        var done = await (await admin.PostJsonAsync($"/api/v1/events/{sangeet.Id}/run-of-show/{item.Id}/status", new RunOfShowStatusRequest(RunOfShowStatus.Done)))
            .ReadAsync<RunOfShowItemResponse>();
        Assert.Equal(4L, done.Version);
        var tappedAgain = await (await admin.PostJsonAsync($"/api/v1/events/{sangeet.Id}/run-of-show/{item.Id}/status", new RunOfShowStatusRequest(RunOfShowStatus.Done)))
            .ReadAsync<RunOfShowItemResponse>();
        Assert.Equal(4L, tappedAgain.Version);
        Assert.Equal(["run-of-show.status", "run-of-show.updated", "run-of-show.created"], (await AuditOfAsync(admin, item.Id)).Select(e => e.Action));
        // A shift is a new version of the event even when it moves nothing (the only item is done, so it stays).
        var shifted = await (await ShiftAsync(admin, sangeet.Id, new RunOfShowShiftRequest(item.Id, 15), "\"2\"")).ReadAsync<RunOfShowShiftResponse>();
        Assert.Equal((0, 3L, 4L), (shifted.Moved, shifted.Event.Version, shifted.Event.RunOfShow[0].Version));

        var venue = await (await admin.PostJsonAsync("/api/v1/venues", NewVenue("Jaipur"))).ReadAsync<VenueResponse>(HttpStatusCode.Created);
        var movedVenue = await (await admin.PutJsonAsync($"/api/v1/venues/{venue.Id}", NewVenue("Udaipur"), "\"1\"")).ReadAsync<VenueResponse>();
        Assert.Equal(2L, movedVenue.Version);
        Assert.True(movedVenue.UpdatedAt >= venue.UpdatedAt);
        Assert.Equal([("venue.updated", "changed: city"), ("venue.created", "Rambagh Palace")], (await AuditOfAsync(admin, venue.Id)).Select(e => (e.Action, e.Details)));

        var template = await (await admin.PostJsonAsync("/api/v1/templates", new WeddingTemplateRequest("Jaipur evening", null, wedding.Id)))
            .ReadAsync<WeddingTemplateResponse>(HttpStatusCode.Created);
        var described = await (await admin.PutJsonAsync($"/api/v1/templates/{template.Id}", new WeddingTemplateUpdate("Jaipur evening", "One night"), "\"1\""))
            .ReadAsync<WeddingTemplateResponse>();
        Assert.Equal(2L, described.Version);
        Assert.Equal("changed: description", (await AuditOfAsync(admin, template.Id))[0].Details);

        // Settings and wordings: every save is a new version, even of the same values.
        foreach (var expected in new[] { 2L, 3L })
        {
            Assert.Equal(expected, (await (await admin.PutJsonAsync("/api/v1/settings", new UpdateTenantSettingsRequest("Rang Studio", "Asia/Kolkata", null), "*"))
                .ReadAsync<TenantSettingsResponse>()).Version);
            Assert.Equal(expected, (await (await admin.PutJsonAsync("/api/v1/messaging/settings", new MessagingSettingsRequest(SmsProvider.Msg91), "*"))
                .ReadAsync<MessagingSettingsResponse>()).Version);
            Assert.Equal(expected - 1, (await (await admin.PutJsonAsync("/api/v1/messaging/templates/announcement/email/en",
                new MessageTemplateRequest("News", "Namaste", null, null), "*")).ReadAsync<MessageTemplateResponse>()).Version);
        }
    }

    [Fact]
    public async Task A_write_refused_at_save_tells_no_one()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var planner = await studio.AddMemberAsync(Role.Planner, admin);
        var wedding = await (await admin.PostJsonAsync("/api/v1/weddings", NewWedding("Budgeted", budget: 50_00_000_00))).ReadAsync<WeddingResponse>(HttpStatusCode.Created);
        await using var listener = await RealtimeListener.ConnectAsync(Server.Factory, studio.Slug, (await studio.LoginAsync(studio.AdminEmail)).AccessToken);
        await listener.JoinAsync(wedding.Id);

        // A planner sees money but may not change it: the save is refused, after the service raised its message.
        await (await planner.Client.PutJsonAsync($"/api/v1/weddings/{wedding.Id}", NewWedding("Renamed", budget: 60_00_000_00), "\"1\""))
            .ProblemAsync(HttpStatusCode.Forbidden);
        await (await admin.PutJsonAsync($"/api/v1/weddings/{wedding.Id}", NewWedding("Renamed by the admin", budget: 50_00_000_00), "\"1\"")).ReadAsync<WeddingResponse>();

        Assert.Equal(new WeddingChangedMessage(wedding.Id, WeddingChange.Updated, 2), await listener.NextChangeAsync());
        Assert.False(listener.HasMoreChanges);
        Assert.Equal(["wedding.updated", "wedding.created"], (await AuditOfAsync(admin, wedding.Id)).Select(e => e.Action));
    }

    [Fact]
    public async Task Work_after_a_commit_runs_once_the_changes_are_committed_and_never_for_a_failed_save_or_a_rolled_back_transaction()
    {
        var studio = await NewStudioAsync();
        var done = new List<string>();
        AuditEntry Entry(Guid? id = null) => new() { Id = id ?? Guid.CreateVersion7(), Action = "test.write", At = DateTimeOffset.UtcNow };

        var taken = Guid.CreateVersion7();
        await using (var db = await TenantDatabase.OpenAsync(Server, studio))
        {
            db.AuditEntries.Add(Entry(taken));
            db.AfterCommit(() => Record("saved"));
            await db.SaveChangesAsync(Cancel);
            Assert.Equal(["saved"], done);

            // The same id again: the database refuses the row, and the work raised with it is dropped, not sent with the next save.
            await using (var again = await TenantDatabase.OpenAsync(Server, studio))
            {
                again.AuditEntries.Add(Entry(taken));
                again.AfterCommit(() => Record("refused"));
                await Assert.ThrowsAsync<DbUpdateException>(() => again.SaveChangesAsync(Cancel));
                again.ChangeTracker.Clear();
                again.AuditEntries.Add(Entry());
                again.AfterCommit(() => Record("saved after a refusal"));
                await again.SaveChangesAsync(Cancel);
            }
            Assert.Equal(["saved", "saved after a refusal"], done);

            await using (var transaction = await db.Database.BeginTransactionAsync(Cancel))
            {
                db.AuditEntries.Add(Entry());
                db.AfterCommit(() => Record("rolled back"));
                await db.SaveChangesAsync(Cancel);
                await transaction.RollbackAsync(Cancel);
            }
            db.ChangeTracker.Clear();
            await using (var transaction = await db.Database.BeginTransactionAsync(Cancel))
            {
                db.AuditEntries.Add(Entry());
                db.AfterCommit(() => Record("committed"));
                await db.SaveChangesAsync(Cancel);
                Assert.DoesNotContain("committed", done);
                await transaction.CommitAsync(Cancel);
            }
            Assert.Equal(["saved", "saved after a refusal", "committed"], done);
        }

        // A write that lost a race (the version it read is gone) is refused, and its work dropped.
        await using var first = await TenantDatabase.OpenAsync(Server, studio);
        await using var second = await TenantDatabase.OpenAsync(Server, studio);
        var mine = await first.Settings.SingleAsync(Cancel);
        var theirs = await second.Settings.SingleAsync(Cancel);
        mine.CompanyName = "First";
        await first.SaveChangesAsync(Cancel);
        theirs.CompanyName = "Second";
        second.AfterCommit(() => Record("lost the race"));
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(Cancel));
        await using var reader = await TenantDatabase.OpenAsync(Server, studio);
        Assert.Equal((2L, "First"), (mine.Version, (await reader.Settings.AsNoTracking().SingleAsync(Cancel)).CompanyName));
        Assert.Equal(["saved", "saved after a refusal", "committed"], done);

        Task Record(string what)
        {
            done.Add(what);
            return Task.CompletedTask;
        }
    }
}

public sealed class WritePathTestsOnSqlite(SqliteServer server) : WritePathTests(server);

public sealed class WritePathTestsOnPostgres(PostgresServer server) : WritePathTests(server);
