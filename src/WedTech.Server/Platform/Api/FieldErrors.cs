namespace WedTech.Server.Platform.Api;

/// <summary>
/// The field errors of one request, collected while every rule is checked, so that the answer names them all at once
/// (one ProblemDetails <c>errors</c> object) rather than the first only. The first message for a field is the one kept.
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, string[]> _errors = [];

    public bool Any => _errors.Count > 0;

    public bool Has(string field) => _errors.ContainsKey(field);

    public void Add(string field, string message) => _errors.TryAdd(field, [message]);

    /// <summary>Runs a check that refuses with <see cref="ValidationFailedException"/>; its errors are collected. Whether it passed.</summary>
    public bool Check(Action check)
    {
        try
        {
            check();
            return true;
        }
        catch (ValidationFailedException refused)
        {
            foreach (var (field, messages) in refused.Errors)
            {
                _errors.TryAdd(field, messages);
            }
            return false;
        }
    }

    /// <summary>The value of a check that refuses with <see cref="ValidationFailedException"/>, or null with its errors collected.</summary>
    public T? Check<T>(Func<T> check) where T : class
    {
        T? value = null;
        Check(() => { value = check(); });
        return value;
    }

    /// <summary>Refuses the request (400) if any field is at fault.</summary>
    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]>(_errors));
        }
    }
}
