using Shouldly;
using WedTech.Contracts;

namespace WedTech.App.Tests;

public class IndianFormatTests
{
    [Theory]
    [InlineData(123456700L, "₹12,34,567")]
    [InlineData(100_00_000_00L, "₹1,00,00,000")]
    [InlineData(1_00_00_00_000_00L, "₹1,00,00,00,000")]
    [InlineData(1_00_000_00L, "₹1,00,000")]
    [InlineData(1_000_00L, "₹1,000")]
    public void Whole_rupees_are_grouped_in_lakhs_and_crores_without_paise(long paise, string expected) =>
        IndianFormat.Rupees(paise).ShouldBe(expected);

    [Theory]
    [InlineData(12345650L, "₹1,23,456.50")]
    [InlineData(123450L, "₹1,234.50")]
    [InlineData(100_00_000_01L, "₹1,00,00,000.01")]
    [InlineData(5L, "₹0.05")]
    [InlineData(99L, "₹0.99")]
    public void Paise_are_shown_with_two_digits_when_there_are_any(long paise, string expected) =>
        IndianFormat.Rupees(paise).ShouldBe(expected);

    [Theory]
    [InlineData(0L, "₹0")]
    [InlineData(100L, "₹1")]
    [InlineData(99_900L, "₹999")]
    [InlineData(99_999L, "₹999.99")]
    public void Zero_and_amounts_below_a_thousand_rupees_have_no_separator(long paise, string expected) =>
        IndianFormat.Rupees(paise).ShouldBe(expected);

    [Theory]
    [InlineData(-123456700L, "-₹12,34,567")]
    [InlineData(-12345650L, "-₹1,23,456.50")]
    [InlineData(-5L, "-₹0.05")]
    public void Negative_amounts_put_the_minus_sign_before_the_rupee_sign(long paise, string expected) =>
        IndianFormat.Rupees(paise).ShouldBe(expected);

    [Fact]
    public void The_largest_and_smallest_amounts_do_not_overflow()
    {
        IndianFormat.Rupees(long.MaxValue).ShouldBe("₹92,23,37,20,36,85,47,758.07");
        IndianFormat.Rupees(long.MinValue).ShouldBe("-₹92,23,37,20,36,85,47,758.08");
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("7", "7")]
    [InlineData("999", "999")]
    [InlineData("1000", "1,000")]
    [InlineData("12345", "12,345")]
    [InlineData("1234567", "12,34,567")]
    [InlineData("123456789", "12,34,56,789")]
    [InlineData("-12345", "-12,345")]
    [InlineData("-123456", "-1,23,456")]
    public void Digits_are_grouped_as_the_last_three_then_pairs(string digits, string expected) =>
        IndianFormat.GroupIndian(digits).ShouldBe(expected);

    [Theory]
    [InlineData(0, "0")]
    [InlineData(350, "350")]
    [InlineData(1500, "1,500")]
    [InlineData(100_000, "1,00,000")]
    [InlineData(12_345_678, "1,23,45,678")]
    [InlineData(int.MaxValue, "2,14,74,83,647")]
    public void Counts_use_Indian_grouping(int value, string expected) =>
        IndianFormat.Count(value).ShouldBe(expected);

    [Fact]
    public void A_date_reads_day_short_month_year()
    {
        IndianFormat.Date(new DateOnly(2026, 11, 24)).ShouldBe("24 Nov 2026");
        IndianFormat.Date(new DateOnly(2027, 1, 5)).ShouldBe("5 Jan 2027");
    }

    [Fact]
    public void A_moment_reads_as_date_and_24_hour_time_in_its_own_offset() =>
        IndianFormat.DateTime(new DateTimeOffset(2026, 11, 24, 18, 5, 0, TimeSpan.FromHours(5.5))).ShouldBe("24 Nov 2026, 18:05");
}
