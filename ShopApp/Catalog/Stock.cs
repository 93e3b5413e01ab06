using Microsoft.EntityFrameworkCore;
using ShopApp.Data;

namespace ShopApp.Catalog;

/// <summary>
/// How many of a product the shop holds right now, read from the database every time (never from
/// <see cref="CatalogCache"/>): adding to the cart checks against it. One row by primary key, compiled once, so the
/// most frequent write in the shop costs the smallest query it can.
/// </summary>
public static class Stock
{
    private static readonly Func<ShopDbContext, int, CancellationToken, Task<int?>> Query =
        EF.CompileAsyncQuery((ShopDbContext db, int productId, CancellationToken _) =>
            db.Products.Where(p => p.Id == productId).Select(p => (int?)p.Stock).FirstOrDefault());

    /// <summary>The stock now, or null when there is no such product.</summary>
    public static Task<int?> OfAsync(ShopDbContext db, int productId, CancellationToken cancellationToken = default) =>
        Query(db, productId, cancellationToken);
}
