namespace ShopApp.Catalog;

public class Product
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public required string Description { get; set; }

    /// <summary>Price in euros, VAT included. The cart never stores it: it is read from here every time.</summary>
    public decimal Price { get; set; }

    public int Stock { get; set; }

    /// <summary>
    /// The image's URL: under wwwroot for the seeded products (<c>/images/products/enamel-mug.svg</c>), or an uploaded
    /// one named by its content hash (<c>/product-images/&lt;sha256&gt;.png</c>, see <see cref="ProductImages"/>).
    /// </summary>
    public required string ImagePath { get; set; }

    /// <summary>
    /// False hides the product: it leaves the catalog and cannot be added to a cart; carts that hold it show it as
    /// unavailable, and an order leaves it out.
    /// </summary>
    public bool Visible { get; set; } = true;

    /// <summary>
    /// Raised by every save from /Admin/Products. EF Core checks it in the UPDATE's WHERE clause, so of two managers
    /// who opened the same version, the second save is refused instead of silently undoing the first.
    /// </summary>
    public int Version { get; set; }

    public int CategoryId { get; set; }

    public Category? Category { get; set; }

    /// <summary>Name and description in the other languages; a language without a row shows the English.</summary>
    public List<ProductTranslation> Translations { get; set; } = [];
}
