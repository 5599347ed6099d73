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
        // A snackbar fading in is half transparent: judge colours once it has settled. One that starts fading out while axe
        // runs would be judged half transparent too, so nothing moves during the check: each element shows its resting style
        // (a snackbar on its way out is then transparent, and axe leaves it).
        await page.WaitForFunctionAsync("() => document.getAnimations().every(a => a.playState !== 'running' || !a.effect?.target?.closest?.('.mud-snackbar'))");
        // A constructed style sheet: the pages' content policy refuses inline styles, and rightly.
        await page.EvaluateAsync("""
            () => {
                const still = new CSSStyleSheet();
                still.replaceSync('*, *::before, *::after { animation: none !important; transition: none !important; }');
                document.adoptedStyleSheets = [...document.adoptedStyleSheets, still];
                window.axeStill = still;
            }
            """);
        AxeResult result;
        try
        {
            result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
        }
        finally
        {
            await page.EvaluateAsync("() => document.adoptedStyleSheets = document.adoptedStyleSheets.filter(s => s !== window.axeStill)");
        }
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        serious.ShouldBeEmpty(string.Join("\n", serious.Select(v => $"{name}: {v.Id} ({v.Impact}) {v.Help}: " + string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))))) ;
    }
}
