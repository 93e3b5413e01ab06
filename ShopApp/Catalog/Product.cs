namespace ShopApp.Catalog;

public class Product
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public required string Description { get; set; }

    /// <summary>Price in euros, VAT included. The cart never stores it: it is read from here every time.</summary>
    public decimal Price { get; set; }

    public int Stock { get; set; }

    /// <summary>Path under wwwroot, e.g. <c>/images/products/enamel-mug.svg</c>.</summary>
    public required string ImagePath { get; set; }

    public int CategoryId { get; set; }

    public Category? Category { get; set; }

    /// <summary>Name and description in the other languages; a language without a row shows the English.</summary>
    public List<ProductTranslation> Translations { get; set; } = [];
}
