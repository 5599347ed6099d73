using System.ComponentModel.DataAnnotations;

namespace WedTech.Contracts;

/// <summary>
/// What starts a rule. The lead triggers watch the lead's timeline; the others are dates of a wedding, fired
/// <see cref="AutomationRuleRequest.Days"/> days before.
/// </summary>
public enum AutomationTrigger
{
    /// <summary>A lead was entered or an inquiry arrived.</summary>
    LeadCreated,
    /// <summary>A lead moved to <see cref="AutomationRuleRequest.StageId"/> (or to any stage when none is given).</summary>
    StageChanged,
    /// <summary>The couple viewed a proposal and had not accepted it N days later.</summary>
    ProposalNotAccepted,
    /// <summary>The couple signed a contract.</summary>
    ContractSigned,
    /// <summary>An instalment of the couple's payment plan, not paid in full, is due in N days.</summary>
    InstalmentDue,
    /// <summary>An event of a wedding starts in N days.</summary>
    EventSoon,
    /// <summary>The wedding's RSVP deadline is in N days.</summary>
    RsvpDeadline,
}

/// <summary>Whether a trigger is about a lead or a wedding.</summary>
public enum AutomationSubjectKind { Lead, Wedding }

public enum AutomationConditionKind
{
    /// <summary>The lead came from <see cref="AutomationCondition.Source"/>. Leads only.</summary>
    LeadSource,
    /// <summary>The lead's budget band is at least <see cref="AutomationCondition.Budget"/>. Leads only.</summary>
    BudgetAtLeast,
    /// <summary>The lead's guest estimate is at least <see cref="AutomationCondition.Number"/>. Leads only.</summary>
    GuestEstimateAtLeast,
    /// <summary>The lead is assigned to <see cref="AutomationCondition.UserId"/>. Leads only.</summary>
    AssignedTo,
    /// <summary>The lead asks for, or the wedding has, an event named <see cref="AutomationCondition.Text"/> ("Sangeet"). Both.</summary>
    HasEvent,
}

public enum AutomationActionKind
{
    /// <summary>A message to the couple (the lead's contact; on a wedding, the couple's accounts) on <see cref="AutomationAction.Channel"/>.</summary>
    SendMessage,
    /// <summary>Tells a member of the studio, in the app, by push and by e-mail.</summary>
    NotifyStaff,
    /// <summary>A follow-up on the lead for the assignee or a named user, <see cref="AutomationAction.Days"/> days later.</summary>
    CreateFollowUp,
    /// <summary>Moves the lead to the open stage <see cref="AutomationAction.StageId"/>.</summary>
    MoveLead,
    /// <summary>A task on the wedding: waits for the tasks module, refused for now.</summary>
    CreateTask,
}

/// <summary>Who a staff notice or a follow-up is for.</summary>
public enum AutomationStaff
{
    /// <summary>The lead's assignee (the studio's admins when the lead has none).</summary>
    Assignee,
    /// <summary>The wedding's team (staff, not the couple). Wedding triggers only.</summary>
    Team,
    /// <summary>The member named by <see cref="AutomationAction.UserId"/>.</summary>
    User,
}

public enum AutomationOutcome { Done, Skipped, Failed }

/// <summary>A condition of a rule; only the fields of its kind are read.</summary>
public sealed record AutomationCondition(
    [property: Required] AutomationConditionKind? Kind,
    LeadSource? Source = null,
    BudgetBand? Budget = null,
    [property: Range(0, 100_000)] int? Number = null,
    Guid? UserId = null,
    [property: StringLength(60)] string? Text = null);

/// <summary>
/// An action of a rule; only the fields of its kind are read. <see cref="Subject"/> and <see cref="Text"/> may hold merge
/// fields in double braces ({{coupleNames}}): <see cref="AutomationMergeFields.For"/> lists those of each trigger.
/// </summary>
public sealed record AutomationAction(
    [property: Required] AutomationActionKind? Kind,
    MessageChannel? Channel = null,
    [property: StringLength(200)] string? Subject = null,
    [property: StringLength(1000)] string? Text = null,
    AutomationStaff? Staff = null,
    Guid? UserId = null,
    Guid? StageId = null,
    [property: Range(0, 60)] int? Days = null);

