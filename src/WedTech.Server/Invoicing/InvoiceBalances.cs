namespace WedTech.Server.Invoicing;

/// <summary>
/// What the couple still owes on each issued tax invoice: what was received from them (net of refunds) goes to their invoices
/// oldest first, each net of its credit notes, as an accountant allocates money received on account.
/// </summary>
public static class InvoiceBalances
{
    public sealed record Owed(Guid InvoiceId, DateOnly IssuedOn, DateOnly? DueOn, long NetPaise, long BalancePaise);

    public static IReadOnlyList<Owed> Allocate(IEnumerable<(Guid Id, DateOnly IssuedOn, DateOnly? DueOn, string Number, long TotalPaise, long CreditedPaise)> invoices, long receivedPaise)
    {
        var left = Math.Max(0, receivedPaise);
        var result = new List<Owed>();
        foreach (var invoice in invoices.OrderBy(i => i.IssuedOn).ThenBy(i => i.Number, StringComparer.Ordinal))
        {
            var net = Math.Max(0, invoice.TotalPaise - invoice.CreditedPaise);
            var paid = Math.Min(left, net);
            left -= paid;
            result.Add(new Owed(invoice.Id, invoice.IssuedOn, invoice.DueOn, net, net - paid));
        }
        return result;
    }
}

/// <summary>
/// What was received from a wedding's couple, net of refunds. The Payments module implements it; invoices use it for what is
/// still owed on each, without Invoicing depending on Payments.
/// </summary>
public interface IWeddingReceipts
{
    Task<Dictionary<Guid, long>> NetReceivedAsync(IReadOnlyCollection<Guid> weddingIds, CancellationToken cancellationToken);
}
