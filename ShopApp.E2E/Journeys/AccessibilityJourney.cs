using Microsoft.Playwright;
using ShopApp.Account;
using static Microsoft.Playwright.Assertions;
using static ShopApp.E2E.Steps;

namespace ShopApp.E2E.Journeys;

/// <summary>
/// Every page of the shop through axe, in each language and at a laptop's and a phone's width, signed out, signed in
/// and as the admin (teaching mode on, so the inspector is on every page too). The other journeys check the pages
/// they pass as they go.
/// </summary>
[Collection(ShopCollection.Name)]
public sealed class AccessibilityJourney(ShopServer shop)
{
    public static readonly TheoryData<string, int, int> LanguagesAndWidths = new()
    {
        { "en", 1366, 900 }, { "fr", 1366, 900 }, { "de", 1366, 900 },
        { "en", 390, 844 }, { "fr", 390, 844 }, { "de", 390, 844 },
    };

    [Theory]
    [MemberData(nameof(LanguagesAndWidths))]
    public async Task Every_page_passes_axe_signed_out_signed_in_and_as_admin(string culture, int width, int height)
    {
        await using var visitor = await shop.NewShopperAsync($"{nameof(Every_page_passes_axe_signed_out_signed_in_and_as_admin)}_{culture}_{width}");
        var page = visitor.Page;
        await page.SetViewportSizeAsync(width, height);

        async Task CheckAsync(string url, string who)
        {
            await page.GotoAsync(url);
            await page.ExpectAccessibleAsync($"{who}, {culture}, {width}px");
        }

        await visitor.RunAsync(async _ =>
        {
            await page.GotoAsync("/");
            await page.ExpectAccessibleAsync($"first visit, consent banner, {culture}, {width}px");
            await page.GetByTestId("consent-decline").ClickAsync();
            if (culture != "en")
            {
                await page.GotoAsync("/Language");
                await page.Locator($"main button[name=culture][value={culture}]").ClickAsync();
                await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture);
            }
            foreach (var url in new[] { "/", "/?category=kitchen", "/?q=mug", "/?page=2", "/Products/1", "/Cart", "/Privacy", "/Account/Login", "/Account/Register", "/Session", "/Learn", "/Learn/Cookies", "/nowhere" })
            {
                await CheckAsync(url, "signed out");
            }
            await page.GotoAsync("/Products/1");
            await page.GetByTestId("add-to-cart").ClickAsync();
            await page.ExpectAccessibleAsync($"after adding, {culture}, {width}px");
            await CheckAsync("/Cart", "signed out, with a cart");

            await page.GotoAsync("/Account/Login");
            await SignInAsync(page, AccountSeed.Customer, culture);
            await Expect(page.GetByTestId("user-name")).ToBeVisibleAsync();
            foreach (var url in new[] { "/Orders", "/Account/Manage", "/Account/Sessions", "/Account/Data" })
            {
                await CheckAsync(url, "signed in");
            }
            await CheckAsync("/Checkout/Shipping", "signed in");
            await page.GetByTestId("continue").ClickAsync();
            await page.ExpectAccessibleAsync($"shipping with errors, {culture}, {width}px");

            // The header's sign-out button is folded away on a phone; the sign-out page has one too.
            await page.GotoAsync("/Account/Logout");
            await page.Locator("main form button[type=submit]").ClickAsync();
            await page.GotoAsync("/Account/Login");
            await SignInAsync(page, AccountSeed.Admin, culture);
            await Expect(page.GetByTestId("user-name")).ToBeVisibleAsync();
            foreach (var url in new[] { "/Admin", "/Admin/Orders", "/Admin/Analytics", "/Admin/Products", "/Admin/Products/Edit/1", "/Admin/Products/Edit", "/Admin/Products/Categories", "/Teacher" })
            {
                await CheckAsync(url, "admin");
            }
            await page.GotoAsync("/Admin/Products/Edit");
            await page.GetByTestId("save-product").ClickAsync();
            await page.ExpectAccessibleAsync($"product form with errors, {culture}, {width}px");
        });
    }
}
