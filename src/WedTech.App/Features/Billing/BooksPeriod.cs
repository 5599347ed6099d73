namespace WedTech.App.Features.Billing;

/// <summary>The periods the books are read over: India's financial year (April to March), this month, last month, or chosen dates.</summary>
public enum BooksPeriodKind { FinancialYear, ThisMonth, LastMonth, Custom }

public static class BooksPeriod
{
    public static string Of(BooksPeriodKind kind) => kind switch
    {
        BooksPeriodKind.FinancialYear => "This financial year",
        BooksPeriodKind.ThisMonth => "This month",
        BooksPeriodKind.LastMonth => "Last month",
        _ => "Choose dates",
    };

    /// <summary>The first and last day of the period on <paramref name="today"/>; a custom period keeps the dates chosen.</summary>
    public static (DateOnly From, DateOnly To) Range(BooksPeriodKind kind, DateOnly today, DateOnly? from = null, DateOnly? to = null)
    {
        var month = new DateOnly(today.Year, today.Month, 1);
        return kind switch
        {
            BooksPeriodKind.FinancialYear => FinancialYear(today),
            BooksPeriodKind.ThisMonth => (month, month.AddMonths(1).AddDays(-1)),
            BooksPeriodKind.LastMonth => (month.AddMonths(-1), month.AddDays(-1)),
            _ => (from ?? FinancialYear(today).From, to ?? today),
        };
    }

    /// <summary>The financial year <paramref name="today"/> falls in: 1 April to 31 March.</summary>
    public static (DateOnly From, DateOnly To) FinancialYear(DateOnly today)
    {
        var start = today.Month >= 4 ? today.Year : today.Year - 1;
        return (new DateOnly(start, 4, 1), new DateOnly(start + 1, 3, 31));
    }

    /// <summary>"FY 2026-27", "1 Dec 2026 – 31 Dec 2026".</summary>
    public static string Label(DateOnly from, DateOnly to) =>
        from.Month == 4 && from.Day == 1 && to == from.AddYears(1).AddDays(-1)
            ? $"FY {from.Year}-{(from.Year + 1) % 100:00}"
            : $"{IndianFormat.Date(from)} – {IndianFormat.Date(to)}";
}
