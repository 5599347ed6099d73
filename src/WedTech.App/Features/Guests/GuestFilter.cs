using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace WedTech.App.Features.Guests;

/// <summary>
/// The guest list's filters, applied on this device to the whole list so that each key typed answers at once: names in
/// any script (and their Latin spellings, accents ignored), the digits of a phone, side, event, answer, food and tag.
/// </summary>
public static class GuestFilter
{
    /// <summary>
    /// Each household's names folded once (a household is replaced, never changed, when the list is read again): a search
    /// re-runs on every render while it is on, over thousands of names, in the WebAssembly interpreter.
    /// </summary>
    private static readonly ConditionalWeakTable<HouseholdResponse, string[]> FoldedNames = [];

    public static List<HouseholdResponse> Apply(IReadOnlyList<HouseholdResponse> households, string? search, GuestSide? side, Guid? eventId,
        RsvpAnswer? answer, Diet? diet, string? tag)
    {
        var term = string.IsNullOrWhiteSpace(search) ? null : Fold(search);
        var digits = term is not null && term.All(c => char.IsAsciiDigit(c) || c == ' ') ? term.Replace(" ", "", StringComparison.Ordinal) : null;
        return households.Where(h =>
            (term is null || FoldedNames.GetValue(h, static h => [.. Names(h).Select(Fold)]).Any(name => name.Contains(term, StringComparison.Ordinal))
                || (digits is { Length: >= 3 } && Phones(h).Any(phone => phone.Contains(digits, StringComparison.Ordinal))))
            && (side is null || h.Side == side)
            && (eventId is null ? answer is null || h.Invitations.Any(i => i.Answer == answer) : h.Invitations.Any(i => i.EventId == eventId && (answer is null || i.Answer == answer)))
            && (diet is null || h.Members.Any(m => m.Diet == diet))
            && (tag is null || h.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase))).ToList();
    }

    private static IEnumerable<string> Names(HouseholdResponse h) =>
        h.Members.SelectMany(m => new[] { m.Name, m.LatinName, m.GuestOf }).Prepend(h.DisplayName).OfType<string>();

    private static IEnumerable<string> Phones(HouseholdResponse h) => h.Members.Select(m => m.Phone).Prepend(h.Phone).OfType<string>();

    /// <summary>Lower case without accents (José → jose); other scripts are kept as they are.</summary>
    internal static string Fold(string text)
    {
        var trimmed = text.Trim();
        if (Ascii.IsValid(trimmed))
        {
            return trimmed.ToLowerInvariant();   // nothing to decompose: most names, and no normalisation to pay for
        }
        var decomposed = trimmed.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            // Combining marks of Latin letters go; Devanagari's vowel signs (also marks) are part of the name and stay.
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark || c > '\u036F')
            {
                folded.Append(c);
            }
        }
        return folded.ToString().Normalize(NormalizationForm.FormC);
    }
}
