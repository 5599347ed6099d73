using System.Globalization;

namespace WedTech.Contracts;

/// <summary>
/// Indian conventions for money and dates, the same in the app and in reports, independent of culture data (the app ships
/// without ICU): rupees grouped in lakhs and crores (₹12,34,567), dates as 24 Nov 2026.
/// </summary>
public static class IndianFormat
{
    /// <summary>₹ amount from integer paise; paise shown only when there are any.</summary>
    public static string Rupees(long paise)
    {
        var negative = paise < 0;
        var magnitude = negative ? -(decimal)paise : paise;
        var rupees = decimal.Truncate(magnitude / 100);
        var rest = (int)(magnitude % 100);
        var text = "₹" + GroupIndian(rupees.ToString(CultureInfo.InvariantCulture)) + (rest == 0 ? "" : "." + rest.ToString("00", CultureInfo.InvariantCulture));
        return negative ? "-" + text : text;
    }

    /// <summary>Whole number with Indian grouping: the last three digits, then pairs (12,34,567).</summary>
    public static string GroupIndian(string digits)
    {
        if (digits.StartsWith('-'))
        {
            return "-" + GroupIndian(digits[1..]);
        }
        if (digits.Length <= 3)
        {
            return digits;
        }
        var head = digits[..^3];
        var groups = new List<string>();
        for (var end = head.Length; end > 0; end -= 2)
        {
            groups.Insert(0, head[Math.Max(0, end - 2)..end]);
        }
        return string.Join(',', groups) + "," + digits[^3..];
    }

    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset at) => at.ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    /// <summary>When something falls due, as a reminder says it: "today", "tomorrow", "since 3 Dec", "on Fri 12 Dec".</summary>
    public static string DueWhen(DateOnly due, DateOnly today) => due == today ? "today"
        : due == today.AddDays(1) ? "tomorrow"
        : due < today ? $"since {due.ToString("d MMM", CultureInfo.InvariantCulture)}"
        : $"on {due.ToString("ddd d MMM", CultureInfo.InvariantCulture)}";

    public static string Count(int value) => GroupIndian(value.ToString(CultureInfo.InvariantCulture));

    private static readonly string[] Ones =
    [
        "Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve", "Thirteen",
        "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen",
    ];

    private static readonly string[] Tens = ["", "", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety"];

    /// <summary>
    /// An amount in words in Indian numbering, as an invoice states it: "Rupees Twelve Lakh Thirty-Four Thousand Five Hundred
    /// Sixty-Seven and Fifty Paise Only". Crores above 99 are themselves in lakhs and thousands ("One Lakh Crore").
    /// </summary>
    public static string RupeesInWords(long paise)
    {
        var negative = paise < 0;
        var magnitude = negative ? -(decimal)paise : paise;
        var rupees = (ulong)decimal.Truncate(magnitude / 100);
        var rest = (int)(magnitude % 100);
        var text = "Rupees " + Words(rupees) + (rest == 0 ? "" : " and " + Words((ulong)rest) + " Paise") + " Only";
        return negative ? "Minus " + text : text;
    }

    private static string Words(ulong number)
    {
        if (number < 20)
        {
            return Ones[number];
        }
        if (number < 100)
        {
            return Tens[number / 10] + (number % 10 == 0 ? "" : "-" + Ones[number % 10]);
        }
        var parts = new List<string>();
        void Take(ulong unit, string name)
        {
            if (number >= unit)
            {
                parts.Add(Words(number / unit) + " " + name);
                number %= unit;
            }
        }
        Take(1_00_00_000, "Crore");
        Take(1_00_000, "Lakh");
        Take(1_000, "Thousand");
        Take(100, "Hundred");
        if (number > 0)
        {
            parts.Add(Words(number));
        }
        return string.Join(' ', parts);
    }
}
