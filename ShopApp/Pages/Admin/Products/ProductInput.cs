using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.RegularExpressions;
using ShopApp.Catalog;

namespace ShopApp.Pages.Admin.Products;

/// <summary>The fields of the product form, validated like the checkout's: localized messages, ASCII digits only.</summary>
public sealed partial class ProductInput
{
    public const int StockMax = 100_000;

    /// <summary>Up to 9,999,999.99 euros, with a point or a comma, ASCII digits only.</summary>
    public const string PriceFormat = @"^[0-9]{1,7}([.,][0-9]{1,2})?$";

    [Required(ErrorMessage = "Enter a value for {0}.")]
    [StringLength(120, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Name in English")]
    public string NameEn { get; set; } = "";

    [Required(ErrorMessage = "Enter a value for {0}.")]
    [StringLength(120, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Name in French")]
    public string NameFr { get; set; } = "";

    [Required(ErrorMessage = "Enter a value for {0}.")]
    [StringLength(120, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Name in German")]
    public string NameDe { get; set; } = "";

    [Required(ErrorMessage = "Enter a value for {0}.")]
    [StringLength(2000, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Description in English")]
    public string DescriptionEn { get; set; } = "";

    [Required(ErrorMessage = "Enter a value for {0}.")]
    [StringLength(2000, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Description in French")]
    public string DescriptionFr { get; set; } = "";

    [Required(ErrorMessage = "Enter a value for {0}.")]
    [StringLength(2000, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Description in German")]
    public string DescriptionDe { get; set; } = "";

    [Required(ErrorMessage = "Choose a category.")]
    [Display(Name = "Category")]
    public int? CategoryId { get; set; }

    /// <summary>Text, so "12,50" and "12.50" both read as euros, and anything else gets the message below.</summary>
    [Required(ErrorMessage = "Enter a value for {0}.")]
    [RegularExpression(PriceFormat, ErrorMessage = "Enter a price in euros above 0 with at most 2 decimals, such as 12.50.")]
    [Display(Name = "Price (€)")]
    public string? Price { get; set; } = "";

    [Required(ErrorMessage = "Enter a value for {0}.")]
    [Range(0, StockMax, ErrorMessage = "Enter a whole number from {1} to {2} for {0}.")]
    [Display(Name = "Stock")]
    public int? Stock { get; set; }

    [Display(Name = "Visible in the shop")]
    public bool Visible { get; set; } = true;

    /// <summary>The version the form was opened with: the concurrency check compares it.</summary>
    public int Version { get; set; }

    /// <summary>The price as euros, or null when the text is not one above 0.</summary>
    public decimal? PriceInEuros() =>
        Price is not null && PricePattern().IsMatch(Price)
        && decimal.Parse(Price.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) is var euros && euros > 0
            ? euros
            : null;

    [GeneratedRegex(PriceFormat)]
    private static partial Regex PricePattern();

    public static ProductInput From(ProductDraft draft) => new()
    {
        NameEn = draft.Names["en"], NameFr = draft.Names["fr"], NameDe = draft.Names["de"],
        DescriptionEn = draft.Descriptions["en"], DescriptionFr = draft.Descriptions["fr"], DescriptionDe = draft.Descriptions["de"],
        CategoryId = draft.CategoryId,
        Price = draft.Price.ToString("0.00", CultureInfo.InvariantCulture),
        Stock = draft.Stock,
        Visible = draft.Visible,
        Version = draft.Version,
    };

    public ProductDraft ToDraft(int? id, decimal price, string imagePath) => new(id, Version,
        new Dictionary<string, string> { ["en"] = NameEn.Trim(), ["fr"] = NameFr.Trim(), ["de"] = NameDe.Trim() },
        new Dictionary<string, string> { ["en"] = DescriptionEn.Trim(), ["fr"] = DescriptionFr.Trim(), ["de"] = DescriptionDe.Trim() },
        CategoryId!.Value, price, Stock!.Value, Visible, imagePath);
}
