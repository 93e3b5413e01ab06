using static Microsoft.Playwright.Assertions;

namespace ShopApp.E2E.Journeys;

/// <summary>
/// The lessons whose point only a real browser can prove: a form from another origin arrives without the session
/// cookie and is refused, scripts see only the cookies that are not HttpOnly, and the browser silently stops storing
/// a growing cookie near 4 KB while ShopApp's stays small.
/// </summary>
[Collection(ShopCollection.Name)]
public sealed class LearningTheSessionStoryJourney(ShopServer shop)
{
    [Fact]
    public async Task Another_origin_is_refused_scripts_see_no_httponly_cookie_and_a_big_cookie_is_silently_dropped()
    {
        await using var learner = await shop.NewShopperAsync(nameof(Another_origin_is_refused_scripts_see_no_httponly_cookie_and_a_big_cookie_is_silently_dropped));
        await learner.RunAsync(async page =>
        {
            await page.GotoAsync("/");
            await learner.ProductCard(2).GetByTestId("add-to-cart").ClickAsync();
            await learner.ExpectCartCountAsync(1);

            // CSRF: the framed "other site" posts to add-to-cart; the answer opens in a tab of its own.
            await page.GotoAsync("/Learn/Csrf");
            var frame = page.FrameLocator("[data-testid=csrf-elsewhere]");
            var refused = await page.Context.RunAndWaitForPageAsync(() => frame.GetByTestId("elsewhere-add").ClickAsync());
            await Expect(refused.GetByTestId("status-page")).ToHaveAttributeAsync("data-status", "400");
            await Expect(refused.GetByTestId("csrf-refusal")).ToHaveAttributeAsync("data-token-sent", "false");
            await Expect(refused.GetByTestId("csrf-refusal")).ToHaveAttributeAsync("data-session-cookie-sent", "false");
            await Expect(refused.GetByTestId("csrf-refusal")).ToContainTextAsync("cross-site");
            await refused.CloseAsync();
            var unprotected = await page.Context.RunAndWaitForPageAsync(() => frame.GetByTestId("elsewhere-unprotected").ClickAsync());
            await Expect(unprotected.Locator("body")).ToContainTextAsync("SameSite=Lax");
            await unprotected.CloseAsync();
            await page.GotoAsync("/Learn/Csrf");
            await Expect(page.GetByTestId("csrf-counter")).ToHaveAttributeAsync("data-count", "0");
            await learner.ExpectCartCountAsync(1);
            await page.GetByTestId("csrf-unprotected").ClickAsync();
            await Expect(page.GetByTestId("csrf-counter")).ToHaveAttributeAsync("data-count", "1");

            // HttpOnly: the page's own script sees the readable cookies only.
            await page.GotoAsync("/Learn/HttpOnly");
            await page.GetByTestId("httponly-set-demo").ClickAsync();
            await Expect(page.Locator("[data-testid=httponly-cookie][data-name='.ShopApp.Demo'] [data-testid=httponly-visible]")).ToHaveAttributeAsync("data-visible", "true");
            await Expect(page.Locator("[data-testid=httponly-cookie][data-name='.ShopApp.Session'] [data-testid=httponly-visible]")).ToHaveAttributeAsync("data-visible", "false");
            await Expect(page.Locator("[data-testid=httponly-cookie][data-name='.ShopApp.Antiforgery'] [data-testid=httponly-visible]")).ToHaveAttributeAsync("data-visible", "false");
            await page.GetByTestId("httponly-steal").ClickAsync();
            var stolen = await page.GetByTestId("httponly-stolen").GetAttributeAsync("data-names");
            Assert.Contains(".ShopApp.Demo", stolen!.Split(','));
            Assert.DoesNotContain(".ShopApp.Session", stolen.Split(','));
            await page.GetByTestId("httponly-inline").ClickAsync();
            await Expect(page.GetByTestId("httponly-csp")).ToHaveAttributeAsync("data-blocked", "true");

            // Cookie size: grown until Chromium refuses it, somewhere near 4 KB, without a word.
            await page.GotoAsync("/Learn/CookieSize");
            await page.GetByTestId("cookie-size-run").ClickAsync();
            await Expect(page.GetByTestId("cookie-size-verdict")).Not.ToBeEmptyAsync(new() { Timeout = 60_000 });
            var stoppedAt = int.Parse((await page.GetByTestId("cookie-size-verdict").GetAttributeAsync("data-stopped-at"))!);
            var kept = int.Parse((await page.GetByTestId("cookie-size-verdict").GetAttributeAsync("data-kept-bytes"))!);
            Assert.InRange(stoppedAt, 4000, 4300);
            Assert.InRange(kept, 3800, 4097);
            var ours = int.Parse((await page.GetByTestId("cookie-size-ours").GetAttributeAsync("data-bytes"))!);
            Assert.InRange(ours, 100, 300);
        });
    }

