using System.ComponentModel;

namespace WedTech.Contracts;

/// <summary>A page of a list. Immutable, so the server's cache can hand out one instance to every reader.</summary>
[ImmutableObject(true)]
public sealed record PagedResponse<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount);
