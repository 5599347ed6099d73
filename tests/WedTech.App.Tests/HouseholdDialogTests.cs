using System.Net;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Shouldly;
using WedTech.App.Features.Guests;
using WedTech.App.Features.Guests.Components;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;
using static WedTech.App.Tests.Infrastructure.Schedules;

namespace WedTech.App.Tests;

public class HouseholdDialogTests : AppTestContext
{
    private static readonly Guid HouseholdId = Guid.Parse("01938a00-0000-7000-8000-0000000000a1");
    private static readonly Guid Sunita = Guid.Parse("01938a00-0000-7000-8000-0000000000b1");
    private static readonly EventResponse Mehendi = Event("01938a00-0000-7000-8000-000000000001", EventType.Mehendi, "Mehendi", new DateTime(2027, 2, 12, 15, 0, 0),
        new DateTime(2027, 2, 12, 20, 0, 0), null);

    private static HouseholdResponse Sharma(long version = 2, RsvpAnswer answer = RsvpAnswer.Pending, int attending = 0) => new(
        HouseholdId, WeddingId, "Sharma family", GuestSide.Bride, null, "+919876543210", null, "Jaipur", null, "IN", ["outstation"], "Ground floor", null, null,
        [new GuestResponse(Sunita, "सुनीता शर्मा", null, null, AgeGroup.Adult, Diet.Jain, null, null, null, null)],
        [new InvitationResponse(Guid.NewGuid(), Guid.Parse(Mehendi.Id.ToString()), 4, [], answer, attending, [], null, 1)], version, DateTimeOffset.UtcNow);

    private async Task<(IRenderedComponent<MudDialogProvider> Dialogs, Task<DialogResult?> Result)> OpenAsync(HouseholdResponse? existing)
    {
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var parameters = new DialogParameters<HouseholdDialog> { { d => d.WeddingId, WeddingId }, { d => d.Events, [Mehendi] }, { d => d.Household, existing } };
        var reference = await dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<HouseholdDialog>("Household", parameters));
        dialogs.WaitForAssertion(() => dialogs.Find("[data-test=household-form]"));
        return (dialogs, reference.Result);
    }

    [Fact]
    public async Task A_new_household_needs_its_side_before_anything_is_sent()
    {
        await SignInAsAsync(Role.Planner);
        var (dialogs, _) = await OpenAsync(null);

        dialogs.Find("#household-name").Change("Sharma family");
        dialogs.Find("#member-name-0").Change("सुनीता शर्मा");
        dialogs.Find("[data-test=save-household]").Click();
        dialogs.WaitForAssertion(() => dialogs.Markup.ShouldContain("Choose whose guests they are."));
        Api.RequestBodies.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_edit_sends_the_household_with_its_version_then_the_changed_invitations_with_the_new_one()
    {
        await SignInAsAsync(Role.Planner);
        Api.Returns(GuestsApi.Routes.Household(WeddingId, HouseholdId), Sharma(version: 3), "PUT");
        Api.Returns(GuestsApi.Routes.Invitations(WeddingId, HouseholdId), Sharma(version: 4), "PUT");
        var (dialogs, result) = await OpenAsync(Sharma());

        dialogs.Find("[data-test=add-member]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("#member-guest-of-1"));
        dialogs.Find("#member-guest-of-1").Change("Sunita");
        dialogs.Find($"#places-{Mehendi.Id}").Change("5");
        dialogs.Find("[data-test=save-household]").Click();

        var saved = (await result)!.Data.ShouldBeOfType<HouseholdResponse>();
        saved.Version.ShouldBe(4);
        var puts = Api.Requests.Where(r => r.Method == HttpMethod.Put).ToList();
        puts.Select(r => (r.RequestUri!.AbsolutePath, r.Headers.IfMatch.Single().Tag)).ShouldBe(
            [(GuestsApi.Routes.Household(WeddingId, HouseholdId), "\"2\""), (GuestsApi.Routes.Invitations(WeddingId, HouseholdId), "\"3\"")]);
        Api.RequestBodies[0].ShouldContain($"\"members\":[{{\"id\":\"{Sunita}\"");
        Api.RequestBodies[0].ShouldContain("\"guestOf\":\"Sunita\"");
        Api.RequestBodies[0].ShouldContain("\"notes\":\"Ground floor\"");
        Api.RequestBodies[1].ShouldBe($"{{\"events\":[{{\"eventId\":\"{Mehendi.Id}\",\"places\":5,\"guests\":[]}}]}}");
    }

    [Fact]
    public async Task A_coordinator_sees_the_household_and_records_only_the_answer_given_in_person()
    {
        await SignInAsAsync(Role.Coordinator);
        Api.Returns(GuestsApi.Routes.Answer(WeddingId, HouseholdId, Mehendi.Id), new InvitationResponse(Guid.NewGuid(), Mehendi.Id, 4, [], RsvpAnswer.Attending, 3, [], null, 2), "POST");
        var (dialogs, result) = await OpenAsync(Sharma());

        dialogs.FindAll("[data-test=add-member]").ShouldBeEmpty();
        dialogs.Find("#household-name").HasAttribute("readonly").ShouldBeTrue();
        dialogs.Find("#household-notes").GetAttribute("value").ShouldBe("Ground floor");
        dialogs.Find($"#coming-{Mehendi.Id}").ShouldNotBeNull();
    }

    [Fact]
    public async Task The_answer_history_says_who_gave_each_answer_and_a_new_RSVP_link_is_shown_once()
    {
        await SignInAsAsync(Role.Planner);
        Api.Returns<IReadOnlyList<RsvpChangeResponse>>(GuestsApi.Routes.History(WeddingId, HouseholdId), [
            new(Mehendi.Id, new DateTimeOffset(2027, 1, 5, 9, 30, 0, TimeSpan.Zero), RsvpSource.Guest, null, RsvpAnswer.Pending, 0, RsvpAnswer.Attending, 3),
            new(Mehendi.Id, new DateTimeOffset(2027, 1, 4, 9, 30, 0, TimeSpan.Zero), RsvpSource.Staff, "Kavya Reddy", RsvpAnswer.Attending, 2, RsvpAnswer.Pending, 0),
        ]);
        Api.Returns(GuestsApi.Routes.RsvpLink(WeddingId, HouseholdId), new RsvpLinkResponse("https://shaadi.example/rsvp/abc", DateTimeOffset.UtcNow), "POST");
        var (dialogs, _) = await OpenAsync(Sharma());

        dialogs.WaitForAssertion(() => dialogs.FindAll("[data-test=rsvp-history] li").Count.ShouldBe(2));
        var lines = dialogs.FindAll("[data-test=rsvp-history] li").Select(li => li.TextContent).ToList();
        lines[0].ShouldContain("Mehendi: Waiting → 3 coming · by the guest on their page");
        lines[1].ShouldContain("Mehendi: 2 coming → Waiting · by Kavya Reddy");
        dialogs.Find("[data-test=issue-rsvp-link]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-test=rsvp-link] code").TextContent.ShouldBe("https://shaadi.example/rsvp/abc"));
        dialogs.FindAll("[data-test=issue-rsvp-link]").ShouldBeEmpty();
    }

    [Fact]
    public async Task The_couple_never_sees_the_notes_field()
    {
        await SignInAsAsync(Role.Client);
        var (dialogs, _) = await OpenAsync(Sharma() with { Notes = null });
        dialogs.FindAll("#household-notes").ShouldBeEmpty();
        dialogs.Find("[data-test=add-member]").ShouldNotBeNull();
    }
}
