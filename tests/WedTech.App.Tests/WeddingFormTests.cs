using AngleSharp.Dom;
using Bunit;
using MudBlazor;
using Shouldly;
using WedTech.App.Features.Weddings.Components;
using WedTech.App.Platform;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;

namespace WedTech.App.Tests;

public class WeddingFormTests : AppTestContext
{
    private static readonly ApiProblemException FieldErrors = new(400, "One or more validation errors occurred.", null, new Dictionary<string, string[]>
    {
        ["brideName"] = ["Enter the bride's name."],
        ["primaryDate"] = ["The date must be between the years 2000 and 2100."],
    });

    public WeddingFormTests() => Api.Returns("/api/v1/users?pageSize=100", new PagedResponse<UserResponse>(
    [
        new UserResponse(Guid.NewGuid(), "priya@shaadi.example", "Priya", Role.Planner, UserStatus.Active, DateTimeOffset.UnixEpoch, null),
        new UserResponse(Guid.NewGuid(), "old@shaadi.example", "Left Long Ago", Role.Coordinator, UserStatus.Disabled, DateTimeOffset.UnixEpoch, null),
    ], Page: 1, PageSize: 100, TotalCount: 2));

    private List<WeddingFormModel> Submitted { get; } = [];

    private IRenderedComponent<MudPopoverProvider>? _popovers;

    private IRenderedComponent<WeddingForm> RenderForm(WeddingFormModel? model = null, ApiProblemException? problem = null)
    {
        // Selects render their lists into the popover provider, as MainLayout has one.
        _popovers ??= Render<MudPopoverProvider>();
        return Render<WeddingForm>(parameters => parameters
            .Add(f => f.Model, model ?? new WeddingFormModel())
            .Add(f => f.DraftKey, "wedding:new")
            .Add(f => f.OnSubmit, (WeddingFormModel m) => Submitted.Add(m))
            .Add(f => f.Problem, problem));
    }

    /// <summary>The MudBlazor input control around an input: its label, the input and its helper or error text.</summary>
    private static IElement FieldOf(IRenderedComponent<WeddingForm> form, string inputId) =>
        form.Find($"#{inputId}").Closest(".mud-input-control") ?? throw new InvalidOperationException($"#{inputId} is not inside an input control.");

    private static string? ErrorOf(IRenderedComponent<WeddingForm> form, string inputId) =>
        FieldOf(form, inputId).QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim();

    [Fact]
    public async Task Field_errors_from_the_API_appear_at_their_fields()
    {
        await SignInAsAsync(Role.Planner);

        var form = RenderForm(problem: FieldErrors);

        form.WaitForAssertion(() => ErrorOf(form, "wedding-bride").ShouldBe("Enter the bride's name."));
        ErrorOf(form, "wedding-date").ShouldBe("The date must be between the years 2000 and 2100.");
        form.Find("#wedding-bride").GetAttribute("aria-invalid").ShouldBe("true");
        form.Find("#wedding-date").GetAttribute("aria-invalid").ShouldBe("true");
    }

    [Fact]
    public async Task Fields_the_API_did_not_complain_about_show_no_error()
    {
        await SignInAsAsync(Role.Planner);

        var form = RenderForm(problem: FieldErrors);

        form.WaitForAssertion(() => ErrorOf(form, "wedding-bride").ShouldNotBeNull());
        foreach (var field in new[] { "wedding-title", "wedding-groom", "wedding-city", "wedding-budget", "wedding-guests", "wedding-notes" })
        {
            ErrorOf(form, field).ShouldBeNull(field);
            FieldOf(form, field).TextContent.ShouldNotContain("Enter the bride's name.", customMessage: field);
        }
        ErrorOf(form, "wedding-bride").ShouldNotBeNull().ShouldNotContain("2100");
    }

    [Fact]
    public async Task The_problem_is_summarised_above_the_form()
    {
        await SignInAsAsync(Role.Planner);

        var form = RenderForm(problem: FieldErrors);

        var alert = form.Find("[data-test='problem']");
        alert.TextContent.ShouldContain("One or more validation errors occurred.");
        alert.TextContent.ShouldContain("Some fields need attention.");
    }

    [Fact]
    public async Task A_coordinator_gets_no_budget_field()
    {
        await SignInAsAsync(Role.Coordinator);

        var form = RenderForm();

        form.FindAll("#wedding-title").Count.ShouldBe(1);
        form.FindAll("#wedding-budget").ShouldBeEmpty();
        form.Markup.ShouldNotContain("Estimated budget");
    }

    [Fact]
    public async Task A_planner_gets_the_budget_field_with_the_amount_in_Indian_format()
    {
        await SignInAsAsync(Role.Planner);

        var form = RenderForm(new WeddingFormModel { BudgetRupees = 1234567.5m });

        form.FindAll("#wedding-budget").Count.ShouldBe(1);
        FieldOf(form, "wedding-budget").TextContent.ShouldContain("₹12,34,567.50");
    }

    [Fact]
    public async Task A_planner_can_edit_the_team_but_a_coordinator_cannot()
    {
        await SignInAsAsync(Role.Planner);

        var form = RenderForm();

        form.WaitForElement("[data-test='add-team-member']");
        form.Find("[data-test='add-team-member']").Click();
        form.WaitForElement("#team-person-0");

        await SignInAsAsync(Role.Coordinator);
        var coordinatorForm = RenderForm();
        coordinatorForm.FindAll("[data-test='add-team-member']").ShouldBeEmpty();
    }

    [Fact]
    public async Task Saving_an_incomplete_form_shows_what_is_missing_and_submits_nothing()
    {
        await SignInAsAsync(Role.Planner);
        var form = RenderForm();

        await form.Find("[data-test='save']").ClickAsync(new());

        form.WaitForAssertion(() => ErrorOf(form, "wedding-bride").ShouldBe("Enter the bride's name."));
        ErrorOf(form, "wedding-title").ShouldBe("Give the wedding a title.");
        Submitted.ShouldBeEmpty();
    }

    [Fact]
    public async Task Saving_a_complete_form_hands_the_model_to_the_page()
    {
        await SignInAsAsync(Role.Planner);
        var model = new WeddingFormModel { Title = "Ananya & Vikram", BrideName = "Ananya", GroomName = "Vikram", PrimaryDate = new DateTime(2026, 11, 24) };
        var form = RenderForm(model);

        await form.Find("[data-test='save']").ClickAsync(new());

        form.WaitForAssertion(() => Submitted.ShouldHaveSingleItem().ShouldBeSameAs(model));
    }

    [Fact]
    public async Task A_field_the_API_refused_can_be_corrected_and_saved()
    {
        await SignInAsAsync(Role.Planner);
        var model = new WeddingFormModel { Title = "Ananya & Vikram", BrideName = "Ananya", GroomName = "Vikram", PrimaryDate = new DateTime(2026, 11, 24), City = "-" };
        var refused = new ApiProblemException(400, "One or more validation errors occurred.", null, new Dictionary<string, string[]> { ["city"] = ["Give the city's name."] });
        var form = RenderForm(model, refused);
        form.WaitForAssertion(() => ErrorOf(form, "wedding-city").ShouldBe("Give the city's name."));

        form.Find("#wedding-city").Change("Jaipur");
        await form.Find("[data-test='save']").ClickAsync(new());

        form.WaitForAssertion(() => Submitted.ShouldHaveSingleItem().City.ShouldBe("Jaipur"));
        ErrorOf(form, "wedding-city").ShouldBeNull();
    }
}
