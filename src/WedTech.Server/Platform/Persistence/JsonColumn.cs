using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WedTech.Server.Platform.Persistence;

public static class JsonColumn
{
    /// <summary>
    /// A small list always read and written with its row, never queried inside: one JSON text column in the API's
    /// conventions, compared by content so that EF notices a change made inside it.
    /// </summary>
    public static PropertyBuilder<List<T>> HasJsonConversion<T>(this PropertyBuilder<List<T>> property) => property.HasConversion(
        list => JsonSerializer.Serialize(list, ApiJson.Options),
        json => JsonSerializer.Deserialize<List<T>>(json, ApiJson.Options) ?? new List<T>(),
        new ValueComparer<List<T>>(
            (a, b) => JsonSerializer.Serialize(a, ApiJson.Options) == JsonSerializer.Serialize(b, ApiJson.Options),
            list => JsonSerializer.Serialize(list, ApiJson.Options).GetHashCode(StringComparison.Ordinal),
            list => list.ToList()));
}
