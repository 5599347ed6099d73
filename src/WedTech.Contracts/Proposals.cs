using System.ComponentModel.DataAnnotations;

namespace WedTech.Contracts;

/// <summary>Limits of packages and proposals.</summary>
public static class ProposalLimits
{
    public const int MaxLines = 60;
    public const int MaxService = 150;
    public const int MaxDescription = 500;
    public const int MaxTitle = 150;
    public const int MaxIntro = 4000;
    public const int MaxInstalments = 12;
    public const int MaxMessage = 2000;
    public const int MaxName = 120;
    public const int MaxPackagesPerStudio = 200;
    public const int MaxProposalsPerLead = 30;
}

/// <summary>Where a proposal stands: a draft (never sent, or changed since it was last sent), sent, or accepted by the couple (then frozen).</summary>
public enum ProposalStatus { Draft, Sent, Accepted }

/// <summary>A discount on the taxable value: a sum in paise, or a percentage in basis points (1000 = 10%).</summary>
public enum DiscountKind { Amount, Percent }

/// <summary>
/// A line of a package or a proposal: a service, its quantity, unit price in paise before GST, GST rate in basis points and
/// SAC (998596, event management, when left out). An optional line is one the couple may take or leave; IncludedByDefault says
/// whether it starts taken.
/// </summary>
public sealed record ProposalLineRequest(
    [property: Required, StringLength(ProposalLimits.MaxService, MinimumLength = 1)] string Service,
    [property: StringLength(ProposalLimits.MaxDescription)] string? Description,
    [property: StringLength(8)] string? Sac,
    [property: Range(1, InvoiceLimits.MaxQuantity)] int? Quantity,
    [property: Required, Range(0, VendorLimits.MaxAmountPaise)] long? UnitPaise,
    [property: Required] int? GstRateBasisPoints,
    bool? Optional,
    bool? IncludedByDefault);

/// <summary>A line as stored. Its id is what the couple's choice of options names.</summary>
public sealed record ProposalLine(
    Guid Id, string Service, string? Description, string Sac, int Quantity, long UnitPaise, int GstRateBasisPoints, bool Optional, bool IncludedByDefault);

/// <summary>A service template of the studio's catalogue, whose lines a proposal copies.</summary>
public sealed record PackageRequest(
    [property: Required, StringLength(ProposalLimits.MaxTitle, MinimumLength = 1)] string Name,
    [property: StringLength(ProposalLimits.MaxIntro)] string? Description,
    [property: Required, MaxLength(ProposalLimits.MaxLines)] IReadOnlyList<ProposalLineRequest>? Lines);

public sealed record PackageResponse(Guid Id, string Name, string? Description, IReadOnlyList<ProposalLine> Lines, long Version);

/// <summary>
/// An instalment of a proposal's payment plan, as a share of the total in basis points (5000 = 50%): the couple's total depends
/// on the options they take, so the plan is in shares, which must come to 100%. The amounts are worked out from the total.
/// </summary>
public sealed record ProposalInstalmentRequest(
    [property: Required, StringLength(80, MinimumLength = 1)] string Label,
    [property: Required] InstalmentKind? Kind,
    [property: Required] DateOnly? DueOn,
    [property: Required, Range(1, 10_000)] int? ShareBasisPoints);

public sealed record ProposalInstalment(string Label, InstalmentKind Kind, DateOnly DueOn, int ShareBasisPoints);

/// <summary>
/// A proposal's draft. <see cref="PackageIds"/>: packages whose lines are added after <see cref="Lines"/> (a proposal made from
/// one or more packages). <see cref="Discount"/> is on the taxable value, before GST.
/// </summary>
public sealed record ProposalRequest(
    [property: Required, StringLength(ProposalLimits.MaxTitle, MinimumLength = 1)] string Title,
    [property: StringLength(ProposalLimits.MaxIntro)] string? Intro,
    [property: MaxLength(ProposalLimits.MaxLines)] IReadOnlyList<ProposalLineRequest>? Lines,
    [property: MaxLength(10)] IReadOnlyList<Guid>? PackageIds,
    DiscountKind? DiscountKind,
    [property: Range(0, VendorLimits.MaxAmountPaise)] long? DiscountValue,
    DateOnly? ValidUntil,
    [property: MaxLength(ProposalLimits.MaxInstalments)] IReadOnlyList<ProposalInstalmentRequest>? Plan);

