using System.Text.Json;
using Shouldly;
using WedTech.App.Features.Weddings.Components;
using WedTech.Contracts;

namespace WedTech.App.Tests;

public class WeddingFormModelTests
{
    private static readonly Guid Lead = Guid.Parse("0190a1b2-0000-7000-8000-000000000001");
    private static readonly Guid Helper = Guid.Parse("0190a1b2-0000-7000-8000-000000000002");

    private static WeddingResponse Wedding(long? budgetPaise = 85_00_000_50) => new(
        Guid.Parse("0190a1b2-0000-7000-8000-0000000000aa"), "Ananya & Vikram", "अनन्या", "விக்ரம்", new DateOnly(2026, 11, 24), "Jaipur", WeddingStatus.InProgress,
        budgetPaise, "INR", 350, "Haveli venue; मेहंदी on day one.",
        [new TeamMemberResponse(Lead, "Priya", Role.Planner, TeamRole.LeadPlanner), new TeamMemberResponse(Helper, "Ravi", Role.Coordinator, TeamRole.Coordinator)],
        Version: 3, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    private static WeddingFormModel Filled() => new()
    {
        Title = "Ananya & Vikram",
        BrideName = "Ananya",
        GroomName = "Vikram",
        PrimaryDate = new DateTime(2026, 11, 24),
    };

    [Fact]
    public void A_wedding_loaded_into_the_form_and_sent_back_unchanged_is_the_same_wedding()
    {
        var wedding = Wedding();

        var request = WeddingFormModel.From(wedding).ToRequest();

        request.Title.ShouldBe(wedding.Title);
        request.BrideName.ShouldBe(wedding.BrideName);
        request.GroomName.ShouldBe(wedding.GroomName);
        request.PrimaryDate.ShouldBe(wedding.PrimaryDate);
        request.City.ShouldBe(wedding.City);
        request.Status.ShouldBe(wedding.Status);
        request.EstimatedBudgetPaise.ShouldBe(wedding.EstimatedBudgetPaise);
        request.GuestCountEstimate.ShouldBe(wedding.GuestCountEstimate);
        request.Notes.ShouldBe(wedding.Notes);
        request.Team.ShouldNotBeNull().ShouldBe([new TeamAssignment(Lead, TeamRole.LeadPlanner), new TeamAssignment(Helper, TeamRole.Coordinator)]);
    }

    [Fact]
    public void The_budget_is_shown_in_rupees()
    {
        var model = WeddingFormModel.From(Wedding(budgetPaise: 12345650));
        model.BudgetRupees.ShouldBe(123456.50m);
        model.PrimaryDate.ShouldBe(new DateTime(2026, 11, 24));
    }

    [Fact]
    public void A_budget_the_user_may_not_see_stays_unsent()
    {
        var model = WeddingFormModel.From(Wedding(budgetPaise: null));
        model.BudgetRupees.ShouldBeNull();
        model.ToRequest().EstimatedBudgetPaise.ShouldBeNull();
    }

    [Theory]
    [InlineData("1234567.505", 123456751L)]
    [InlineData("1234567.504", 123456750L)]
    [InlineData("0.005", 1L)]
    [InlineData("0.004", 0L)]
    [InlineData("8500000", 850000000L)]
    [InlineData("0", 0L)]
    public void Rupees_become_whole_paise_with_halves_rounded_up(string rupees, long paise)
    {
        var model = Filled();
        model.BudgetRupees = decimal.Parse(rupees, System.Globalization.CultureInfo.InvariantCulture);

        model.ToRequest().EstimatedBudgetPaise.ShouldBe(paise);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_city_and_blank_notes_are_sent_as_absent(string? blank)
    {
        var model = Filled();
        model.City = blank;
        model.Notes = blank;

        var request = model.ToRequest();

        request.City.ShouldBeNull();
        request.Notes.ShouldBeNull();
    }

    [Fact]
    public void Names_city_and_notes_are_trimmed()
    {
        var model = new WeddingFormModel
        {
            Title = "  Ananya & Vikram ",
            BrideName = " Ananya",
            GroomName = "Vikram  ",
            PrimaryDate = new DateTime(2026, 11, 24),
            City = "  Udaipur ",
            Notes = "\n Lake palace \n",
        };

        var request = model.ToRequest();

        request.Title.ShouldBe("Ananya & Vikram");
        request.BrideName.ShouldBe("Ananya");
        request.GroomName.ShouldBe("Vikram");
        request.City.ShouldBe("Udaipur");
        request.Notes.ShouldBe("Lake palace");
    }

    [Fact]
    public void Team_rows_without_a_person_chosen_are_dropped()
    {
        var model = Filled();
        model.Team = [new TeamMemberModel { UserId = Lead, Role = TeamRole.LeadPlanner }, new TeamMemberModel(), new TeamMemberModel { Role = TeamRole.Planner }];

        model.ToRequest().Team.ShouldNotBeNull().ShouldBe([new TeamAssignment(Lead, TeamRole.LeadPlanner)]);
    }

    [Fact]
    public void The_time_of_day_of_the_picked_date_is_ignored()
    {
        var model = Filled();
        model.PrimaryDate = new DateTime(2026, 11, 24, 23, 59, 0);
        model.ToRequest().PrimaryDate.ShouldBe(new DateOnly(2026, 11, 24));
    }

    [Fact]
    public void A_form_without_a_date_sends_none_for_the_server_to_refuse()
    {
        var model = Filled();
        model.PrimaryDate = null;
        model.ToRequest().PrimaryDate.ShouldBeNull();
    }

    [Fact]
    public void A_draft_survives_the_trip_through_browser_storage_json()
    {
        var model = WeddingFormModel.From(Wedding());

        var json = JsonSerializer.Serialize(model, ApiJson.Options);
        var back = JsonSerializer.Deserialize<WeddingFormModel>(json, ApiJson.Options).ShouldNotBeNull();

        json.ShouldContain("\"status\":\"in-progress\"");
        back.Title.ShouldBe(model.Title);
        back.BrideName.ShouldBe(model.BrideName);
        back.PrimaryDate.ShouldBe(model.PrimaryDate);
        back.BudgetRupees.ShouldBe(model.BudgetRupees);
        back.Status.ShouldBe(WeddingStatus.InProgress);
        back.Team.Select(t => (t.UserId, t.Role)).ShouldBe(model.Team.Select(t => (t.UserId, t.Role)));
    }

    [Theory]
    [InlineData("1234.505", "₹1,234.51", 123451L)]
    [InlineData("1234.504", "₹1,234.50", 123450L)]
    public void The_budget_hint_shows_exactly_the_paise_that_will_be_saved(string typed, string shown, long saved)
    {
        var rupees = decimal.Parse(typed, System.Globalization.CultureInfo.InvariantCulture);
        IndianFormat.Rupees(WeddingFormModel.Paise(rupees)).ShouldBe(shown);
        new WeddingFormModel { Title = "T", BrideName = "B", GroomName = "G", PrimaryDate = new DateTime(2027, 1, 1), BudgetRupees = rupees }
            .ToRequest().EstimatedBudgetPaise.ShouldBe(saved);
    }
}
