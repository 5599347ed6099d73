using WedTech.Server.Platform.Money;
using WedTech.Server.Vendors;

namespace WedTech.Server.Budget;

/// <summary>
/// The budget's arithmetic, in integer paise with every sum checked, the same for a saved budget and a what-if: planned
/// from the lines (a per-guest line by its event's headcount), committed from the booked vendors' quotes with GST (per-guest
/// lines by the same headcounts), paid from what is recorded against any booking, and the studio's fee by its model.
/// </summary>
public static class BudgetMath
{
    public sealed record Inputs(
        Guid WeddingId, BudgetSettings Settings, IReadOnlyList<BudgetLine> Lines, IReadOnlyList<BookedCost> Costs, IReadOnlyDictionary<Guid, string> Events,
        IReadOnlyDictionary<Guid, int> Attending, IReadOnlyDictionary<Guid, int> Headcounts, long Version, bool IsWhatIf, long StockChargesPaise = 0);

    /// <summary>The category of what lost and damaged stock cost the wedding: an actual cost, committed and borne.</summary>
    public const string StockCategory = "Stock lost or damaged";

    public static BudgetResponse Compute(Inputs input)
    {
        int Headcount(Guid? eventId) => eventId is { } id ? input.Headcounts.GetValueOrDefault(id, input.Attending.GetValueOrDefault(id)) : 0;
        var lines = input.Lines.Select(l => new BudgetLineResponse(l.Id, l.Category, l.Description, l.AmountPaise, l.EventId,
                l.EventId is { } e ? input.Events.GetValueOrDefault(e) : null, l.PerGuestPaise, l.PerGuestPaise is null ? null : Headcount(l.EventId),
                l.AmountPaise ?? checked((l.PerGuestPaise ?? 0) * Headcount(l.EventId)), l.SharedWithCouple, l.Notes, l.Version))
            .ToList();
        var categories = lines.Select(l => l.Category).Concat(input.Costs.Select(c => c.Category)).Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(Order).ThenBy(c => c, StringComparer.OrdinalIgnoreCase)
            .Select(name =>
            {
                var planned = lines.Where(l => Same(l.Category, name)).Aggregate(0L, (sum, l) => checked(sum + l.PlannedPaise));
                var costs = input.Costs.Where(c => Same(c.Category, name)).ToList();
                var booked = costs.Where(c => c.Status == BookingStatus.Booked).Select(c => (Total: Quotes.Total(c.Lines, Headcount(c.EventId)), c.PaidPaise)).ToList();
                var committed = booked.Aggregate(0L, (sum, b) => checked(sum + b.Total));
                var paid = costs.Aggregate(0L, (sum, c) => checked(sum + c.PaidPaise));
                var outstanding = booked.Aggregate(0L, (sum, b) => checked(sum + Math.Max(0, b.Total - b.PaidPaise)));
                return new BudgetCategory(name, planned, committed, paid, outstanding);
            }).ToList();
        if (input.StockChargesPaise > 0)
        {
            // Pieces lost or damaged at the wedding's events, at their replacement cost: the studio bore it already.
            var stock = categories.FindIndex(c => Same(c.Name, StockCategory));
            var line = stock < 0 ? new BudgetCategory(StockCategory, 0, 0, 0, 0) : categories[stock];
            line = line with { CommittedPaise = checked(line.CommittedPaise + input.StockChargesPaise), PaidPaise = checked(line.PaidPaise + input.StockChargesPaise) };
            if (stock < 0)
            {
                categories.Add(line);
            }
            else
            {
                categories[stock] = line;
            }
        }
        var totals = Totals(input.Settings, categories);
        var headcounts = input.Events.Select(e => new BudgetHeadcount(e.Key, e.Value, input.Attending.GetValueOrDefault(e.Key), Headcount(e.Key))).ToList();
        return new BudgetResponse(input.WeddingId, input.Settings, categories, totals, lines, headcounts, input.IsWhatIf, input.Version);
    }

    /// <summary>What the couple sees: each category's amount to them, the shared lines, the fee (none under a markup) and the total.</summary>
    public static SharedBudgetResponse Shared(BudgetResponse budget)
    {
        if (!budget.Settings.SharedWithCouple)
        {
            return new SharedBudgetResponse(budget.WeddingId, false, [], null, 0);
        }
        var categories = budget.Categories.Select(c => new SharedBudgetCategory(c.Name, ToCouple(budget.Settings, c),
            [.. budget.Lines.Where(l => l.SharedWithCouple && Same(l.Category, c.Name)).Select(l => new SharedBudgetLine(l.Description, l.PlannedPaise, l.Guests))])).ToList();
        return new SharedBudgetResponse(budget.WeddingId, true, categories, budget.Settings.FeeModel == FeeModel.Markup ? null : budget.Totals.FeePaise,
            budget.Totals.CoupleTotalPaise);
    }

    private static BudgetTotals Totals(BudgetSettings settings, IReadOnlyList<BudgetCategory> categories)
    {
        long Sum(Func<BudgetCategory, long> amount) => categories.Aggregate(0L, (sum, c) => checked(sum + amount(c)));
        var committed = Sum(c => c.CommittedPaise);
        var fee = settings.FeeModel switch
        {
            FeeModel.Fixed => settings.FeeFixedPaise,
            FeeModel.PercentOfSpend => Paise.Share(committed, settings.FeeBasisPoints),
            _ => Sum(c => Paise.Share(c.CommittedPaise, settings.FeeBasisPoints)),
        };
        var couple = Sum(c => ToCouple(settings, c));
        return new BudgetTotals(Sum(c => c.PlannedPaise), committed, Sum(c => c.PaidPaise), Sum(c => c.OutstandingPaise), fee,
            settings.FeeModel == FeeModel.Markup ? couple : checked(couple + fee));
    }

    /// <summary>A category's amount to the couple: the larger of planned and committed, the committed with the markup under a markup.</summary>
    private static long ToCouple(BudgetSettings settings, BudgetCategory category)
    {
        var committed = settings.FeeModel == FeeModel.Markup
            ? checked(category.CommittedPaise + Paise.Share(category.CommittedPaise, settings.FeeBasisPoints))
            : category.CommittedPaise;
        return Math.Max(category.PlannedPaise, committed);
    }

    private static int Order(string category)
    {
        var index = VendorLimits.Categories.ToList().FindIndex(c => Same(c, category));
        return index < 0 ? int.MaxValue : index;
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
