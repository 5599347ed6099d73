using System.Text.Json;
using System.Text.Json.Serialization;

namespace WedTech.Contracts;

/// <summary>The API's JSON conventions, shared by the server and every .NET client: camelCase, kebab-case enums.</summary>
public static class ApiJson
{
    public static readonly JsonNamingPolicy EnumNaming = JsonNamingPolicy.KebabCaseLower;

    /// <summary>
    /// The conventions with compiled metadata for the large answers (<see cref="LargeAnswers"/>) and reflection for the rest:
    /// the WebAssembly app reads a 2,000-guest list through it, where reflection-based reading is several times slower.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.Combine(LargeAnswers.Default,
            new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver()),
    });

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(EnumNaming, allowIntegerValues: false));
        return options;
    }

    /// <summary>An enum value as the API writes it ("in-progress").</summary>
    public static string EnumName<T>(T value) where T : struct, Enum => EnumNaming.ConvertName(value.ToString());
}
