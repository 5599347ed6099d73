using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using WedTech.Contracts;

namespace WedTech.Server.Platform.Api;

/// <summary>Page and page size from the query string, checked and bounded.</summary>
public readonly record struct Paging(int Page, int PageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public int Skip => (Page - 1) * PageSize;

    public static Paging From(int? page, int? pageSize)
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
        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }
        return new Paging(page ?? 1, pageSize ?? DefaultPageSize);
    }
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
