using System.Globalization;

namespace ShopApp.Catalog;

/// <summary>Every price is in euros, written the way the visitor's culture writes money.</summary>
public static class Euros
{
    public static string Format(decimal amount)
    {
        var format = (NumberFormatInfo)CultureInfo.CurrentCulture.NumberFormat.Clone();
        format.CurrencySymbol = "€";
        return amount.ToString("C", format);
    }
}
