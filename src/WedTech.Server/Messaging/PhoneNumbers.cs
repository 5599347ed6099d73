using PhoneNumbers;
using WedTech.Server.Platform.Api;

namespace WedTech.Server.Messaging;

/// <summary>Phone numbers as stored and sent: E.164, read as Indian when written without a country code.</summary>
public static class PhoneNumbers
{
    public const string DefaultRegion = "IN";
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>A mobile number (SMS and WhatsApp reach only those) in E.164 (+919876543210), or a field error saying why not.</summary>
    public static string ToE164(string input, string field, string region = DefaultRegion)
    {
        try
        {
            var number = Util.Parse(input, region);
            if (Util.IsValidNumber(number) && Util.GetNumberType(number) is PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE)
            {
                return Util.Format(number, PhoneNumberFormat.E164);
            }
        }
        catch (NumberParseException)
        {
            // Reported below, the same as a number that parses but cannot exist.
        }
        throw new ValidationFailedException(field, "This is not a valid mobile number. Write it with its country code (+91 98765 43210) or as a 10-digit Indian mobile number.");
    }
}
