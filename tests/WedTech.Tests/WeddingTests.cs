using System.Net;
using WedTech.Contracts;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

public abstract class WeddingTests(TestServer server) : ProviderTests(server)
{
    private static WeddingRequest Wedding(string title = "Ananya & Vikram", string bride = "अनन्या", string groom = "விக்ரம்",
        DateOnly? date = null, WeddingStatus? status = WeddingStatus.Booked, long? budget = 85_00_000_00, IReadOnlyList<TeamAssignment>? team = null) =>
        new(title, bride, groom, date ?? new DateOnly(2027, 2, 14), "Jaipur", status, budget, 350, "Haveli venue; मेहंदी on day one.", team);

    [Fact]
    public async Task Signup_then_login_then_create_read_update_delete_a_wedding()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();

        var created = await admin.PostJsonAsync("/api/v1/weddings", Wedding());
        var wedding = await created.ReadAsync<WeddingResponse>(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/weddings/{wedding.Id}", created.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", created.Headers.ETag?.Tag);
        Assert.Equal(7, wedding.Id.Version);

        // Any script round-trips: Devanagari, Tamil.
        var read = await admin.GetAsync<WeddingResponse>($"/api/v1/weddings/{wedding.Id}");
        Assert.Equal("अनन्या", read.BrideName);
        Assert.Equal("விக்ரம்", read.GroomName);
        Assert.Equal("Haveli venue; मेहंदी on day one.", read.Notes);
        Assert.Equal(85_00_000_00, read.EstimatedBudgetPaise);
        Assert.Equal("INR", read.Currency);
        Assert.Equal(WeddingStatus.Booked, read.Status);

        var updated = await (await admin.PutJsonAsync($"/api/v1/weddings/{wedding.Id}", Wedding(status: WeddingStatus.InProgress) with { City = "Udaipur" }, "\"1\""))
            .ReadAsync<WeddingResponse>();
        Assert.Equal(2, updated.Version);
        Assert.Equal("Udaipur", updated.City);
        Assert.Equal(WeddingStatus.InProgress, updated.Status);

