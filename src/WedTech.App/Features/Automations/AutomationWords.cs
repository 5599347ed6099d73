using MudBlazor;

namespace WedTech.App.Features.Automations;

/// <summary>How the automations page names triggers, actions and outcomes for the planner.</summary>
public static class AutomationWords
{
    public static string Trigger(AutomationTrigger trigger, int? days, string? stage) => trigger switch
    {
        AutomationTrigger.LeadCreated => "A lead arrives",
        AutomationTrigger.StageChanged => stage is null ? "A lead changes stage" : $"A lead moves to {stage}",
        AutomationTrigger.ProposalNotAccepted => $"A proposal is viewed and not accepted in {days} day{(days == 1 ? "" : "s")}",
        AutomationTrigger.ContractSigned => "The couple signs a contract",
        AutomationTrigger.InstalmentDue => $"An instalment is due in {days} day{(days == 1 ? "" : "s")}",
        AutomationTrigger.EventSoon => $"An event is {days} day{(days == 1 ? "" : "s")} away",
        AutomationTrigger.RsvpDeadline => $"The RSVP deadline is {days} day{(days == 1 ? "" : "s")} away",
        _ => trigger.ToString(),
    };

    public static string TriggerName(AutomationTrigger trigger) => trigger switch
    {
        AutomationTrigger.LeadCreated => "A lead arrives",
        AutomationTrigger.StageChanged => "A lead changes stage",
        AutomationTrigger.ProposalNotAccepted => "A proposal is not accepted N days after viewing",
        AutomationTrigger.ContractSigned => "The couple signs a contract",
        AutomationTrigger.InstalmentDue => "An instalment is due in N days",
        AutomationTrigger.EventSoon => "An event is N days away",
        AutomationTrigger.RsvpDeadline => "The RSVP deadline is N days away",
        _ => trigger.ToString(),
    };

    public static bool TakesDays(AutomationTrigger? trigger) => trigger is AutomationTrigger.ProposalNotAccepted or AutomationTrigger.InstalmentDue
        or AutomationTrigger.EventSoon or AutomationTrigger.RsvpDeadline;

    public static string Action(AutomationAction action, Func<Guid?, string?> stage) => action.Kind switch
    {
        AutomationActionKind.SendMessage => $"Send the couple {(action.Channel switch { MessageChannel.Sms => "an SMS", MessageChannel.WhatsApp => "a WhatsApp message", _ => "an e-mail" })}",
        AutomationActionKind.NotifyStaff => action.Staff switch { AutomationStaff.Team => "Tell the wedding's team", AutomationStaff.User => "Tell a named person", _ => "Tell the lead's planner" },
        AutomationActionKind.CreateFollowUp => $"Add a follow-up in {action.Days ?? 0} day{(action.Days == 1 ? "" : "s")}",
        AutomationActionKind.MoveLead => $"Move the lead to {stage(action.StageId) ?? "another stage"}",
        _ => "Create a task",
    };

    public static string ActionName(AutomationActionKind kind) => kind switch
    {
        AutomationActionKind.SendMessage => "Send the couple a message",
        AutomationActionKind.NotifyStaff => "Tell someone in the studio",
        AutomationActionKind.CreateFollowUp => "Add a follow-up on the lead",
        AutomationActionKind.MoveLead => "Move the lead",
        _ => "Create a task (coming with tasks)",
    };

    public static string Outcome(AutomationOutcome outcome) => outcome switch
    {
        AutomationOutcome.Done => "Done",
        AutomationOutcome.Skipped => "Skipped",
        _ => "Failed",
    };

    public static Color ColorOf(AutomationOutcome outcome) => outcome switch
    {
        AutomationOutcome.Done => Color.Success,
        AutomationOutcome.Skipped => Color.Default,
        _ => Color.Error,
    };
}
