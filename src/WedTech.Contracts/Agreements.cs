using System.ComponentModel.DataAnnotations;

namespace WedTech.Contracts;

/// <summary>
/// Where a contract stands: a <see cref="Draft"/> (never sent, or changed since its last version), sent and waiting for the
/// couple's signature, signed by the couple and waiting for the studio's, or <see cref="FullySigned"/> by both.
/// </summary>
public enum ContractStatus { Draft, AwaitingCouple, AwaitingStudio, FullySigned }

/// <summary>
/// Where a sent version stands. A version replaced by a newer one before both signed it is <see cref="Superseded"/>: its link
/// no longer works. A signed version never changes and stays downloadable.
/// </summary>
public enum ContractVersionState { AwaitingCouple, AwaitingStudio, FullySigned, Superseded }

/// <summary>Who signed: the couple (from the link, with a one-time code) or the studio (countersigning in the app).</summary>
public enum SignatureParty { Couple, Studio }

/// <summary>Limits of contracts and their templates.</summary>
public static class ContractLimits
{
    public const int MaxTitle = 120;
    public const int MaxBody = 40_000;
    public const int MaxTerms = 4_000;
    public const int MaxVenues = 500;
    public const int MaxName = 120;
    /// <summary>A drawn signature, as a PNG data URL: at most this many characters (about 150 KB of PNG).</summary>
    public const int MaxSignatureChars = 200_000;
    public const int MaxInstalments = 24;
}

/// <summary>
/// A contract template: a title and a body in simple markup — a paragraph per blank-line-separated block, "# " and "## " for
/// headings, "- " for a bullet — with merge fields like <c>{{couple.names}}</c> (see <c>GET /contract-templates/fields</c>).
/// </summary>
public sealed record ContractTemplateRequest(
    [property: Required, StringLength(ContractLimits.MaxTitle, MinimumLength = 1)] string Title,
    [property: Required, StringLength(ContractLimits.MaxBody, MinimumLength = 1)] string Body);

public sealed record ContractTemplateResponse(Guid Id, string Title, string Body, bool BuiltIn, long Version, DateTimeOffset UpdatedAt);

/// <summary>A merge field a template may use, and what it becomes.</summary>
public sealed record MergeFieldResponse(string Name, string Description);

/// <summary>
/// A contract for a lead. On create, <see cref="TemplateId"/> gives its title and body (both may be given to change them); the
/// fee (paise), payment plan and cancellation terms are the contract's own. <see cref="Venues"/>: the venues as the contract
/// names them (the lead has none yet).
/// </summary>
public sealed record ContractRequest(
    Guid? TemplateId,
    [property: StringLength(ContractLimits.MaxTitle)] string? Title,
    [property: StringLength(ContractLimits.MaxBody)] string? Body,
    [property: Required, Range(0, VendorLimits.MaxAmountPaise)] long? FeePaise,
    IReadOnlyList<InstalmentRequest>? PaymentPlan,
    [property: StringLength(ContractLimits.MaxTerms)] string? CancellationTerms,
    [property: StringLength(ContractLimits.MaxVenues)] string? Venues);

/// <summary>
/// What a new contract for a lead starts from: the fee and payment plan of the lead's accepted proposal (its total with the
/// options the couple took), or no fee and no plan when none was accepted.
/// </summary>
public sealed record ContractDefaultsResponse(long? FeePaise, IReadOnlyList<ContractInstalment> PaymentPlan, string? ProposalTitle, int? ProposalVersion);

/// <summary>An instalment of a contract's payment plan.</summary>
public sealed record ContractInstalment(Guid Id, string Label, InstalmentKind Kind, DateOnly DueOn, long AmountPaise);

/// <summary>What was kept of a signature: who, when (viewed, code sent, code verified, signed), from where, how they proved who they were, and the document's hash they signed.</summary>
public sealed record SignatureEvidence(
    SignatureParty Party, string Name, DateTimeOffset? ViewedAt, DateTimeOffset? CodeSentAt, DateTimeOffset? CodeVerifiedAt, DateTimeOffset SignedAt,
    string? Ip, string? UserAgent, string? OtpChannel, string? MaskedDestination, string DocumentSha256);

/// <summary>A line of a version's audit trail (what the certificate page lists).</summary>
public sealed record ContractTrailLine(DateTimeOffset At, string What, string? Ip, string? UserAgent, string? Channel, string? Sha256);

/// <summary>
/// A sent version: frozen text, the PDF sent (and its SHA-256), and once both signed, the final PDF (pages, signatures and the
/// certificate page) with its own SHA-256.
/// </summary>
public sealed record ContractVersionResponse(
    int Number, ContractVersionState State, string Title, string Text, DateTimeOffset SentAt, string DocumentSha256, string? FinalSha256,
    DateTimeOffset? SignedAt, IReadOnlyList<SignatureEvidence> Signatures, IReadOnlyList<ContractTrailLine> Trail);

public sealed record ContractResponse(
    Guid Id, Guid LeadId, Guid? WeddingId, Guid? TemplateId, string Title, string Body, long FeePaise, IReadOnlyList<ContractInstalment> PaymentPlan,
    string? CancellationTerms, string? Venues, ContractStatus Status, IReadOnlyList<ContractVersionResponse> Versions, long Version, DateTimeOffset UpdatedAt);

/// <summary>A contract in a list: its latest state and versions' numbers.</summary>
public sealed record ContractSummary(Guid Id, Guid LeadId, Guid? WeddingId, string Title, long FeePaise, ContractStatus Status, int? LatestVersion,
    IReadOnlyList<int> SignedVersions, long Version, DateTimeOffset UpdatedAt);

/// <summary>Sent to the couple: the link goes by e-mail when the lead has an address, else by SMS.</summary>
public sealed record ContractSentResponse(int Number, string DocumentSha256, MessageChannel Channel, ContractResponse Contract);

/// <summary>
/// The studio's countersignature: the signer's full name as typed, the drawn signature (a PNG data URL) and consent to sign
/// electronically.
/// </summary>
public sealed record CountersignRequest(
    [property: Required, StringLength(ContractLimits.MaxName, MinimumLength = 2)] string Name,
    [property: Required, StringLength(ContractLimits.MaxSignatureChars, MinimumLength = 1)] string Signature,
    [property: Required] bool? Consent);

/// <summary>A signed version the couple can read and download, on their wedding.</summary>
public sealed record WeddingContractResponse(Guid Id, string Title, int Number, ContractVersionState State, DateTimeOffset SentAt, DateTimeOffset? SignedAt,
    string DocumentSha256, string? FinalSha256);
