using System.Net;
using Bunit;
using MudBlazor;
using Shouldly;
using WedTech.App.Features.Automations;
using WedTech.App.Features.Automations.Pages;
using WedTech.App.Features.Leads;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;

namespace WedTech.App.Tests;

public class AutomationsPageTests : AppTestContext
{
    private static readonly Guid Meeting = Guid.Parse("01a24c1b-0000-7000-8000-000000000001");
    private static readonly Guid Priya = Guid.Parse("01a24c1b-0000-7000-8000-000000000003");
    private static readonly Guid Asha = Guid.Parse("01a24c1b-0000-7000-8000-000000000004");
    private static readonly DateTimeOffset Made = new(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);

    private static AutomationRuleResponse Rule(string name, bool paused, AutomationTrigger trigger = AutomationTrigger.EventSoon, int? days = 7) =>
        new(Guid.CreateVersion7(), name, trigger, null, days, [],
            [new AutomationAction(AutomationActionKind.NotifyStaff, Subject: "Soon", Text: "{{eventName}} on {{eventDate}}", Staff: AutomationStaff.Team)],
            paused, Made, null, 3, Made.AddDays(2), 1, Made, Made);

    private IRenderedComponent<Automations> RenderPage(params AutomationRuleResponse[] rules)
    {
        Render<MudPopoverProvider>();
        Api.Returns(AutomationsApi.Routes.Rules, rules.ToList());
        Api.Returns(AutomationsApi.Routes.Choices, new AutomationChoicesResponse([new AutomationStageChoice(Meeting, "Meeting", PipelineStageKind.Open)],
            [new AutomationMemberChoice(Priya, "Priya Planner", Role.Planner), new AutomationMemberChoice(Asha, "Asha Admin", Role.Admin)]));
        Api.Returns(AutomationsApi.Routes.Recipes, new List<AutomationRecipeResponse>
        {
            new("instalment-due-couple", "Remind the couple 3 days before an instalment is due", "Three days before…",
                new AutomationRuleRequest("Instalment", AutomationTrigger.InstalmentDue, null, 3, [], [], true), "Starts paused: WedTech already reminds the couple."),
        });
        Api.Returns(AutomationsApi.Routes.Firings(1, 20), new PagedResponse<AutomationFiringResponse>(
            [new AutomationFiringResponse(Guid.CreateVersion7(), rules[0].Id, rules[0].Name, AutomationSubjectKind.Lead, Guid.CreateVersion7(), "Aanya & Rohan", "created", Made,
                AutomationOutcome.Failed, "The lead has no e-mail address to write to.")], 1, 20, 1));
        return Render<Automations>();
    }

    [Fact]
    public async Task The_rules_show_what_they_do_the_recipes_their_notes_and_the_history_its_reasons()
    {
        await SignInAsAsync(Role.Admin);
        var page = RenderPage(Rule("Event in a week", paused: false), Rule("Instalment", paused: true, AutomationTrigger.InstalmentDue, 3));

        page.WaitForElement("[data-test=rules]");
        var rows = page.FindAll("[data-test=rules] tbody tr");
        rows.Count.ShouldBe(2);
        rows[0].TextContent.ShouldContain("An event is 7 days away");
        rows[0].TextContent.ShouldContain("Tell the wedding's team");
        rows[1].QuerySelector("[data-test=paused]").ShouldNotBeNull();
        rows[1].QuerySelector("[data-test=resume]").ShouldNotBeNull();
        page.Find("[data-test=recipe]").TextContent.ShouldContain("Starts paused: WedTech already reminds the couple.");
        page.Find("[data-test=reason]").TextContent.ShouldBe("The lead has no e-mail address to write to.");
        page.Markup.ShouldContain("never for what happened while it was paused");
    }

    [Fact]
    public async Task Pausing_a_rule_asks_the_server_and_shows_the_list_again()
    {
        await SignInAsAsync(Role.Admin);
        var rule = Rule("Event in a week", paused: false);
        Api.Returns(AutomationsApi.Routes.Pause(rule.Id), rule with { Paused = true }, "POST");
        var page = RenderPage(rule);
        page.WaitForElement("[data-test=pause]").Click();
        page.WaitForAssertion(() => Api.Requests.ShouldContain(r => r.Method == HttpMethod.Post && r.RequestUri!.PathAndQuery == AutomationsApi.Routes.Pause(rule.Id)));
    }

    [Fact]
    public async Task The_editor_shows_the_servers_field_errors_on_the_fields_at_fault()
    {
        await SignInAsAsync(Role.Admin);
        Api.ReturnsProblem(AutomationsApi.Routes.Rules, HttpStatusCode.BadRequest, "Some fields need attention.", new Dictionary<string, string[]>
        {
            ["actions[0].text"] = ["{{guestName}} is not a merge field of this trigger. Use: {{coupleNames}}."],
        }, method: "POST");
        var page = RenderPage(Rule("Event in a week", paused: false));
        page.WaitForElement("[data-test=new-rule]").Click();
        page.WaitForElement("[data-test=rule-editor]");
        page.Find("[data-test=save-rule]").Click();
        page.WaitForAssertion(() => page.Find("[data-test=rule-editor]").TextContent.ShouldContain("{{guestName}} is not a merge field of this trigger."));
    }

    [Fact]
    public async Task A_rule_naming_people_and_a_budget_shows_them_by_name_and_saves_them_as_they_were()
    {
        await SignInAsAsync(Role.Admin);
        var rule = Rule("Big weddings to Asha", paused: false, AutomationTrigger.LeadCreated, null) with
        {
            Conditions = [new AutomationCondition(AutomationConditionKind.BudgetAtLeast, Budget: BudgetBand.From50LakhTo1Crore),
                new AutomationCondition(AutomationConditionKind.AssignedTo, UserId: Priya)],
            Actions = [new AutomationAction(AutomationActionKind.NotifyStaff, Subject: "Big one", Text: "{{coupleNames}}", Staff: AutomationStaff.User, UserId: Asha)],
        };
        Api.Returns(AutomationsApi.Routes.One(rule.Id), rule, "PUT");
        var page = RenderPage(rule);
        page.WaitForElement("[data-test=edit]").Click();
        page.WaitForElement("[data-test=rule-editor]");

        page.FindAll("input[data-test=member-select]").Select(i => i.GetAttribute("value")).ShouldBe(["Priya Planner", "Asha Admin"]);
        page.Find("input[data-test=condition-budget]").GetAttribute("value").ShouldBe(LeadWords.Of(BudgetBand.From50LakhTo1Crore));
        page.Find("[data-test=save-rule]").Click();
        page.WaitForAssertion(() => Api.Requests.ShouldContain(r => r.Method == HttpMethod.Put));
        var body = Api.RequestBodies.Single();
        body.ShouldContain(Priya.ToString());
        body.ShouldContain(Asha.ToString());
        body.ShouldContain("\"staff\":\"user\"");
    }

    [Fact]
    public void The_routes_are_the_servers()
    {
        var id = Guid.Parse("01a24c1b-0000-7000-8000-000000000002");
        AutomationsApi.Routes.History(id, 2, 20).ShouldBe($"/api/v1/automations/{id}/history?page=2&pageSize=20");
        AutomationsApi.Routes.Recipe("event-week-team").ShouldBe("/api/v1/automations/recipes/event-week-team");
        AutomationsApi.Routes.Resume(id).ShouldBe($"/api/v1/automations/{id}/resume");
    }
}
