namespace WedTech.Server.Platform.Api;

/// <summary>
/// Refuses query-string values with control characters (NUL above all, which PostgreSQL cannot take in text) on every API
/// request, with a field error naming the parameter: the same rule <see cref="PlainTextConverter"/> applies to bodies.
/// </summary>
internal sealed class QueryTextGuard(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.QueryString.HasValue && context.Request.Path.StartsWithSegments("/api"))
        {
            var errors = new Dictionary<string, string[]>();
            foreach (var (name, values) in context.Request.Query)
            {
                if (!PlainTextConverter.IsPlain(name) || values.Any(value => value is not null && !PlainTextConverter.IsPlain(value)))
                {
                    errors[PlainTextConverter.IsPlain(name) ? name : "query"] = ["Control characters are not allowed."];
                }
            }
            if (errors.Count > 0)
            {
                throw new ValidationFailedException(errors);
            }
        }
        return next(context);
    }
}
