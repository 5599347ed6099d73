using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WedTech.Server.Platform.Api;

/// <summary>
/// Refuses strings carrying control characters other than tab and line breaks (NUL above all, which
/// PostgreSQL cannot store), for every field of every request, so no module has to remember to.
/// </summary>
internal sealed class PlainTextConverter : JsonConverter<string>
{
    private static readonly SearchValues<char> Disallowed = SearchValues.Create(
        Enumerable.Range(0, 32).Where(c => c is not ('\t' or '\n' or '\r')).Select(c => (char)c).Append('\u007f').ToArray());

    public static bool IsPlain(ReadOnlySpan<char> text) => text.IndexOfAny(Disallowed) < 0;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetString();
        return value is null || IsPlain(value) ? value : throw new JsonException("Control characters are not allowed.");
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
