using Microsoft.Playwright;
using ShopApp.Tests.Localization;
using static Microsoft.Playwright.Assertions;
using static ShopApp.E2E.Steps;

namespace ShopApp.E2E.Journeys;

/// <summary>
/// A shopper switches the shop to French; every page after that is French, and nobody else's is. A signed-in
/// shopper's choice follows them to their next sign-in on another browser.
/// </summary>
[Collection(ShopCollection.Name)]
public sealed class ChangingLanguageJourney(ShopServer shop)
{
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

    [Fact]
    public async Task A_language_chosen_while_signed_in_comes_back_at_the_next_sign_in_elsewhere()
    {
        await using var laptop = await shop.NewShopperAsync(nameof(A_language_chosen_while_signed_in_comes_back_at_the_next_sign_in_elsewhere));
        await using var phone = await shop.NewShopperAsync(nameof(A_language_chosen_while_signed_in_comes_back_at_the_next_sign_in_elsewhere) + "_phone");
        var email = "";

        await laptop.RunAsync(async page =>
        {
            email = await RegisterAsync(page, "Lea Sprache");
            await ChooseLanguageAsync(page, "de");
            await page.GetByTestId("sign-out").ClickAsync();
            await Expect(page.GetByTestId("sign-in-link")).ToBeVisibleAsync();
            // Signed out, the browser keeps the language it chose.
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "de");
        });

        await phone.RunAsync(async page =>
        {
            await page.GotoAsync("/");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            await page.GetByTestId("sign-in-link").ClickAsync();
            await SignInAsync(page, email);

            await Expect(page.GetByTestId("user-name")).ToHaveTextAsync("Lea Sprache");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "de");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(ShopTexts.In("de", "All products"));
            await page.GotoAsync("/Cart");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(ShopTexts.In("de", "Your cart"));
        });
    }
}
