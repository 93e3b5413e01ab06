using Microsoft.Playwright;
using ShopApp.Tests.Localization;
using static Microsoft.Playwright.Assertions;

namespace ShopApp.E2E.Journeys;

/// <summary>A shopper switches the shop to French; every page after that is French, and nobody else's is.</summary>
[Collection(ShopCollection.Name)]
public sealed class ChangingLanguageJourney(ShopServer shop)
{
    public static async Task ChooseLanguageAsync(IPage page, string culture)
    {
        await page.GetByTestId("language-toggle").ClickAsync();
        await page.Locator($"[data-testid=language-option][data-culture='{culture}']").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture);
    }

    [Fact]
    public async Task French_stays_on_every_page_and_only_for_this_shopper()
    {
        await using var shopper = await shop.NewShopperAsync(nameof(French_stays_on_every_page_and_only_for_this_shopper));
        await using var neighbour = await shop.NewShopperAsync(nameof(French_stays_on_every_page_and_only_for_this_shopper) + "_neighbour");

        await shopper.RunAsync(async page =>
        {
            await page.GotoAsync("/Products/7");
            await ChooseLanguageAsync(page, "fr");
            await Expect(page).ToHaveURLAsync(new Uri(shop.BaseUrl, "/Products/7").ToString());
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Carnet A5 à points");

            await page.Locator("[data-testid=category-link][data-category=kitchen]").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Cuisine");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");

            await page.GetByRole(AriaRole.Link, new() { Name = "Théière en céramique" }).ClickAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
            await page.GetByLabel(ShopTexts.In("fr", "Quantity")).FillAsync("2");
            await page.GetByTestId("add-to-cart").ClickAsync();
            await shopper.ExpectCartCountAsync(2);

            await page.GotoAsync("/Cart");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(ShopTexts.In("fr", "Your cart"));
            await Expect(shopper.CartLine(2)).ToContainTextAsync("Théière en céramique");
            await Expect(page.GetByTestId("cart-subtotal")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^68,00\s€$"));

            await page.ReloadAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(ShopTexts.In("fr", "Your cart"));
        });

        await neighbour.RunAsync(async page =>
        {
            await page.GotoAsync("/Cart");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            await Expect(page.GetByTestId("language-toggle")).ToHaveAttributeAsync("data-culture", "en");
        });
    }
}
