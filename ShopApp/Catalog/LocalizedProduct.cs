namespace ShopApp.Catalog;

/// <summary>A product with its texts in one language: what every page that shows a product reads.</summary>
public sealed class LocalizedProduct
{
    public int Id { get; init; }

    public string Name { get; init; } = "";

    public string Description { get; init; } = "";

    public decimal Price { get; init; }

    public int Stock { get; init; }

    /// <summary>False for a product a manager hid: found by id (a cart may hold it), never listed or added.</summary>
    public bool Visible { get; init; } = true;

    public string ImagePath { get; init; } = "";

    public int CategoryId { get; init; }

    public string CategorySlug { get; init; } = "";

    public string CategoryName { get; init; } = "";
}

public static class LocalizedCatalog
{
    /// <summary>
    /// Products with their name, description and category name in <paramref name="culture"/>, falling back to the
    /// English on the product. It stays a query: callers go on filtering, sorting and projecting in SQL.
    /// </summary>
    public static IQueryable<LocalizedProduct> InLanguage(this IQueryable<Product> products, string culture) =>
        products.Select(p => new LocalizedProduct
        {
            Id = p.Id,
            Name = p.Translations.Where(t => t.Culture == culture).Select(t => t.Name).FirstOrDefault() ?? p.Name,
            Description = p.Translations.Where(t => t.Culture == culture).Select(t => t.Description).FirstOrDefault() ?? p.Description,
            Price = p.Price,
            Stock = p.Stock,
            Visible = p.Visible,
            ImagePath = p.ImagePath,
            CategoryId = p.CategoryId,
            CategorySlug = p.Category!.Slug,
            CategoryName = p.Category.Translations.Where(t => t.Culture == culture).Select(t => t.Name).FirstOrDefault() ?? p.Category.Name,
        });
}
