using Microsoft.Playwright;
using ShopApp.Tests.Localization;
using static Microsoft.Playwright.Assertions;

namespace ShopApp.E2E;

/// <summary>Steps several journeys take, written once: registering, signing in, choosing a language.</summary>
public static class Steps
{
    /// <summary>The password every account made by a journey gets.</summary>
    public const string Password = "Journey#2026";

    /// <summary>Registers a new account in this browser (which leaves it signed in) and returns its e-mail.</summary>
    public static async Task<string> RegisterAsync(IPage page, string displayName)
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        await page.GotoAsync("/Account/Register");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Display name").FillAsync(displayName);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Confirm password").FillAsync(Password);
        await page.GetByTestId("register").ClickAsync();
        await Expect(page.GetByTestId("user-name")).ToHaveTextAsync(displayName);
        return email;
    }

    /// <summary>Fills in and sends the sign-in form the page is showing, labelled in <paramref name="culture"/>.</summary>
    public static async Task SignInAsync(IPage page, string email, string culture = "en")
    {
        await page.GetByLabel(ShopTexts.In(culture, "E-mail")).FillAsync(email);
        await page.GetByLabel(ShopTexts.In(culture, "Password")).FillAsync(Password);
        await page.GetByTestId("sign-in").ClickAsync();
    }

    /// <summary>Fills in and sends the sign-in form the page is showing with one of the demo accounts (Development seeds them).</summary>
    public static async Task SignInAsync(IPage page, ShopApp.Account.DemoAccount account, string culture = "en")
    {
        await page.GetByLabel(ShopTexts.In(culture, "E-mail")).FillAsync(account.Email);
        await page.GetByLabel(ShopTexts.In(culture, "Password")).FillAsync(account.Password);
        await page.GetByTestId("sign-in").ClickAsync();
    }

    /// <summary>Fills the shipping step (the name is the account's) with a good German address and continues.</summary>
    public static async Task FillShippingAsync(IPage page, string culture = "en")
    {
        string T(string key) => ShopTexts.In(culture, key);
        await page.GetByLabel(T("Address line 1")).FillAsync("Hauptstraße 5");
        await page.GetByLabel(T("Postal code")).FillAsync("10115");
        await page.GetByLabel(T("City")).FillAsync("Berlin");
        await page.GetByLabel(T("Country")).SelectOptionAsync("DE");
        await page.GetByLabel(T("Phone")).FillAsync("+49 30 1234567");
        await page.GetByTestId("continue").ClickAsync();
    }

    /// <summary>Fills the payment step with a test card and continues to the review.</summary>
    public static async Task PayAsync(IPage page, string culture = "en")
    {
        string T(string key) => ShopTexts.In(culture, key);
        await page.GetByLabel(T("Name on card")).FillAsync("Sam Scale");
        await page.GetByLabel(T("Card number")).FillAsync("4242 4242 4242 4242");
        await page.GetByLabel(T("Expiry date (MM/YY)")).FillAsync("12/30");
        await page.GetByLabel(T("Security code (CVC)")).FillAsync("123");
        await page.GetByTestId("continue").ClickAsync();
    }

    /// <summary>Picks a language from the header's picker and waits for the page to come back in it.</summary>
    public static async Task ChooseLanguageAsync(IPage page, string culture)
    {
        await page.GetByTestId("language-toggle").ClickAsync();
        await page.Locator($"[data-testid=language-option][data-culture='{culture}']").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture);
    }
}
