namespace ShopApp.Catalog;

public class Category
{
    public int Id { get; set; }

    /// <summary>The URL form of the category, as in <c>/?category=kitchen</c>.</summary>
    public required string Slug { get; set; }

    public required string Name { get; set; }

    public int SortOrder { get; set; }

    public List<Product> Products { get; set; } = [];

    public List<CategoryTranslation> Translations { get; set; } = [];

    /// <summary>The name in <paramref name="culture"/>, when <see cref="Translations"/> were loaded with it; else English.</summary>
    public string NameIn(string culture) => Translations.FirstOrDefault(t => t.Culture == culture)?.Name ?? Name;
}