        var deleted = await admin.DeleteAsync($"/api/v1/weddings/{wedding.Id}", Cancel);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await (await admin.GetAsync($"/api/v1/weddings/{wedding.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        var list = await admin.GetAsync<PagedResponse<WeddingSummaryResponse>>("/api/v1/weddings");
        Assert.Empty(list.Items);
    }

    [Fact]
    public async Task A_stale_write_is_refused_with_409_and_changes_nothing()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var wedding = await (await admin.PostJsonAsync("/api/v1/weddings", Wedding())).ReadAsync<WeddingResponse>(HttpStatusCode.Created);

        await (await admin.PutJsonAsync($"/api/v1/weddings/{wedding.Id}", Wedding(title: "First edit"), "\"1\"")).ReadAsync<WeddingResponse>();
        var stale = await admin.PutJsonAsync($"/api/v1/weddings/{wedding.Id}", Wedding(title: "Second edit from an old copy"), "\"1\"");
        await stale.ProblemAsync(HttpStatusCode.Conflict);

        var missing = await admin.PutJsonAsync($"/api/v1/weddings/{wedding.Id}", Wedding(title: "No precondition"));
        await missing.ProblemAsync(HttpStatusCode.PreconditionRequired);
        foreach (var junk in new[] { "\"abc\"", "1", "\"1", "W/\"2\"", "\"2\", \"3\"" })
        {
            var refused = await admin.PutJsonAsync($"/api/v1/weddings/{wedding.Id}", Wedding(title: "Junk precondition"), junk);
            Assert.Contains("if-match", (await refused.ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        }

        var staleDelete = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/weddings/{wedding.Id}");
        staleDelete.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        await (await admin.SendAsync(staleDelete, Cancel)).ProblemAsync(HttpStatusCode.Conflict);

        var current = await admin.GetAsync<WeddingResponse>($"/api/v1/weddings/{wedding.Id}");
        Assert.Equal("First edit", current.Title);
        Assert.Equal(2, current.Version);

        // "*" means "whatever version is there" (RFC 9110).
        var any = await (await admin.PutJsonAsync($"/api/v1/weddings/{wedding.Id}", Wedding(title: "Overwrite knowingly"), "*")).ReadAsync<WeddingResponse>();
        Assert.Equal(("Overwrite knowingly", 3L), (any.Title, any.Version));
    }

    [Fact]
    public async Task List_is_paged_and_filters_by_status_date_range_and_couple_name_in_any_script()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        await admin.PostJsonAsync("/api/v1/weddings", Wedding(title: "Priya & Rohan", bride: "Priya", groom: "Rohan", date: new(2027, 1, 10), status: WeddingStatus.Inquiry));
        await admin.PostJsonAsync("/api/v1/weddings", Wedding(title: "अनन्या और विक्रम", bride: "अनन्या", groom: "विक्रम", date: new(2027, 2, 20)));
        await admin.PostJsonAsync("/api/v1/weddings", Wedding(title: "Kaveri & Aditya", bride: "காவேரி", groom: "Aditya", date: new(2027, 3, 5), status: WeddingStatus.InProgress));

        var all = await admin.GetAsync<PagedResponse<WeddingSummaryResponse>>("/api/v1/weddings");
        Assert.Equal(3, all.TotalCount);
        Assert.Equal(["Priya & Rohan", "अनन्या और विक्रम", "Kaveri & Aditya"], all.Items.Select(w => w.Title));

        var page2 = await admin.GetAsync<PagedResponse<WeddingSummaryResponse>>("/api/v1/weddings?page=2&pageSize=2");
        Assert.Equal(3, page2.TotalCount);
        Assert.Equal("Kaveri & Aditya", Assert.Single(page2.Items).Title);

        var booked = await admin.GetAsync<PagedResponse<WeddingSummaryResponse>>("/api/v1/weddings?status=booked");
        Assert.Equal("अनन्या और विक्रम", Assert.Single(booked.Items).Title);
        var inProgress = await admin.GetAsync<PagedResponse<WeddingSummaryResponse>>("/api/v1/weddings?status=in-progress");
        Assert.Equal("Kaveri & Aditya", Assert.Single(inProgress.Items).Title);

        var february = await admin.GetAsync<PagedResponse<WeddingSummaryResponse>>("/api/v1/weddings?from=2027-02-01&to=2027-02-28");
        Assert.Equal("अनन्या और विक्रम", Assert.Single(february.Items).Title);

        var hindi = await admin.GetAsync<PagedResponse<WeddingSummaryResponse>>($"/api/v1/weddings?q={Uri.EscapeDataString("विक्रम")}");
        Assert.Equal("अनन्या और विक्रम", Assert.Single(hindi.Items).Title);
        var tamil = await admin.GetAsync<PagedResponse<WeddingSummaryResponse>>($"/api/v1/weddings?q={Uri.EscapeDataString("காவேரி")}");
        Assert.Equal("Kaveri & Aditya", Assert.Single(tamil.Items).Title);
        var caseInsensitive = await admin.GetAsync<PagedResponse<WeddingSummaryResponse>>("/api/v1/weddings?q=ROHAN");
        Assert.Equal("Priya & Rohan", Assert.Single(caseInsensitive.Items).Title);
    }

    [Fact]
    public async Task Invalid_input_gets_field_errors_and_creates_nothing()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();

        var missing = await (await admin.PostJsonAsync("/api/v1/weddings", new { title = "", brideName = "a", groomName = "b" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("title", missing.Errors!.Keys);
        Assert.Contains("primaryDate", missing.Errors!.Keys);

        var badEnum = await (await admin.PostJsonAsync("/api/v1/weddings", new { title = "t", brideName = "a", groomName = "b", primaryDate = "2027-01-01", status = "eloped" }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("status", badEnum.Errors!.Keys);

        var badDate = await (await admin.PostJsonAsync("/api/v1/weddings", new { title = "t", brideName = "a", groomName = "b", primaryDate = "2027-02-30" }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("primaryDate", badDate.Errors!.Keys);

        var negative = await (await admin.PostJsonAsync("/api/v1/weddings", Wedding(budget: -1))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("estimatedBudgetPaise", negative.Errors!.Keys);

        var fractionalMoney = await (await admin.PostJsonAsync("/api/v1/weddings", new { title = "t", brideName = "a", groomName = "b", primaryDate = "2027-01-01", estimatedBudgetPaise = 10.5 }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("estimatedBudgetPaise", fractionalMoney.Errors!.Keys);

        var nul = await (await admin.PostJsonAsync("/api/v1/weddings", Wedding(title: "a\u0000b"))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("title", nul.Errors!.Keys);
        var bell = await (await admin.PostJsonAsync("/api/v1/weddings", Wedding() with { Notes = "ring\u0007" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("notes", bell.Errors!.Keys);
        var nullMember = await (await admin.PostJsonAsync("/api/v1/weddings", new { title = "t", brideName = "a", groomName = "b", primaryDate = "2027-01-01", team = new object?[] { null } }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("team[0]", nullMember.Errors!.Keys);
        var nobody = await (await admin.PostJsonAsync("/api/v1/weddings", Wedding(team: [new TeamAssignment(Guid.CreateVersion7(), TeamRole.Coordinator)])))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("team[0].userId", nobody.Errors!.Keys);

        var empty = new StringContent("", System.Text.Encoding.UTF8, "application/json");
        var noBody = await (await admin.PostAsync("/api/v1/weddings", empty, Cancel)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.DoesNotContain("Implicit", noBody.Detail ?? "", StringComparison.Ordinal);
        var notJson = new StringContent("{\"title\":", System.Text.Encoding.UTF8, "application/json");
        await (await admin.PostAsync("/api/v1/weddings", notJson, Cancel)).ProblemAsync(HttpStatusCode.BadRequest);
        var text = new StringContent("title=x", System.Text.Encoding.UTF8, "text/plain");
        await (await admin.PostAsync("/api/v1/weddings", text, Cancel)).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        var huge = Wedding() with { Notes = new string('x', 300_000) };
        await (await admin.PostJsonAsync("/api/v1/weddings", huge)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("pageSize", (await (await admin.GetAsync("/api/v1/weddings?pageSize=500", Cancel)).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        Assert.Contains("page", (await (await admin.GetAsync("/api/v1/weddings?page=2147483647&pageSize=100", Cancel)).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        Assert.Contains("page", (await (await admin.GetAsync("/api/v1/weddings?page=0", Cancel)).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        Assert.Contains("q", (await (await admin.GetAsync("/api/v1/weddings?q=%00", Cancel)).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        await (await admin.GetAsync("/api/v1/weddings?page=99999999999", Cancel)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("status", (await (await admin.GetAsync("/api/v1/weddings?status=eloped", Cancel)).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        await (await admin.GetAsync("/api/v1/weddings?from=not-a-date", Cancel)).ProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.GetAsync($"/api/v1/weddings/{Guid.CreateVersion7()}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);

        var list = await admin.GetAsync<PagedResponse<WeddingSummaryResponse>>("/api/v1/weddings");
        Assert.Equal(0, list.TotalCount);
    }

    [Fact]
    public async Task Lists_show_every_write_at_once_for_every_role()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var coordinator = await studio.AddMemberAsync(Role.Coordinator, admin);
        var wedding = await (await admin.PostJsonAsync("/api/v1/weddings", Wedding(title: "Before"))).ReadAsync<WeddingResponse>(HttpStatusCode.Created);
        Assert.Equal("Before", Assert.Single((await admin.GetAsync<PagedResponse<WeddingSummaryResponse>>("/api/v1/weddings")).Items).Title);
        Assert.Empty((await coordinator.Client.GetAsync<PagedResponse<WeddingSummaryResponse>>("/api/v1/weddings")).Items);

        // Renamed and the coordinator assigned: both lists change on the next read.
        (await admin.PutJsonAsync($"/api/v1/weddings/{wedding.Id}", Wedding(title: "After", team: [new(coordinator.Id, TeamRole.Coordinator)]), "\"1\"")).EnsureSuccessStatusCode();
        Assert.Equal("After", Assert.Single((await admin.GetAsync<PagedResponse<WeddingSummaryResponse>>("/api/v1/weddings")).Items).Title);
        Assert.Equal("After", Assert.Single((await coordinator.Client.GetAsync<PagedResponse<WeddingSummaryResponse>>("/api/v1/weddings")).Items).Title);

        (await admin.PutJsonAsync($"/api/v1/weddings/{wedding.Id}", Wedding(title: "After", team: []), "\"2\"")).EnsureSuccessStatusCode();
        Assert.Empty((await coordinator.Client.GetAsync<PagedResponse<WeddingSummaryResponse>>("/api/v1/weddings")).Items);

        // Another studio's writes never show here, and this studio's lists are not theirs.
        var other = await NewStudioAsync();
        using var otherAdmin = await other.AdminAsync();
        (await otherAdmin.PostJsonAsync("/api/v1/weddings", Wedding(title: "Elsewhere"))).EnsureSuccessStatusCode();
        Assert.Equal("After", Assert.Single((await admin.GetAsync<PagedResponse<WeddingSummaryResponse>>("/api/v1/weddings")).Items).Title);
        Assert.Equal("Elsewhere", Assert.Single((await otherAdmin.GetAsync<PagedResponse<WeddingSummaryResponse>>("/api/v1/weddings")).Items).Title);

        (await admin.DeleteAsync($"/api/v1/weddings/{wedding.Id}", Cancel)).EnsureSuccessStatusCode();
        Assert.Empty((await admin.GetAsync<PagedResponse<WeddingSummaryResponse>>("/api/v1/weddings")).Items);
    }

    [Fact]
    public async Task Team_assignment_takes_staff_as_staff_and_clients_only_as_the_couple()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var coordinator = await studio.AddMemberAsync(Role.Coordinator, admin);
        var client = await studio.AddMemberAsync(Role.Client, admin);

        var wrong = await (await admin.PostJsonAsync("/api/v1/weddings", Wedding(team: [new(client.Id, TeamRole.Coordinator), new(coordinator.Id, TeamRole.Client)])))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("team[0].role", wrong.Errors!.Keys);
        Assert.Contains("team[1].role", wrong.Errors!.Keys);
        var twice = await (await admin.PostJsonAsync("/api/v1/weddings", Wedding(team: [new(coordinator.Id, TeamRole.Coordinator), new(coordinator.Id, TeamRole.Planner)])))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("team[1].userId", twice.Errors!.Keys);

        var wedding = await (await admin.PostJsonAsync("/api/v1/weddings", Wedding(team: [new(coordinator.Id, TeamRole.Coordinator), new(client.Id, TeamRole.Client)])))
            .ReadAsync<WeddingResponse>(HttpStatusCode.Created);
        Assert.Equal([TeamRole.Coordinator, TeamRole.Client], wedding.Team.Select(t => t.Role));
        Assert.Equal("Coordinator Person", wedding.Team[0].Name);
    }
}

public sealed class WeddingTestsOnSqlite(SqliteServer server) : WeddingTests(server);

public sealed class WeddingTestsOnPostgres(PostgresServer server) : WeddingTests(server);
