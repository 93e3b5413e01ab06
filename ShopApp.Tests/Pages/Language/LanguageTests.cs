using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShopApp.Account;
using ShopApp.Tests.Localization;

namespace ShopApp.Tests.Pages.Language;

public sealed class LanguageTests : ShopTest
{
    private Task<HttpResponseMessage> ChooseAsync(ShopClient client, string culture, string returnUrl = "/") =>
        client.PostAsync("/Language", new Dictionary<string, string> { ["culture"] = culture, ["returnUrl"] = returnUrl });

    [Fact]
    public async Task Choosing_french_renders_the_shop_in_french()
    {
        var response = await ChooseAsync(Client, "fr");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var home = await Client.FollowAsync(response);
        Assert.Equal("fr", home.DocumentElement.GetAttribute("lang"));
        Assert.Equal(ShopTexts.In("fr", "All products"), home.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("12,50 €", Normalise(home.QuerySelector("[data-product-id='1'] [data-testid=product-price]")!.TextContent));
        Assert.Contains("Tasse de camping émaillée", home.QuerySelector("[data-product-id='1']")!.TextContent);
    }

    [Fact]
    public async Task Choosing_german_translates_categories_products_and_prices()
    {
        await ChooseAsync(Client, "de");

        var product = await Client.GetPageAsync("/Products/3");

        Assert.Equal("de", product.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Handkaffeemühle", product.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Küche", product.QuerySelector("nav .breadcrumb")!.TextContent);
        Assert.Equal("49,90 €", Normalise(product.QuerySelector("[data-testid=product-price]")!.TextContent));
        Assert.Equal(ShopTexts.In("de", "Only {0} left in stock", 3), product.QuerySelector("[data-testid=stock]")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_return_url_brings_the_shopper_back_to_the_page_they_were_on()
    {
        var response = await ChooseAsync(Client, "de", returnUrl: "/Products/7?x=1");

        Assert.Equal("/Products/7?x=1", response.RedirectTarget());
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example")]
    public async Task An_external_return_url_is_not_followed(string returnUrl)
    {
        var response = await ChooseAsync(Client, "fr", returnUrl);

        Assert.Equal("/", response.RedirectTarget());
    }

    [Theory]
    [InlineData("xx")]
    [InlineData("fr-FR<script>alert(1)</script>")]
    [InlineData("")]
    public async Task An_unsupported_language_is_ignored_and_the_page_says_so(string culture)
    {
        var response = await ChooseAsync(Client, culture);

        var home = await Client.FollowAsync(response);
        Assert.Equal("en", home.DocumentElement.GetAttribute("lang"));
        Assert.True(home.NoticeIsProblem());
        Assert.Equal(ShopTexts.In("en", "That language is not available. Choose English, Français or Deutsch."), home.Notice());
        Assert.DoesNotContain("<script>alert(1)", home.DocumentElement.OuterHtml);
    }

    [Fact]
    public async Task A_language_post_without_an_antiforgery_token_is_refused()
    {
        var response = await Client.PostWithoutTokenAsync("/Language", [new("culture", "fr")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Another_shopper_stays_in_english()
    {
        await ChooseAsync(Client, "fr");
        using var other = Factory.CreateShopClient();

        var home = await other.GetPageAsync("/");

        Assert.Equal("en", home.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task The_browsers_language_is_used_until_the_shopper_chooses_one()
    {
        Client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de-DE");
        Assert.Equal("de", (await Client.GetPageAsync("/")).DocumentElement.GetAttribute("lang"));

        await ChooseAsync(Client, "fr");

        Assert.Equal("fr", (await Client.GetPageAsync("/")).DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task The_language_survives_signing_in_and_signing_out()
    {
        await ChooseAsync(Client, "de");

        await Client.SignInAsync(AccountSeed.Customer);
        Assert.Equal("de", (await Client.GetPageAsync("/")).DocumentElement.GetAttribute("lang"));
        await Client.SignOutAsync();

        Assert.Equal("de", (await Client.GetPageAsync("/")).DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task A_language_chosen_while_signed_in_comes_back_at_the_next_sign_in_on_another_browser()
    {
        await Client.SignInAsync(AccountSeed.Customer);
        await ChooseAsync(Client, "fr");
        await Client.SignOutAsync();
        Assert.Equal("fr", (await Client.GetPageAsync("/")).DocumentElement.GetAttribute("lang"));

        using var otherBrowser = Factory.CreateShopClient();
        otherBrowser.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de-DE");
        Assert.Equal("de", (await otherBrowser.GetPageAsync("/")).DocumentElement.GetAttribute("lang"));
        await otherBrowser.SignInAsync(AccountSeed.Customer);

        Assert.Equal("fr", (await otherBrowser.GetPageAsync("/")).DocumentElement.GetAttribute("lang"));
        Assert.Equal("fr", await SavedLanguageAsync(AccountSeed.Customer.Email));
    }

    [Fact]
    public async Task The_saved_language_replaces_the_one_chosen_before_signing_in()
    {
        await Client.SignInAsync(AccountSeed.Customer);
        await ChooseAsync(Client, "de");
        using var otherBrowser = Factory.CreateShopClient();
        await ChooseAsync(otherBrowser, "fr");

        await otherBrowser.SignInAsync(AccountSeed.Customer);

        Assert.Equal("de", (await otherBrowser.GetPageAsync("/")).DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task A_language_chosen_before_signing_in_is_not_saved_on_the_account()
    {
        await ChooseAsync(Client, "de");
        await Client.SignInAsync(AccountSeed.Customer);

        Assert.Equal("de", (await Client.GetPageAsync("/")).DocumentElement.GetAttribute("lang"));
        Assert.Null(await SavedLanguageAsync(AccountSeed.Customer.Email));
        using var otherBrowser = Factory.CreateShopClient();
        await otherBrowser.SignInAsync(AccountSeed.Customer);
        Assert.Equal("en", (await otherBrowser.GetPageAsync("/")).DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task A_new_account_keeps_the_language_it_was_registered_in()
    {
        await ChooseAsync(Client, "de");
        await Client.RegisterAsync("lena@example.com", password: "Secret#123");
        await Client.SignOutAsync();

        using var otherBrowser = Factory.CreateShopClient();
        await otherBrowser.SignInAsync("lena@example.com", "Secret#123");

        Assert.Equal("de", (await otherBrowser.GetPageAsync("/")).DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task A_new_choice_reaches_the_users_other_signed_in_browsers_as_their_fallback()
    {
        using var otherBrowser = Factory.CreateShopClient();
        await otherBrowser.SignInAsync(AccountSeed.Customer);
        await Client.SignInAsync(AccountSeed.Customer);

        await ChooseAsync(Client, "fr");

        // The other browser chose nothing in its own session, so the account's language is next in line.
        Assert.Equal("fr", (await otherBrowser.GetPageAsync("/")).DocumentElement.GetAttribute("lang"));
    }

    private async Task<string?> SavedLanguageAsync(string email)
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopApp.Data.ShopDbContext>();
        return (await db.Users.AsNoTracking().SingleAsync(u => u.Email == email)).PreferredCulture;
    }

    [Fact]
    public async Task Searching_in_french_finds_products_by_their_french_names()
    {
        await ChooseAsync(Client, "fr");

        var results = await Client.GetPageAsync("/?q=th%C3%A9i%C3%A8re");

        Assert.Equal([2], results.ProductIds());
    }

    [Fact]
    public async Task Validation_messages_are_in_the_chosen_language()
    {
        await ChooseAsync(Client, "fr");

        var response = await Client.RegisterAsync("", password: "Secret#123", confirm: "Other#123");

        var page = await ShopClient.ParseAsync(response);
        Assert.Equal(ShopTexts.In("fr", "Enter your e-mail address."), page.FieldError("Input.Email"));
        Assert.Equal(ShopTexts.In("fr", "The two passwords do not match."), page.FieldError("Input.ConfirmPassword"));
        Assert.Equal(ShopTexts.In("fr", "E-mail"), page.QuerySelector("label[for=Input_Email]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Identity_password_rules_are_in_the_chosen_language()
    {
        await ChooseAsync(Client, "de");

        var response = await Client.RegisterAsync("weak@example.com", password: "weakpassword");

        var error = (await ShopClient.ParseAsync(response)).FieldError("Input.Password");
        Assert.Contains(ShopTexts.In("de", "The password needs a digit (0-9)."), error);
    }

    [Fact]
    public async Task Model_binding_errors_are_in_the_chosen_language_and_do_not_echo_the_input()
    {
        await ChooseAsync(Client, "fr");
        await Client.SignInAsync(AccountSeed.Customer);

        var response = await Client.PostAsync("/Account/Manage?handler=Password", new Dictionary<string, string>
        {
            ["Password.CurrentPassword"] = AccountSeed.Customer.Password,
            ["Password.NewPassword"] = "Changed#2026",
            ["Password.ConfirmNewPassword"] = "Changed#2026",
            ["Password.SignOutOtherSignIns"] = "<b>maybe</b>",
        }, tokenPage: "/Account/Manage");

        var page = await ShopClient.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = page.FieldError("Password.SignOutOtherSignIns");
        Assert.Equal(ShopTexts.In("fr", "The value entered for {0} is not valid.", ShopTexts.In("fr", "Sign out of all my other sign-ins")), error);
        Assert.DoesNotContain("maybe", page.QuerySelector("main")!.TextContent);
    }

    /// <summary>Currency formats put a (narrow) no-break space between amount and symbol; compare with a plain one.</summary>
    private static string Normalise(string text) => text.Trim().Replace('\u00A0', ' ').Replace('\u202F', ' ');
}
