using Microsoft.Playwright;
using ShopApp.Account;
using static Microsoft.Playwright.Assertions;
using static ShopApp.E2E.Steps;

namespace ShopApp.E2E.Journeys;

/// <summary>
/// The shop's pages through axe, in each language and at a laptop's and a phone's width, signed out, signed in and
/// as the admin (teaching mode on, so the inspector is on every page too). Every page in English on a laptop and in
/// German on a phone (the longest words on the narrowest screen); in the other four, the pages whose layout and
/// texts differ most between languages and widths: the home page with the banner, a product, the cart, the checkout's
/// errors and review, a product form and the classroom. (Each axe run costs about a second: every page six times
/// would add minutes to every test run.)
/// </summary>
[Collection(ShopCollection.Name)]
public sealed class AccessibilityJourney(ShopServer shop)
{
    public static readonly TheoryData<string, int, int, bool> LanguagesAndWidths = new()
    {
        { "en", 1366, 900, true }, { "fr", 1366, 900, false }, { "de", 1366, 900, false },
        { "en", 390, 844, false }, { "fr", 390, 844, false }, { "de", 390, 844, true },
    };

    [Theory]
    [MemberData(nameof(LanguagesAndWidths))]
    public async Task Every_page_passes_axe_signed_out_signed_in_and_as_admin(string culture, int width, int height, bool everyPage)
    {
        string[] Pages(string[] all, params string[] core) => everyPage ? all : core;

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
            foreach (var url in Pages(["/", "/?category=kitchen", "/?q=mug", "/?page=2", "/Products/1", "/Cart", "/Privacy", "/Account/Login", "/Account/Register", "/Session", "/nowhere",
                "/Learn", "/Learn/Stateless", "/Learn/Cookies", "/Learn/Signing", "/Learn/Fixation", "/Learn/SignOut", "/Learn/Timeouts", "/Learn/Orders", "/Learn/Servers", "/Learn/CookieSize", "/Learn/Hijacking", "/Learn/Csrf", "/Learn/HttpOnly", "/Learn/Roles", "/Learn/Tokens", "/Learn/Privacy"],
                "/Products/1"))
            {
                await CheckAsync(url, "signed out");
            }
            await page.GotoAsync("/Products/1");
            await page.GetByTestId("add-to-cart").ClickAsync();
            if (everyPage)
            {
                await page.ExpectAccessibleAsync($"after adding, {culture}, {width}px");
            }
            await CheckAsync("/Cart", "signed out, with a cart");

            await page.GotoAsync("/Account/Login");
            await SignInAsync(page, AccountSeed.Customer, culture);
            await Expect(page.GetByTestId("user-name")).ToBeVisibleAsync();
            foreach (var url in Pages(["/Orders", "/Account/Manage", "/Account/Sessions", "/Account/Data", "/Learn/Roles", "/Learn/Tokens"]))
            {
                await CheckAsync(url, "signed in");
            }
            await CheckAsync("/Checkout/Shipping", "signed in");
            await page.GetByTestId("continue").ClickAsync();
            await page.ExpectAccessibleAsync($"shipping with errors, {culture}, {width}px");
            await FillShippingAsync(page, culture);
            if (everyPage)
            {
                await page.ExpectAccessibleAsync($"delivery, {culture}, {width}px");
            }
            await page.GetByTestId("continue").ClickAsync();
            if (everyPage)
            {
                await page.ExpectAccessibleAsync($"payment, {culture}, {width}px");
            }
            await PayAsync(page, culture);
            await page.ExpectAccessibleAsync($"review, {culture}, {width}px");
            if (everyPage)
            {
                await page.GetByTestId("place-order").ClickAsync();
                await Expect(page.GetByTestId("order-number")).ToBeVisibleAsync();
                await page.ExpectAccessibleAsync($"order, {culture}, {width}px");
                await CheckAsync("/Orders", "signed in, with an order");
            }

            // The header's sign-out button is folded away on a phone; the sign-out page has one too.
            await page.GotoAsync("/Account/Logout");
            await page.Locator("main form button[type=submit]").ClickAsync();
            await page.GotoAsync("/Account/Login");
            await SignInAsync(page, AccountSeed.Admin, culture);
            await Expect(page.GetByTestId("user-name")).ToBeVisibleAsync();
            foreach (var url in Pages(["/Admin", "/Admin/Orders", "/Admin/Analytics", "/Admin/Products", "/Admin/Products/Edit/1", "/Admin/Products/Edit", "/Admin/Products/Categories", "/Teacher"],
                "/Admin/Products/Edit/1", "/Teacher"))
            {
                await CheckAsync(url, "admin");
            }
            if (!everyPage)
            {
                return;
            }
            await page.GotoAsync("/Admin/Products/Edit");
            await page.GetByTestId("save-product").ClickAsync();
            await page.ExpectAccessibleAsync($"product form with errors, {culture}, {width}px");
        });
    }

    [Fact]
    public async Task The_check_fails_a_page_with_a_known_violation_and_names_the_rule()
    {
        await using var visitor = await shop.NewShopperAsync(nameof(The_check_fails_a_page_with_a_known_violation_and_names_the_rule));
        await visitor.Page.GotoAsync("/");
        // An image without a text alternative, added as a careless page would.
        await visitor.Page.EvaluateAsync("() => document.querySelector('main').append(Object.assign(document.createElement('img'), { src: '/favicon.svg' }))");

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => visitor.Page.ExpectAccessibleAsync("with a bad image"));

        Assert.Contains("image-alt", failure.Message);
    }
}
