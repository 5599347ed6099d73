namespace WedTech.Contracts;

/// <summary>Where a lead came from; conversion is reported per source.</summary>
public enum LeadSource { Website, Instagram, Facebook, WedMeGood, WeddingWire, ShaadiSaga, Referral, WalkIn, Phone, Other }

/// <summary>What a pipeline stage means to the product. Exactly one stage of each kind but <see cref="Open"/>.</summary>
/// <remarks>
/// New inquiries land in the first open stage; sending a proposal moves a lead still before it to <see cref="ProposalSent"/>;
/// <see cref="Won"/> and <see cref="Lost"/> end the lead (lost with a reason).
/// </remarks>
public enum PipelineStageKind { Open, ProposalSent, Won, Lost }

/// <summary>The budget a couple gives in an inquiry, in bands (an inquiry is no place for an exact amount).</summary>
public enum BudgetBand { Under10Lakh, From10To25Lakh, From25To50Lakh, From50LakhTo1Crore, From1To2Crore, Above2Crore }

/// <summary>
/// What happened on a lead, in its timeline. People record calls, meetings, WhatsApp chats, e-mails and notes; the product
/// records the rest. The timeline is also what automations watch (a lead created, a stage changed, a proposal viewed, a
/// contract signed), each line once.
/// </summary>
public enum LeadActivityKind
{
    Call, Meeting, WhatsApp, Email, Note,
    Created, InquiryReceived, StageChanged, Assigned, Merged, AutoReplySent,
    ProposalSent, ProposalViewed, ProposalAccepted, ProposalChangesAsked,
    ContractSent, ContractSigned, ContractCountersigned,
    Won, Lost,
}
