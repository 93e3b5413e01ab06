using ShopApp.Account;
using static Microsoft.Playwright.Assertions;
using static ShopApp.E2E.Steps;

namespace ShopApp.E2E.Journeys;

/// <summary>Runs only when SHOPAPP_SCREENSHOTS names a folder: the pictures of the README's tour (docs/screenshots).</summary>
public sealed class ScreenshotFactAttribute : FactAttribute
{
    public static string? Folder => Environment.GetEnvironmentVariable("SHOPAPP_SCREENSHOTS");

    public ScreenshotFactAttribute()
    {
        if (string.IsNullOrEmpty(Folder))
        {
            Skip = "Takes the README's screenshots only when SHOPAPP_SCREENSHOTS names a folder.";
        }
    }
}

[Collection(ShopCollection.Name)]
public sealed class ScreenshotTour(ShopServer shop)
{
    [ScreenshotFact]
    public async Task Take_the_tours_screenshots()
    {
        await using var learner = await shop.NewShopperAsync(nameof(Take_the_tours_screenshots));
        var page = learner.Page;
        async Task ShotAsync(string name, int width, int height, bool fullPage = false)
        {
            await page.SetViewportSizeAsync(width, height);
            await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFactAttribute.Folder!, name + ".png"), FullPage = fullPage });
        }

        await page.GotoAsync("/");
        await ShotAsync("home-consent", 1366, 900);
        await page.GetByTestId("consent-decline").ClickAsync();
        await page.GotoAsync("/Products/1");
        await page.GetByTestId("add-to-cart").ClickAsync();
        await ShotAsync("added-to-cart", 1366, 900);
        await page.GotoAsync("/Account/Login");
        await SignInAsync(page, AccountSeed.Customer);
        await page.GotoAsync("/Products/7");
        await page.GetByTestId("add-to-cart").ClickAsync();
        await page.GotoAsync("/Checkout/Shipping");
        await page.GetByTestId("continue").ClickAsync();
        await ShotAsync("shipping-errors", 1366, 900);
        await FillShippingAsync(page);
        await page.GotoAsync("/Cart");
        await page.GetByTestId("session-inspector-toggle").ClickAsync();
        await ShotAsync("inspector-projector", 1280, 720, fullPage: true);
        await ShotAsync("inspector-phone", 390, 844, fullPage: true);
        await page.GotoAsync("/Language");
        await page.Locator("main button[name=culture][value=fr]").ClickAsync();
        await page.GotoAsync("/Cart");
        await ShotAsync("cart-fr", 1366, 900);
        await page.GotoAsync("/Language");
        await page.Locator("main button[name=culture][value=de]").ClickAsync();
        await page.GotoAsync("/Cart");
        await ShotAsync("cart-de-phone", 390, 844, fullPage: true);
        await page.GotoAsync("/Learn");
        await ShotAsync("lessons", 1366, 900);

        await using var teacher = await shop.NewShopperAsync(nameof(Take_the_tours_screenshots) + "_teacher");
        page = teacher.Page;
        await page.GotoAsync("/Account/Login");
        await SignInAsync(page, AccountSeed.Admin);
        await Expect(page.GetByTestId("user-name")).ToBeVisibleAsync();
        await page.GotoAsync("/Teacher");
        await ShotAsync("teacher", 1366, 900);
        await page.GotoAsync("/Admin/Products/Edit/1");
        await ShotAsync("admin-product", 1366, 900);
        await page.GotoAsync("/Admin/Analytics");
        await ShotAsync("admin-analytics", 1366, 900);
        await page.GotoAsync("/Language");
        await page.Locator("main button[name=culture][value=fr]").ClickAsync();
        await page.GotoAsync("/");
        await ShotAsync("header-fr-signed-in", 1366, 900);
    }
}
