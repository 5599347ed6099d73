using System.ComponentModel.DataAnnotations;

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

/// <summary>
/// A lead entered or corrected by a planner. At least one of <see cref="Phone"/> and <see cref="Email"/>. A phone is stored in
/// E.164 (an Indian number may be given as the couple write it). <see cref="StageId"/> places a new lead in an open stage (the
/// first open stage when empty); an update leaves the stage alone (move it with the stage route).
/// </summary>
public sealed record LeadRequest(
    [property: Required, StringLength(200, MinimumLength = 1)] string Names,
    [property: Required, StringLength(200, MinimumLength = 1)] string ContactName,
    [property: StringLength(32)] string? Phone,
    [property: StringLength(254)] string? Email,
    [property: StringLength(200)] string? PartnerName,
    [property: StringLength(254)] string? PartnerEmail,
    [property: MaxLength(10)] IReadOnlyList<DateOnly>? Dates,
    [property: MaxLength(12)] IReadOnlyList<string>? Events,
    [property: StringLength(100)] string? City,
    [property: Range(1, 100_000)] int? GuestEstimate,
    BudgetBand? Budget,
    LeadSource? Source,
    [property: StringLength(4000)] string? Message,
    Guid? StageId,
    Guid? AssigneeId);

/// <summary>A lead with its stage, its assignee's name and its next open follow-up.</summary>
public sealed record LeadResponse(
    Guid Id, string Names, string ContactName, string? Phone, string? Email, string? PartnerName, string? PartnerEmail,
    IReadOnlyList<DateOnly> Dates, IReadOnlyList<string> Events, string? City, int? GuestEstimate, BudgetBand? Budget, LeadSource Source, string? Message,
    Guid StageId, string StageName, PipelineStageKind StageKind, DateTimeOffset StageChangedAt, Guid? AssigneeId, string? AssigneeName,
    string? LostReason, Guid? WeddingId, int PossibleDuplicates, DateTimeOffset? NextFollowUpAt, long Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>A line of the lead list (and of the duplicates offered for merge).</summary>
public sealed record LeadListItem(
    Guid Id, string Names, string ContactName, Guid StageId, string StageName, PipelineStageKind StageKind, LeadSource Source, string? City,
    IReadOnlyList<DateOnly> Dates, Guid? AssigneeId, string? AssigneeName, DateTimeOffset? NextFollowUpAt, DateTimeOffset CreatedAt, long Version);

/// <summary>A card of the board: what a planner scans a column for.</summary>
public sealed record LeadCard(
    Guid Id, string Names, IReadOnlyList<DateOnly> Dates, string? City, int? GuestEstimate, BudgetBand? Budget, LeadSource Source,
    Guid? AssigneeId, string? AssigneeName, int DaysInStage, DateTimeOffset? NextFollowUpAt, double Position, long Version);

/// <summary>A column of the board: a stage and its leads in their order. Won and Lost show their latest leads only; <see cref="Count"/> counts all.</summary>
public sealed record LeadBoardColumn(Guid StageId, string Name, PipelineStageKind Kind, int Count, IReadOnlyList<LeadCard> Leads);

public sealed record LeadBoardResponse(IReadOnlyList<LeadBoardColumn> Columns);

/// <summary>
/// Moves a lead to an open stage (or Proposal sent), between two neighbours of the target column: <see cref="AfterId"/> above
/// it, <see cref="BeforeId"/> below it, either empty at an end of the column. Won and Lost have their own routes.
/// </summary>
public sealed record LeadMoveRequest([property: Required] Guid? StageId, Guid? AfterId, Guid? BeforeId);

public sealed record LeadLostRequest([property: Required, StringLength(500, MinimumLength = 1)] string Reason);

public sealed record LeadWonResponse(Guid LeadId, Guid WeddingId);

/// <summary>
/// Something a planner did or will do: a call, a meeting, a WhatsApp chat, an e-mail or a note, with a follow-up when one is
/// asked for (when, and who: the planner writing when no one is named).
/// </summary>
public sealed record LeadActivityRequest(
    [property: Required] LeadActivityKind? Kind,
    [property: StringLength(4000)] string? Text,
    DateTimeOffset? FollowUpAt,
    Guid? FollowUpUserId);

public sealed record LeadActivityResponse(
    Guid Id, Guid LeadId, LeadActivityKind Kind, DateTimeOffset At, Guid? ByUserId, string? ByName, string? Text, Guid? StageId, Guid? SubjectId,
    DateTimeOffset? FollowUpAt, Guid? FollowUpUserId, string? FollowUpUserName, DateTimeOffset? FollowUpDoneAt);

/// <summary>Merges <see cref="OtherId"/> into the lead of the route: its timeline moves over, and it is deleted.</summary>
public sealed record LeadMergeRequest([property: Required] Guid? OtherId);

public sealed record PipelineStageResponse(Guid Id, string Name, int Position, PipelineStageKind Kind, int LeadCount, long Version);

/// <summary>A new open stage (added after the last open stage), or a stage's new name.</summary>
public sealed record PipelineStageRequest([property: Required, StringLength(60, MinimumLength = 1)] string Name);

/// <summary>Every stage's id once, in the new order. Won and Lost stay the last two.</summary>
public sealed record PipelineOrderRequest([property: Required, MaxLength(30)] IReadOnlyList<Guid>? StageIds);

/// <summary>
/// Leads created in the period from each source: how many, won, lost, the conversion (won of all leads, in percent, one
/// decimal) and the median days from inquiry to won.
/// </summary>
public sealed record LeadSourceConversion(LeadSource Source, int Leads, int Won, int Lost, decimal ConversionPercent, double? MedianDaysToWin);

public sealed record LeadConversionResponse(DateOnly From, DateOnly To, IReadOnlyList<LeadSourceConversion> Sources, LeadSourceConversion? Total);

/// <summary>The studio's public inquiry form: its address, and the snippet that embeds it in the studio's own website.</summary>
public sealed record InquiryFormResponse(string Url, string EmbedUrl, string Snippet);

/// <summary>Realtime, to the studio's people who see leads: the board changed (a lead added, moved, won…); fetch it again.</summary>
public sealed record LeadsChangedMessage(Guid? LeadId, string Change);
