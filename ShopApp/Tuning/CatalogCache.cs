using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;
using ShopApp.Catalog;
using ShopApp.Data;

namespace ShopApp.Tuning;

/// <summary>
/// Catalog pages and products, kept for a few seconds: every visitor browsing the same category sees the same grid,
/// and reading it from the database for each of them was most of a page's cost (docs/PERFORMANCE.md). Stock and
/// prices on the catalog, product and cart pages may therefore be up to <see cref="Lifetime"/> old; placing an order
/// always reads them fresh, in its transaction.
/// Everything kept here, and every page kept from it (<see cref="PageCache"/>), expires together at the end of the
/// current <see cref="Lifetime"/> window (<see cref="WindowEnd"/>), so a page kept from data that was already 9
/// seconds old goes with that data. <see cref="CatalogChanges.Changed"/> drops everything at once.
/// </summary>
public sealed class CatalogCache(IMemoryCache cache, CatalogChanges changes, IConfiguration configuration)
{
    /// <summary>
    /// How long catalog data and the pages made from it are kept at most (<c>Tuning:CatalogSeconds</c>, 10 by
    /// default): as stale as a shop owner would accept a price to be, and long enough for most visitors to share.
    /// </summary>
    public TimeSpan Lifetime { get; } = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Tuning:CatalogSeconds", 10)));

    /// <summary>
    /// With SQLite the shop is one process and stock changes only here (an order placed or cancelled, each followed by
    /// <see cref="CatalogChanges.Changed"/> after its commit), so the stock kept with a product is the table's.
    /// </summary>
    public bool KeepsStock { get; } = DataSetup.ProviderOf(configuration) == DatabaseProvider.Sqlite;

    /// <summary>When what is kept now expires: the end of the current <see cref="Lifetime"/> window.</summary>
    public DateTimeOffset WindowEnd
    {
        get
        {
            // The memory cache's own clock, which is the one its expiries are checked against.
            var now = DateTimeOffset.UtcNow;
            return now.AddTicks(Lifetime.Ticks - now.UtcTicks % Lifetime.Ticks);
        }
    }

    public int Version => changes.Version;

    public async Task<T> GetOrCreateAsync<T>(object key, Func<Task<T>> load)
    {
        if (cache.TryGetValue(key, out T? cached))
        {
            return cached!;
        }
        // Taken before the query: a change committed while it runs then drops this entry at once, instead of the
        // entry outliving the change with what the query read before it.
        var changed = changes.Token;
        var value = await load();
        if (value is null)
        {
            // "Not found" is not kept: unknown ids would otherwise fill the cache.
            return value;
        }
        using var entry = cache.CreateEntry(key);
        entry.Value = value;
        entry.AbsoluteExpiration = WindowEnd;
        entry.AddExpirationToken(new CancellationChangeToken(changed));
        return value;
    }
}

/// <summary>
/// <see cref="ProductCatalog"/> behind <see cref="CatalogCache"/>. The stock that add-to-cart checks is the kept one
/// with SQLite (<see cref="CatalogCache.KeepsStock"/>); with PostgreSQL other instances place orders too, so it is
/// read fresh with one compiled query. The request's <see cref="ShopDbContext"/> (a pooled one, which costs renting)
/// is asked of <paramref name="requestServices"/> only when a query runs: a hit needs none.
/// </summary>
public sealed class CachedProductCatalog(IServiceProvider requestServices, CatalogCache cache) : IProductCatalog
{
    private ProductCatalog Plain => requestServices.GetRequiredService<ProductCatalog>();

    private static readonly Func<ShopDbContext, int, CancellationToken, Task<int?>> FreshStock =
        EF.CompileAsyncQuery((ShopDbContext db, int productId, CancellationToken _) =>
            db.Products.Where(p => p.Id == productId).Select(p => (int?)p.Stock).FirstOrDefault());

    public Task<LocalizedProduct?> FindAsync(int id, string culture, CancellationToken cancellationToken = default) =>
        cache.GetOrCreateAsync((nameof(LocalizedProduct), id, culture), () => Plain.FindAsync(id, culture, cancellationToken));

    public Task<CatalogResults> BrowseAsync(CatalogSearch page, string culture, CancellationToken cancellationToken = default) =>
        cache.GetOrCreateAsync((nameof(CatalogSearch), page.Category?.Id, page.Page, culture), () => Plain.BrowseAsync(page, culture, cancellationToken));

    public async Task<int?> StockOfAsync(LocalizedProduct product, CancellationToken cancellationToken = default) =>
        cache.KeepsStock ? product.Stock : await FreshStock(requestServices.GetRequiredService<ShopDbContext>(), product.Id, cancellationToken);
}
