using System.Text.RegularExpressions;
using ShopApp.Account;
using ShopApp.Tests.Pages.Admin;
using static Microsoft.Playwright.Assertions;
using static ShopApp.E2E.Steps;

namespace ShopApp.E2E.Journeys;

/// <summary>
/// A catalog manager and a shopper at the same time: the manager changes a price and hides a product while the
/// shopper's cart holds both, and the shopper sees each change at once, through to the order they are charged for.
/// </summary>
[Collection(CatalogShopCollection.Name)]
public sealed class RunningTheCatalogJourney(CatalogShopServer shop)
{
    // Seeded: 13 Wooden Chess Set €45.00, 15 Dice Set €7.50. This shop is the catalog journeys' own.

    [Fact]
    public async Task A_managers_price_change_and_hidden_product_reach_a_shoppers_cart_review_and_order()
    {
        await using var shopper = await shop.NewShopperAsync(nameof(A_managers_price_change_and_hidden_product_reach_a_shoppers_cart_review_and_order));
        await using var manager = await shop.NewShopperAsync(nameof(A_managers_price_change_and_hidden_product_reach_a_shoppers_cart_review_and_order) + "_manager");

        await shopper.RunAsync(async page =>
        {
            await RegisterAsync(page, "Paula Price");
            await page.GotoAsync("/Products/13");
            await page.GetByTestId("add-to-cart").ClickAsync();
            await page.GotoAsync("/Products/15");
            await page.GetByTestId("add-to-cart").ClickAsync();
            await shopper.ExpectCartCountAsync(2);
            await page.GotoAsync("/Checkout/Shipping");
            await FillShippingAsync(page);
            await page.GetByTestId("continue").ClickAsync();
            await PayAsync(page);
            await Expect(page.GetByTestId("review-total")).ToBeVisibleAsync();
        });

        await manager.RunAsync(async page =>
        {
            await page.GotoAsync("/Account/Login");
            await SignInAsync(page, AccountSeed.CatalogManager);
            await page.GetByTestId("catalog-admin-link").ClickAsync();
            var search = page.GetByTestId("product-search").GetByRole(Microsoft.Playwright.AriaRole.Searchbox);
            await search.FillAsync("chess");
            await search.PressAsync("Enter");
            await Expect(page.GetByTestId("admin-product")).ToHaveCountAsync(1);
            await page.GetByTestId("edit-product").ClickAsync();
            await page.GetByLabel("Price (€)").FillAsync("39.90");
            await page.GetByTestId("save-product").ClickAsync();
            await Expect(page.GetByTestId("notice")).ToBeVisibleAsync();
            await Expect(page.Locator("[data-testid=audit-entry][data-field=Price] [data-testid=audit-new]")).ToHaveTextAsync("39.90");
        });

        await shopper.RunAsync(async page =>
        {
            await page.GotoAsync("/Cart");
            await Expect(shopper.CartLine(13).GetByTestId("unit-price")).ToHaveTextAsync("€39.90");
            await page.GotoAsync("/Checkout/Review");
            await Expect(page.Locator("[data-testid=review-line][data-product-id='13'] [data-testid=line-total]")).ToHaveTextAsync("€39.90");
        });

        await manager.RunAsync(async page =>
        {
            await page.GotoAsync("/Admin/Products/Edit/15");
            await page.GetByLabel("Visible in the shop").UncheckAsync();
            await page.GetByTestId("save-product").ClickAsync();
            await Expect(page.GetByTestId("notice")).ToBeVisibleAsync();
        });

        await shopper.RunAsync(async page =>
        {
            await page.GotoAsync("/Cart");
            await Expect(shopper.CartLine(15)).ToHaveAttributeAsync("data-available", "false");
            await Expect(shopper.CartLine(15).GetByTestId("unavailable")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("cart-subtotal")).ToHaveTextAsync("€39.90");
            await page.GotoAsync("/Checkout/Review");
            await Expect(page.Locator("[data-testid=unavailable-line][data-product-id='15']")).ToBeVisibleAsync();
            await page.GetByTestId("place-order").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/Orders/SA-"));
            await Expect(page.GetByTestId("order-line")).ToHaveCountAsync(1);
            await Expect(page.GetByTestId("order-subtotal")).ToHaveTextAsync("€39.90");
        });
    }

    [Fact]
    public async Task A_manager_adds_a_product_with_an_uploaded_image_and_shoppers_find_it()
    {
        await using var manager = await shop.NewShopperAsync(nameof(A_manager_adds_a_product_with_an_uploaded_image_and_shoppers_find_it));
        var id = "";

        await manager.RunAsync(async page =>
        {
            await page.GotoAsync("/Account/Login");
            await SignInAsync(page, AccountSeed.CatalogManager);
            await page.GotoAsync("/Admin/Products");
            await page.GetByTestId("new-product").ClickAsync();
            // Saved without anything first: the summary names every missing field, and nothing is made.
            await page.GetByTestId("save-product").ClickAsync();
            await Expect(page.GetByTestId("error-summary").Locator("li")).ToHaveCountAsync(10);
            foreach (var (label, value) in CatalogAdmin.NewProduct("Folding Garden Chair").Where(f => f.Key.StartsWith("Input.Name") || f.Key.StartsWith("Input.Description")))
            {
                await page.Locator($"[name='{label}']").FillAsync(value);
            }
            await page.GetByLabel("Category").SelectOptionAsync("4");
            await page.GetByLabel("Price (€)").FillAsync("29,00");
            await page.GetByLabel("Stock").FillAsync("12");
            await page.Locator("input[type=file]").SetInputFilesAsync(new Microsoft.Playwright.FilePayload { Name = "chair.png", MimeType = "image/png", Buffer = CatalogAdmin.Png });
            await page.GetByTestId("save-product").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/Admin/Products/Edit/[0-9]+$"));
            id = page.Url.Split('/')[^1];
            await Expect(page.GetByTestId("current-image")).ToHaveAttributeAsync("src", new Regex("^/product-images/[0-9a-f]{64}\\.png$"));
        });

        await using var shopper = await shop.NewShopperAsync(nameof(A_manager_adds_a_product_with_an_uploaded_image_and_shoppers_find_it) + "_shopper");
        await shopper.RunAsync(async page =>
        {
            await page.GotoAsync("/?category=garden");
            await Expect(shopper.ProductCard(int.Parse(id))).ToContainTextAsync("Folding Garden Chair");
            await Expect(shopper.ProductCard(int.Parse(id))).ToContainTextAsync("€29.00");
        });
    }
}
