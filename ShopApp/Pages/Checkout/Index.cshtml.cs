using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using ShopApp.Cart;
using ShopApp.Checkout;
using ShopApp.Localization;

namespace ShopApp.Pages.Checkout;

/// <summary><c>/Checkout</c>: the cart's "Check out" button lands here and goes on to the first step still to do.</summary>
public class IndexModel(CartSession cartSession, CheckoutSession checkoutSession, IStringLocalizer<ShopText> t)
    : CheckoutPageModel(cartSession, checkoutSession, t)
{
    public override CheckoutStep Step => CheckoutStep.Shipping;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await GuardAsync(cancellationToken) ?? RedirectToStep(Progress.FirstIncomplete);
}
