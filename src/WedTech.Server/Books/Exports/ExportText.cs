using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;

namespace WedTech.Server.Books.Exports;

/// <summary>What the accountant's exports share: amounts from integer paise (never through floating point), the GST names of places.</summary>
internal static class ExportText
{
    /// <summary>Rupees with two decimals, "-1234.50", written from the integer paise digit by digit.</summary>
    public static string Rupees(long paise)
    {
        var magnitude = paise < 0 ? -(decimal)paise : paise;
        var rupees = decimal.Truncate(magnitude / 100);
        var rest = (int)(magnitude - rupees * 100);
        return (paise < 0 ? "-" : "") + rupees.ToString(CultureInfo.InvariantCulture) + "." + rest.ToString("00", CultureInfo.InvariantCulture);
    }

    /// <summary>Rupees as an exact decimal (a spreadsheet's number): 123456 paise is 1234.56.</summary>
    public static decimal Decimal(long paise) => paise / 100m;

    /// <summary>A rate in percent from basis points: 1800 is 18, 250 is 2.5.</summary>
    public static decimal Percent(int basisPoints) => basisPoints / 100m;

    public static bool Abroad(LedgerDocument document) => document.PlaceOfSupply == Contracts.InvoiceLimits.OtherCountryCode;

    public static bool Registered(LedgerDocument document) => !string.IsNullOrWhiteSpace(document.PartyGstin);

    /// <summary>The state's name for a GST state code; "Other Countries" for 96, the code itself when it is not a state's.</summary>
    public static string StateName(string? code) =>
        code == Contracts.InvoiceLimits.OtherCountryCode ? "Other Countries"
        : code is not null && Contracts.IndianStates.ByCode.TryGetValue(code, out var name) ? name : code ?? "";

    /// <summary>
    /// A GUID that is the same each time for the same studio and document, so that importing a file again finds the entries
    /// it made the first time instead of making them twice.
    /// </summary>
    public static Guid StableId(LedgerStudio studio, string kind, string number)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{studio.Gstin ?? studio.LegalName}\n{kind}\n{number}"));
        var bytes = hash[..16];
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50); // version 5 (name-based), as RFC 9562 lays the bytes out for .NET's Guid
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    /// <summary>The text without the characters XML 1.0 cannot carry (control characters a pasted name may hold).</summary>
    public static string XmlSafe(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(text[i]).Append(text[i + 1]);
                i++;
            }
            else if (XmlConvert.IsXmlChar(text[i]))
            {
                clean.Append(text[i]);
            }
        }
        return clean.ToString();
    }
}
