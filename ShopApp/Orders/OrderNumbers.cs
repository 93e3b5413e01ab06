using System.Security.Cryptography;

namespace ShopApp.Orders;

/// <summary>
/// Order numbers people can read out on the phone: "SA-" and two groups of four characters from an alphabet
/// without look-alikes (no 0/O, 1/I/L, U). Random, so they reveal nothing about how many orders there are.
/// </summary>
public static class OrderNumbers
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New()
    {
        Span<char> chars = stackalloc char[8];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
        return $"SA-{chars[..4]}-{chars[4..]}";
    }

    /// <summary>Whether a value from a URL can be an order number at all (anything else is a 404 without a query).</summary>
    public static bool IsWellFormed(string? number) =>
        number is { Length: 12 } && number.StartsWith("SA-", StringComparison.Ordinal) && number[7] == '-'
        && number.Remove(7, 1)[3..].All(c => Alphabet.Contains(c));
}
