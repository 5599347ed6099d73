using System.Text.RegularExpressions;

namespace WedTech.Tests.Infrastructure;

/// <summary>
/// What a problem tells people is written for them: no framework phrasing ("The CompanyName field is required.", "One or
/// more validation errors occurred."), no member names of the code, no status name repeated as its explanation.
/// </summary>
public static partial class ProblemText
{
    /// <summary>Words that look like code but are names people use.</summary>
    private static readonly HashSet<string> Names = ["WhatsApp", "WedTech", "PostgreSQL", "JavaScript", "iCalendar", "SendGrid", "OpenAPI", "JSON"];

    public static bool IsForPeople(string message) =>
        !FrameworkPhrase().IsMatch(message)
        && CodeWord().Matches(message).All(word => Names.Contains(word.Value))
        && message.Trim().TrimEnd('.') is not ("Forbidden" or "Unauthorized" or "Bad Request" or "Not Found");

    [GeneratedRegex(@"^The (field )?\S+ field|^The field \S+ must|One or more validation errors occurred|is not a valid fully-qualified")]
    private static partial Regex FrameworkPhrase();

    /// <summary>PascalCase or camelCase compounds: AdminPassword, guestCountEstimate.</summary>
    [GeneratedRegex(@"\b(?:[A-Z][a-z0-9]+|[a-z]+)(?:[A-Z][a-z0-9]+)+\b")]
    private static partial Regex CodeWord();
}
