namespace ShopApp.Checkout;

/// <summary>
/// The simulated card's rules. Only <see cref="CardOnFile"/> (brand and last four digits) ever leaves the request
/// that posted a card: the full number and the CVC are checked here and dropped.
/// </summary>
public static class PaymentCard
{
    /// <summary>The digits of a card number typed with spaces or dashes; null when anything else is in it.</summary>
    public static string? Digits(string? number)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return null;
        }
        var digits = new System.Text.StringBuilder(number.Length);
        foreach (var c in number)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '-'))
            {
                return null;
            }
        }
        return digits.Length is >= 12 and <= 19 ? digits.ToString() : null;
    }

    /// <summary>The Luhn check digit rule (ISO/IEC 7812-1), which every card number satisfies.</summary>
    public static bool PassesLuhn(string digits)
    {
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    public static string BrandOf(string digits) => digits switch
    {
        _ when digits.StartsWith('4') => "Visa",
        _ when digits.Length >= 2 && int.Parse(digits[..2]) is >= 51 and <= 55 => "Mastercard",
        _ when digits.Length >= 4 && int.Parse(digits[..4]) is >= 2221 and <= 2720 => "Mastercard",
        _ when digits.StartsWith("34") || digits.StartsWith("37") => "American Express",
        _ => "Card",
    };

    /// <summary>American Express cards have a 4-digit security code; the others 3.</summary>
    public static int CvcLength(string brand) => brand == "American Express" ? 4 : 3;

    /// <summary>Reads "MM/YY" (or "MM/YYYY"); null when it is not a month.</summary>
    public static (int Month, int Year)? ParseExpiry(string? expiry)
    {
        // [0-9], not \d: \d also matches other scripts' digits (full-width, Arabic-Indic), which int.Parse refuses.
        var match = System.Text.RegularExpressions.Regex.Match(expiry?.Trim() ?? "", @"^([0-9]{1,2}) */ *([0-9]{2}|[0-9]{4})$");
        if (!match.Success)
        {
            return null;
        }
        var month = int.Parse(match.Groups[1].Value);
        var year = int.Parse(match.Groups[2].Value);
        year = year < 100 ? 2000 + year : year;
        return month is >= 1 and <= 12 ? (month, year) : null;
    }

    /// <summary>A card is good until the end of its expiry month.</summary>
    public static bool IsExpired((int Month, int Year) expiry, DateOnly today) =>
        expiry.Year < today.Year || expiry.Year == today.Year && expiry.Month < today.Month;
}

/// <summary>All that is kept of a card: its brand and last four digits.</summary>
public sealed record CardOnFile(string Brand, string Last4)
{
    public static CardOnFile From(string digits) => new(PaymentCard.BrandOf(digits), digits[^4..]);
}
