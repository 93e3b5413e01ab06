using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ShopApp.Analytics;
using ShopApp.Cart;
using Microsoft.Extensions.Localization;
using ShopApp.Catalog;
using ShopApp.Localization;
using ShopApp.Pages.Shared;
using ShopApp.Security;
using ShopApp.Tuning;

namespace ShopApp.Pages.Cart;

/// <summary>
/// <c>/Cart</c> and its four actions. Each POST changes the cart in session through <see cref="CartSession"/>
/// and redirects (post/redirect/get); a refused change leaves the cart as it was and says why.
/// </summary>
[CachedPage(ShowsCartLines = true)]
public class IndexModel(CartSession cartSession, IProductCatalog catalog, SessionAnalytics analytics, IStringLocalizer<ShopText> t) : PageModel
{
    public PricedCart Cart { get; private set; } = new([]);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Cart = await PricedCart.LoadAsync(await cartSession.GetAsync(cancellationToken),
            id => catalog.FindAsync(id, Languages.Current, cancellationToken));

    // The form's fields bind as three simple values (not as one CartForm object): binding a complex type walks its
    // properties through every value provider, a cost each cart change paid for nothing.
    public Task<IActionResult> OnPostAddAsync(int? productId, int? quantity, string? returnUrl, CancellationToken cancellationToken) =>
        ChangeAsync(new CartForm(productId, quantity, returnUrl), requireQuantity: true, (cart, product, quantity) => cart.Add(product.Id, quantity, product.Stock),
            (product, quantity) => t["Added {0} × {1} to your cart.", quantity, product.Name], cancellationToken, added: true);

    public Task<IActionResult> OnPostUpdateAsync(int? productId, int? quantity, string? returnUrl, CancellationToken cancellationToken) =>
        ChangeAsync(new CartForm(productId, quantity, returnUrl), requireQuantity: true, (cart, product, quantity) => cart.SetQuantity(product.Id, quantity, product.Stock),
            (product, quantity) => t["{0}: quantity changed to {1}.", product.Name, quantity], cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(int? productId, string? returnUrl, CancellationToken cancellationToken) =>
        ChangeAsync(new CartForm(productId, null, returnUrl), requireQuantity: false, (cart, product, _) => cart.Remove(product.Id),
            (product, _) => t["Removed {0} from your cart.", product.Name], cancellationToken);

    public async Task<IActionResult> OnPostClearAsync(CancellationToken cancellationToken)
    {
        var cart = await cartSession.GetAsync(cancellationToken);
        cart.Clear();
        await cartSession.SaveAsync(cart, cancellationToken);
        Notice.Set(TempData, new Notice(NoticeKind.Success, t["Your cart is empty now."]));
        return BackToCart();
    }

    private async Task<IActionResult> ChangeAsync(
        CartForm form,
        bool requireQuantity,
        Func<ShopApp.Cart.Cart, StockedProduct, int, CartResult> change,
        Func<StockedProduct, int, string> success,
        CancellationToken cancellationToken,
        bool added = false)
    {
        // A missing or malformed product id never comes from our own forms. (A value that is not a whole number
        // fails model binding and leaves the property null, so "abc" and "" land here and in the quantity check below.)
        if (form.ProductId is not int productId)
        {
            return BadRequest();
        }

        if (await catalog.FindAsync(productId, Languages.Current, cancellationToken) is not { } shown
            || await catalog.StockOfAsync(shown, cancellationToken) is not int inStock)
        {
            return NotFound();
        }
        var product = new StockedProduct(productId, shown.Name, inStock);

        var quantity = form.Quantity ?? 0;
        var cart = await cartSession.GetAsync(cancellationToken);
        // A hidden product can only leave a cart (the remove form needs no quantity).
        var result = !shown.Visible && requireQuantity ? CartResult.Unavailable
            : requireQuantity && form.Quantity is null ? CartResult.QuantityOutOfRange
            : change(cart, product, quantity);

        if (result == CartResult.Ok)
        {
            Notice.Set(TempData, new Notice(NoticeKind.Success, success(product, quantity)));
            // The notice goes into the session now, so the cart's commit below stores both in one write (the end
            // of the request then finds nothing changed).
            TempData.Save();
            await cartSession.SaveAsync(cart, cancellationToken);
            if (added)
            {
                // Only with the visitor's consent; otherwise nothing at all.
                await analytics.RecordAsync(AnalyticsKind.AddedToCart, productId: productId, cancellationToken: cancellationToken);
            }
        }
        else
        {
            Notice.Set(TempData, new Notice(NoticeKind.Problem, Explain(result, product, cart.QuantityOf(product.Id)), product.Id));
        }

        return LocalReturnUrl.Of(Url, form.ReturnUrl) is { } back ? LocalRedirect(back) : BackToCart();
    }

    /// <summary>
    /// To <c>/Cart</c> (under the app's path base). The same answer as <c>RedirectToPage()</c>, without generating the
    /// link from the route table on every cart change.
    /// </summary>
    private LocalRedirectResult BackToCart() => LocalRedirect(Url.Content("~/Cart"));

    private string Explain(CartResult result, StockedProduct product, int inCart) => result switch
    {
        CartResult.QuantityOutOfRange => t["Enter a whole number from 1 to {0} for {1}.", ShopApp.Cart.Cart.MaxQuantityPerLine, product.Name],
        CartResult.AboveLineLimit => t["You can have at most {0} of {1} in your cart (you have {2}).", ShopApp.Cart.Cart.MaxQuantityPerLine, product.Name, inCart],
        CartResult.AboveStock when product.Stock == 0 => t["{0} is out of stock.", product.Name],
        CartResult.AboveStock => t["Only {0} of {1} in stock (you have {2} in your cart).", product.Stock, product.Name, inCart],
        CartResult.TooManyLines => t["Your cart can hold at most {0} different products.", ShopApp.Cart.Cart.MaxLines],
        CartResult.NotInCart => t["{0} is not in your cart any more.", product.Name],
        CartResult.Unavailable => t["{0} is no longer available.", product.Name],
        _ => throw new ArgumentOutOfRangeException(nameof(result), result, null),
    };

    private sealed record StockedProduct(int Id, string Name, int Stock);
}

/// <summary>
/// The fields of every cart form: <c>productId</c>, <c>quantity</c> and an optional local <c>returnUrl</c>. A value
/// that is not a whole number binds as null.
/// </summary>
public sealed record CartForm(int? ProductId, int? Quantity, string? ReturnUrl);
