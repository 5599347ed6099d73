using System.ComponentModel.DataAnnotations;

namespace WedTech.Server.Web;

/// <summary>
/// Errors of a server-rendered form, per field. The rules are the API's own: the request contract's
/// annotations and the services' checks, so a page and an API client are told the same thing.
/// </summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, string> _fields = new(StringComparer.OrdinalIgnoreCase);

    public string? Summary { get; private set; }

    public bool Any => Summary is not null || _fields.Count > 0;

    public string? For(string field) => _fields.GetValueOrDefault(field);

    /// <summary>Checks a request against its contract (and for control characters, as the JSON API does); true when it passes.</summary>
    public bool Check(object request)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true);
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames)
            {
                _fields.TryAdd(member, result.ErrorMessage is { } message ? ValidationMessages.ForPeople(message) : "Check this field.");
            }
        }
        foreach (var property in request.GetType().GetProperties().Where(p => p.PropertyType == typeof(string)))
        {
            if (property.GetValue(request) is string text && !PlainTextConverter.IsPlain(text))
            {
                _fields.TryAdd(property.Name, "Remove the control characters from this text.");
            }
        }
        return !Any;
    }

    /// <summary>Shows what the API would have answered: field errors at their fields, anything else above the form.</summary>
    public void Add(ApiException problem)
    {
        if (problem is ValidationFailedException validation)
        {
            foreach (var (field, messages) in validation.Errors)
            {
                _fields[field] = string.Join(" ", messages);
            }
            return;
        }
        Summary = problem.Detail ?? problem.Title;
    }

    public void Fail(string summary) => Summary = summary;
}
