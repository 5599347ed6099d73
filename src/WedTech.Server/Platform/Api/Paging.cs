using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;

namespace WedTech.Server.Platform.Api;

/// <summary>Page and page size from the query string, checked and bounded.</summary>
public readonly record struct Paging(int Page, int PageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public int Skip => (Page - 1) * PageSize;

    public static Paging From(int? page, int? pageSize)
    {
        var errors = Errors(page, pageSize);
        return errors.Count > 0 ? throw new ValidationFailedException(errors) : new Paging(page ?? 1, pageSize ?? DefaultPageSize);
    }

    /// <summary>What is wrong with a page and page size, by field: nothing when they are fine.</summary>
    public static Dictionary<string, string[]> Errors(int? page, int? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        if (page is < 1)
        {
            errors["page"] = ["Page numbers start at 1."];
        }
        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"Page size must be between 1 and {MaxPageSize}."];
        }
        if (page is > 1 && (long)(page.Value - 1) * (pageSize ?? DefaultPageSize) > int.MaxValue)
        {
            errors["page"] = ["This page is beyond the end of any list."];
        }
        return errors;
    }
}

/// <summary>
/// The page and page size of a list's query string, bound with [AsParameters] and checked by the platform's validation before
/// the handler runs: each field's attributes all at once, then (when those pass) the rules across fields, <see cref="Validate"/>.
/// A list with filters derives its own query record from it. Members are named as in the query string.
/// </summary>
public record PageQuery(
    [property: Range(1, int.MaxValue, ErrorMessage = "Page numbers start at 1.")] int? page,
    [property: Range(1, Paging.MaxPageSize, ErrorMessage = "Page size must be between 1 and 100.")] int? pageSize) : IValidatableObject
{
    public Paging ToPaging() => new(page ?? 1, pageSize ?? Paging.DefaultPageSize);

    public virtual IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Paging.Errors(page, pageSize).Select(error => new ValidationResult(error.Value[0], [error.Key]));
}

public static class PagingQueries
{
    /// <summary>One page of an ordered query, projected, with the total count of the whole query.</summary>
    public static async Task<PagedResponse<TResult>> ToPageAsync<T, TResult>(
        this IOrderedQueryable<T> ordered, Paging paging, Expression<Func<T, TResult>> projection, CancellationToken cancellationToken)
    {
        var total = await ordered.CountAsync(cancellationToken);
        var items = await ordered.Skip(paging.Skip).Take(paging.PageSize).Select(projection).ToListAsync(cancellationToken);
        return new PagedResponse<TResult>(items, paging.Page, paging.PageSize, total);
    }
}
