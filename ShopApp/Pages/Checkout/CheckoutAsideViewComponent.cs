using Microsoft.AspNetCore.Mvc;
using ShopApp.Cart;
using ShopApp.Catalog;
using ShopApp.Localization;

namespace ShopApp.Pages.Checkout;

/// <summary>
/// Beside the shipping, delivery and payment steps: what is being ordered, line by line with the subtotal, priced as
/// the cart page prices it. The review step prices from the database and shows the totals itself.
/// </summary>
public sealed class CheckoutAsideViewComponent(IProductCatalog catalog) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(ShopApp.Cart.Cart cart) =>
        View(await PricedCart.LoadAsync(cart, id => catalog.FindAsync(id, Languages.Current, HttpContext.RequestAborted)));
}
