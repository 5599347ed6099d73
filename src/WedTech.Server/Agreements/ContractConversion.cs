using WedTech.Server.Leads;

namespace WedTech.Server.Agreements;

/// <summary>
/// When a lead is won, its contracts go with the wedding it became: the couple (client users, contract:own) read and download
/// the signed versions there. Saved with the conversion's transaction.
/// </summary>
internal sealed class ContractConversion(TenantDbContext db) : ILeadConversionStep
{
    public int Order => 300;

    public async Task ConvertAsync(LeadConversion conversion, CancellationToken cancellationToken)
    {
        foreach (var contract in await db.Contracts.Where(c => c.LeadId == conversion.LeadId).ToListAsync(cancellationToken))
        {
            contract.WeddingId = conversion.WeddingId;
        }
    }
}
