using Microsoft.Playwright;
using ShopApp.Account;
using static Microsoft.Playwright.Assertions;
using static ShopApp.E2E.Steps;

namespace ShopApp.E2E.Journeys;

/// <summary>
/// The shop's pages through axe, in each language and at a laptop's and a phone's width, signed out, signed in and
/// as the admin (teaching mode on, so the inspector is on every page too). Every page the journey opens is checked
/// after it (<see cref="Shopper.RunAsync"/>, as in every journey); the pages it only lists are fetched with the
/// browser's cookies and checked the same way, at the same width; the states a page reaches in the browser (the
/// consent banner, the notice after adding, a form's errors, the order) are checked on the spot.
/// </summary>
[Collection(AccessibilityShopCollection.Name)]
public sealed class AccessibilityJourney(AccessibilityShopServer shop)
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

        async Task CheckHereAsync(string state) => await page.ExpectAccessibleAsync($"{state}, {culture}, {width}px");

        await visitor.RunAsync(async _ =>
        {
            await page.GotoAsync("/");
            await CheckHereAsync("first visit, consent banner");
            await page.GetByTestId("consent-decline").ClickAsync();
            if (culture != "en")
            {
                await page.GotoAsync("/Language");
                await page.Locator($"main button[name=culture][value={culture}]").ClickAsync();
                await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture);
            }
            foreach (var url in (string[])["/", "/?category=kitchen", "/?q=mug", "/?page=2", "/Products/1", "/Cart", "/Privacy", "/Account/Login", "/Account/Register", "/Session", "/nowhere",
                "/Learn", "/Learn/Stateless", "/Learn/Cookies", "/Learn/Signing", "/Learn/Fixation", "/Learn/SignOut", "/Learn/Timeouts", "/Learn/Orders", "/Learn/Servers", "/Learn/CookieSize", "/Learn/Hijacking", "/Learn/Csrf", "/Learn/HttpOnly", "/Learn/Roles", "/Learn/Tokens", "/Learn/Privacy"])
            {
                await visitor.FetchPageAsync(url);
            }
            await page.GotoAsync("/Products/1");
            await page.GetByTestId("add-to-cart").ClickAsync();
            await CheckHereAsync("after adding");
            await page.GotoAsync("/Cart");

            await page.GotoAsync("/Account/Login");
            await SignInAsync(page, AccountSeed.Customer, culture);
            await Expect(page.GetByTestId("user-name")).ToBeVisibleAsync();
            foreach (var url in (string[])["/Orders", "/Account/Manage", "/Account/Sessions", "/Account/Data", "/Learn/Roles", "/Learn/Tokens"])
            {
                await visitor.FetchPageAsync(url);
            }
            await page.GotoAsync("/Checkout/Shipping");
            await page.GetByTestId("continue").ClickAsync();
            await CheckHereAsync("shipping with errors");
            await FillShippingAsync(page, culture);
            await page.GetByTestId("continue").ClickAsync();
            await PayAsync(page, culture);
            await page.GetByTestId("place-order").ClickAsync();
            await Expect(page.GetByTestId("order-number")).ToBeVisibleAsync();
            await CheckHereAsync("order");
            await page.GotoAsync("/Orders");

            // The header's sign-out button is folded away on a phone; the sign-out page has one too.
            await page.GotoAsync("/Account/Logout");
            await page.Locator("main form button[type=submit]").ClickAsync();
            await page.GotoAsync("/Account/Login");
            await SignInAsync(page, AccountSeed.Admin, culture);
            await Expect(page.GetByTestId("user-name")).ToBeVisibleAsync();
            foreach (var url in (string[])["/Admin", "/Admin/Orders", "/Admin/Analytics", "/Admin/Products", "/Admin/Products/Edit/1", "/Admin/Products/Edit", "/Admin/Products/Categories", "/Teacher"])
            {
                await visitor.FetchPageAsync(url);
            }
            await page.GotoAsync("/Admin/Products/Edit");
            await page.GetByTestId("save-product").ClickAsync();
            await CheckHereAsync("product form with errors");
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

    [Fact]
    public async Task A_page_a_journey_only_passes_through_is_checked_after_the_journey()
    {
        await using var visitor = await shop.NewShopperAsync(nameof(A_page_a_journey_only_passes_through_is_checked_after_the_journey));
        // The shop's privacy page as a careless change would serve it: an image without a text alternative.
        await visitor.Context.RouteAsync("**/Privacy", async route =>
        {
            var response = await route.FetchAsync();
            var html = (await response.TextAsync()).Replace("</main>", "<img src=\"/favicon.svg\"></main>");
            await route.FulfillAsync(new RouteFulfillOptions { Response = response, Body = html });
        });

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => visitor.RunAsync(async page =>
        {
            await page.GotoAsync("/Privacy");
            await page.GotoAsync("/");
        }));

        Assert.Contains("image-alt", failure.Message);
        Assert.Contains("/Privacy", failure.Message);
    }

    [Fact]
    public async Task Each_page_is_checked_from_its_top_whatever_the_page_before_it_scrolled_to()
    {
        await using var visitor = await shop.NewShopperAsync(nameof(Each_page_is_checked_from_its_top_whatever_the_page_before_it_scrolled_to));
        // A mark of this test and of each load on every page it sees, so none was checked earlier in the run: each
        // is checked after the journey, in the order the browser loaded them, in the one page that shows the copies.
        // (Letters, not digits: the comparison of pages leaves numbers out.)
        var mark = $"checked-{Guid.NewGuid():N}";
        var loads = 0;
        var scrollTo = 0;
        await visitor.Context.RouteAsync(url => url.Contains("/Privacy") || url.Contains("/Checkout/"), async route =>
        {
            var response = await route.FetchAsync(new RouteFetchOptions { MaxRedirects = 0 });
            if (response.Status != 200 || !response.Headers.GetValueOrDefault("content-type", "").StartsWith("text/html"))
            {
                await route.FulfillAsync(new RouteFulfillOptions { Response = response });
                return;
            }
            var html = (await response.TextAsync()).Replace("</main>", $"<i class=\"{mark}-{new string('x', ++loads)}\"></i></main>");
            if (route.Request.Url.Contains("/Privacy"))
            {
                // A long page whose script takes the visitor down it, as a page that moves focus to a field does. (The
                // script runs in the copy only: the shop's Content-Security-Policy stops it in the journey's page.)
                html = html.Replace("</main>", $"<div style=\"height: 3000px\"></div><script>window.scrollTo(0, {scrollTo})</script></main>");
            }
            await route.FulfillAsync(new RouteFulfillOptions { Response = response, Body = html });
        });

        await visitor.RunAsync(async page =>
        {
            await RegisterAsync(page, "Tess Top");
            await page.GotoAsync("/Products/7");
            await page.GetByTestId("add-to-cart").ClickAsync();
            await page.GotoAsync("/Checkout/Shipping");
            await FillShippingAsync(page);
            await page.GetByTestId("continue").ClickAsync();
            await PayAsync(page);
            await page.GetByTestId("edit-shipping").ClickAsync();
            // Back at the address from the review, the step links sit just under the sticky header. Scrolled a
            // little, the header's links would cover them, and axe would report them as too small a target.
            var stepLink = page.Locator("[data-testid=checkout-step][data-step=Review] a");
            await Expect(stepLink).ToBeVisibleAsync();
            scrollTo = await stepLink.EvaluateAsync<int>("link => Math.round(link.getBoundingClientRect().top + window.scrollY - document.querySelector('header').offsetHeight) + 10");
            await page.GotoAsync("/Privacy");
            await page.GotoAsync("/Checkout/Shipping");
            await Expect(stepLink).ToBeVisibleAsync();
        });
    }
}
