using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static ShopApp.E2E.Steps;

namespace ShopApp.E2E.Journeys;

/// <summary>
/// Teaching mode in a browser: a learner keeps the session inspector open while shopping and watches the server's
/// side of each click; then tries the lessons' demonstrations and the tamper lab.
/// </summary>
[Collection(ShopCollection.Name)]
public sealed class InspectingTheSessionJourney(ShopServer shop)
{
    private static ILocator Entry(IPage page, string key) =>
        page.GetByTestId("session-inspector").Locator($"[data-testid=session-entry][data-key='{key}']");

    private static async Task<int> BytesAsync(ILocator entry) => int.Parse((await entry.GetAttributeAsync("data-bytes"))!);

    private static ILocator SessionHash(IPage page) => page.GetByTestId("session-inspector").GetByTestId("session-id-hash");

    [Fact]
    public async Task The_inspector_shows_the_cart_grow_the_language_arrive_and_the_id_change_at_sign_in()
    {
        await using var learner = await shop.NewShopperAsync(nameof(The_inspector_shows_the_cart_grow_the_language_arrive_and_the_id_change_at_sign_in));

        await learner.RunAsync(async page =>
        {
            await page.GotoAsync("/");
            var toggle = page.GetByTestId("session-inspector-toggle");
            await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
            await toggle.ClickAsync();
            await Expect(page.GetByTestId("session-inspector-body")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("no-session")).ToBeVisibleAsync();

            await page.GotoAsync("/Products/1");
            await page.GetByTestId("add-to-cart").ClickAsync();
            await learner.ExpectCartCountAsync(1);
            // The panel stays open across pages, and shows the new entry as new.
            await Expect(page.GetByTestId("session-inspector-body")).ToBeVisibleAsync();
            var cart = Entry(page, "Cart");
            await Expect(cart).ToBeVisibleAsync();
            await Expect(cart.Locator("[data-change=new]")).ToBeVisibleAsync();
            await Expect(cart.GetByTestId("session-entry-value")).ToContainTextAsync("\"productId\": 1");
            var before = await BytesAsync(cart);
            var hashBefore = await SessionHash(page).TextContentAsync();

            await page.GotoAsync("/Products/7");
            await page.GetByTestId("add-to-cart").ClickAsync();
            await learner.ExpectCartCountAsync(2);
            await Expect(cart.GetByTestId("session-entry-value")).ToContainTextAsync("\"productId\": 7");
            Assert.True(await BytesAsync(cart) > before, "the cart entry grows with a second line");
            await Expect(cart.Locator("[data-change=grew]")).ToBeVisibleAsync();

            await ChooseLanguageAsync(page, "fr");
            await Expect(Entry(page, "Language").GetByTestId("session-entry-value")).ToHaveTextAsync("\"fr\"");
            await Expect(SessionHash(page)).ToHaveTextAsync(hashBefore!);

            await page.GetByTestId("sign-in-link").ClickAsync();
            await SignInAsync(page, ShopApp.Account.AccountSeed.Customer, culture: "fr");
            await Expect(page.GetByTestId("user-name")).ToBeVisibleAsync();
            await Expect(SessionHash(page)).Not.ToHaveTextAsync(hashBefore!);
            await Expect(page.GetByTestId("session-inspector").Locator("[data-change=new-id]")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("session-inspector").GetByTestId("session-signed-in")).ToContainTextAsync("customer@shopapp.test");
            await Expect(cart).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task Without_cookies_the_server_meets_a_stranger_with_them_it_finds_the_session()
    {
        await using var learner = await shop.NewShopperAsync(nameof(Without_cookies_the_server_meets_a_stranger_with_them_it_finds_the_session));

        await learner.RunAsync(async page =>
        {
            await page.GotoAsync("/Products/1");
            await page.GetByTestId("add-to-cart").ClickAsync();
            await page.GotoAsync("/Learn/Stateless");
            var answers = page.GetByTestId("echo-result").GetByTestId("echo-answer");

            await page.GetByTestId("echo-without-cookies").ClickAsync();
            await Expect(answers).ToHaveCountAsync(2);
            await Expect(answers.First).ToHaveAttributeAsync("data-cookie-sent", "false");
            await Expect(answers.Last).ToHaveAttributeAsync("data-session", "");

            await page.GetByTestId("echo-with-cookies").ClickAsync();
            await Expect(answers.Last).ToHaveAttributeAsync("data-cookie-sent", "true");
            var hash = await SessionHash(page).TextContentAsync();
            await Expect(answers.First).ToHaveAttributeAsync("data-session", hash!);
            await Expect(answers.Last).ToHaveAttributeAsync("data-session", hash!);
        });
    }

    [Fact]
    public async Task A_tampered_cookie_is_refused_and_the_cart_is_still_there()
    {
        await using var learner = await shop.NewShopperAsync(nameof(A_tampered_cookie_is_refused_and_the_cart_is_still_there));

        await learner.RunAsync(async page =>
        {
            await page.GotoAsync("/Products/7");
            await page.GetByTestId("add-to-cart").ClickAsync();
            await page.GetByTestId("learn-link").ClickAsync();
            var field = page.GetByTestId("tamper-cookie");
            var original = await field.InputValueAsync();
            await field.FillAsync(original[..12] + (original[12] == 'x' ? 'y' : 'x') + original[13..]);

            await page.GetByTestId("tamper-send").ClickAsync();

            await Expect(page.GetByTestId("tamper-result")).ToHaveAttributeAsync("data-result", "Rejected");
            var cookies = await learner.Context.CookiesAsync();
            Assert.Equal(original, Uri.UnescapeDataString(cookies.Single(c => c.Name == ".ShopApp.Session").Value));
            await learner.ExpectCartCountAsync(1);
        });
    }

    [Fact]
    public async Task Shortening_the_timeout_starts_a_30_second_countdown()
    {
        await using var learner = await shop.NewShopperAsync(nameof(Shortening_the_timeout_starts_a_30_second_countdown));

        await learner.RunAsync(async page =>
        {
            await page.GotoAsync("/Products/1");
            await page.GetByTestId("add-to-cart").ClickAsync();
            await page.GotoAsync("/Learn/Timeouts");
            await page.GetByTestId("timeout-shorten").ClickAsync();

            var inspector = page.GetByTestId("session-inspector");
            await Expect(inspector.GetByTestId("session-idle-shortened")).ToBeAttachedAsync();
            await Expect(inspector.GetByTestId("session-time-left")).ToHaveAttributeAsync("data-seconds", "30");
            // The countdown runs in the page, with no request (a request would start it again).
            await Expect(inspector.GetByTestId("session-time-left")).ToHaveTextAsync(new Regex(@"^0:(2\d|1\d)$"));

            await page.GetByTestId("timeout-restore").ClickAsync();
            await Expect(inspector.GetByTestId("session-time-left")).ToHaveAttributeAsync("data-seconds", "1200");
        });
    }
}
