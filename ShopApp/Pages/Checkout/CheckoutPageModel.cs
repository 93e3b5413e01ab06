using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ShopApp.Cart;
using ShopApp.Checkout;
using ShopApp.Localization;
using ShopApp.Pages.Shared;

namespace ShopApp.Pages.Checkout;

/// <summary>
/// What every checkout step does first: an empty cart goes back to <c>/Cart</c>, and a step whose earlier steps
/// are not done goes to the first one that is not. The pages are for signed-in users only (a folder convention).
/// </summary>
public abstract class CheckoutPageModel(CartSession cartSession, CheckoutSession checkoutSession, IStringLocalizer<ShopText> t) : PageModel
{
    protected IStringLocalizer<ShopText> T { get; } = t;

    protected CheckoutSession Checkout { get; } = checkoutSession;

    public abstract CheckoutStep Step { get; }

    public CheckoutProgress Progress { get; protected set; } = new();

    public ShopApp.Cart.Cart Cart { get; private set; } = new();

    /// <summary>Null when the step may be shown; otherwise where to send the visitor instead.</summary>
    protected async Task<IActionResult?> GuardAsync(CancellationToken cancellationToken)
    {
        Cart = await cartSession.GetAsync(cancellationToken);
        if (Cart.IsEmpty)
        {
            Notice.Set(TempData, new Notice(NoticeKind.Problem, T["Your cart is empty: add something to it before checking out."]));
            return RedirectToPage("/Cart/Index");
        }
        Progress = await Checkout.GetAsync(cancellationToken);
        return Progress.CanOpen(Step) ? null : RedirectToStep(Progress.FirstIncomplete);
    }

    protected IActionResult RedirectToStep(CheckoutStep step) => RedirectToPage(PageOf(step));

    public static string PageOf(CheckoutStep step) => $"/Checkout/{step}";
}
