using System.ComponentModel.DataAnnotations;

namespace WedTech.Server.Platform.Api;

/// <summary>A query-string value that must name a member of the enum as the API writes it ("in-progress"); empty means none.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class ApiEnumAttribute(Type enumType) : ValidationAttribute
{
    public Type EnumType => enumType;

    public override bool IsValid(object? value) =>
        value is not string { Length: > 0 } text || ApiConventions.EnumNames(enumType).Contains(text, StringComparer.OrdinalIgnoreCase);

    public override string FormatErrorMessage(string name) => ApiConventions.EnumChoices(enumType);
}

/// <summary>Query-string text of at most <paramref name="maxLength"/> characters without control characters; by default a search.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class QueryTextAttribute(int maxLength) : ValidationAttribute($"Search for at most {maxLength} characters of text.")
{
    public int MaxLength => maxLength;

    public override bool IsValid(object? value) => value is not string text || text.Length <= maxLength && PlainTextConverter.IsPlain(text);
}

/// <summary>Rules across the fields of a query string.</summary>
public static class QueryRules
{
    public static IEnumerable<ValidationResult> DateRange(DateOnly? from, DateOnly? to)
    {
        if (from > to)
        {
            yield return new ValidationResult("The end of the date range is before its start.", ["to"]);
        }
    }
}
