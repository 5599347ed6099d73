using System.Globalization;
using System.Text.RegularExpressions;
using PhoneRules = WedTech.Server.Messaging.PhoneNumbers;

namespace WedTech.Server.Guests.Import;

/// <summary>
/// A lenient front to <see cref="PhoneRules.ToE164"/> for numbers as guest lists hold them: spreadsheet float artefacts
/// (9876543210.0, 9.87654321E+09), the 00 international prefix (0091 98765 43210), a country code written without its
/// plus (919876543210, 971501234567) and any separators. The number rules themselves stay libphonenumber's.
/// </summary>
public static partial class GuestPhones
{
    /// <summary>The number in E.164, or null with <paramref name="problem"/> saying why for a planner (null too when the cell is empty).</summary>
    public static string? ToE164(string written, string region, out string? problem)
    {
        problem = null;
        var text = written.Trim();
        if (text.Length == 0)
        {
            return null;
        }
        var scientific = Scientific().Match(text);
        if (scientific.Success)
        {
            var mantissa = scientific.Groups["mantissa"].Value.Replace(',', '.');
            var exponent = int.Parse(scientific.Groups["exponent"].Value, CultureInfo.InvariantCulture);
            var significant = mantissa.Replace(".", "", StringComparison.Ordinal).TrimStart('0').Length;
            // Excel's General format keeps six to eleven significant digits: the rest of a longer number is lost.
            if (significant < exponent)
            {
                problem = $"'{text}' lost its last digits when the spreadsheet shortened it; the guest is imported without a phone. Format the column as Text and copy the number again.";
                return null;
            }
            text = (decimal.Parse(mantissa, NumberStyles.Float, CultureInfo.InvariantCulture) * Pow10(exponent)).ToString("0", CultureInfo.InvariantCulture);
        }
        text = FloatZeros().Replace(text, "");
        if (text.Any(char.IsLetter))
        {
            problem = $"'{written.Trim()}' is not a phone number; the guest is imported without a phone.";
            return null;
        }
        var plus = text.StartsWith('+') || text.StartsWith("(+", StringComparison.Ordinal);
        // Any script's digits (९८७६५ ४३२१० as typed on a Hindi keyboard) as ASCII ones.
        var digits = new string([.. text.Where(char.IsDigit).Select(digit => (char)('0' + (int)char.GetNumericValue(digit)))]);
        if (!plus && digits.StartsWith("00", StringComparison.Ordinal))
        {
            (plus, digits) = (true, digits[2..]);
        }
        if (!plus && region == PhoneRules.DefaultRegion && digits.Length == 12 && digits.StartsWith("91", StringComparison.Ordinal))
        {
            plus = true;
        }
        var number = Parse((plus ? "+" : "") + digits, region)
            // Written with its country code but without the plus: 971501234567, 14155552671.
            ?? (!plus && digits.Length >= 11 ? Parse("+" + digits, region) : null);
        if (number is not null)
        {
            return number;
        }
        problem = Parse((plus ? "+" : "") + digits, region, anyLine: true) is not null
            ? $"'{written.Trim()}' is a landline; the guest is imported without a phone (invitations and reminders go to mobiles)."
            : $"'{written.Trim()}' is not a phone number; the guest is imported without a phone.";
        return null;
    }

    /// <summary>
    /// The phone region of a country as guest lists write it ("USA", "United Kingdom", "UAE", "भारत", or an ISO code),
    /// or null: a number written without its country code is read as that country's.
    /// </summary>
    public static string? RegionOf(string country)
    {
        var normal = MappingDetection.Normal(country);
        if (Countries.TryGetValue(normal, out var region))
        {
            return region;
        }
        var code = normal.ToUpperInvariant();
        return code.Length == 2 && Util.GetSupportedRegions().Contains(code) ? code : null;
    }

    private static readonly PhoneNumbers.PhoneNumberUtil Util = PhoneNumbers.PhoneNumberUtil.GetInstance();

    private static readonly Dictionary<string, string> Countries = new(StringComparer.Ordinal)
    {
        ["india"] = "IN", ["bharat"] = "IN", ["भारत"] = "IN", ["united states"] = "US", ["united states of america"] = "US",
        ["usa"] = "US", ["u s a"] = "US", ["america"] = "US", ["united kingdom"] = "GB", ["uk"] = "GB", ["u k"] = "GB",
        ["england"] = "GB", ["great britain"] = "GB", ["scotland"] = "GB", ["wales"] = "GB", ["united arab emirates"] = "AE",
        ["uae"] = "AE", ["u a e"] = "AE", ["dubai"] = "AE", ["abu dhabi"] = "AE", ["canada"] = "CA", ["australia"] = "AU",
        ["new zealand"] = "NZ", ["singapore"] = "SG", ["germany"] = "DE", ["france"] = "FR", ["netherlands"] = "NL",
        ["nepal"] = "NP", ["sri lanka"] = "LK", ["bangladesh"] = "BD", ["saudi arabia"] = "SA", ["qatar"] = "QA",
        ["oman"] = "OM", ["kuwait"] = "KW", ["bahrain"] = "BH", ["malaysia"] = "MY", ["hong kong"] = "HK",
        ["south africa"] = "ZA", ["kenya"] = "KE", ["ireland"] = "IE",
    };

    private static string? Parse(string candidate, string region, bool anyLine = false)
    {
        try
        {
            return PhoneRules.ToE164(candidate, "phone", region, anyLine);
        }
        catch (ValidationFailedException)
        {
            return null;
        }
    }

    private static decimal Pow10(int exponent)
    {
        var power = 1m;
        for (var i = 0; i < exponent; i++)
        {
            power *= 10;
        }
        return power;
    }

    [GeneratedRegex(@"^\+?(?<mantissa>[0-9]+(?:[.,][0-9]+)?)[eE]\+?(?<exponent>[0-9]{1,2})$")]
    private static partial Regex Scientific();

    [GeneratedRegex(@"(?<=[0-9])\.0+$")]
    private static partial Regex FloatZeros();
}
