using static Microsoft.Playwright.Assertions;

namespace ShopApp.E2E.Journeys;

/// <summary>Two people shopping at once each have a cart of their own: the session is per browser.</summary>
[Collection(ShopCollection.Name)]
public sealed class SeparateShoppersJourney(ShopServer shop)
{
    [Fact]
    public async Task Two_browsers_never_share_a_cart()
    {
        await using var alice = await shop.NewShopperAsync(nameof(Two_browsers_never_share_a_cart) + "_alice");
        await using var bob = await shop.NewShopperAsync(nameof(Two_browsers_never_share_a_cart) + "_bob");

        await alice.RunAsync(async page =>
        {
            await page.GotoAsync("/");
            await alice.ProductCard(1).GetByTestId("add-to-cart").ClickAsync();
            await alice.ExpectCartCountAsync(1);
        });

        await bob.RunAsync(async page =>
        {
            await page.GotoAsync("/Cart");
            await bob.ExpectCartCountAsync(0);
            await Expect(page.GetByTestId("cart-line")).ToHaveCountAsync(0);
            await page.GotoAsync("/");
            await bob.ProductCard(5).GetByTestId("add-to-cart").ClickAsync();
            await bob.ExpectCartCountAsync(1);
        });

        await alice.RunAsync(async page =>
        {
            await page.GotoAsync("/Cart");
            await Expect(page.GetByTestId("cart-line")).ToHaveCountAsync(1);
            await Expect(alice.CartLine(1)).ToBeVisibleAsync();
        });

        var aliceSession = (await alice.Context.CookiesAsync()).Single(c => c.Name == ".ShopApp.Session");
        var bobSession = (await bob.Context.CookiesAsync()).Single(c => c.Name == ".ShopApp.Session");
        Assert.NotEqual(aliceSession.Value, bobSession.Value);
        Assert.True(aliceSession.HttpOnly);
    }
}
