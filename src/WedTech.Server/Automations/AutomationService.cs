using System.Text.RegularExpressions;
using WedTech.Server.Identity;
using WedTech.Server.Leads;
using WedTech.Server.Platform.Audit;

namespace WedTech.Server.Automations;

/// <summary>The studio's automation rules: saved only when they can run (every field fits the trigger, no loop), paused and resumed, and their history.</summary>
public sealed partial class AutomationService(TenantDbContext db, ILeadDirectory leads, UserDirectory users, AuditLog audit, TimeProvider time)
{
    /// <summary>Rules a studio may have; a sweep reads each of them every few minutes.</summary>
    public const int MaxRules = 100;

    public async Task<IReadOnlyList<AutomationRuleResponse>> ListAsync(CancellationToken cancellationToken)
    {
        var rules = await db.AutomationRules.AsNoTracking().OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        var counts = await db.AutomationFirings.AsNoTracking().Where(f => f.Outcome == AutomationOutcome.Done).GroupBy(f => f.RuleId)
            .Select(g => new { g.Key, Count = g.Count(), Last = g.Max(f => f.At) }).ToListAsync(cancellationToken);
        return [.. rules.Select(r => counts.FirstOrDefault(c => c.Key == r.Id) is { } c ? ToResponse(r, c.Count, c.Last) : ToResponse(r, 0, null))];
    }

    public async Task<AutomationRuleResponse> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await ResponseAsync(await db.AutomationRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw ApiException.NotFound("Automation"), cancellationToken);

    public async Task<AutomationRuleResponse> CreateAsync(AutomationRuleRequest request, string? recipeKey, CancellationToken cancellationToken)
    {
        if (await db.AutomationRules.CountAsync(cancellationToken) >= MaxRules)
        {
            throw ApiException.Conflict($"Your studio has {MaxRules} automations, the most it may have. Remove one you no longer use first.");
        }
        var rule = new AutomationRule { Name = "", RecipeKey = recipeKey };
        await ApplyAsync(rule, request, isNew: true, cancellationToken);
        db.AutomationRules.Add(rule);
        audit.Record("automation.created", nameof(AutomationRule), rule.Id, rule.Name);
        await db.SaveChangesAsync(cancellationToken);
        return ToResponse(rule, 0, null);
    }

