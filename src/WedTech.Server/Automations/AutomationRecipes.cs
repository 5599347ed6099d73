using WedTech.Server.Tenancy.Catalog;
using WedTech.Server.Tenancy.Provisioning;

namespace WedTech.Server.Automations;

/// <summary>Built-in rules: a new studio starts with them, and any of them can be added again.</summary>
public static class AutomationRecipes
{
    public static readonly IReadOnlyList<AutomationRecipeResponse> All =
    [
        new("proposal-not-accepted", "Remind the planner when a proposal is viewed but not accepted in 3 days",
            "Three days after the couple first opened a proposal, if they have not accepted it, the lead's planner is told (the admins when nobody is assigned).",
            new AutomationRuleRequest("Proposal viewed, not accepted in 3 days", AutomationTrigger.ProposalNotAccepted, null, 3, [],
                [new AutomationAction(AutomationActionKind.NotifyStaff, Staff: AutomationStaff.Assignee, Subject: "{{coupleNames}} have not accepted the proposal",
                    Text: "{{coupleNames}} viewed their proposal {{days}} days ago and have not accepted it yet. A call now often decides it.")]),
            null),
        new("event-week-team", "Tell the team a week before an event",
            "Seven days before each event, the wedding's team is told in the app, by push and by e-mail.",
            new AutomationRuleRequest("Event in a week: tell the team", AutomationTrigger.EventSoon, null, 7, [],
                [new AutomationAction(AutomationActionKind.NotifyStaff, Staff: AutomationStaff.Team, Subject: "{{eventName}} is on {{eventDate}}",
                    Text: "{{weddingTitle}}: {{eventName}} is on {{eventDate}}, a week from now. Check the run of show, the vendors and the guest list.")]),
            null),
        new("contract-signed-thanks", "Thank the couple when the contract is signed",
            "When the couple signs their contract, they get a thank-you e-mail from the studio.",
            new AutomationRuleRequest("Contract signed: thank the couple", AutomationTrigger.ContractSigned, null, null, [],
                [new AutomationAction(AutomationActionKind.SendMessage, Channel: MessageChannel.Email, Subject: "Thank you, {{coupleNames}}",
                    Text: "Dear {{contactName}}, thank you for signing with us. We are delighted to plan your wedding and will be in touch with the next steps soon.")]),
            null),
        new("instalment-due-couple", "Remind the couple 3 days before an instalment is due",
            "Three days before an instalment of the couple's payment plan is due, the couple gets an e-mail.",
            new AutomationRuleRequest("Instalment due in 3 days: remind the couple", AutomationTrigger.InstalmentDue, null, 3, [],
                [new AutomationAction(AutomationActionKind.SendMessage, Channel: MessageChannel.Email, Subject: "{{amount}} is due {{due}}",
                    Text: "{{weddingTitle}}: the {{label}} of {{amount}} is due {{due}}. You can pay it online from your wedding's billing.")], Paused: true),
            "Starts paused: WedTech already reminds the couple of every instalment 3 days before it is due and again when it is late (in the app, by push and by e-mail). Resume it only if you want a second reminder in your own words."),
    ];
}

/// <summary>A new studio starts with the recipes, the paused ones paused.</summary>
internal sealed class AutomationRecipesSeeder(TimeProvider time) : ITenantSeeder
{
    public async Task SeedAsync(TenantDbContext db, Tenant tenant, CancellationToken cancellationToken)
    {
        if (await db.AutomationRules.AnyAsync(cancellationToken))
        {
            return;
        }
        var now = time.GetUtcNow();
        foreach (var recipe in AutomationRecipes.All)
        {
            var rule = recipe.Rule;
            db.AutomationRules.Add(new AutomationRule
            {
                Name = rule.Name, Trigger = rule.Trigger!.Value, StageId = rule.StageId, Days = rule.Days, Conditions = [.. rule.Conditions ?? []],
                Actions = [.. rule.Actions!], Paused = rule.Paused, ActiveSince = now, RecipeKey = recipe.Key, CreatedAt = now, UpdatedAt = now,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
