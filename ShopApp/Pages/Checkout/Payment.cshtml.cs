using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using ShopApp.Cart;
using ShopApp.Checkout;
using ShopApp.Localization;

namespace ShopApp.Pages.Checkout;

/// <summary>
/// Step 3, <c>/Checkout/Payment</c>: a simulated card. The number and the security code are checked in this
/// request and dropped; only the brand and the last four digits go into the session. Nothing is charged.
/// </summary>
public class PaymentModel(CartSession cartSession, CheckoutSession checkoutSession, TimeProvider time, IStringLocalizer<ShopText> t)
    : CheckoutPageModel(cartSession, checkoutSession, t)
{
    /// <summary>A card can be given an expiry at most this many years ahead.</summary>
    public const int MaxYearsAhead = 20;

    public override CheckoutStep Step => CheckoutStep.Payment;

    [BindProperty]
    public PaymentInput Payment { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await GuardAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await GuardAsync(cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }

        var digits = PaymentCard.Digits(Payment.CardNumber);
        const string prefix = nameof(Payment) + ".";
        if (!string.IsNullOrWhiteSpace(Payment.CardNumber))
        {
            if (digits is null)
            {
                ModelState.AddModelError(prefix + nameof(PaymentInput.CardNumber), T["Enter the card number: 12 to 19 digits, spaces allowed."]);
            }
            else if (!PaymentCard.PassesLuhn(digits))
            {
                ModelState.AddModelError(prefix + nameof(PaymentInput.CardNumber), T["This card number is not valid: check the digits."]);
            }
        }
        if (!string.IsNullOrWhiteSpace(Payment.Expiry))
        {
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            if (PaymentCard.ParseExpiry(Payment.Expiry) is not { } expiry)
            {
                ModelState.AddModelError(prefix + nameof(PaymentInput.Expiry), T["Enter the expiry date as MM/YY, for example 08/29."]);
            }
            else if (PaymentCard.IsExpired(expiry, today))
            {
                ModelState.AddModelError(prefix + nameof(PaymentInput.Expiry), T["This card has expired: use another card."]);
            }
            else if (expiry.Year > today.Year + MaxYearsAhead)
            {
                ModelState.AddModelError(prefix + nameof(PaymentInput.Expiry), T["Enter the expiry date printed on the card."]);
            }
        }
        if (!string.IsNullOrWhiteSpace(Payment.Cvc))
        {
            var length = PaymentCard.CvcLength(digits is null ? "" : PaymentCard.BrandOf(digits));
            if (Payment.Cvc.Trim().Length != length || !Payment.Cvc.Trim().All(char.IsAsciiDigit))
            {
                ModelState.AddModelError(prefix + nameof(PaymentInput.Cvc), T["Enter the {0}-digit security code from the card.", length]);
            }
        }

        // The number and the code are never shown again, not even on the page that says what is wrong with them.
        Payment.CardNumber = null;
        Payment.Cvc = null;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        Progress = Progress with { Card = CardOnFile.From(digits!) };
        await Checkout.SaveAsync(Progress, cancellationToken);
        return RedirectToStep(Progress.After(Step));
    }
}

/// <summary>The card form. Its values live only as long as the request that posted them.</summary>
public sealed class PaymentInput
{
    [Required(ErrorMessage = "Enter the name on the card.")]
    [StringLength(CheckoutLimits.NameMaxLength, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Name on card")]
    public string? Holder { get; set; }

    [Required(ErrorMessage = "Enter the card number.")]
    [Display(Name = "Card number")]
    public string? CardNumber { get; set; }

    [Required(ErrorMessage = "Enter the expiry date.")]
    [Display(Name = "Expiry date (MM/YY)")]
    public string? Expiry { get; set; }

    [Required(ErrorMessage = "Enter the security code.")]
    [Display(Name = "Security code (CVC)")]
    public string? Cvc { get; set; }
}
