using System.Text.RegularExpressions;

namespace ShopApp.Tests.Localization;

/// <summary>No gaps: every key has a real translation, and every text the code asks for exists.</summary>
public sealed partial class ResourceTests
{
    [Fact]
    public void Every_key_has_a_non_empty_value_in_all_three_languages()
    {
        var english = ShopTexts.File("en");
        Assert.NotEmpty(english);

        foreach (var culture in ShopTexts.Cultures)
        {
            var file = ShopTexts.File(culture);
            Assert.Empty(english.Keys.Except(file.Keys).Select(k => $"{culture} lacks: {k}"));
            Assert.Empty(file.Keys.Except(english.Keys).Select(k => $"{culture} has a key English does not: {k}"));
            Assert.Empty(file.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => $"{culture} is empty for: {e.Key}"));
        }
    }

    [Fact]
    public void Every_translation_keeps_the_placeholders_of_its_key()
    {
        foreach (var culture in ShopTexts.Cultures)
        {
            var broken = ShopTexts.File(culture)
                .Where(e => !Placeholders(e.Key).SetEquals(Placeholders(e.Value)))
                .Select(e => $"{culture}: \"{e.Value}\" for \"{e.Key}\"");
            Assert.Empty(broken);
        }
    }

    [Fact]
    public void No_two_keys_differ_only_in_case()
    {
        // Keys that differ only in case end up sharing one translation ("signed in" and "Signed in" did).
        var clashes = ShopTexts.File("en").Keys.GroupBy(key => key, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => string.Join(" / ", g));

        Assert.Empty(clashes);
    }

    [Fact]
    public void Every_text_the_code_asks_for_is_in_the_resources()
    {
        var english = ShopTexts.File("en");
        var app = Path.Combine(RepositoryRoot.Path, "ShopApp");
        var sources = Directory.EnumerateFiles(app, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs") || f.EndsWith(".cshtml"))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"));

        var used = sources.SelectMany(file => TextKey().Matches(File.ReadAllText(file))
            .Select(m => (File: Path.GetRelativePath(app, file), Key: Regex.Unescape(m.Groups["key"].Value))))
            .ToList();

        Assert.True(used.Count > 100, $"only {used.Count} texts found: is the pattern still right?");
        Assert.Empty(used.Where(u => !english.ContainsKey(u.Key)).Select(u => $"{u.File}: \"{u.Key}\""));
    }

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    /// <summary>T["..."], t["..."], ErrorMessage = "..." and Display(Name = "...").</summary>
    [GeneratedRegex("""(?:\b[Tt]\[|ErrorMessage\s*=\s*|Display\(Name\s*=\s*)"(?<key>(?:[^"\\]|\\.)*)"(?!\s*\+)""")]
    private static partial Regex TextKey();
}
