using System.Reflection;
using System.Text.RegularExpressions;

namespace WedTech.Tests;

/// <summary>
/// The README's Settings table is how an operator learns what can be set: every setting the server reads (an options
/// class bound to a section, or a key read by name) is named there.
/// </summary>
public sealed partial class ReadmeSettingsTests
{
    [Fact]
    public void Every_setting_the_server_reads_is_in_the_readmes_settings_table()
    {
        var root = PublishTests.RepositoryRoot();
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        var start = readme.IndexOf("\n## Settings", StringComparison.Ordinal);
        Assert.True(start >= 0, "The README has no Settings section.");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var rows = readme[start..(end < 0 ? readme.Length : end)].Split('\n').Where(line => line.StartsWith('|')).ToList();

        var server = typeof(Program).Assembly;
        var read = new SortedSet<string>(StringComparer.Ordinal);
        var sources = Directory.EnumerateFiles(Path.Combine(root, "src", "WedTech.Server"), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        foreach (var text in sources.Select(File.ReadAllText))
        {
            foreach (Match bound in BoundOptions().Matches(text))
            {
                var type = server.GetTypes().Single(t => t.Name == bound.Groups["type"].Value);
                var section = bound.Groups["section"].Success
                    ? bound.Groups["section"].Value
                    : (string)server.GetTypes().Single(t => t.Name == bound.Groups["holder"].Value).GetField("Section")!.GetRawConstantValue()!;
                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && IsScalar(p.PropertyType)))
                {
                    read.Add($"{section}:{property.Name}");
                }
            }
            foreach (Match key in KeyReadByName().Matches(text))
            {
                read.Add(key.Groups["key"].Value);
            }
        }
        Assert.NotEmpty(read);

        var missing = read.Where(key => !rows.Any(row => Names(row, key))).ToList();
        Assert.True(missing.Count == 0, "Settings the server reads that the README's Settings table does not name:\n" + string.Join("\n", missing));
    }

    /// <summary>A row names <c>Section:Name</c> itself, or as one of a group written <c>`Section:First` / `Name`</c>.</summary>
    private static bool Names(string row, string key)
    {
        var split = key.LastIndexOf(':');
        return row.Contains($"`{key}`", StringComparison.Ordinal)
            || (row.Contains($"`{key[..(split + 1)]}", StringComparison.Ordinal) && row.Split('|')[1].Contains($"`{key[(split + 1)..]}`", StringComparison.Ordinal));
    }

    private static bool IsScalar(Type type)
    {
        var inner = Nullable.GetUnderlyingType(type) ?? type;
        return inner.IsPrimitive || inner.IsEnum || inner == typeof(string) || inner == typeof(TimeSpan) || inner == typeof(decimal) || inner == typeof(Uri);
    }

    [GeneratedRegex(@"(?:Configure|AddOptions)<(?:\w+\.)*(?<type>\w+)>\([^;]*?(?:GetSection|BindConfiguration)\((?:""(?<section>[A-Z][\w:]*)""|(?<holder>\w+)\.Section)\)", RegexOptions.Singleline)]
    private static partial Regex BoundOptions();

    [GeneratedRegex(@"(?:GetValue<[^>]+>\(|\[)""(?<key>[A-Z]\w*:[\w:]+)""")]
    private static partial Regex KeyReadByName();
}
