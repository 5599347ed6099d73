using System.Text.RegularExpressions;

namespace WedTech.Server.Platform.Api;

/// <summary>
/// The request contracts' annotations word their messages as code does ("The AdminPassword field is required."). Every
/// such message, from the API's validation and from the server-rendered forms alike, is reworded here once for the
/// person reading it ("Admin password is required."). A message that is already written for people passes unchanged.
/// </summary>
public static partial class ValidationMessages
{
    public const string Title = "Some of what was sent needs correcting";

    public static string ForPeople(string message)
    {
        if (Required().Match(message) is { Success: true } required)
        {
            return $"{Name(required)} is required.";
        }
        if (LengthBetween().Match(message) is { Success: true } between)
        {
            return $"{Name(between)} must be {between.Groups["min"].Value} to {between.Groups["max"].Value} characters long.";
        }
        if (MaxLength().Match(message) is { Success: true } longest)
        {
            return $"{Name(longest)} is too long: at most {longest.Groups["max"].Value}.";
        }
        if (MinLength().Match(message) is { Success: true } shortest)
        {
            return $"{Name(shortest)} is too short: at least {shortest.Groups["min"].Value}.";
        }
        if (Range().Match(message) is { Success: true } range)
        {
            return $"{Name(range)} must be from {range.Groups["min"].Value} to {range.Groups["max"].Value}.";
        }
        if (NotValid().Match(message) is { Success: true } invalid)
        {
            return $"{Name(invalid)} is not a valid {invalid.Groups["what"].Value}.";
        }
        if (Pattern().Match(message) is { Success: true } pattern)
        {
            return $"{Name(pattern)} is not in the expected form.";
        }
        return message;
    }

    /// <summary>"AdminPassword" → "Admin password"; "Team[0].UserId" → "User id".</summary>
    public static string FieldName(string member)
    {
        var last = member[(member.LastIndexOf('.') + 1)..];
        var words = Words().Replace(last, " $1").Trim().ToLowerInvariant();
        return words.Length == 0 ? "This field" : char.ToUpperInvariant(words[0]) + words[1..];
    }

    private static string Name(Match match) => FieldName(match.Groups["field"].Value);

    [GeneratedRegex(@"^The (?<field>[\w.\[\]]+) field is required\.$")]
    private static partial Regex Required();

    [GeneratedRegex(@"^The field (?<field>[\w.\[\]]+) must be a string with a minimum length of (?<min>\d+) and a maximum length of (?<max>\d+)\.$")]
    private static partial Regex LengthBetween();

    [GeneratedRegex(@"^The field (?<field>[\w.\[\]]+) must be a string(?: or array type)? with a maximum length of '?(?<max>\d+)'?\.$")]
    private static partial Regex MaxLength();

    [GeneratedRegex(@"^The field (?<field>[\w.\[\]]+) must be a string or array type with a minimum length of '?(?<min>\d+)'?\.$")]
    private static partial Regex MinLength();

    [GeneratedRegex(@"^The field (?<field>[\w.\[\]]+) must be between (?<min>\S+) and (?<max>\S+)\.$")]
    private static partial Regex Range();

    [GeneratedRegex(@"^The (?<field>[\w.\[\]]+) field is not a valid (?<what>e-mail address|phone number|fully-qualified http, https, or ftp URL)\.$")]
    private static partial Regex NotValid();

    [GeneratedRegex(@"^The field (?<field>[\w.\[\]]+) must match the regular expression '.*'\.$")]
    private static partial Regex Pattern();

    [GeneratedRegex(@"(?<=[a-z0-9])([A-Z])")]
    private static partial Regex Words();
}
