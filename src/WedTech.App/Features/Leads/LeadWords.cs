using System.Globalization;

namespace WedTech.App.Features.Leads;

/// <summary>How leads read: budgets, sources, the timeline's kinds, dates and days in a stage.</summary>
public static class LeadWords
{
    public static string Of(BudgetBand band) => band switch
    {
        BudgetBand.Under10Lakh => "Under ₹10 L",
        BudgetBand.From10To25Lakh => "₹10–25 L",
        BudgetBand.From25To50Lakh => "₹25–50 L",
        BudgetBand.From50LakhTo1Crore => "₹50 L–1 Cr",
        BudgetBand.From1To2Crore => "₹1–2 Cr",
        _ => "Above ₹2 Cr",
    };

    public static string Of(LeadSource source) => source switch
    {
        LeadSource.WedMeGood => "WedMeGood",
        LeadSource.WeddingWire => "WeddingWire",
        LeadSource.ShaadiSaga => "ShaadiSaga",
        LeadSource.WalkIn => "Walk-in",
        _ => source.ToString(),
    };

    public static string Of(LeadActivityKind kind) => kind switch
    {
        LeadActivityKind.WhatsApp => "WhatsApp",
        LeadActivityKind.Email => "E-mail",
        LeadActivityKind.InquiryReceived => "Inquiry",
        LeadActivityKind.StageChanged => "Moved",
        LeadActivityKind.AutoReplySent => "Auto-reply",
        LeadActivityKind.ProposalSent => "Proposal sent",
        LeadActivityKind.ProposalViewed => "Proposal viewed",
        LeadActivityKind.ProposalAccepted => "Proposal accepted",
        LeadActivityKind.ProposalChangesAsked => "Changes asked",
        LeadActivityKind.ContractSent => "Contract sent",
        LeadActivityKind.ContractSigned => "Contract signed",
        LeadActivityKind.ContractCountersigned => "Contract countersigned",
        _ => kind.ToString(),
    };

    /// <summary>What a planner records by hand.</summary>
    public static readonly LeadActivityKind[] Recorded = [LeadActivityKind.Call, LeadActivityKind.Meeting, LeadActivityKind.WhatsApp, LeadActivityKind.Email, LeadActivityKind.Note];

    public static string Dates(IReadOnlyList<DateOnly> dates) => dates.Count == 0 ? "No dates yet"
        : dates.Count == 1 ? dates[0].ToString("d MMM yyyy", CultureInfo.InvariantCulture)
        : $"{dates[0].ToString("d MMM", CultureInfo.InvariantCulture)}–{dates[^1].ToString("d MMM yyyy", CultureInfo.InvariantCulture)}";

    public static string DaysIn(int days) => days switch { 0 => "today", 1 => "1 day", _ => $"{days} days" };

    public static string When(DateTimeOffset at) => at.ToLocalTime().ToString("d MMM, h:mm tt", CultureInfo.InvariantCulture);
}
