namespace WedTech.Contracts;

/// <summary>
/// India's tax and bank identifiers, checked the same in the app and on the server: GSTIN (15 characters: the state code,
/// the PAN, the entity number, Z, and a check character by the GSTN's mod-36 algorithm), PAN, IFSC and UPI ids.
/// Each check answers null when the value is right, else the reason written for the planner.
/// </summary>
public static class IndianTaxIds
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>Upper case with spaces removed: how every identifier here is stored.</summary>
    public static string Normalize(string value) => string.Concat(value.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    public static string? CheckGstin(string gstin)
    {
        if (gstin.Length != 15 || !gstin.All(c => Alphabet.Contains(c, StringComparison.Ordinal)))
        {
            return "A GSTIN has 15 letters and digits, as 08ABCDE1234F1Z0.";
        }
        if (!IndianStates.ByCode.ContainsKey(gstin[..2]) && gstin[..2] is not ("97" or "99"))
        {
            return $"A GSTIN starts with the state's code (07 for Delhi, 08 for Rajasthan); {gstin[..2]} is no state's.";
        }
        if (CheckPan(gstin[2..12]) is not null)
        {
            return "Characters 3 to 12 of a GSTIN are the holder's PAN (5 letters, 4 digits, a letter); these are not.";
        }
        if (gstin[13] != 'Z')
        {
            return "The 14th character of a GSTIN is Z.";
        }
        return CheckCharacter(gstin.AsSpan(0, 14)) == gstin[14]
            ? null
            : "This GSTIN's last character does not match the rest: a character is mistyped.";
    }

    /// <summary>The GSTN's check character of the first 14 characters: weights 1 and 2 alternately, products folded in base 36.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first14)
    {
        var sum = 0;
        for (var i = 0; i < first14.Length; i++)
        {
            var product = Alphabet.IndexOf(first14[i], StringComparison.Ordinal) * (i % 2 == 0 ? 1 : 2);
            sum += product / 36 + product % 36;
        }
        return Alphabet[(36 - sum % 36) % 36];
    }

    public static string? CheckPan(string pan) =>
        pan.Length == 10 && pan[..5].All(char.IsAsciiLetterUpper) && pan[5..9].All(char.IsAsciiDigit) && char.IsAsciiLetterUpper(pan[9])
            ? null
            : "A PAN is 5 letters, 4 digits and a letter, as ABCDE1234F.";

    public static string? CheckIfsc(string ifsc) =>
        ifsc.Length == 11 && ifsc[..4].All(char.IsAsciiLetterUpper) && ifsc[4] == '0' && ifsc[5..].All(char.IsAsciiLetterOrDigit)
            ? null
            : "An IFSC is 4 letters, a zero and 6 letters or digits, as HDFC0001234.";

    public static string? CheckAccountNumber(string number) =>
        number.Length is >= 9 and <= 18 && number.All(char.IsAsciiDigit) ? null : "A bank account number is 9 to 18 digits.";

    /// <summary>A UPI id: a name of letters, digits, dots, hyphens or underscores, @, and the bank's handle (letters).</summary>
    public static string? CheckUpiId(string upi)
    {
        var at = upi.IndexOf('@', StringComparison.Ordinal);
        return at is >= 2 and <= 256 && upi[..at].All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')
            && upi.Length - at - 1 is >= 2 and <= 64 && upi[(at + 1)..].All(char.IsAsciiLetter)
            ? null
            : "A UPI id is a name, @ and the bank's handle, as sharmacaterers@okhdfcbank.";
    }
}
