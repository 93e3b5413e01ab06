using ShopApp.Catalog;

namespace ShopApp.Cart;

/// <summary>
/// The cart as the shopper sees it: each line with the current price from the catalog, never one kept in session.
/// A line whose product was hidden stays in view, marked unavailable, and counts in no total: an order leaves it out.
/// </summary>
public sealed record PricedCart(IReadOnlyList<PricedCartLine> Lines)
{
    public IEnumerable<PricedCartLine> Orderable => Lines.Where(l => l.Available);

    public decimal Subtotal => Orderable.Sum(l => l.LineTotal);

    public int ItemCount => Orderable.Sum(l => l.Quantity);

    public bool HasUnavailable => Lines.Any(l => !l.Available);

    /// <summary>
    /// Prices each line with the product as <paramref name="find"/> reads it now: the database's price (in the
    /// tuning wing, as the catalog cache kept it for at most a few seconds).
    /// </summary>
    public static async Task<PricedCart> LoadAsync(Cart cart, Func<int, Task<LocalizedProduct?>> find)
    {
        var lines = new List<PricedCartLine>(cart.Lines.Count);
        foreach (var line in cart.Lines)
        {
            // A product deleted from the catalog since it was added simply no longer shows.
            if (await find(line.ProductId) is { } product)
            {
                lines.Add(new PricedCartLine(product.Id, product.Name, product.ImagePath, product.Price, line.Quantity, product.Stock, product.Visible));
            }
        }
        return new PricedCart(lines);
    }
}

public sealed record PricedCartLine(int ProductId, string Name, string ImagePath, decimal UnitPrice, int Quantity, int Stock, bool Available = true)
{
    public decimal LineTotal => UnitPrice * Quantity;

    public int MaxQuantity => Math.Clamp(Stock, 1, Cart.MaxQuantityPerLine);
}
