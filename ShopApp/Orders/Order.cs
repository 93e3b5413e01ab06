using ShopApp.Checkout;

namespace ShopApp.Orders;

/// <summary>
/// A placed order: permanent, in the database. Prices, names and the address are snapshots taken when it was
/// placed, so later catalog changes never rewrite it.
/// </summary>
public class Order
{
    public int Id { get; set; }

    /// <summary>What the customer quotes: "SA-7K3M-9QXP". Unique.</summary>
    public required string Number { get; set; }

    /// <summary>The customer's account; null once they erased it (the order stays, its address replaced by "erased").</summary>
    public string? UserId { get; set; }

    /// <summary>The checkout's one-time token. Unique, so one checkout can never make two orders.</summary>
    public required string CheckoutToken { get; set; }

    public OrderStatus Status { get; set; } = OrderStatus.Placed;

    public DateTime PlacedAtUtc { get; set; }

    public DateTime? StatusChangedAtUtc { get; set; }

    /// <summary>The language the order was placed in (its line names are in it).</summary>
    public required string Culture { get; set; }

    public required ShippingAddress Shipping { get; set; }

    public DeliveryMethod Delivery { get; set; }

    public DateOnly EarliestArrival { get; set; }

    public DateOnly LatestArrival { get; set; }

    public decimal Subtotal { get; set; }

    public decimal DeliveryPrice { get; set; }

    public decimal VatRate { get; set; }

    public decimal Vat { get; set; }

    public decimal Total { get; set; }

    public required string CardBrand { get; set; }

    public required string CardLast4 { get; set; }

    public List<OrderLine> Lines { get; set; } = [];
}

public class OrderLine
{
    public int Id { get; set; }

    public int OrderId { get; set; }

    public int ProductId { get; set; }

    public required string Name { get; set; }

    public decimal UnitPrice { get; set; }

    public int Quantity { get; set; }

    public decimal LineTotal => UnitPrice * Quantity;
}

/// <summary>Placed, then Shipped, then Delivered; or Cancelled from Placed, which puts the stock back.</summary>
public enum OrderStatus
{
    Placed,
    Shipped,
    Delivered,
    Cancelled,
}

public static class OrderStatuses
{
    /// <summary>The moves an admin can make from each status.</summary>
    public static IReadOnlyList<OrderStatus> NextFrom(OrderStatus status) => status switch
    {
        OrderStatus.Placed => [OrderStatus.Shipped, OrderStatus.Cancelled],
        OrderStatus.Shipped => [OrderStatus.Delivered],
        _ => [],
    };

    public static bool CanMove(OrderStatus from, OrderStatus to) => NextFrom(from).Contains(to);
}
