using System.Text.RegularExpressions;

namespace ShopApp.Tests.Pages;

/// <summary>
/// The pages use a Bootstrap trimmed to their own classes (tools/assets, <c>npm run build</c>). A class added to a
/// page after the last build would silently have no style: this test names it and says how to rebuild.
/// </summary>
public sealed partial class TrimmedStylesTests
{
    [Fact]
    public void Every_Bootstrap_class_a_page_uses_is_in_the_trimmed_stylesheet()
    {
        var root = RepositoryRoot.Path;
        var full = File.ReadAllText(Path.Combine(root, "wwwroot", "lib", "bootstrap", "dist", "css", "bootstrap.min.css"));
        var trimmed = File.ReadAllText(Path.Combine(root, "wwwroot", "css", "bootstrap.shop.min.css"));
        var used = Directory.EnumerateFiles(Path.Combine(root, "ShopApp"), "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(file => ClassAttribute().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
            .SelectMany(value => value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(token => ClassName().IsMatch(token))
            .ToHashSet();

        // A class is needed when some rule of the full stylesheet styles it with nothing but classes the pages use
        // (".nav-fill .nav-item" does not make ".nav-item" needed while no page uses "nav-fill").
        var selectors = full.Split('}').Select(rule => rule.Split('{')[0]).SelectMany(list => list.Split(','))
            .Select(selector => SelectorClass().Matches(selector).Select(m => m.Groups[1].Value).ToList())
            .Where(classes => classes.Count > 0 && classes.All(used.Contains)).ToList();
        var needed = selectors.SelectMany(classes => classes).ToHashSet();
        var missing = needed.Where(token => !SelectorClass().Matches(trimmed).Any(m => m.Groups[1].Value == token)).Order().ToList();

        Assert.True(missing.Count == 0, $"Bootstrap classes missing from wwwroot/css/bootstrap.shop.min.css: {string.Join(", ", missing)}. Rebuild it: cd tools/assets && npm ci && npm run build");
    }

    [GeneratedRegex("class=\"([^\"@]*)\"")]
    private static partial Regex ClassAttribute();

    [GeneratedRegex(@"\.([a-z][a-z0-9-]*)(?![a-z0-9-])")]
    private static partial Regex SelectorClass();

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex ClassName();
}
