using System.Text.Json;
using Microsoft.Playwright;

namespace ShopApp.E2E;

/// <summary>
/// axe-core on the page a journey shows now: every WCAG 2.0-2.2 A and AA rule and axe's best practices. A violation
/// fails the journey and names the rule, the page and the elements.
/// </summary>
/// <remarks>
/// axe-core is the one Deque.AxeCore.Commons ships. It is run here with <c>axe.run</c> rather than through
/// Deque.AxeCore.Playwright's <c>RunAxe</c>, which evaluates the whole script, configures every frame and turns
/// all results into .NET objects on each call: several times slower per page than <c>axe.run</c> once the script
/// is in the page, and the journey checks many pages in several languages and widths.
/// </remarks>
public static class Accessibility
{
    private static readonly Lazy<string> AxeSource = new(() =>
    {
        using var stream = typeof(Deque.AxeCore.Commons.AxeResult).Assembly.GetManifestResourceStream("Deque.AxeCore.Commons.Resources.axe.min.js")
            ?? throw new InvalidOperationException("Deque.AxeCore.Commons no longer carries axe.min.js under the expected name.");
        return new StreamReader(stream).ReadToEnd();
    });

    // Only violations come back, in short: the passes of a whole page are most of axe's time and of the JSON. The
    // one framed page (the CSRF lesson's stand-in for another site) is sandboxed without scripts: axe cannot run in
    // it, and it is not a page of the shop.
    private const string Run = """
        async () => {
            // Colours are read as they end, not halfway through a transition (a button's colour fading in as the
            // styles arrive); an endless animation cannot be finished and is left as it is.
            document.getAnimations().forEach(animation => { try { animation.finish(); } catch { } });
            const results = await axe.run(document, {
                runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'] },
                resultTypes: ['violations'],
                iframes: false,
            });
            return JSON.stringify(results.violations.map(v => ({ id: v.id, help: v.help, targets: v.nodes.slice(0, 3).map(n => String(n.target)) })));
        }
        """;

    public static async Task ExpectAccessibleAsync(this IPage page, string? state = null)
    {
        // The page as the visitor sees it: loaded, fonts and styles applied.
        await page.WaitForLoadStateAsync(LoadState.Load);
        // Playwright's evaluate is not subject to the page's Content Security Policy; the script stays until the
        // next navigation.
        if (!await page.EvaluateAsync<bool>("() => typeof axe !== 'undefined'"))
        {
            await page.EvaluateAsync(AxeSource.Value);
        }
        var violations = JsonSerializer.Deserialize<List<Violation>>(await page.EvaluateAsync<string>(Run), JsonOptions)!;
        if (violations.Count > 0)
        {
            var where = $"{new Uri(page.Url).PathAndQuery}{(state is null ? "" : $" ({state})")}";
            Assert.Fail($"axe found {violations.Count} problem(s) on {where}: " + string.Join(" | ", violations.Select(v =>
                $"{v.Id}: {v.Help} at {string.Join(", ", v.Targets)}")));
        }
        await VisitedPages.ForgetCurrentAsync(page);
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private sealed record Violation(string Id, string Help, List<string> Targets);
}