    public async Task<AutomationRuleResponse> UpdateAsync(Guid id, AutomationRuleRequest request, long expectedVersion, CancellationToken cancellationToken)
    {
        var rule = await db.AutomationRules.FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw ApiException.NotFound("Automation");
        Concurrency.Expect(rule, expectedVersion, "automation");
        await ApplyAsync(rule, request, isNew: false, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await ResponseAsync(rule, cancellationToken);
    }

    public async Task DeleteAsync(Guid id, long? expectedVersion, CancellationToken cancellationToken)
    {
        var rule = await db.AutomationRules.FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw ApiException.NotFound("Automation");
        Concurrency.Expect(rule, expectedVersion, "automation");
        db.AutomationRules.Remove(rule);
        audit.Record("automation.deleted", nameof(AutomationRule), rule.Id, rule.Name);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Pausing stops the rule firing; resuming does not fire what happened, or fell due, while it was paused.</summary>
    public async Task<AutomationRuleResponse> SetPausedAsync(Guid id, bool paused, long? expectedVersion, CancellationToken cancellationToken)
    {
        var rule = await db.AutomationRules.FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw ApiException.NotFound("Automation");
        Concurrency.Expect(rule, expectedVersion, "automation");
        if (rule.Paused != paused)
        {
            rule.Paused = paused;
            if (!paused)
            {
                // Checked as it would run: resumed (a refusal saves nothing).
                var errors = new FieldErrors();
                await CheckLoopsAsync(rule, errors, cancellationToken);
                errors.ThrowIfAny();
                rule.ActiveSince = time.GetUtcNow();
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        return await ResponseAsync(rule, cancellationToken);
    }

    public async Task<PagedResponse<AutomationFiringResponse>> HistoryAsync(Guid? ruleId, AutomationOutcome? outcome, Paging paging, CancellationToken cancellationToken)
    {
        if (ruleId is { } id && !await db.AutomationRules.AnyAsync(r => r.Id == id, cancellationToken))
        {
            throw ApiException.NotFound("Automation");
        }
        var query = db.AutomationFirings.AsNoTracking();
        if (ruleId is { } rule)
        {
            query = query.Where(f => f.RuleId == rule);
        }
        if (outcome is { } wanted)
        {
            query = query.Where(f => f.Outcome == wanted);
        }
        var rules = db.AutomationRules.AsNoTracking();
        return await query.OrderByDescending(f => f.Id).ToPageAsync(paging, f => new AutomationFiringResponse(f.Id, f.RuleId,
            rules.Where(r => r.Id == f.RuleId).Select(r => r.Name).FirstOrDefault() ?? "", f.SubjectKind, f.SubjectId, f.SubjectName, f.Occurrence, f.At, f.Outcome, f.Reason),
            cancellationToken);
    }

    public static IReadOnlyList<AutomationRecipeResponse> Recipes() => AutomationRecipes.All;

    public async Task<AutomationChoicesResponse> ChoicesAsync(CancellationToken cancellationToken) =>
        new([.. (await leads.StagesAsync(cancellationToken)).Select(s => new AutomationStageChoice(s.Id, s.Name, s.Kind))],
            await db.Users.AsNoTracking().Where(u => u.Status == UserStatus.Active && u.Role != Role.Client).OrderBy(u => u.Name)
                .Select(u => new AutomationMemberChoice(u.Id, u.Name, u.Role)).ToListAsync(cancellationToken));

    public async Task<AutomationRuleResponse> AddRecipeAsync(string key, CancellationToken cancellationToken)
    {
        var recipe = AutomationRecipes.All.FirstOrDefault(r => r.Key == key) ?? throw ApiException.NotFound("Recipe");
        return await CreateAsync(recipe.Rule, recipe.Key, cancellationToken);
    }

    private async Task ApplyAsync(AutomationRule rule, AutomationRuleRequest request, bool isNew, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var trigger = request.Trigger!.Value;
        var subject = AutomationMergeFields.SubjectOf(trigger);
        var stages = await leads.StagesAsync(cancellationToken);
        var name = request.Name.Trim();
        if (name.Length == 0)
        {
            errors.Add("name", "Give the automation a name.");
        }
        if (trigger == AutomationTrigger.StageChanged)
        {
            if (request.StageId is { } stage && stages.All(s => s.Id != stage))
            {
                errors.Add("stageId", "There is no such stage in your pipeline.");
            }
        }
        else if (request.StageId is not null)
        {
            errors.Add("stageId", "Only a “stage changed” automation waits for a stage.");
        }
        var (minDays, needsDays) = trigger switch
        {
            AutomationTrigger.ProposalNotAccepted => (1, true),
            AutomationTrigger.InstalmentDue or AutomationTrigger.EventSoon or AutomationTrigger.RsvpDeadline => (0, true),
            _ => (0, false),
        };
        if (needsDays && request.Days is not { } days)
        {
            errors.Add("days", "Give the number of days (0 to 60).");
        }
        else if (needsDays && (request.Days < minDays || request.Days > 60))
        {
            errors.Add("days", $"Use {minDays} to 60 days.");
        }
        else if (!needsDays && request.Days is not null)
        {
            errors.Add("days", "This trigger takes no number of days.");
        }
        var conditions = request.Conditions ?? [];
        for (var i = 0; i < conditions.Count; i++)
        {
            await CheckConditionAsync(conditions[i], subject, $"conditions[{i}]", errors, cancellationToken);
        }
        var actions = request.Actions ?? [];
        var fields = AutomationMergeFields.For(trigger);
        for (var i = 0; i < actions.Count; i++)
        {
            await CheckActionAsync(actions[i], subject, fields, stages, $"actions[{i}]", errors, cancellationToken);
        }
        errors.ThrowIfAny();

        var changesWhen = isNew || rule.Trigger != trigger || rule.StageId != request.StageId || rule.Days != request.Days;
        rule.Name = name;
        rule.Trigger = trigger;
        rule.StageId = request.StageId;
        rule.Days = request.Days;
        rule.Conditions = [.. conditions.Select(Clean)];
        rule.Actions = [.. actions.Select(Clean)];
        var resumed = rule.Paused && !request.Paused;
        rule.Paused = request.Paused;
        if (changesWhen || resumed)
        {
            // A new, changed or resumed rule fires for what happens from now on, never for the past.
            rule.ActiveSince = time.GetUtcNow();
        }
        await CheckLoopsAsync(rule, errors, cancellationToken);
        errors.ThrowIfAny();
    }

    private async Task CheckConditionAsync(AutomationCondition condition, AutomationSubjectKind subject, string field, FieldErrors errors, CancellationToken cancellationToken)
    {
        var kind = condition.Kind!.Value;
        if (kind != AutomationConditionKind.HasEvent && subject == AutomationSubjectKind.Wedding)
        {
            errors.Add($"{field}.kind", "This condition is about a lead; this trigger is about a wedding. On a wedding, only “has an event” can be checked.");
            return;
        }
        switch (kind)
        {
            case AutomationConditionKind.LeadSource when condition.Source is null:
                errors.Add($"{field}.source", "Choose the source.");
                break;
            case AutomationConditionKind.BudgetAtLeast when condition.Budget is null:
                errors.Add($"{field}.budget", "Choose the budget band.");
                break;
            case AutomationConditionKind.GuestEstimateAtLeast when condition.Number is not > 0:
                errors.Add($"{field}.number", "Give the number of guests (1 or more).");
                break;
            case AutomationConditionKind.AssignedTo:
                if (condition.UserId is not { } user || !await IsStaffAsync(user, cancellationToken))
                {
                    errors.Add($"{field}.userId", "Choose an active member of your studio's staff.");
                }
                break;
            case AutomationConditionKind.HasEvent when string.IsNullOrWhiteSpace(condition.Text):
                errors.Add($"{field}.text", "Name the event (Mehendi, Sangeet…).");
                break;
        }
    }

    private async Task CheckActionAsync(AutomationAction action, AutomationSubjectKind subject, IReadOnlyList<string> fields,
        IReadOnlyList<(Guid Id, string Name, PipelineStageKind Kind)> stages, string field, FieldErrors errors, CancellationToken cancellationToken)
    {
        var kind = action.Kind!.Value;
        var onLead = subject == AutomationSubjectKind.Lead;
        switch (kind)
        {
            case AutomationActionKind.CreateTask:
                if (onLead)
                {
                    errors.Add($"{field}.kind", "A task goes on a wedding; this trigger is about a lead. Add a follow-up on the lead instead.");
                    return;
                }
                if (string.IsNullOrWhiteSpace(action.Subject))
                {
                    errors.Add($"{field}.subject", "Give the task's title.");
                }
                if (action.Staff is not (null or AutomationStaff.User or AutomationStaff.Team))
                {
                    errors.Add($"{field}.staff", "Assign the task to a member of staff or to the wedding's team, or to no one.");
                }
                if (action.Staff == AutomationStaff.User && (action.UserId is not { } assignee || !await IsStaffAsync(assignee, cancellationToken)))
                {
                    errors.Add($"{field}.userId", "Choose an active member of your studio's staff.");
                }
                break;
            case AutomationActionKind.SendMessage:
                if (action.Channel is not (MessageChannel.Email or MessageChannel.Sms or MessageChannel.WhatsApp))
                {
                    errors.Add($"{field}.channel", "Send by e-mail, SMS or WhatsApp.");
                }
                else if (!onLead && action.Channel != MessageChannel.Email)
                {
                    errors.Add($"{field}.channel", "On a wedding the couple is reached through their accounts, by e-mail: their phone is kept on the lead only.");
                }
                break;
            case AutomationActionKind.NotifyStaff:
                CheckStaff(action, onLead, allowTeam: true, field, errors);
                if (action.Staff == AutomationStaff.User && (action.UserId is not { } notified || !await IsStaffAsync(notified, cancellationToken)))
                {
                    errors.Add($"{field}.userId", "Choose an active member of your studio's staff.");
                }
                break;
            case AutomationActionKind.CreateFollowUp:
                if (!onLead)
                {
                    errors.Add($"{field}.kind", "A follow-up goes on a lead; this trigger is about a wedding. Notify the team instead.");
                    return;
                }
                CheckStaff(action, onLead, allowTeam: false, field, errors);
                if (action.Staff == AutomationStaff.User && (action.UserId is not { } follower || !await IsStaffAsync(follower, cancellationToken)))
                {
                    errors.Add($"{field}.userId", "Choose an active member of your studio's staff.");
                }
                if (action.Days is null)
                {
                    errors.Add($"{field}.days", "Give the number of days until the follow-up (0 to 60).");
                }
                break;
            case AutomationActionKind.MoveLead:
                if (!onLead)
                {
                    errors.Add($"{field}.kind", "Only a lead can be moved; this trigger is about a wedding.");
                    return;
                }
                var index = action.StageId is { } to ? stages.ToList().FindIndex(s => s.Id == to) : -1;
                if (index < 0)
                {
                    errors.Add($"{field}.stageId", "There is no such stage in your pipeline.");
                }
                else if (stages[index] is { Kind: PipelineStageKind.Won or PipelineStageKind.Lost } stage)
                {
                    errors.Add($"{field}.stageId", $"An automation moves leads between open stages; “{stage.Name}” is decided by a person.");
                }
                return;
        }
        if (string.IsNullOrWhiteSpace(action.Text))
        {
            errors.Add($"{field}.text", "Write the text.");
        }
        foreach (var (name, value) in new[] { ("subject", action.Subject), ("text", action.Text) })
        {
            var unknown = MergeFieldsOf(value).Where(f => !fields.Contains(f)).Distinct().ToList();
            if (unknown.Count > 0)
            {
                errors.Add($"{field}.{name}", $"{string.Join(", ", unknown.Select(u => $"{{{{{u}}}}}"))} is not a merge field of this trigger. Use: {string.Join(", ", fields.Select(f => $"{{{{{f}}}}}"))}.");
            }
        }
    }

    private static void CheckStaff(AutomationAction action, bool onLead, bool allowTeam, string field, FieldErrors errors)
    {
        switch (action.Staff)
        {
            case null:
                errors.Add($"{field}.staff", "Choose who: the assignee, the wedding's team or a named person.");
                break;
            case AutomationStaff.Assignee when !onLead:
                errors.Add($"{field}.staff", "A wedding has a team, not an assignee: choose the team or a named person.");
                break;
            case AutomationStaff.Team when onLead || !allowTeam:
                errors.Add($"{field}.staff", onLead ? "A lead has an assignee, not a team: choose the assignee or a named person." : "Choose the assignee or a named person.");
                break;
        }
    }

    /// <summary>Every {{…}} in a text, as written (a name the renderer would not fill is reported too).</summary>
    public static IEnumerable<string> MergeFieldsOf(string? text) =>
        text is null ? [] : AnyPlaceholder().Matches(text).Select(m => m.Groups[1].Value.Trim());

    [GeneratedRegex(@"\{\{([^{}]*)\}\}")]
    private static partial Regex AnyPlaceholder();

    private async Task<bool> IsStaffAsync(Guid userId, CancellationToken cancellationToken) =>
        await users.FindAsync(userId, cancellationToken) is { Status: UserStatus.Active, Role: not Role.Client };

    /// <summary>
    /// Refuses a rule that would start itself again: a lead moved by it reaches a stage that starts it, or starts another active
    /// rule whose move starts it, through any chain of the studio's active rules.
    /// </summary>
    private async Task CheckLoopsAsync(AutomationRule rule, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (rule.Paused || !rule.Actions.Any(a => a.Kind == AutomationActionKind.MoveLead))
        {
            return;
        }
        var others = await db.AutomationRules.AsNoTracking().Where(r => !r.Paused && r.Id != rule.Id && r.Trigger == AutomationTrigger.StageChanged).ToListAsync(cancellationToken);
        var all = others.Append(rule).ToList();
        IEnumerable<AutomationRule> Started(AutomationRule by) => by.Actions.Where(a => a.Kind == AutomationActionKind.MoveLead && a.StageId is not null)
            .SelectMany(a => all.Where(r => r.Trigger == AutomationTrigger.StageChanged && (r.StageId is null || r.StageId == a.StageId)));
        // Breadth first from the rule, keeping the way each rule was reached, until the rule itself is reached again.
        var reachedFrom = new Dictionary<Guid, AutomationRule?>();
        var queue = new Queue<AutomationRule>([rule]);
        while (queue.TryDequeue(out var current))
        {
            foreach (var next in Started(current))
            {
                if (next.Id == rule.Id)
                {
                    var chain = new List<string> { rule.Name };
                    for (var step = current; step.Id != rule.Id; step = reachedFrom[step.Id]!)
                    {
                        chain.Insert(1, step.Name);
                    }
                    chain.Add(rule.Name);
                    var index = rule.Actions.FindIndex(a => a.Kind == AutomationActionKind.MoveLead);
                    errors.Add($"actions[{index}].stageId", chain.Count == 2
                        ? $"“{rule.Name}” would start itself again: it moves the lead to a stage it is waiting for. Choose another stage."
                        : $"These automations would start each other in a loop: {string.Join(" → ", chain.Select(n => $"“{n}”"))}. Choose another stage, or pause one of them.");
                    return;
                }
                if (reachedFrom.TryAdd(next.Id, current))
                {
                    queue.Enqueue(next);
                }
            }
        }
    }

    private static AutomationCondition Clean(AutomationCondition c) => c.Kind switch
    {
        AutomationConditionKind.LeadSource => new(c.Kind, Source: c.Source),
        AutomationConditionKind.BudgetAtLeast => new(c.Kind, Budget: c.Budget),
        AutomationConditionKind.GuestEstimateAtLeast => new(c.Kind, Number: c.Number),
        AutomationConditionKind.AssignedTo => new(c.Kind, UserId: c.UserId),
        _ => new(c.Kind, Text: c.Text?.Trim()),
    };

    private static AutomationAction Clean(AutomationAction a) => a.Kind switch
    {
        AutomationActionKind.SendMessage => new(a.Kind, Channel: a.Channel, Subject: Trimmed(a.Subject), Text: a.Text?.Trim()),
        AutomationActionKind.NotifyStaff => new(a.Kind, Subject: Trimmed(a.Subject), Text: a.Text?.Trim(), Staff: a.Staff,
            UserId: a.Staff == AutomationStaff.User ? a.UserId : null),
        AutomationActionKind.CreateFollowUp => new(a.Kind, Text: a.Text?.Trim(), Staff: a.Staff, UserId: a.Staff == AutomationStaff.User ? a.UserId : null, Days: a.Days),
        AutomationActionKind.CreateTask => new(a.Kind, Subject: Trimmed(a.Subject), Text: a.Text?.Trim(), Staff: a.Staff,
            UserId: a.Staff == AutomationStaff.User ? a.UserId : null, Days: a.Days),
        _ => new(a.Kind, StageId: a.StageId),
    };

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task<AutomationRuleResponse> ResponseAsync(AutomationRule rule, CancellationToken cancellationToken)
    {
        var done = db.AutomationFirings.AsNoTracking().Where(f => f.RuleId == rule.Id && f.Outcome == AutomationOutcome.Done);
        var count = await done.CountAsync(cancellationToken);
        var last = count == 0 ? (DateTimeOffset?)null : await done.OrderByDescending(f => f.Id).Select(f => f.At).FirstAsync(cancellationToken);
        return ToResponse(rule, count, last);
    }

    private static AutomationRuleResponse ToResponse(AutomationRule r, int fired, DateTimeOffset? last) =>
        new(r.Id, r.Name, r.Trigger, r.StageId, r.Days, r.Conditions, r.Actions, r.Paused, r.ActiveSince, r.RecipeKey, fired, last, r.Version, r.CreatedAt, r.UpdatedAt);
}
