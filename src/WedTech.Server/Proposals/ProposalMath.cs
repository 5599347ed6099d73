using WedTech.Server.Invoicing;
using WedTech.Server.Platform.Money;

namespace WedTech.Server.Proposals;

/// <summary>
/// What a proposal comes to with a choice of options. The discount is on the taxable value, spread over the lines taken in
/// proportion to their value (largest remainders get the odd paise), and the GST is Invoicing's arithmetic
/// (<see cref="GstRules.Tax"/>): per line, half up to the paisa, the total rounded to whole rupees. Before the wedding it is not
/// known whether the supply is within the studio's state, so the tax is shown as one figure a rate (the invoice may split it
/// into CGST + SGST, which can differ from it by a paisa a line).
/// </summary>
public static class ProposalMath
{
    /// <summary>The lines taken: every line that is not optional, and of the optional ones those chosen (the defaults when <paramref name="options"/> is null).</summary>
    public static List<ProposalItem> Taken(IEnumerable<ProposalItem> lines, IReadOnlyCollection<Guid>? options) =>
        [.. lines.Where(l => !l.Optional || (options is null ? l.IncludedByDefault : options.Contains(l.Id)))];

    /// <summary>The lines taken as invoice lines: the discount taken off each, so that they add up to the taxable value.</summary>
    public static List<InvoiceItem> Discounted(IReadOnlyList<ProposalItem> taken, DiscountKind? kind, long discountValue, out long subtotal, out long discount)
    {
        var values = taken.Select(l => checked(l.Quantity * l.UnitPaise)).ToList();
        subtotal = values.Aggregate(0L, (sum, v) => checked(sum + v));
        var off = kind switch
        {
            DiscountKind.Amount => Math.Min(discountValue, subtotal),
            DiscountKind.Percent => Paise.Share(subtotal, (int)Math.Min(discountValue, 10_000)),
            _ => 0,
        };
        discount = off;
        var shares = new long[values.Count];
        if (off > 0)
        {
            var total = subtotal;
            var exact = values.Select(v => (Int128)off * v).ToList();
            for (var i = 0; i < values.Count; i++)
            {
                shares[i] = (long)(exact[i] / total);
            }
            var left = off - shares.Sum();
            foreach (var i in Enumerable.Range(0, values.Count).OrderByDescending(i => exact[i] % total).ThenBy(i => i).Take((int)left))
            {
                shares[i]++;
            }
        }
        return [.. taken.Select((l, i) => new InvoiceItem(l.Quantity == 1 ? l.Service : $"{l.Service} ({l.Quantity} × {IndianFormat.Rupees(l.UnitPaise)})",
            l.Sac, 1, values[i] - shares[i], l.GstRateBasisPoints))];
    }

    public static ProposalTotals Totals(IReadOnlyList<ProposalItem> lines, DiscountKind? kind, long discountValue, IReadOnlyList<ProposalInstalment> plan,
        IReadOnlyCollection<Guid>? options)
    {
        var taken = Taken(lines, options);
        var items = Discounted(taken, kind, discountValue, out var subtotal, out var discount);
        var taxed = GstRules.Tax(items, TaxSplit.Interstate);
        var byRate = taxed.Lines.GroupBy(l => l.GstRateBasisPoints).OrderBy(g => g.Key)
            .Select(g => new GstAtRate(g.Key, g.Sum(l => l.TaxablePaise), g.Sum(l => l.IgstPaise))).ToList();
        return new ProposalTotals([.. taken.Select(l => l.Id)], subtotal, discount, taxed.TaxablePaise, byRate, taxed.IgstPaise, taxed.RoundOffPaise,
            taxed.TotalPaise, PlanAmounts(plan, taxed.TotalPaise));
    }

    /// <summary>Each instalment's share of the total, half up; the last takes what is left, so that they add up to the total.</summary>
    public static List<ProposalPlanAmount> PlanAmounts(IReadOnlyList<ProposalInstalment> plan, long total)
    {
        var amounts = new List<ProposalPlanAmount>();
        var left = total;
        foreach (var (instalment, index) in plan.Select((p, i) => (p, i)))
        {
            var amount = index == plan.Count - 1 ? left : Math.Min(left, Paise.Share(total, instalment.ShareBasisPoints));
            left -= amount;
            amounts.Add(new ProposalPlanAmount(instalment.Label, instalment.Kind, instalment.DueOn, instalment.ShareBasisPoints, amount));
        }
        return amounts;
    }

    /// <summary>The plan as the wedding's payment plan: instalments with their amounts.</summary>
    public static List<ScheduleItem> Schedule(IEnumerable<ProposalPlanAmount> plan) =>
        [.. plan.Select(p => new ScheduleItem(Guid.CreateVersion7(), p.Label, p.Kind, p.DueOn, p.AmountPaise))];
}
