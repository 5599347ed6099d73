using PhoneNumbers;

namespace WedTech.Server.Messaging;

/// <summary>Phone numbers as stored and sent: E.164, read as Indian when written without a country code.</summary>
public static class PhoneNumbers
{
    public const string DefaultRegion = "IN";
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// A number in E.164 (+919876543210), or a field error saying why not. Only mobiles unless <paramref name="anyLine"/>:
    /// SMS and WhatsApp reach only those, but a venue's office is a landline.
    /// </summary>
    public static string ToE164(string input, string field, string region = DefaultRegion, bool anyLine = false)
    {
        try
        {
            var number = Util.Parse(input, region);
            if (Util.IsValidNumber(number) && (anyLine || Util.GetNumberType(number) is PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE))
            {
                return Util.Format(number, PhoneNumberFormat.E164);
            }
        }
        catch (NumberParseException)
        {
            // Reported below, the same as a number that parses but cannot exist.
        }
        throw new ValidationFailedException(field, anyLine
            ? "This is not a valid phone number. Write it with its country code (+91 141 222 3333) or as an Indian number with its area code."
            : "This is not a valid mobile number. Write it with its country code (+91 98765 43210) or as a 10-digit Indian mobile number.");
    }
}
