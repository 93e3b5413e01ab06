using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ShopApp.Cart;
using ShopApp.Catalog;
using ShopApp.Localization;
using ShopApp.Tuning;

namespace ShopApp.Pages.Products;

[CachedPage(CartQuantityOfRouteValue = "id")]
public class DetailsModel(CartSession cartSession, IProductCatalog catalog) : PageModel
{
    public LocalizedProduct Product { get; private set; } = null!;

    public int InCart { get; private set; }

    /// <summary>How many more the shopper may add: what is in stock and within the per-line limit, less the cart.</summary>
    public int MaxToAdd => Math.Max(0, Math.Min(Product.Stock, ShopApp.Cart.Cart.MaxQuantityPerLine) - InCart);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var culture = Languages.Current;
        var product = await catalog.FindAsync(id, culture, cancellationToken);
        // A hidden product is gone from the shop for visitors, even at its old address.
        if (product is not { Visible: true })
        {
            return NotFound();
        }

        Product = product;
        InCart = (await cartSession.GetAsync(cancellationToken)).QuantityOf(id);
        return Page();
    }
}
