using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using ShopApp.Account;
using ShopApp.Cart;
using ShopApp.Checkout;
using ShopApp.Localization;

namespace ShopApp.Pages.Checkout;

/// <summary>Step 1, <c>/Checkout/Shipping</c>: where the order goes.</summary>
public class ShippingModel(CartSession cartSession, CheckoutSession checkoutSession, IStringLocalizer<ShopText> t)
    : CheckoutPageModel(cartSession, checkoutSession, t)
{
    public override CheckoutStep Step => CheckoutStep.Shipping;

    [BindProperty]
    public ShippingInput Shipping { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await GuardAsync(cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }
        Shipping = Progress.Shipping is { } saved
            ? ShippingInput.From(saved)
            : new ShippingInput
            {
                FullName = User.FindFirstValue(ShopClaims.DisplayName) ?? "",
                Country = Languages.Current switch { "fr" => "FR", "de" => "DE", _ => "" },
            };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await GuardAsync(cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }

        var country = Countries.Find(Shipping.Country);
        if (!string.IsNullOrEmpty(Shipping.Country) && country is null)
        {
            ModelState.AddModelError($"{nameof(Shipping)}.{nameof(ShippingInput.Country)}", T["Choose a country from the list."]);
        }
        if (country is not null && !string.IsNullOrWhiteSpace(Shipping.PostalCode) && !country.IsValidPostalCode(Shipping.PostalCode))
        {
            ModelState.AddModelError($"{nameof(Shipping)}.{nameof(ShippingInput.PostalCode)}",
                T["This is not a postal code of {0}. It looks like {1}.", T[country.Name], country.PostalCodeExample]);
        }
        if (!string.IsNullOrWhiteSpace(Shipping.Phone) && Shipping.Phone.Count(char.IsAsciiDigit) < 6)
        {
            ModelState.AddModelError($"{nameof(Shipping)}.{nameof(ShippingInput.Phone)}", T["Enter a phone number with at least 6 digits."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var address = Shipping.ToAddress(country!);
        Progress = Progress with { Shipping = address };
        await Checkout.SaveAsync(Progress, cancellationToken);
        return RedirectToStep(Progress.After(Step));
    }
}

public sealed class ShippingInput
{
    [Required(ErrorMessage = "Enter the name of the person the parcel is for.")]
    [StringLength(CheckoutLimits.NameMaxLength, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Full name")]
    public string FullName { get; set; } = "";

    [Required(ErrorMessage = "Enter the street and house number.")]
    [StringLength(CheckoutLimits.AddressLineMaxLength, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Address line 1")]
    public string AddressLine1 { get; set; } = "";

    [StringLength(CheckoutLimits.AddressLineMaxLength, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Address line 2 (optional)")]
    public string? AddressLine2 { get; set; }

    [Required(ErrorMessage = "Enter the town or city.")]
    [StringLength(CheckoutLimits.CityMaxLength, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "City")]
    public string City { get; set; } = "";

    [Required(ErrorMessage = "Enter the postal code.")]
    [StringLength(16, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Postal code")]
    public string PostalCode { get; set; } = "";

    [Required(ErrorMessage = "Choose a country from the list.")]
    [Display(Name = "Country")]
    public string Country { get; set; } = "";

    [Required(ErrorMessage = "Enter a phone number, in case the courier needs to call.")]
    [StringLength(CheckoutLimits.PhoneMaxLength, ErrorMessage = "{0} can be at most {1} characters long.")]
    [RegularExpression(@"^\+?[0-9 ()./-]+$", ErrorMessage = "A phone number has digits, spaces and + ( ) - only.")]
    [Display(Name = "Phone")]
    public string Phone { get; set; } = "";

    public static ShippingInput From(ShippingAddress address) => new()
    {
        FullName = address.FullName,
        AddressLine1 = address.AddressLine1,
        AddressLine2 = address.AddressLine2,
        City = address.City,
        PostalCode = address.PostalCode,
        Country = address.CountryCode,
        Phone = address.Phone,
    };

    public ShippingAddress ToAddress(Country country) => new()
    {
        FullName = FullName.Trim(),
        AddressLine1 = AddressLine1.Trim(),
        AddressLine2 = string.IsNullOrWhiteSpace(AddressLine2) ? null : AddressLine2.Trim(),
        City = City.Trim(),
        PostalCode = country.NormalizePostalCode(PostalCode),
        CountryCode = country.Code,
        Phone = Phone.Trim(),
    };
}
