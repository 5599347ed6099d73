using System.Net;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Shouldly;
using WedTech.App.Common;
using WedTech.App.Features.Events;
using WedTech.App.Features.Events.Components;
using WedTech.App.Features.Venues;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;
using static WedTech.App.Tests.Infrastructure.Schedules;

namespace WedTech.App.Tests;

public class EventDialogTests : AppTestContext
{
    private const string SangeetId = "01938a00-0000-7000-8000-000000000002";
    private static readonly string EventUrl = EventsApi.Routes.One(Guid.Parse(SangeetId));
    private static readonly TeamMemberResponse Kavya = new(Guid.Parse("66666666-6666-7666-8666-666666666666"), "Kavya Reddy", Role.Coordinator, TeamRole.Coordinator);
    private static readonly TeamMemberResponse Couple = new(Guid.Parse("77777777-7777-7777-8777-777777777777"), "Priya Sharma", Role.Client, TeamRole.Client);

    private static EventResponse Sangeet(string name = "Sangeet night", long version = 3) =>
        Event(SangeetId, EventType.Sangeet, name, new DateTime(2026, 12, 10, 20, 30, 0), new DateTime(2026, 12, 11, 1, 0, 0), Rambagh, version: version, team: [Kavya]);

    private async Task<(IRenderedComponent<MudDialogProvider> Dialogs, Task<DialogResult?> Result)> OpenAsync(EventResponse? existing, IReadOnlyList<TeamMemberResponse>? team = null)
    {
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var parameters = new DialogParameters<EventDialog>
        {
            { d => d.WeddingId, WeddingId }, { d => d.WeddingTeam, team ?? [Kavya, Couple] }, { d => d.Event, existing }, { d => d.ETag, existing is null ? null : "\"3\"" },
        };
        var reference = await dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<EventDialog>("Event", parameters));
        dialogs.WaitForAssertion(() => dialogs.Find("[data-test=event-form]"));
        return (dialogs, reference.Result);
    }

    [Fact]
    public async Task An_edit_sends_venue_local_times_with_the_version_it_read_and_a_409_offers_theirs_or_mine()
    {
        await SignInAsAsync(Role.Planner);
        Api.ReturnsProblem(VenuesApi.Routes.Venues, HttpStatusCode.NotFound, "Not found");
        Api.ReturnsProblem(EventUrl, HttpStatusCode.Conflict, "Conflict", method: "PUT");
        Api.Returns(EventUrl, Sangeet("Sangeet under the stars", version: 4));
        var (dialogs, _) = await OpenAsync(Sangeet());

        dialogs.Find("#event-start").GetAttribute("value").ShouldBe("10/12/2026");
        dialogs.Find("#event-start-time").GetAttribute("value").ShouldBe("20:30");
        dialogs.Find("[data-test=no-venues]").TextContent.ShouldContain("The venue book is empty");
        dialogs.Find("#event-end-time").Change("01:30");
        dialogs.Find("[data-test=save-event]").Click();

        dialogs.WaitForAssertion(() => dialogs.Find("[data-test=conflict]").TextContent.ShouldContain("Someone else changed this event"));
        var put = Api.Requests.Single(r => r.Method == HttpMethod.Put);
        put.Headers.IfMatch.Single().Tag.ShouldBe("\"3\"");
        var body = Api.RequestBodies.Single();
        body.ShouldContain("\"start\":\"2026-12-10T20:30:00\"");
        body.ShouldContain("\"end\":\"2026-12-11T01:30:00\"");
        body.ShouldContain("\"type\":\"sangeet\"");
        body.ShouldContain($"\"team\":[{{\"userId\":\"{Kavya.UserId}\",\"role\":\"coordinator\"}}]");

        dialogs.Find("[data-test=load-latest]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("#event-name").GetAttribute("value").ShouldBe("Sangeet under the stars"));
        dialogs.FindAll("[data-test=conflict]").ShouldBeEmpty();
        dialogs.Find("#event-end").GetAttribute("value").ShouldBe("11/12/2026");
        dialogs.Find("#event-end-time").GetAttribute("value").ShouldBe("01:00");
    }

    [Fact]
    public async Task Save_mine_over_theirs_sends_if_match_any_and_closes_with_the_saved_event()
    {
        await SignInAsAsync(Role.Planner);
        Api.Returns(VenuesApi.Routes.Venues, new PagedResponse<VenueResponse>([], 1, 100, 0));
        var attempts = 0;
        Api.Answers(EventUrl, _ => ++attempts == 1 ? HttpStatusCode.Conflict : HttpStatusCode.OK, "PUT");
        var (dialogs, result) = await OpenAsync(Sangeet());

        dialogs.Find("[data-test=save-event]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-test=overwrite]"));
        dialogs.Find("[data-test=overwrite]").Click();

        dialogs.WaitForAssertion(() => result.IsCompleted.ShouldBeTrue());
        Api.Requests.Where(r => r.Method == HttpMethod.Put).Select(r => r.Headers.IfMatch.Single().Tag).ShouldBe(["\"3\"", "*"]);
    }

    [Fact]
    public async Task The_events_team_comes_from_the_weddings_staff_so_a_wedding_with_only_the_couple_offers_nobody()
    {
        await SignInAsAsync(Role.Planner);
        var (dialogs, _) = await OpenAsync(existing: null, team: [Couple]);

        dialogs.Find("[data-test=event-form]").TextContent.ShouldContain("Put people on the wedding's team first");
        dialogs.FindAll("[data-test=add-event-team-member]").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("13/02/2027", "09:30", "2027-02-13T09:30:00")]
    [InlineData("1/3/2027", "19:05", "2027-03-01T19:05:00")]
    [InlineData("13/02/2027", "", null)]
    [InlineData("", "09:30", null)]
    [InlineData("02/13/2027", "09:30", null)]
    public async Task A_date_and_time_are_typed_as_an_indian_studio_writes_them_whatever_the_browsers_language(string date, string time, string? expected)
    {
        DateTime? value = new DateTime(2026, 12, 10, 20, 30, 0);
        var field = Render<LocalDateTimeField>(p => p.Add(c => c.Label, "Starts").Add(c => c.TimeLabel, "Start time").Add(c => c.InputId, "starts")
            .Add(c => c.Value, value).Add(c => c.ValueChanged, v => value = v));

        field.Find("#starts").Change(date);
        field.Find("#starts-time").Change(time);

        await Task.Yield();
        value?.ToString("s", System.Globalization.CultureInfo.InvariantCulture).ShouldBe(expected);
        if (expected is null)
        {
            value.ShouldBeNull();
        }
    }
}