    [Fact]
    public async Task A_copied_cookie_opens_the_cart_elsewhere_until_sign_out_while_a_token_outlives_it()
    {
        await using var learner = await shop.NewShopperAsync(nameof(A_copied_cookie_opens_the_cart_elsewhere_until_sign_out_while_a_token_outlives_it));
        await using var thief = await shop.NewShopperAsync(nameof(A_copied_cookie_opens_the_cart_elsewhere_until_sign_out_while_a_token_outlives_it) + "_thief");
        string session = "", signIn = "";
        await learner.RunAsync(async page =>
        {
            await page.GotoAsync("/Account/Login");
            await Steps.SignInAsync(page, ShopApp.Account.AccountSeed.Customer);
            await page.GotoAsync("/Products/3");
            await page.GetByTestId("add-to-cart").ClickAsync();
            await page.GotoAsync("/Learn/Hijacking");
            session = await page.GetByTestId("hijack-session-cookie").InputValueAsync();
            signIn = await page.GetByTestId("hijack-sign-in-cookie").InputValueAsync();

            // Tokens: a token from the lesson reads the orders.
            await page.GotoAsync("/Learn/Tokens");
            await page.GetByTestId("token-password").FillAsync(ShopApp.Account.AccountSeed.Customer.Password);
            await page.GetByTestId("token-get").ClickAsync();
            await Expect(page.GetByTestId("token-claims")).ToContainTextAsync(ShopApp.Account.AccountSeed.Customer.Email);
            await page.GetByTestId("token-read-orders").ClickAsync();
            await Expect(page.GetByTestId("token-answer").Last).ToHaveAttributeAsync("data-status", "200");
        });
        await thief.RunAsync(async page =>
        {
            await page.GotoAsync("/Learn/Hijacking");
            await page.GetByTestId("hijack-copied-session").FillAsync(session);
            await page.GetByTestId("hijack-copied-sign-in").FillAsync(signIn);
            await page.GetByTestId("hijack-adopt").ClickAsync();
            await Expect(thief.CartLine(3)).ToBeVisibleAsync();
            await Expect(page.GetByTestId("user-name")).ToBeVisibleAsync();
        });
        await learner.RunAsync(async page =>
        {
            await page.GotoAsync("/Account/Logout");
            await page.GetByTestId("confirm-sign-out").ClickAsync();
            // The session ended at once; the token in this tab still reads the orders until it expires.
            await page.GotoAsync("/Learn/Tokens");
            await page.GetByTestId("token-read-orders").ClickAsync();
            await Expect(page.GetByTestId("token-answer").Last).ToHaveAttributeAsync("data-status", "200");
            await Expect(page.GetByTestId("token-session")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("sign in"));
        });
        await thief.RunAsync(async page =>
        {
            await page.GotoAsync("/Cart");
            await thief.ExpectCartCountAsync(0);
            await Expect(page.GetByTestId("user-name")).ToHaveCountAsync(0);
        });
    }
}
