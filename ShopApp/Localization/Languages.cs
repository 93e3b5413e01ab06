using System.Globalization;

namespace ShopApp.Localization;

/// <summary>The languages the storefront speaks. The culture names are what <c>POST /Language</c> accepts.</summary>
public static class Languages
{
    public const string Default = "en";

    /// <summary>Each language's name as its speakers write it: the picker shows "Deutsch", not "German".</summary>
    public static readonly IReadOnlyList<(string Culture, string NativeName)> All =
    [
        ("en", "English"),
        ("fr", "Français"),
        ("de", "Deutsch"),
    ];

    public static readonly IReadOnlyList<CultureInfo> Cultures = [.. All.Select(l => CultureInfo.GetCultureInfo(l.Culture))];

    public static bool IsSupported([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? culture) => culture is not null && All.Any(l => l.Culture == culture);

    /// <summary>The current request's language ("en", "fr" or "de"): the key for translated catalog text.</summary>
    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
}
