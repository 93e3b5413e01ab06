namespace ShopApp.Checkout;

/// <summary>How an order travels. Stored by name in session and on the order.</summary>
public enum DeliveryMethod
{
    Standard,
    Express,
}

/// <summary>A delivery method's price for a given cart, and when it arrives.</summary>
public sealed record DeliveryOption(DeliveryMethod Method, decimal Price, DateOnly EarliestArrival, DateOnly LatestArrival);

/// <summary>
/// The delivery rules: Standard costs €4.90 and is free from €50, arriving in 3 to 5 working days; Express costs
/// €9.90 and arrives the next working day. Working days are Monday to Friday.
/// </summary>
public static class DeliveryRules
{
    public const decimal StandardPrice = 4.90m;
    public const decimal ExpressPrice = 9.90m;
    public const decimal FreeStandardFrom = 50m;

    public static decimal PriceOf(DeliveryMethod method, decimal subtotal) => method switch
    {
        DeliveryMethod.Standard => subtotal >= FreeStandardFrom ? 0m : StandardPrice,
        DeliveryMethod.Express => ExpressPrice,
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    };

    public static DeliveryOption OptionFor(DeliveryMethod method, decimal subtotal, DateOnly orderedOn)
    {
        var (earliest, latest) = method == DeliveryMethod.Express ? (1, 1) : (3, 5);
        return new DeliveryOption(method, PriceOf(method, subtotal), AddWorkingDays(orderedOn, earliest), AddWorkingDays(orderedOn, latest));
    }

    public static IReadOnlyList<DeliveryOption> OptionsFor(decimal subtotal, DateOnly orderedOn) =>
        [.. Enum.GetValues<DeliveryMethod>().Select(m => OptionFor(m, subtotal, orderedOn))];

    public static DateOnly AddWorkingDays(DateOnly from, int days)
    {
        var date = from;
        while (days > 0)
        {
            date = date.AddDays(1);
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days--;
            }
        }
        return date;
    }
}
