using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ShopApp.Cart;
using ShopApp.Checkout;
using ShopApp.Data;
using ShopApp.Localization;

namespace ShopApp.Pages.Checkout;

/// <summary>Step 2, <c>/Checkout/Delivery</c>: Standard or Express, with what each costs for this cart and when it arrives.</summary>
public class DeliveryModel(CartSession cartSession, CheckoutSession checkoutSession, ShopDbContext db, TimeProvider time, IStringLocalizer<ShopText> t)
    : CheckoutPageModel(cartSession, checkoutSession, t)
{
    public override CheckoutStep Step => CheckoutStep.Delivery;

    /// <summary>The form field <c>DeliveryMethod</c>: "Standard" or "Express".</summary>
    [BindProperty(Name = "DeliveryMethod")]
    public string? Chosen { get; set; }

    public IReadOnlyList<DeliveryOption> Options { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await GuardAsync(cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }
        // Standard until the shopper chooses otherwise: it is free from €50, and the cheaper one below that.
        Chosen = (Progress.Delivery ?? DeliveryMethod.Standard).ToString();
        await LoadOptionsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await GuardAsync(cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }
        // Enum.TryParse would also take "1" or "Standard,Express": only the two names are a choice.
        if (Enum.GetNames<DeliveryMethod>().FirstOrDefault(name => name == Chosen) is not { } name)
        {
            ModelState.AddModelError("DeliveryMethod", T["Choose how your order should be delivered."]);
            Chosen = null;
            await LoadOptionsAsync(cancellationToken);
            return Page();
        }

        Progress = Progress with { Delivery = Enum.Parse<DeliveryMethod>(name) };
        await Checkout.SaveAsync(Progress, cancellationToken);
        return RedirectToStep(Progress.After(Step));
    }

    private async Task LoadOptionsAsync(CancellationToken cancellationToken)
    {
        var ids = Cart.Lines.Select(l => l.ProductId).ToList();
        var prices = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id) && p.Visible).Select(p => new { p.Id, p.Price })
            .ToDictionaryAsync(p => p.Id, p => p.Price, cancellationToken);
        var subtotal = Cart.Lines.Where(l => prices.ContainsKey(l.ProductId)).Sum(l => prices[l.ProductId] * l.Quantity);
        Options = DeliveryRules.OptionsFor(subtotal, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
    }
}
