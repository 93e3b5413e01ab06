using System.Text.RegularExpressions;

namespace ShopApp.Checkout;

/// <summary>
/// A country the shop delivers to: its VAT rate (prices include VAT; the receipt shows the share the destination
/// country charges) and the shape of its postal codes.
/// </summary>
public sealed record Country(string Code, string Name, decimal VatRate, string PostalCodeExample, Regex PostalCode)
{
    /// <summary>Upper-cases and tidies a postal code the way the country writes it ("1234ab" becomes "1234 AB" in the Netherlands).</summary>
    public string NormalizePostalCode(string postalCode)
    {
        var tidy = Regex.Replace(postalCode.Trim().ToUpperInvariant(), @"\s+", " ");
        return Code switch
        {
            "NL" when Regex.IsMatch(tidy, @"^[0-9]{4}[A-Z]{2}$") => $"{tidy[..4]} {tidy[4..]}",
            "IE" when Regex.IsMatch(tidy, @"^[A-Z0-9]{7}$") => $"{tidy[..3]} {tidy[3..]}",
            _ => tidy,
        };
    }

    public bool IsValidPostalCode(string? postalCode) =>
        !string.IsNullOrWhiteSpace(postalCode) && PostalCode.IsMatch(NormalizePostalCode(postalCode));
}

public static class Countries
{
    private static Regex Pattern(string pattern) => new($"^{pattern}$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));

    /// <summary>The countries the shop delivers to, in the order the list shows them. Names are resource keys.</summary>
    public static readonly IReadOnlyList<Country> All =
    [
        new("AT", "Austria", 20m, "1010", Pattern(@"[0-9]{4}")),
        new("BE", "Belgium", 21m, "1000", Pattern(@"[0-9]{4}")),
        new("FR", "France", 20m, "75001", Pattern(@"[0-9]{5}")),
        new("DE", "Germany", 19m, "10115", Pattern(@"[0-9]{5}")),
        new("IE", "Ireland", 23m, "D02 X285", Pattern(@"[A-Z][0-9][0-9W] [A-Z0-9]{4}")),
        new("IT", "Italy", 22m, "00184", Pattern(@"[0-9]{5}")),
        new("LU", "Luxembourg", 17m, "1111", Pattern(@"(L-)?[0-9]{4}")),
        new("NL", "Netherlands", 21m, "1012 AB", Pattern(@"[1-9][0-9]{3} [A-Z]{2}")),
        new("PT", "Portugal", 23m, "1000-001", Pattern(@"[0-9]{4}-[0-9]{3}")),
        new("ES", "Spain", 21m, "28001", Pattern(@"[0-9]{5}")),
    ];

    public static Country? Find(string? code) => All.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.Ordinal));
}
