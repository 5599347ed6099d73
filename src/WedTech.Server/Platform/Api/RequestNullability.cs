using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace WedTech.Server.Platform.Api;

/// <summary>
/// A null inside a request body's list or dictionary where the contract's element type has none (a message's variables, a
/// template's provider parameters, a wedding's team, a venue's contacts) is refused when the body is read, as a field error
/// naming the element ("variables.title", "team[0]"), for every request type: handlers never meet one. Null fields themselves
/// are left to validation ([Required]) and to the handlers' own checks, which report every fault at once with their own words.
/// <see cref="JsonSerializerOptions.RespectNullableAnnotations"/> is not used: it does not look inside lists and dictionaries,
/// it would report one null field at a time in place of those checks, and it also fails responses that write a null.
/// </summary>
internal static class RequestNullability
{
    public static void Modify(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object || typeInfo.Type.Assembly != typeof(Contracts.ApiJson).Assembly)
        {
            return;
        }
        var context = new NullabilityInfoContext();
        var checks = typeInfo.Properties.Select(p => CheckFor(p, context)).OfType<Action<object>>().ToArray();
        if (checks.Length == 0)
        {
            return;
        }
        var earlier = typeInfo.OnDeserialized;
        typeInfo.OnDeserialized = value =>
        {
            foreach (var check in checks)
            {
                check(value);
            }
            earlier?.Invoke(value);
        };
    }

    private static Action<object>? CheckFor(JsonPropertyInfo property, NullabilityInfoContext context)
    {
        if (property.Get is not { } get || property.AttributeProvider is not PropertyInfo member)
        {
            return null;
        }
        var name = property.Name;
        if (ElementNullability(member.PropertyType, context.Create(member)) != NullabilityState.NotNull)
        {
            return null;
        }
        return owner =>
        {
            switch (get(owner))
            {
                case IDictionary dictionary:
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        if (entry.Value is null)
                        {
                            throw new JsonFieldException($"{name}.{entry.Key}", "A value is required.");
                        }
                    }
                    break;
                case IEnumerable list and not string and not IDictionary:
                    var index = 0;
                    foreach (var element in list)
                    {
                        if (element is null)
                        {
                            throw new JsonFieldException($"{name}[{index}]", "A value is required.");
                        }
                        index++;
                    }
                    break;
            }
        };
    }

    /// <summary>Whether the elements of a list, or the values of a dictionary, may be null; null when it is not a collection of references.</summary>
    private static NullabilityState? ElementNullability(Type type, NullabilityInfo nullability)
    {
        if (type == typeof(string))
        {
            return null;
        }
        var (elementType, info) = type.IsArray
            ? (type.GetElementType(), nullability.ElementType)
            : type.IsGenericType && nullability.GenericTypeArguments.Length is 1 or 2 && typeof(IEnumerable).IsAssignableFrom(type)
                ? (type.GetGenericArguments()[^1], nullability.GenericTypeArguments[^1])
                : (null, null);
        return elementType is null || info is null || (elementType.IsValueType && Nullable.GetUnderlyingType(elementType) is null) ? null : info.ReadState;
    }
}

/// <summary>A field of a request body that is well-formed JSON but not allowed; <see cref="Field"/> is relative to the object being read.</summary>
internal sealed class JsonFieldException(string field, string reason) : JsonException(reason)
{
    public string Field { get; } = field;
    public string Reason { get; } = reason;
}
