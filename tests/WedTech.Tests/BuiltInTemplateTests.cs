using System.Text.RegularExpressions;
using Shouldly;
using WedTech.Server.Templates;

namespace WedTech.Tests;

public sealed partial class BuiltInTemplateTests
{
    /// <summary>A planner picks a template by its name: "4-day" spans four days, no more and no fewer.</summary>
    [Fact]
    public void A_built_in_templates_name_says_how_many_days_it_spans()
    {
        foreach (var template in BuiltInTemplates.All)
        {
            var days = int.Parse(DaysInName().Match(template.Name).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            (template.Events.Max(e => e.Day) + 1).ShouldBe(days, template.Name);
        }
    }

    [GeneratedRegex(@"(\d+)-day$")]
    private static partial Regex DaysInName();
}
