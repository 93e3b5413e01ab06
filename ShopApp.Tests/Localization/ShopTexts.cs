using System.Globalization;
using System.Resources;
using System.Xml.Linq;
using ShopApp.Localization;

namespace ShopApp.Tests.Localization;

/// <summary>The resource files as data, for tests that check them or look up what a page should say.</summary>
public static class ShopTexts
{
    private static readonly ResourceManager Resources = new(typeof(ShopText).FullName!, typeof(ShopText).Assembly);

    public static readonly string[] Cultures = ["en", "fr", "de"];

    /// <summary>What the page says for <paramref name="key"/> in <paramref name="culture"/>, from the compiled resources.</summary>
    public static string In(string culture, string key, params object[] args)
    {
        var text = Resources.GetString(key, CultureInfo.GetCultureInfo(culture)) ?? throw new KeyNotFoundException(key);
        return args.Length == 0 ? text : string.Format(CultureInfo.GetCultureInfo(culture), text, args);
    }

    /// <summary>key → value of one .resx file, read from the source tree.</summary>
    public static Dictionary<string, string> File(string culture)
    {
        var suffix = culture == "en" ? "" : "." + culture;
        var path = Path.Combine(RepositoryRoot.Path, "ShopApp", "Localization", $"ShopText{suffix}.resx");
        return XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");
    }
}
