using Microsoft.EntityFrameworkCore;
using ShopApp.Data;

namespace ShopApp.Catalog;

/// <summary>
/// How many of a product the shop holds now, as adding to the cart checks it (placing the order checks it again, in
/// its transaction).
/// <list type="bullet">
/// <item>With SQLite the shop is one process (its session store counts on that too), and stock only ever changes in
/// this process: an order placed takes it, an order cancelled gives it back, and both call
/// <see cref="CatalogCache.Changed"/> once they have committed. The stock kept in <see cref="CatalogCache"/> is
/// therefore the table's, and no query is needed.</item>
/// <item>With PostgreSQL other instances place orders too, so the stock is read fresh: one compiled EF Core query.</item>
/// </list>
/// </summary>
public sealed class Stock(IConfiguration configuration)
{
    private static readonly Func<ShopDbContext, int, CancellationToken, Task<int?>> Compiled =
        EF.CompileAsyncQuery((ShopDbContext db, int productId, CancellationToken _) =>
            db.Products.Where(p => p.Id == productId).Select(p => (int?)p.Stock).FirstOrDefault());

    private readonly bool _isSqlite = DataSetup.ProviderOf(configuration) == DatabaseProvider.Sqlite;

    /// <summary>
    /// The stock of <paramref name="product"/> (as <see cref="CatalogCache"/> keeps it) now, or null when it is gone.
    /// The request's <see cref="ShopDbContext"/> is asked of <paramref name="requestServices"/> only for the query.
    /// </summary>
    public async Task<int?> OfAsync(IServiceProvider requestServices, LocalizedProduct product, CancellationToken cancellationToken = default) =>
        _isSqlite
            ? product.Stock
            : await Compiled(requestServices.GetRequiredService<ShopDbContext>(), product.Id, cancellationToken);
}
