using Microsoft.Extensions.DependencyInjection;
using ShopApp.Tuning;
using static Microsoft.Playwright.Assertions;

namespace ShopApp.E2E.Journeys;

/// <summary>
/// Two people browse the same pages while the shop serves them from the page cache: each still sees their own
/// cart, and each one's forms carry their own antiforgery token (an add that used someone else's would fail).
/// </summary>
[Collection(ProductionShopCollection.Name)]
public sealed class SharedPagesJourney(ProductionShopServer shop)
{
    [Fact]
    public async Task Shoppers_served_the_same_kept_pages_each_see_and_fill_their_own_cart()
    {
        await using var alice = await shop.NewShopperAsync(nameof(Shoppers_served_the_same_kept_pages_each_see_and_fill_their_own_cart) + "_alice");
        await using var bob = await shop.NewShopperAsync(nameof(Shoppers_served_the_same_kept_pages_each_see_and_fill_their_own_cart) + "_bob");
        var pages = shop.Services.GetRequiredService<PageCache>();

        await alice.RunAsync(async page =>
        {
            await page.GotoAsync("/?category=kitchen");
            await alice.ProductCard(1).GetByTestId("add-to-cart").ClickAsync();
            await alice.ExpectCartCountAsync(1);
            await page.GotoAsync("/Products/7");
            await alice.ExpectCartCountAsync(1);
        });
        var servedBeforeBob = pages.Served;

        await bob.RunAsync(async page =>
        {
            // Alice's visit kept the empty-cart catalog page; Bob is served it, with a token of his own.
            await page.GotoAsync("/?category=kitchen");
            await bob.ExpectCartCountAsync(0);
            await bob.ProductCard(2).GetByTestId("add-to-cart").ClickAsync();
            await bob.ExpectCartCountAsync(1);
            // One item each: the product page Alice was shown is the one Bob is shown.
            await page.GotoAsync("/Products/7");
            await bob.ExpectCartCountAsync(1);
            await Expect(page.GetByTestId("in-cart")).ToHaveCountAsync(0);
            await page.GetByTestId("add-to-cart").ClickAsync();
            await bob.ExpectCartCountAsync(2);
            await page.GotoAsync("/Products/7");
            await Expect(page.GetByTestId("in-cart")).ToBeVisibleAsync();
        });

        await alice.RunAsync(async page =>
        {
            await page.GotoAsync("/Products/7");
            await alice.ExpectCartCountAsync(1);
            await Expect(page.GetByTestId("in-cart")).ToHaveCountAsync(0);
            await page.GotoAsync("/Cart");
            await Expect(page.GetByTestId("cart-line")).ToHaveCountAsync(1);
            await Expect(alice.CartLine(1)).ToBeVisibleAsync();
        });
        Assert.True(pages.Served >= servedBeforeBob + 2, $"Bob was served {pages.Served - servedBeforeBob} kept pages");
    }
}
