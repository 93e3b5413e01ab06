using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static ShopApp.E2E.Steps;

namespace ShopApp.E2E.Journeys;

/// <summary>Signing in keeps the cart a shopper filled anonymously; signing out empties it.</summary>
[Collection(ShopCollection.Name)]
public sealed class SigningInJourney(ShopServer shop)
{
    [Fact]
    public async Task Signing_in_keeps_the_cart_and_signing_out_empties_it()
    {
        await using var shopper = await shop.NewShopperAsync(nameof(Signing_in_keeps_the_cart_and_signing_out_empties_it));

        await shopper.RunAsync(async page =>
        {
            var email = await RegisterAsync(page, "Jo Journey");
            await page.GetByTestId("sign-out").ClickAsync();
            await Expect(page.GetByTestId("sign-in-link")).ToBeVisibleAsync();

            await page.GotoAsync("/");
            await shopper.ProductCard(7).GetByTestId("add-to-cart").ClickAsync();
            await shopper.ProductCard(1).GetByTestId("add-to-cart").ClickAsync();
            await shopper.ExpectCartCountAsync(2);
            var anonymousSession = await SessionCookieAsync(shopper);

            await page.GetByTestId("sign-in-link").ClickAsync();
            await SignInAsync(page, email);

            await Expect(page.GetByTestId("user-name")).ToHaveTextAsync("Jo Journey");
            await shopper.ExpectCartCountAsync(2);
            Assert.NotEqual(anonymousSession, await SessionCookieAsync(shopper));
            await page.GotoAsync("/Cart");
            await Expect(shopper.CartLine(7)).ToBeVisibleAsync();
            await Expect(shopper.CartLine(1)).ToBeVisibleAsync();

            await page.GetByTestId("sign-out").ClickAsync();

            await Expect(page.GetByTestId("sign-in-link")).ToBeVisibleAsync();
            await shopper.ExpectCartCountAsync(0);
            await page.GotoAsync("/Cart");
            await Expect(page.GetByTestId("cart-empty")).ToBeVisibleAsync();
        });
    }

    private static async Task<string> SessionCookieAsync(Shopper shopper) =>
        (await shopper.Context.CookiesAsync()).Single(c => c.Name == ".ShopApp.Session").Value;
}
