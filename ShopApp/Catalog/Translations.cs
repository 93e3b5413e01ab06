namespace ShopApp.Catalog;

/// <summary>A product's name and description in one more language ("fr", "de"). English lives on the product itself.</summary>
public class ProductTranslation
{
    public int ProductId { get; set; }

    public required string Culture { get; set; }

    public required string Name { get; set; }

    public required string Description { get; set; }
}

/// <summary>A category's name in one more language. English lives on the category itself.</summary>
public class CategoryTranslation
{
    public int CategoryId { get; set; }

    public required string Culture { get; set; }

    public required string Name { get; set; }
}