/// <summary>
/// A rule. <see cref="Days"/> is N for the triggers that have one (proposal not accepted: 1–60 days after viewing; instalment,
/// event, RSVP deadline: 0–60 days before). <see cref="StageId"/>: the stage a stage-changed trigger waits for (none: any).
/// </summary>
public sealed record AutomationRuleRequest(
    [property: Required, StringLength(100, MinimumLength = 1)] string Name,
    [property: Required] AutomationTrigger? Trigger,
    Guid? StageId,
    [property: Range(0, 60)] int? Days,
    [property: MaxLength(10)] IReadOnlyList<AutomationCondition>? Conditions,
    [property: Required, MinLength(1), MaxLength(5)] IReadOnlyList<AutomationAction>? Actions,
    bool Paused = false);

/// <summary>
/// A rule as stored. <see cref="ActiveSince"/>: when it was created or last resumed; it fires only for what happens (or falls
/// due) from then on, never for what happened before or while it was paused.
/// </summary>
public sealed record AutomationRuleResponse(
    Guid Id, string Name, AutomationTrigger Trigger, Guid? StageId, int? Days, IReadOnlyList<AutomationCondition> Conditions,
    IReadOnlyList<AutomationAction> Actions, bool Paused, DateTimeOffset ActiveSince, string? RecipeKey, int Fired,
    DateTimeOffset? LastFiredAt, long Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>One firing of a rule for a subject (a lead or a wedding) and occurrence (a timeline line, a due date).</summary>
public sealed record AutomationFiringResponse(
    Guid Id, Guid RuleId, string RuleName, AutomationSubjectKind SubjectKind, Guid SubjectId, string SubjectName, string Occurrence,
    DateTimeOffset At, AutomationOutcome Outcome, string? Reason);

/// <summary>A built-in rule to add; <see cref="Note"/> says why one starts paused.</summary>
public sealed record AutomationRecipeResponse(string Key, string Name, string Description, AutomationRuleRequest Rule, string? Note);

/// <summary>The merge fields each trigger gives a message's subject and text.</summary>
public static class AutomationMergeFields
{
    public static IReadOnlyList<string> For(AutomationTrigger trigger) => trigger switch
    {
        AutomationTrigger.LeadCreated or AutomationTrigger.StageChanged or AutomationTrigger.ContractSigned =>
            ["coupleNames", "contactName", "stageName", "studioName"],
        AutomationTrigger.ProposalNotAccepted => ["coupleNames", "contactName", "stageName", "days", "studioName"],
        AutomationTrigger.InstalmentDue => ["coupleNames", "weddingTitle", "label", "amount", "due", "studioName"],
        AutomationTrigger.EventSoon => ["coupleNames", "weddingTitle", "eventName", "eventDate", "studioName"],
        AutomationTrigger.RsvpDeadline => ["coupleNames", "weddingTitle", "deadline", "studioName"],
        _ => ["studioName"],
    };

    public static AutomationSubjectKind SubjectOf(AutomationTrigger trigger) =>
        trigger is AutomationTrigger.InstalmentDue or AutomationTrigger.EventSoon or AutomationTrigger.RsvpDeadline
            ? AutomationSubjectKind.Wedding
            : AutomationSubjectKind.Lead;
}

/// <summary>A pipeline stage, as the rule editor offers it.</summary>
public sealed record AutomationStageChoice(Guid Id, string Name, PipelineStageKind Kind);

/// <summary>An active member of the staff, whom a condition or an action may name.</summary>
public sealed record AutomationMemberChoice(Guid Id, string Name, Role Role);

/// <summary>
/// What the rule editor offers: the studio's stages and its active staff (the merge fields of each trigger are
/// <see cref="AutomationMergeFields.For"/>).
/// </summary>
public sealed record AutomationChoicesResponse(IReadOnlyList<AutomationStageChoice> Stages, IReadOnlyList<AutomationMemberChoice> Members);
