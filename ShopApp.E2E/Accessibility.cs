using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ShopApp.E2E;

/// <summary>
/// axe-core on the page a journey shows now: every WCAG 2.0-2.2 A and AA rule and axe's best practices. A violation
/// fails the journey and names the rule, the page and the elements.
/// </summary>
public static class Accessibility
{
    private static readonly AxeRunOptions Rules = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"] },
        // Only violations come back in detail: the passes of a whole page are most of axe's time and of the JSON.
        ResultTypes = [ResultType.Violations],
        // The one framed page, the CSRF lesson's stand-in for another site, is sandboxed without scripts: axe cannot
        // run inside it (nor on it alone), and it is not a page of the shop. The lesson around it is checked.
        Iframes = false,
    };

    public static async Task ExpectAccessibleAsync(this IPage page, string? state = null)
    {
        // The page as the visitor sees it: loaded, fonts and styles applied.
        await page.WaitForLoadStateAsync(LoadState.Load);
        var result = await page.RunAxe(Rules);
        if (result.Violations.Length > 0)
        {
            var where = $"{new Uri(page.Url).PathAndQuery}{(state is null ? "" : $" ({state})")}";
            Assert.Fail($"axe found {result.Violations.Length} problem(s) on {where}: " + string.Join(" | ", result.Violations.Select(v =>
                $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")));
        }
    }
}
