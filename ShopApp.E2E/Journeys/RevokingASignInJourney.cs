using static Microsoft.Playwright.Assertions;

namespace ShopApp.E2E.Journeys;

/// <summary>One person signed in in two browsers ends the other sign-in from the list of active sign-ins.</summary>
[Collection(ShopCollection.Name)]
public sealed class RevokingASignInJourney(ShopServer shop)
{
    [Fact]
    public async Task One_browser_signs_the_other_out()
    {
        await using var laptop = await shop.NewShopperAsync(nameof(One_browser_signs_the_other_out) + "_laptop");
        await using var library = await shop.NewShopperAsync(nameof(One_browser_signs_the_other_out) + "_library");
        var email = "";

        await laptop.RunAsync(async page => email = await Steps.RegisterAsync(page, "Sam Twice"));
        await library.RunAsync(async page =>
        {
            await page.GotoAsync("/Account/Login");
            await Steps.SignInAsync(page, email);
            await Expect(page.GetByTestId("user-name")).ToHaveTextAsync("Sam Twice");
        });

        await laptop.RunAsync(async page =>
        {
            await page.GotoAsync("/Account/Sessions");
            await Expect(page.GetByTestId("sign-in")).ToHaveCountAsync(2);
            await page.Locator("[data-testid=sign-in][data-current=false]").GetByTestId("revoke-sign-in").ClickAsync();
            await Expect(page.GetByTestId("sign-in")).ToHaveCountAsync(1);
            await Expect(page.GetByTestId("no-other-sign-ins")).ToBeVisibleAsync();
        });

        await library.RunAsync(async page =>
        {
            await page.ReloadAsync();
            await Expect(page.GetByTestId("sign-in-link")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("user-name")).ToHaveCountAsync(0);
        });
    }
}
