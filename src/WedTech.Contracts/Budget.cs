using System.ComponentModel.DataAnnotations;

namespace WedTech.Contracts;

/// <summary>
/// How the studio is paid for a wedding: a fixed fee, a percentage of what is spent with vendors, or a markup on vendors'
/// costs (kept inside the amounts the couple sees).
/// </summary>
public enum FeeModel { Fixed, PercentOfSpend, Markup }

/// <summary>
/// A budget line: <see cref="AmountPaise"/> planned, or, with <see cref="EventId"/> and <see cref="PerGuestPaise"/>, the
/// attending headcount of that event × the amount per guest (per-plate catering, favours, welcome kits).
/// <see cref="SharedWithCouple"/> (default true): the couple sees the line.
/// </summary>
public sealed record BudgetLineRequest(
    [property: Required, StringLength(VendorLimits.MaxCategory, MinimumLength = 1)] string Category,
    [property: Required, StringLength(200, MinimumLength = 1)] string Description,
    [property: Range(0, VendorLimits.MaxAmountPaise)] long? AmountPaise,
    Guid? EventId,
    [property: Range(0, VendorLimits.MaxAmountPaise)] long? PerGuestPaise,
    bool? SharedWithCouple,
    [property: StringLength(VendorLimits.MaxNotes)] string? Notes);

/// <summary>A line with its planned amount now (<see cref="Guests"/>: the headcount it was multiplied by, for a per-guest line).</summary>
public sealed record BudgetLineResponse(
    Guid Id, string Category, string Description, long? AmountPaise, Guid? EventId, string? EventName, long? PerGuestPaise, int? Guests,
    long PlannedPaise, bool SharedWithCouple, string? Notes, long Version);

/// <summary>
/// A category's money: planned (its lines), committed (its booked vendors' quotes with GST), paid (to them, TDS included) and
/// still to pay on what is committed.
/// </summary>
public sealed record BudgetCategory(string Name, long PlannedPaise, long CommittedPaise, long PaidPaise, long OutstandingPaise);

/// <summary>
/// The wedding's totals. <see cref="FeePaise"/>: the studio's fee by its model (for a markup, the markup on what is
/// committed). <see cref="CoupleTotalPaise"/>: what the wedding costs the couple: the larger of planned and committed in each
/// category, plus the fee.
/// </summary>
public sealed record BudgetTotals(long PlannedPaise, long CommittedPaise, long PaidPaise, long OutstandingPaise, long FeePaise, long CoupleTotalPaise);

/// <summary>An event's attending headcount from the RSVPs, and the headcount the budget used (a what-if's, when it set one).</summary>
public sealed record BudgetHeadcount(Guid EventId, string Name, int Attending, int Used);

/// <summary>The studio's fee and what the couple sees. <see cref="FeeBasisPoints"/>: the percentage or the markup (1000 = 10%).</summary>
public sealed record BudgetSettings(FeeModel FeeModel, long FeeFixedPaise, int FeeBasisPoints, bool SharedWithCouple);

/// <summary>The wedding's budget as the studio sees it. The ETag carries the version of its settings.</summary>
public sealed record BudgetResponse(
    Guid WeddingId, BudgetSettings Settings, IReadOnlyList<BudgetCategory> Categories, BudgetTotals Totals, IReadOnlyList<BudgetLineResponse> Lines,
    IReadOnlyList<BudgetHeadcount> Headcounts, bool IsWhatIf, long Version);

/// <summary>
/// Changes the fee model and whether the couple sees the budget. <see cref="FeeBasisPoints"/> 0–10000 (the percentage of
/// spend or the markup); <see cref="FeeFixedPaise"/> for a fixed fee.
/// </summary>
public sealed record BudgetSettingsRequest(
    [property: Required] FeeModel? FeeModel,
    [property: Range(0, VendorLimits.MaxAmountPaise)] long? FeeFixedPaise,
    [property: Range(0, 10_000)] int? FeeBasisPoints,
    bool? SharedWithCouple);

/// <summary>A line changed for a what-if: its planned amount or amount per guest, or removed.</summary>
public sealed record BudgetLineChange(
    [property: Required] Guid? Id,
    [property: Range(0, VendorLimits.MaxAmountPaise)] long? AmountPaise,
    [property: Range(0, VendorLimits.MaxAmountPaise)] long? PerGuestPaise,
    bool? Remove);

public sealed record WhatIfHeadcount([property: Required] Guid? EventId, [property: Required, Range(0, 100_000)] int? Guests);

/// <summary>
/// "What if the sangeet had 300 guests, and the favours cost ₹150 a head?": headcounts of events, changed lines and new
/// ones, and another fee; the budget as it would be, computed and not saved.
/// </summary>
public sealed record BudgetWhatIfRequest(
    [property: MaxLength(100)] IReadOnlyList<WhatIfHeadcount>? Headcounts,
    [property: MaxLength(500)] IReadOnlyList<BudgetLineChange>? Lines,
    [property: MaxLength(50)] IReadOnlyList<BudgetLineRequest>? NewLines,
    BudgetSettingsRequest? Settings);

/// <summary>A category as the couple sees it: the amount it costs them (any markup included), never the vendors' costs.</summary>
public sealed record SharedBudgetCategory(string Name, long AmountPaise, IReadOnlyList<SharedBudgetLine> Lines);

public sealed record SharedBudgetLine(string Description, long AmountPaise, int? Guests);

/// <summary>
/// The budget the studio shares with the couple: each category's amount (the larger of planned and committed, with the
/// markup when the studio works on one), the lines shared with them, and the studio's fee (none shown under a markup).
/// Empty, with <see cref="Shared"/> false, until the studio shares it.
/// </summary>
public sealed record SharedBudgetResponse(Guid WeddingId, bool Shared, IReadOnlyList<SharedBudgetCategory> Categories, long? FeePaise, long TotalPaise);
