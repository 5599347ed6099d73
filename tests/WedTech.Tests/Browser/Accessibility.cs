using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Shouldly;

namespace WedTech.Tests.Browser;

/// <summary>axe-core in the page: no serious or critical violations.</summary>
public static class Accessibility
{
    public static async Task CheckAsync(IPage page, string name)
    {
        // A snackbar fading in is half transparent: judge colours once it has settled.
        await page.WaitForFunctionAsync("() => document.getAnimations().every(a => a.playState !== 'running' || !a.effect?.target?.closest?.('.mud-snackbar'))");
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        serious.ShouldBeEmpty(string.Join("\n", serious.Select(v => $"{name}: {v.Id} ({v.Impact}) {v.Help}: " + string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))))) ;
    }
}
