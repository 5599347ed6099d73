namespace WedTech.Server.Platform.Money;

/// <summary>Arithmetic on integer paise shared by every module that prices or taxes something.</summary>
public static class Paise
{
    /// <summary>
    /// A share of an amount in basis points (1800 = 18%), half up to the paisa, in 128 bits so that no rate can overflow it:
    /// GST on a taxable amount, the studio's percentage or markup.
    /// </summary>
    public static long Share(long paise, int basisPoints) => (long)(((Int128)paise * basisPoints + 5_000) / 10_000);

    /// <summary>The field error for a GST rate that is not one of <see cref="VendorLimits.GstRates"/>, or null.</summary>
    public static string? GstRateProblem(int basisPoints) => VendorLimits.GstRates.Contains(basisPoints)
        ? null
        : "Use a GST rate in basis points: 0, 500 (5%), 1200 (12%), 1800 (18%), 2800 (28%) or 4000 (40%).";
}
