using WedTech.Server.Invoicing;
using WedTech.Server.Leads;
using WedTech.Server.Payments;

namespace WedTech.Server.Proposals;

/// <summary>
/// "Won": the lead's accepted proposal goes with it into the wedding. Its payment plan (the shares worked out on what the couple
/// accepted) becomes the wedding's payment plan, and a draft tax invoice is made of the accepted lines (the discount taken off
/// them), due with the first instalment, for the planner to check and issue. The lead's proposals are the wedding's from then
/// on (the couple read the accepted one with <c>contract:own</c>). A lead with no accepted proposal converts with none of this.
/// </summary>
internal sealed class ProposalConversion(TenantDbContext db, ICouplePlans plans, IDraftInvoices invoices) : ILeadConversionStep
{
    public int Order => 100;

    public async Task ConvertAsync(LeadConversion conversion, CancellationToken cancellationToken)
    {
        var proposals = await db.Proposals.Where(p => p.LeadId == conversion.LeadId).ToListAsync(cancellationToken);
        foreach (var proposal in proposals)
        {
            proposal.WeddingId = conversion.WeddingId;
        }
        var accepted = await ProposalTerms.AcceptedAsync(db, conversion.LeadId, cancellationToken);
        if (accepted is not null)
        {
            var (proposal, version) = accepted.Value;
            var totals = ProposalMath.Totals(version.Lines, version.DiscountKind, version.DiscountValue, version.Plan, version.AcceptedOptions);
            if (totals.Plan.Count > 0)
            {
                await plans.SetAsync(conversion.WeddingId, ProposalMath.Schedule(totals.Plan), cancellationToken);
            }
            var lines = ProposalMath.Discounted(ProposalMath.Taken(version.Lines, version.AcceptedOptions), version.DiscountKind, version.DiscountValue, out _, out _)
                .Select(l => l with { Description = l.Description.Length > InvoiceLimits.MaxDescription ? l.Description[..InvoiceLimits.MaxDescription] : l.Description }).ToList();
            var first = totals.Plan.OrderBy(p => p.DueOn).FirstOrDefault();
            var notes = $"From proposal “{version.Title}” (version {version.Number}), accepted by {version.AcceptedName} on {IndianFormat.Date(DateOnly.FromDateTime(version.AcceptedAt!.Value.UtcDateTime))}."
                + (first is null ? "" : $" First instalment: {first.Label}, {IndianFormat.Rupees(first.AmountPaise)} due {IndianFormat.Date(first.DueOn)}.");
            await invoices.DraftAsync(conversion.WeddingId, version.AcceptedName!, lines, first?.DueOn ?? version.ValidUntil, notes, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
