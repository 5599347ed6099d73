using Shouldly;
using Microsoft.Extensions.DependencyInjection;
using WedTech.App.Features.Guests;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;
using static WedTech.App.Tests.Infrastructure.Schedules;

namespace WedTech.App.Tests;

/// <summary>The guest list as the app loads it (every page) and filters it on the device.</summary>
public class GuestListTests : AppTestContext
{
    private static readonly Guid Mehendi = Guid.Parse("01938a00-0000-7000-8000-000000000001");
    private static readonly Guid Sangeet = Guid.Parse("01938a00-0000-7000-8000-000000000002");

    private static HouseholdResponse Household(string name, GuestSide side, string? phone, IReadOnlyList<GuestResponse> members, IReadOnlyList<string> tags,
        params (Guid EventId, RsvpAnswer Answer)[] invitations) => new(
        Guid.NewGuid(), WeddingId, name, side, null, phone, null, null, null, "IN", tags, null, null, null, members,
        invitations.Select(i => new InvitationResponse(Guid.NewGuid(), i.EventId, 4, [], i.Answer, i.Answer == RsvpAnswer.Attending ? 2 : 0, [], null, 1)).ToList(), 1, DateTimeOffset.UtcNow);

    private static GuestResponse Member(string? name, string? latin = null, Diet? diet = null, string? phone = null, string? guestOf = null) =>
        new(Guid.NewGuid(), name, latin, null, AgeGroup.Adult, diet, null, phone, null, guestOf);

    private static readonly List<HouseholdResponse> List =
    [
        Household("शर्मा परिवार", GuestSide.Bride, "+919876543210", [Member("प्रिया शर्मा", "Priya Sharma", Diet.Jain)], ["family"], (Mehendi, RsvpAnswer.Attending)),
        Household("José & Ana", GuestSide.Groom, null, [Member("José Pérez", diet: Diet.NonVeg), Member(null, guestOf: "José")], ["NRI"], (Sangeet, RsvpAnswer.Declined)),
        Household("Mehta family", GuestSide.Both, "+14155552671", [Member("Chris Mehta", phone: "+919812345678")], ["VIP", "family"], (Mehendi, RsvpAnswer.Pending)),
    ];

    private static IEnumerable<string> Names(IEnumerable<HouseholdResponse> households) => households.Select(h => h.DisplayName);

    [Theory]
    [InlineData("प्रिया", "शर्मा परिवार")]
    [InlineData("PRIYA", "शर्मा परिवार")]
    [InlineData("jose", "José & Ana")]
    [InlineData("pérez", "José & Ana")]
    [InlineData("543210", "शर्मा परिवार")]
    [InlineData("12345 678", "Mehta family")]
    [InlineData("  chris ", "Mehta family")]
    public void Search_finds_names_in_any_script_and_spelling_and_phone_digits(string search, string expected) =>
        Names(GuestFilter.Apply(List, search, null, null, null, null, null)).ShouldBe([expected]);

    [Fact]
    public void Filters_combine_side_event_answer_food_and_tag()
    {
        Names(GuestFilter.Apply(List, "919", null, null, null, null, null)).ShouldBe(["शर्मा परिवार", "Mehta family"]);
        Names(GuestFilter.Apply(List, "98", null, null, null, null, null)).ShouldBeEmpty("two digits are no phone search");
        Names(GuestFilter.Apply(List, null, GuestSide.Groom, null, null, null, null)).ShouldBe(["José & Ana"]);
        Names(GuestFilter.Apply(List, null, null, Mehendi, null, null, null)).ShouldBe(["शर्मा परिवार", "Mehta family"]);
        Names(GuestFilter.Apply(List, null, null, Mehendi, RsvpAnswer.Pending, null, null)).ShouldBe(["Mehta family"]);
        Names(GuestFilter.Apply(List, null, null, null, RsvpAnswer.Declined, null, null)).ShouldBe(["José & Ana"]);
        Names(GuestFilter.Apply(List, null, null, null, null, Diet.Jain, null)).ShouldBe(["शर्मा परिवार"]);
        Names(GuestFilter.Apply(List, null, null, null, null, null, "vip")).ShouldBe(["Mehta family"]);
        Names(GuestFilter.Apply(List, null, null, null, null, null, "family")).ShouldBe(["शर्मा परिवार", "Mehta family"]);
        Names(GuestFilter.Apply(List, "sharma", GuestSide.Groom, null, null, null, null)).ShouldBeEmpty();
    }

    [Fact]
    public void The_RSVP_board_puts_a_partly_answered_household_with_those_coming_and_totals_places()
    {
        InvitationResponse Invited(int places, RsvpAnswer answer, int attending, params MemberAnswer[] members) =>
            new(Guid.NewGuid(), Sangeet, places, [], answer, attending, members, null, 1);
        HouseholdResponse With(string name, InvitationResponse invitation) => List[0] with { Id = Guid.NewGuid(), DisplayName = name, Invitations = [invitation] };
        var someone = Guid.NewGuid();
        var households = new[]
        {
            With("Partly coming", Invited(5, RsvpAnswer.Attending, 3)),
            With("Waiting", Invited(4, RsvpAnswer.Pending, 0)),
            // One of two said no, the other has not answered: still waiting.
            With("Half answered", Invited(2, RsvpAnswer.Pending, 0, new MemberAnswer(someone, RsvpAnswer.Declined))),
            With("Not coming", Invited(3, RsvpAnswer.Declined, 0)),
            List[0],
        };

        var columns = RsvpBoard.For(households, Sangeet);

        columns.Select(c => (c.Answer, string.Join(", ", c.Cards.Select(card => card.Household.DisplayName)), c.Places)).ShouldBe(
        [
            (RsvpAnswer.Attending, "Partly coming", 3),
            (RsvpAnswer.Pending, "Waiting, Half answered", 6),
            (RsvpAnswer.Declined, "Not coming", 3),
        ], "a household not invited to the event is not on its board");
    }

    [Fact]
    public async Task The_whole_list_comes_in_pages_fetched_side_by_side_in_name_order()
    {
        await SignInAsAsync(Role.Planner);
        HouseholdResponse Numbered(int i) => List[0] with { Id = Guid.NewGuid(), DisplayName = $"Household {i:D3}" };
        Api.Returns(GuestsApi.Routes.Page(WeddingId, 1), new PagedResponse<HouseholdResponse>(Enumerable.Range(0, 100).Select(Numbered).ToList(), 1, 100, 230));
        Api.Returns(GuestsApi.Routes.Page(WeddingId, 2), new PagedResponse<HouseholdResponse>(Enumerable.Range(100, 100).Select(Numbered).ToList(), 2, 100, 230));
        Api.Returns(GuestsApi.Routes.Page(WeddingId, 3), new PagedResponse<HouseholdResponse>(Enumerable.Range(200, 30).Select(Numbered).ToList(), 3, 100, 230));

        var all = await Services.GetRequiredService<GuestsApi>().AllAsync(WeddingId);

        all.Value!.Count.ShouldBe(230);
        Names(all.Value).ShouldBe(Enumerable.Range(0, 230).Select(i => $"Household {i:D3}"));
        all.StaleSince.ShouldBeNull();
        Api.Requests.Count(r => r.RequestUri!.AbsolutePath == GuestsApi.Routes.Households(WeddingId)).ShouldBe(3);
    }
}
