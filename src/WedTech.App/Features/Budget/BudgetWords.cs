using System.Globalization;

namespace WedTech.App.Features.Budget;

/// <summary>How the budget reads: fee models, percentages, a category's cost, and changes against the saved budget.</summary>
public static class BudgetWords
{
    public static string Of(FeeModel model) => model switch
    {
        FeeModel.Fixed => "A fixed fee",
        FeeModel.PercentOfSpend => "A percentage of the spend",
        _ => "A markup on vendors' costs",
    };

    /// <summary>Basis points as a percentage: 1000 → "10%", 750 → "7.5%".</summary>
    public static string Percent(int basisPoints) => (basisPoints / 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>"Planned ₹2,00,000 (₹800 × 250 guests at the Sangeet)".</summary>
    public static string Basis(BudgetLineResponse line) => line.PerGuestPaise is { } perGuest
        ? $"{IndianFormat.Rupees(perGuest)} × {(line.Guests is { } guests ? IndianFormat.Count(guests) : "0")} guests{(line.EventName is { } e ? $" at the {e}" : "")}"
        : "Fixed amount";

    /// <summary>What a category costs the couple: the larger of planned and committed (the couple total's rule).</summary>
    public static long CostOf(BudgetCategory category) => Math.Max(category.PlannedPaise, category.CommittedPaise);

    /// <summary>The class of a change: dearer, cheaper, or none.</summary>
    public static string DeltaClass(long change) => change switch
    {
        > 0 => "delta-up",
        < 0 => "delta-down",
        _ => "delta-none",
    };
}
