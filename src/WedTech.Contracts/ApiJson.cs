using System.Text.Json;
using System.Text.Json.Serialization;

namespace WedTech.Contracts;

/// <summary>The API's JSON conventions, shared by the server and every .NET client: camelCase, kebab-case enums.</summary>
public static class ApiJson
{
    public static readonly JsonNamingPolicy EnumNaming = JsonNamingPolicy.KebabCaseLower;

    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(EnumNaming, allowIntegerValues: false));
        return options;
    }

    /// <summary>An enum value as the API writes it ("in-progress").</summary>
    public static string EnumName<T>(T value) where T : struct, Enum => EnumNaming.ConvertName(value.ToString());
}