/// <summary>GST at one rate: the taxable value at that rate (after the discount) and its tax.</summary>
public sealed record GstAtRate(int GstRateBasisPoints, long TaxablePaise, long GstPaise);

/// <summary>An instalment with its amount, worked out from the total.</summary>
public sealed record ProposalPlanAmount(string Label, InstalmentKind Kind, DateOnly DueOn, int ShareBasisPoints, long AmountPaise);

/// <summary>
/// What a proposal comes to with a choice of options: the lines taken, their sum, the discount, the taxable value, GST per rate
/// (one figure a rate: whether it is CGST + SGST or IGST is known only when the invoice names the place of supply), the
/// round-off to whole rupees, the total and the plan's amounts.
/// </summary>
public sealed record ProposalTotals(
    IReadOnlyList<Guid> Taken, long SubtotalPaise, long DiscountPaise, long TaxablePaise, IReadOnlyList<GstAtRate> Gst, long GstPaise, long RoundOffPaise,
    long TotalPaise, IReadOnlyList<ProposalPlanAmount> Plan);

/// <summary>A sent version: frozen, kept for ever. Views are counted once a visit.</summary>
public sealed record ProposalVersionResponse(
    Guid Id, int Number, string Title, string? Intro, IReadOnlyList<ProposalLine> Lines, DiscountKind? DiscountKind, long DiscountValue, DateOnly? ValidUntil,
    IReadOnlyList<ProposalInstalment> Plan, ProposalTotals Totals, DateTimeOffset SentAt, int Views, DateTimeOffset? FirstViewedAt, DateTimeOffset? LastViewedAt,
    bool Superseded, ProposalAcceptance? Acceptance);

/// <summary>What the couple accepted: who (the name they typed), when, from where, the options taken and what it came to.</summary>
public sealed record ProposalAcceptance(string Name, DateTimeOffset At, string? IpAddress, string? UserAgent, ProposalTotals Totals);

public sealed record ProposalResponse(
    Guid Id, Guid LeadId, ProposalStatus Status, string Title, string? Intro, IReadOnlyList<ProposalLine> Lines, DiscountKind? DiscountKind, long DiscountValue,
    DateOnly? ValidUntil, IReadOnlyList<ProposalInstalment> Plan, ProposalTotals Totals, bool ChangedSinceSent, string? Link,
    IReadOnlyList<ProposalVersionResponse> Versions, string? ChangesAsked, DateTimeOffset CreatedAt, long Version);

public sealed record ProposalSummary(
    Guid Id, Guid LeadId, ProposalStatus Status, string Title, long TotalPaise, int SentVersions, int Views, DateTimeOffset? LastViewedAt, DateOnly? ValidUntil,
    DateTimeOffset UpdatedAt, long Version);

/// <summary>Send the proposal: by e-mail, and/or WhatsApp or SMS, to the lead's contact. Left out: e-mail when the lead has one, else WhatsApp.</summary>
public sealed record SendProposalRequest([property: MaxLength(3)] IReadOnlyList<MessageChannel>? Channels);

public sealed record SendProposalResponse(ProposalResponse Proposal, int VersionNumber, string Link, IReadOnlyList<MessageChannel> SentBy);

/// <summary>What the couple's page shows: the studio, the latest sent version, whether it may still be accepted and why not.</summary>
public sealed record CoupleProposalResponse(
    string StudioName, string LeadNames, ProposalVersionResponse Proposal, bool CanAccept, string? WhyNot, ProposalStatus Status);

/// <summary>
/// The couple's acceptance of a version: the options they take (ids of optional lines; the others are left), and their name.
/// The total is worked out again by the server from these choices.
/// </summary>
public sealed record AcceptProposalRequest(
    [property: Required, Range(1, 1000)] int? VersionNumber,
    [property: MaxLength(ProposalLimits.MaxLines)] IReadOnlyList<Guid>? Options,
    [property: Required, StringLength(ProposalLimits.MaxName, MinimumLength = 2)] string Name);

public sealed record AskForChangesRequest(
    [property: Required, Range(1, 1000)] int? VersionNumber,
    [property: Required, StringLength(ProposalLimits.MaxMessage, MinimumLength = 2)] string Message,
    [property: StringLength(ProposalLimits.MaxName)] string? Name);
