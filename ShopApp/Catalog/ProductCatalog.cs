using Microsoft.EntityFrameworkCore;
using ShopApp.Data;

namespace ShopApp.Catalog;

/// <summary>What the catalog, product and cart pages read about products. The tuning wing keeps these for a few seconds.</summary>
public interface IProductCatalog
{
    /// <summary>One product with its texts in <paramref name="culture"/>; null for an unknown id.</summary>
    Task<LocalizedProduct?> FindAsync(int id, string culture, CancellationToken cancellationToken = default);

    /// <summary>One page of the grid without a search text: the same for every visitor.</summary>
    Task<CatalogResults> BrowseAsync(CatalogSearch page, string culture, CancellationToken cancellationToken = default);

    /// <summary>The stock that adding <paramref name="product"/> to a cart checks; null when the product is gone.</summary>
    Task<int?> StockOfAsync(LocalizedProduct product, CancellationToken cancellationToken = default);
}

/// <summary>The plain path: every read is a query, so a page always shows the database as it is.</summary>
public sealed class ProductCatalog(ShopDbContext db) : IProductCatalog
{
    public Task<LocalizedProduct?> FindAsync(int id, string culture, CancellationToken cancellationToken = default) =>
        db.Products.AsNoTracking().Where(p => p.Id == id).InLanguage(culture).FirstOrDefaultAsync(cancellationToken);

    public Task<CatalogResults> BrowseAsync(CatalogSearch page, string culture, CancellationToken cancellationToken = default) =>
        page.RunAsync(db, culture, cancellationToken);

    // Read by FindAsync in this same request: as fresh as a second query would be. Placing the order checks it again.
    public Task<int?> StockOfAsync(LocalizedProduct product, CancellationToken cancellationToken = default) =>
        Task.FromResult<int?>(product.Stock);
}
