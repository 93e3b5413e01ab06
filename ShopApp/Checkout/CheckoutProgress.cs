namespace ShopApp.Checkout;

/// <summary>The four steps, in order. Placing the order is the Review step's action.</summary>
public enum CheckoutStep
{
    Shipping = 1,
    Delivery = 2,
    Payment = 3,
    Review = 4,
}

/// <summary>Where the order goes. Kept in session during checkout and copied onto the order.</summary>
public sealed record ShippingAddress
{
    public required string FullName { get; init; }
    public required string AddressLine1 { get; init; }
    public string? AddressLine2 { get; init; }
    public required string City { get; init; }
    public required string PostalCode { get; init; }
    public required string CountryCode { get; init; }
    public required string Phone { get; init; }
}

/// <summary>
/// The whole checkout so far, as one value in session: what each finished step chose, and the one-time token the
/// review form carries so that one checkout can only ever make one order. Card data is only <see cref="CardOnFile"/>.
/// </summary>
public sealed record CheckoutProgress
{
    public ShippingAddress? Shipping { get; init; }

    public DeliveryMethod? Delivery { get; init; }

    public CardOnFile? Card { get; init; }

    /// <summary>Issued when the review page is first shown; placing the order spends it.</summary>
    public string? OrderToken { get; init; }

    public bool IsDone(CheckoutStep step) => step switch
    {
        CheckoutStep.Shipping => Shipping is not null,
        CheckoutStep.Delivery => Delivery is not null,
        CheckoutStep.Payment => Card is not null,
        CheckoutStep.Review => false,
        _ => false,
    };

    /// <summary>The first step still to do: Review once the other three are done.</summary>
    public CheckoutStep FirstIncomplete =>
        Enum.GetValues<CheckoutStep>().First(step => !IsDone(step));

    /// <summary>A step can be opened when every step before it is done (a finished step can always be revisited).</summary>
    public bool CanOpen(CheckoutStep step) => step <= FirstIncomplete;

    /// <summary>Where to go after finishing a step: the first one still to do, which is Review when all are done.</summary>
    public CheckoutStep After(CheckoutStep finished) => FirstIncomplete;
}

/// <summary>The longest value each address field takes (the form, the session and the database agree).</summary>
public static class CheckoutLimits
{
    public const int NameMaxLength = 80;
    public const int AddressLineMaxLength = 100;
    public const int CityMaxLength = 60;
    public const int PhoneMaxLength = 20;
}
