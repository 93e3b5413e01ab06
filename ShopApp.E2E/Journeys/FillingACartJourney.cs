using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ShopApp.E2E.Journeys;

/// <summary>A shopper browses, searches, fills a cart, changes it and finds it still there after a reload.</summary>
[Collection(ShopCollection.Name)]
public sealed class FillingACartJourney(ShopServer shop)
{
    // Seeded: 2 Ceramic Teapot €34.00, 7 Dotted Notebook A5 €9.90, 14 1000-Piece Puzzle €22.00.

    [Fact]
    public async Task Browse_search_add_change_remove_and_reload_keeps_the_cart()
    {
        await using var shopper = await shop.NewShopperAsync(nameof(Browse_search_add_change_remove_and_reload_keeps_the_cart));
        await shopper.RunAsync(async page =>
        {
            await page.GotoAsync("/");
            await Expect(page.GetByTestId("product-card")).ToHaveCountAsync(12);
            await shopper.ExpectCartCountAsync(0);

            // Browse a category, then page 2 of the whole catalog.
            await page.Locator("[data-testid=category-link][data-category=games]").ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"\?category=games$"));
            await Expect(page.GetByTestId("product-card")).ToHaveCountAsync(6);
            await page.GotoAsync("/?page=2");
            await Expect(shopper.ProductCard(14)).ToBeVisibleAsync();

            // Search, and add the one result from the grid.
            await page.GetByRole(AriaRole.Searchbox).FillAsync("teapot");
            await page.GetByRole(AriaRole.Searchbox).PressAsync("Enter");
            await Expect(page.GetByTestId("product-card")).ToHaveCountAsync(1);
            await shopper.ProductCard(2).GetByTestId("add-to-cart").ClickAsync();
            await shopper.ExpectCartCountAsync(1);
            await Expect(page.GetByTestId("notice")).ToBeVisibleAsync();

            // Open a product from the grid and add three with the quantity field.
            await page.GotoAsync("/");
            await shopper.ProductCard(7).GetByRole(AriaRole.Link).Last.ClickAsync();
            await Expect(page.GetByTestId("product")).ToHaveAttributeAsync("data-product-id", "7");
            await page.GetByRole(AriaRole.Spinbutton).FillAsync("3");
            await page.GetByTestId("add-to-cart").ClickAsync();
            await shopper.ExpectCartCountAsync(4);
            // A keyboard user lands on what the action said, not at the top of the page.
            await Expect(page.GetByTestId("notice")).ToBeFocusedAsync();

            // The cart: two lines, then change a quantity and remove a line.
            await shopper.CartCount.ClickAsync();
            await Expect(page.GetByTestId("cart-line")).ToHaveCountAsync(2);
            await Expect(page.GetByTestId("cart-subtotal")).ToHaveTextAsync("€63.70");

            await shopper.CartLine(7).GetByRole(AriaRole.Spinbutton).FillAsync("2");
            await shopper.CartLine(7).GetByTestId("update-line").ClickAsync();
            await shopper.ExpectCartCountAsync(3);
            await Expect(page.GetByTestId("cart-subtotal")).ToHaveTextAsync("€53.80");

            await shopper.CartLine(2).GetByTestId("remove-line").ClickAsync();
            await Expect(page.GetByTestId("cart-line")).ToHaveCountAsync(1);
            await shopper.ExpectCartCountAsync(2);
            await Expect(page.GetByTestId("cart-subtotal")).ToHaveTextAsync("€19.80");

            // The server kept it: a reload and another page show the same cart.
            await page.ReloadAsync();
            await Expect(shopper.CartLine(7).GetByRole(AriaRole.Spinbutton)).ToHaveValueAsync("2");
            await Expect(page.GetByTestId("cart-subtotal")).ToHaveTextAsync("€19.80");
            await page.GotoAsync("/Products/1");
            await shopper.ExpectCartCountAsync(2);
        });
    }

    [Fact]
    public async Task Asking_for_more_than_the_stock_is_explained_beside_the_quantity()
    {
        await using var shopper = await shop.NewShopperAsync(nameof(Asking_for_more_than_the_stock_is_explained_beside_the_quantity));
        await shopper.RunAsync(async page =>
        {
            await page.GotoAsync("/Products/3");
            var quantity = page.GetByRole(AriaRole.Spinbutton);
            await quantity.FillAsync("9");
            await page.GetByTestId("add-to-cart").ClickAsync();

            await Expect(page.GetByRole(AriaRole.Spinbutton)).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
            await shopper.ExpectCartCountAsync(0);
        });
    }
}
