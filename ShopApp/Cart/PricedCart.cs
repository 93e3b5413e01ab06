using Microsoft.EntityFrameworkCore;
using ShopApp.Catalog;
using ShopApp.Data;

namespace ShopApp.Cart;

/// <summary>The cart as the shopper sees it: each line with today's price from the database.</summary>
public sealed record PricedCart(IReadOnlyList<PricedCartLine> Lines)
{
    public decimal Subtotal => Lines.Sum(l => l.LineTotal);

    public int ItemCount => Lines.Sum(l => l.Quantity);

    public static async Task<PricedCart> LoadAsync(Cart cart, ShopDbContext db, string culture, CancellationToken cancellationToken = default)
    {
        var ids = cart.Lines.Select(l => l.ProductId).ToList();
        var products = await db.Products.AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .InLanguage(culture)
            .Select(p => new { p.Id, p.Name, p.Price, p.Stock, p.ImagePath })
            .ToDictionaryAsync(p => p.Id, cancellationToken);

        // A product deleted from the catalog since it was added simply no longer shows.
        var lines = cart.Lines
            .Where(l => products.ContainsKey(l.ProductId))
            .Select(l =>
            {
                var p = products[l.ProductId];
                return new PricedCartLine(p.Id, p.Name, p.ImagePath, p.Price, l.Quantity, p.Stock);
            })
            .ToList();
        return new PricedCart(lines);
    }
}

public sealed record PricedCartLine(int ProductId, string Name, string ImagePath, decimal UnitPrice, int Quantity, int Stock)
{
    public decimal LineTotal => UnitPrice * Quantity;

    public int MaxQuantity => Math.Clamp(Stock, 1, Cart.MaxQuantityPerLine);
}
