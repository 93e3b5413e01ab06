namespace ShopApp.Catalog;

/// <summary>
/// One change to the catalog, one row per changed field: who made it, when, and the value before and after. Rows are
/// only ever added; /Admin/Products shows a product's rows on its edit page.
/// </summary>
public class CatalogAuditEntry
{
    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    /// <summary>The staff member's e-mail as it was then: the trail outlives a renamed or removed account.</summary>
    public required string ChangedBy { get; set; }

    /// <summary>The product changed, or null for a category change.</summary>
    public int? ProductId { get; set; }

    /// <summary>The category changed, or null for a product change.</summary>
    public int? CategoryId { get; set; }

    /// <summary>The field, e.g. <c>Price</c>, <c>Name (fr)</c>, or <c>Created</c> for a new product or category.</summary>
    public required string Field { get; set; }

    public string? OldValue { get; set; }

    public string? NewValue { get; set; }
}
