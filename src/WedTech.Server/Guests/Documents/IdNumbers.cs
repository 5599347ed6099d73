using System.Text.RegularExpressions;

namespace WedTech.Server.Guests.Documents;

/// <summary>
/// The numbers on Indian IDs: checked as they are printed (an Aadhaar's Verhoeff check digit, a voter ID's three letters and
/// seven digits…) and kept only as their last four characters, which is all the studio needs to tell one document from another.
/// </summary>
public static partial class IdNumbers
{
    public const int MaxLength = 30;

    /// <summary>The number without spaces and hyphens, upper-cased; or what is wrong with it for this kind of ID.</summary>
    public static (string? Number, IdProblem? Problem) Check(IdDocumentKind kind, string? written)
    {
        var number = string.Concat((written ?? "").Where(c => c is not (' ' or '-'))).ToUpperInvariant();
        IdProblem? problem = number.Length == 0 ? IdProblem.NoNumber
            : number.Length > MaxLength ? IdProblem.NumberTooLong
            : kind switch
            {
                IdDocumentKind.Aadhaar when !AadhaarShape().IsMatch(number) => IdProblem.AadhaarShape,
                IdDocumentKind.Aadhaar when !Verhoeff(number) => IdProblem.AadhaarCheck,
                IdDocumentKind.Passport when !PassportShape().IsMatch(number) => IdProblem.PassportShape,
                IdDocumentKind.DrivingLicence when !LicenceShape().IsMatch(number) => IdProblem.LicenceShape,
                IdDocumentKind.VoterId when !VoterIdShape().IsMatch(number) => IdProblem.VoterIdShape,
                _ => null,
            };
        return problem is null ? (number, null) : (null, problem);
    }

    /// <summary>What the studio is shown: UIDAI's masked form for an Aadhaar, the last four otherwise.</summary>
    public static string Masked(IdDocumentKind kind, string lastFour) => kind == IdDocumentKind.Aadhaar ? $"XXXX XXXX {lastFour}" : $"XXXX{lastFour}";

    public static string LastFour(string number) => number[^4..];

    /// <summary>The Verhoeff check (dihedral group D5) that Aadhaar numbers carry in their last digit.</summary>
    public static bool Verhoeff(string digits)
    {
        var check = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            check = Multiply[check, Permute[i % 8, digits[digits.Length - 1 - i] - '0']];
        }
        return check == 0;
    }

    private static readonly int[,] Multiply =
    {
        { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 2, 3, 4, 0, 6, 7, 8, 9, 5 }, { 2, 3, 4, 0, 1, 7, 8, 9, 5, 6 }, { 3, 4, 0, 1, 2, 8, 9, 5, 6, 7 },
        { 4, 0, 1, 2, 3, 9, 5, 6, 7, 8 }, { 5, 9, 8, 7, 6, 0, 4, 3, 2, 1 }, { 6, 5, 9, 8, 7, 1, 0, 4, 3, 2 }, { 7, 6, 5, 9, 8, 2, 1, 0, 4, 3 },
        { 8, 7, 6, 5, 9, 3, 2, 1, 0, 4 }, { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0 },
    };

    private static readonly int[,] Permute =
    {
        { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 5, 7, 6, 2, 8, 3, 0, 9, 4 }, { 5, 8, 0, 3, 7, 9, 6, 1, 4, 2 }, { 8, 9, 1, 6, 0, 4, 3, 5, 2, 7 },
        { 9, 4, 5, 3, 1, 2, 6, 8, 7, 0 }, { 4, 2, 8, 6, 5, 7, 3, 9, 0, 1 }, { 2, 7, 9, 3, 8, 0, 6, 4, 1, 5 }, { 7, 0, 4, 6, 9, 1, 3, 2, 5, 8 },
    };

    [GeneratedRegex("^[2-9][0-9]{11}$")]
    private static partial Regex AadhaarShape();

    [GeneratedRegex("^(?=.*[0-9])[A-Z0-9]{6,12}$")]
    private static partial Regex PassportShape();

    [GeneratedRegex("^[A-Z]{2}[A-Z0-9]{8,16}$")]
    private static partial Regex LicenceShape();

    [GeneratedRegex("^[A-Z]{3}[0-9]{7}$")]
    private static partial Regex VoterIdShape();
}
