using Microsoft.EntityFrameworkCore;
using ShopApp.Data;

namespace ShopApp.Catalog;

/// <summary>One page of the catalog grid: optionally one category, optionally matching a search text.</summary>
public sealed record CatalogSearch(Category? Category, string? Text, int Page)
{
    public const int PageSize = 12;

    public const int MaxTextLength = 100;

    /// <summary>Searches and sorts by the names and descriptions in <paramref name="culture"/>, the ones the visitor reads.</summary>
    public async Task<CatalogResults> RunAsync(ShopDbContext db, string culture, CancellationToken cancellationToken = default)
    {
        var inCategory = db.Products.AsNoTracking().Where(p => p.Visible);
        if (Category is not null)
        {
            inCategory = inCategory.Where(p => p.CategoryId == Category.Id);
        }
        var query = inCategory.InLanguage(culture);
        if (!string.IsNullOrWhiteSpace(Text))
        {
            // LIKE with our own escape character, so a search for "50%" means the text "50%".
            var pattern = "%" + Text.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            // SQLite's LIKE ignores case (for ASCII); PostgreSQL's does not, so there ILIKE does the same job.
            query = db.Database.IsNpgsql()
                ? query.Where(p => EF.Functions.ILike(p.Name, pattern, "\\") || EF.Functions.ILike(p.Description, pattern, "\\"))
                : query.Where(p => EF.Functions.Like(p.Name, pattern, "\\") || EF.Functions.Like(p.Description, pattern, "\\"));
        }

        var total = await query.CountAsync(cancellationToken);
        var products = await query
            .OrderBy(p => p.CategoryId).ThenBy(p => p.Name)
            .Skip((Page - 1) * PageSize).Take(PageSize)
            .Select(p => new ProductCard(p.Id, p.Name, p.Price, p.Stock, p.ImagePath))
            .ToListAsync(cancellationToken);
        return new CatalogResults(products, total, Math.Max(1, (int)Math.Ceiling(total / (double)PageSize)));
    }
}

public sealed record CatalogResults(IReadOnlyList<ProductCard> Products, int Total, int PageCount);

public sealed record ProductCard(int Id, string Name, decimal Price, int Stock, string ImagePath);
