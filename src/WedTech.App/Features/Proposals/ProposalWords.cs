using MudBlazor;

namespace WedTech.App.Features.Proposals;

/// <summary>How proposals are named on screen.</summary>
public static class ProposalWords
{
    public static string Of(ProposalStatus status) => status switch
    {
        ProposalStatus.Draft => "Draft",
        ProposalStatus.Sent => "Sent",
        _ => "Accepted",
    };

    public static Color ColorOf(ProposalStatus status) => status switch
    {
        ProposalStatus.Draft => Color.Default,
        ProposalStatus.Sent => Color.Info,
        _ => Color.Success,
    };

    public static string Sent(int versions) => versions switch
    {
        0 => "not sent yet",
        1 => "sent once",
        _ => $"{versions} versions sent",
    };

    public static string Views(int views, DateTimeOffset? last) => views switch
    {
        0 => "not opened",
        1 => $"opened once{Last(last)}",
        _ => $"opened {views} times{Last(last)}",
    };

    private static string Last(DateTimeOffset? last) => last is { } at ? $", last {IndianFormat.DateTime(at.ToLocalTime())}" : "";

    public static string Percent(int basisPoints) => $"{basisPoints / 100m:0.##}%";
}
