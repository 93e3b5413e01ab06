using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ShopApp.Tests.Localization;
using static Microsoft.Playwright.Assertions;
using static ShopApp.E2E.Steps;

namespace ShopApp.E2E.Journeys;

/// <summary>
/// From the catalog to the order confirmation: sign-in on the way, a refused postal code, a reload mid-way, Back
/// from the review to the address, a double click on Place order, and the order in /Orders afterwards.
/// </summary>
[Collection(ShopCollection.Name)]
public sealed class CheckingOutJourney(ShopServer shop)
{
    // Seeded, with plenty in stock: 1 Enamel Camp Mug €12.50, 7 Dotted Notebook A5 €9.90.

    [Theory]
    [InlineData("en", "€44.80", "Including €7.47 VAT (20 %)")]
    [InlineData("fr", "44,80 €", "Dont 7,47 € de TVA (20 %)")]
    public async Task A_shopper_checks_out_from_the_catalog_to_the_confirmation(string culture, string total, string vat)
    {
        string T(string key, params object[] args) => ShopTexts.In(culture, key, args);
        var name = $"{nameof(A_shopper_checks_out_from_the_catalog_to_the_confirmation)}_{culture}";
        await using var shopper = await shop.NewShopperAsync(name);

        await shopper.RunAsync(async page =>
        {
            // An account made earlier; today the shopper starts signed out.
            var email = await RegisterAsync(page, "Chloé Checkout");
            await page.GetByTestId("sign-out").ClickAsync();
            await page.GotoAsync("/");
            if (culture != "en")
            {
                await ChooseLanguageAsync(page, culture);
            }

            await shopper.ProductCard(7).GetByTestId("add-to-cart").ClickAsync();
            await shopper.ExpectCartCountAsync(1);
            await page.GotoAsync("/Products/1");
            await page.GetByLabel(T("Quantity")).FillAsync("2");
            await page.GetByTestId("add-to-cart").ClickAsync();
            await shopper.ExpectCartCountAsync(3);

            // Checking out asks for a sign-in, then carries on with the cart as it was.
            await page.GotoAsync("/Cart");
            await page.GetByTestId("checkout").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
            await SignInAsync(page, email, culture);
            await Expect(page).ToHaveURLAsync(new Regex("/Checkout/Shipping$"));
            await shopper.ExpectCartCountAsync(3);
            await Expect(page.Locator("[data-testid=checkout-step][data-step=Shipping]")).ToHaveAttributeAsync("aria-current", "step");

            // The address, with a postal code France does not have at first.
            await page.GetByLabel(T("Full name")).FillAsync("Chloé Checkout");
            await page.GetByLabel(T("Address line 1")).FillAsync("12 rue de la Paix");
            await page.GetByLabel(T("Postal code")).FillAsync("750");
            await page.GetByLabel(T("City")).FillAsync("Paris");
            await page.GetByLabel(T("Country")).SelectOptionAsync("FR");
            await page.GetByLabel(T("Phone")).FillAsync("+33 1 23 45 67 89");
            await page.GetByTestId("continue").ClickAsync();
            await Expect(page.Locator("[data-valmsg-for='Shipping.PostalCode']")).ToHaveTextAsync(T("This is not a postal code of {0}. It looks like {1}.", T("France"), "75001"));
            await Expect(page.GetByLabel(T("City"))).ToHaveValueAsync("Paris");
            await page.GetByLabel(T("Postal code")).FillAsync("75002");
            await page.GetByTestId("continue").ClickAsync();

            // A reload mid-way changes nothing.
            await Expect(page).ToHaveURLAsync(new Regex("/Checkout/Delivery$"));
            await page.ReloadAsync();
            await Expect(page.Locator("[data-testid=checkout-step][data-step=Shipping]")).ToHaveAttributeAsync("data-state", "done");
            await page.Locator("[data-testid=delivery-option][data-method=Express] input").CheckAsync();
            await page.GetByTestId("continue").ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex("/Checkout/Payment$"));
            await page.GetByLabel(T("Name on card")).FillAsync("Chloé Checkout");
            await page.GetByLabel(T("Card number")).FillAsync("4242 4242 4242 4242");
            await page.GetByLabel(T("Expiry date (MM/YY)")).FillAsync("12/30");
            await page.GetByLabel(T("Security code (CVC)")).FillAsync("123");
            await page.GetByTestId("continue").ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex("/Checkout/Review$"));
            await Expect(page.GetByTestId("review-line")).ToHaveCountAsync(2);
            await Expect(page.GetByTestId("review-total")).ToHaveTextAsync(total);
            await Expect(page.GetByTestId("review-vat")).ToHaveTextAsync(vat);
            await Expect(page.GetByTestId("review-card")).ToHaveTextAsync(T("{0} ending in {1}", "Visa", "4242"));

            // Back from the review to the address: everything is still filled in; a change comes back to the review.
            await page.GetByTestId("edit-shipping").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/Checkout/Shipping$"));
            await Expect(page.GetByLabel(T("Postal code"))).ToHaveValueAsync("75002");
            await Expect(page.GetByLabel(T("Address line 1"))).ToHaveValueAsync("12 rue de la Paix");
            await page.GetByLabel(T("Address line 2 (optional)")).FillAsync("Bâtiment B");
            await page.GetByTestId("continue").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/Checkout/Review$"));
            await Expect(page.GetByTestId("review-address")).ToContainTextAsync("Bâtiment B");

            // An impatient double click still makes one order.
            await page.GetByTestId("place-order").DblClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/Orders/SA-[A-Z0-9]{4}-[A-Z0-9]{4}$"));
            var number = await page.GetByTestId("order-number").TextContentAsync();
            await Expect(page.GetByTestId("order-total")).ToHaveTextAsync(total);
            await shopper.ExpectCartCountAsync(0);

            await page.GetByTestId("orders-link").ClickAsync();
            await Expect(page.GetByTestId("order")).ToHaveCountAsync(1);
            await Expect(page.GetByTestId("order")).ToHaveAttributeAsync("data-number", number!);
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture);
        });
    }
}
