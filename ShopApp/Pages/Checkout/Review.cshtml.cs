using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ShopApp.Analytics;
using ShopApp.Cart;
using ShopApp.Catalog;
using ShopApp.Checkout;
using ShopApp.Data;
using ShopApp.Localization;
using ShopApp.Orders;
using ShopApp.Pages.Shared;

namespace ShopApp.Pages.Checkout;

/// <summary>
/// Step 4, <c>/Checkout/Review</c>: everything about to be ordered, priced now from the database, with links back to
/// each step. Its form carries the checkout's one-time token; posting it places the order exactly once.
/// </summary>
public class ReviewModel(
    CartSession cartSession,
    CheckoutSession checkoutSession,
    ShopDbContext db,
    OrderPlacement placement,
    SessionAnalytics analytics,
    TimeProvider time,
    IStringLocalizer<ShopText> t)
    : CheckoutPageModel(cartSession, checkoutSession, t)
{
    private readonly CartSession _cartSession = cartSession;

    public override CheckoutStep Step => CheckoutStep.Review;

    public PricedCart Priced { get; private set; } = new([]);

    public OrderTotals Totals { get; private set; } = new(0, 0, 0);

    public Country Country { get; private set; } = Countries.All[0];

    public DeliveryOption Delivery { get; private set; } = null!;

    public string OrderToken { get; private set; } = "";

    public string? Problem { get; private set; }

    public IReadOnlyList<Shortage> Shortages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await GuardAsync(cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? orderToken, string? expectedTotal, CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;

        // A token that already made an order (a second click, a resubmit, Back and resubmit): show that order.
        if (!string.IsNullOrEmpty(orderToken) && await PlacedWithAsync(userId, orderToken, cancellationToken) is { } number)
        {
            return await ConfirmAsync(number, orderToken, cancellationToken);
        }

        if (await GuardAsync(cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }
        if (string.IsNullOrEmpty(orderToken) || orderToken != Progress.OrderToken
            || !decimal.TryParse(expectedTotal, NumberStyles.Number, CultureInfo.InvariantCulture, out var total))
        {
            return await ShowProblemAsync(T["This page was out of date. Check your order and place it again."], cancellationToken);
        }

        var result = await placement.PlaceAsync(new PlaceOrder(userId, Cart, Progress, orderToken, total, Languages.Current), cancellationToken);
        switch (result.Outcome)
        {
            case PlaceOutcome.Placed:
                await analytics.RecordAsync(AnalyticsKind.OrderPlaced, cancellationToken: cancellationToken);
                return await ConfirmAsync(result.Number!, orderToken, cancellationToken);
            case PlaceOutcome.AlreadyPlaced:
                return await ConfirmAsync(result.Number!, orderToken, cancellationToken);
            case PlaceOutcome.OutOfStock:
                Shortages = result.Shortages!;
                return await ShowProblemAsync(T["Some products are no longer in stock in the quantity you asked for. No order was placed and your cart is unchanged: change the quantities and place the order again."], cancellationToken);
            case PlaceOutcome.TotalChanged:
                return await ShowProblemAsync(T["Prices changed since you opened this page. Check the new total and place the order again."], cancellationToken);
            default:
                Notice.Set(TempData, new Notice(NoticeKind.Problem, T["The products in your cart are no longer sold. Your cart is empty now."]));
                await _cartSession.SaveAsync(new ShopApp.Cart.Cart(), cancellationToken);
                return RedirectToPage("/Cart/Index");
        }
    }

    /// <summary>The order exists: this checkout is over. The cart and the checkout leave the session, once.</summary>
    private async Task<IActionResult> ConfirmAsync(string number, string orderToken, CancellationToken cancellationToken)
    {
        if ((await Checkout.GetAsync(cancellationToken)).OrderToken == orderToken)
        {
            await _cartSession.SaveAsync(new ShopApp.Cart.Cart(), cancellationToken);
            await Checkout.ClearAsync(cancellationToken);
            Notice.Set(TempData, new Notice(NoticeKind.Success, T["Thank you! Your order {0} is placed.", number]));
        }
        return RedirectToPage("/Orders/Details", new { number });
    }

    private async Task<IActionResult> ShowProblemAsync(string problem, CancellationToken cancellationToken)
    {
        Problem = problem;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private Task<string?> PlacedWithAsync(string userId, string orderToken, CancellationToken cancellationToken) =>
        db.Orders.AsNoTracking().Where(o => o.CheckoutToken == orderToken && o.UserId == userId).Select(o => o.Number).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Prices come from the database now, not from a cache: this is the page the customer agrees to.</summary>
    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var ids = Cart.Lines.Select(l => l.ProductId).ToList();
        var products = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).InLanguage(Languages.Current)
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        Priced = await PricedCart.LoadAsync(Cart, id => Task.FromResult(products.GetValueOrDefault(id)));
        Country = Countries.Find(Progress.Shipping!.CountryCode) ?? Countries.All[0];
        Totals = OrderTotals.For(Priced.Orderable.Select(l => (l.UnitPrice, l.Quantity)), Progress.Delivery!.Value, Country);
        Delivery = DeliveryRules.OptionFor(Progress.Delivery.Value, Totals.Subtotal, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        OrderToken = await Checkout.OrderTokenAsync(cancellationToken);
    }
}
