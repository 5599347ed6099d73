using WedTech.Server.Platform.Money;

namespace WedTech.Server.Proposals;

/// <summary>A lead's accepted proposal as contracts quote it: its total with the options taken, its payment plan, the version and when.</summary>
public sealed record AcceptedProposal(Guid ProposalId, string Title, int VersionNumber, long TotalPaise, IReadOnlyList<ScheduleItem> Plan, DateTimeOffset AcceptedAt,
    string AcceptedBy);

/// <summary>What other modules (contracts' fee and payment-plan merge fields) read of a lead's accepted proposal.</summary>
public interface IProposalTerms
{
    /// <summary>The lead's accepted proposal (the latest accepted, should there be more than one), or null.</summary>
    Task<AcceptedProposal?> AcceptedAsync(Guid leadId, CancellationToken cancellationToken);
}

internal sealed class ProposalTerms(TenantDbContext db) : IProposalTerms
{
    public async Task<AcceptedProposal?> AcceptedAsync(Guid leadId, CancellationToken cancellationToken)
    {
        if (await AcceptedAsync(db, leadId, cancellationToken) is not { } found)
        {
            return null;
        }
        var (proposal, version) = found;
        var totals = ProposalMath.Totals(version.Lines, version.DiscountKind, version.DiscountValue, version.Plan, version.AcceptedOptions);
        return new AcceptedProposal(proposal.Id, version.Title, version.Number, totals.TotalPaise, ProposalMath.Schedule(totals.Plan), version.AcceptedAt!.Value,
            version.AcceptedName!);
    }

    internal static async Task<(Proposal Proposal, ProposalVersion Version)?> AcceptedAsync(TenantDbContext db, Guid leadId, CancellationToken cancellationToken)
    {
        var found = await (from proposal in db.Set<Proposal>()
                           join version in db.Set<ProposalVersion>() on proposal.Id equals version.ProposalId
                           where proposal.LeadId == leadId && proposal.Status == ProposalStatus.Accepted && version.AcceptedAt != null
                           select new { proposal, version }).ToListAsync(cancellationToken);
        return found.MaxBy(f => f.version.AcceptedAt) is { } latest ? (latest.proposal, latest.version) : null;
    }
}
