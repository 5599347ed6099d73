using MudBlazor;

namespace WedTech.App.Features.Agreements;

/// <summary>How contracts are named on screen.</summary>
public static class AgreementWords
{
    public static string Of(ContractStatus status) => status switch
    {
        ContractStatus.Draft => "Draft",
        ContractStatus.AwaitingCouple => "With the couple to sign",
        ContractStatus.AwaitingStudio => "Signed by the couple: countersign",
        _ => "Signed by both",
    };

    public static Color ColorOf(ContractStatus status) => status switch
    {
        ContractStatus.Draft => Color.Default,
        ContractStatus.AwaitingCouple => Color.Info,
        ContractStatus.AwaitingStudio => Color.Warning,
        _ => Color.Success,
    };

    public static string Of(ContractVersionState state) => state switch
    {
        ContractVersionState.AwaitingCouple => "With the couple to sign",
        ContractVersionState.AwaitingStudio => "Waiting for the studio's signature",
        ContractVersionState.FullySigned => "Signed by both",
        _ => "Replaced (its link no longer works)",
    };

    public static string Of(SignatureParty party) => party == SignatureParty.Couple ? "The couple" : "The studio";

    /// <summary>Where the signing link went when a version was sent.</summary>
    public static string SentBy(MessageChannel channel) => channel switch
    {
        MessageChannel.Email => "by e-mail",
        MessageChannel.Sms => "by SMS",
        _ => "by WhatsApp",
    };

    public static string When(DateTimeOffset at) => IndianFormat.DateTime(at.ToLocalTime());

    /// <summary>A list's line about versions: "not sent yet", "version 2 sent · version 1 signed".</summary>
    public static string Versions(int? latest, IReadOnlyList<int> signedVersions) => latest switch
    {
        null => "not sent yet",
        _ => $"version {latest} sent"
            + (signedVersions.Count == 0 ? "" : $" · {(signedVersions.Count == 1 ? "version" : "versions")} {string.Join(", ", signedVersions)} signed"),
    };

    /// <summary>How a signer proved who they were: "code by SMS to ******3210", or the studio's sign-in.</summary>
    public static string Proof(SignatureEvidence signature) => signature.OtpChannel switch
    {
        null => "",
        var channel when signature.MaskedDestination is { } to => $"one-time code by {channel} to {to}",
        var channel => channel,
    };
}
