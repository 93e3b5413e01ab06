using Microsoft.Extensions.DependencyInjection;
using System.Net;
using AngleSharp.Dom;
using ShopApp.Account;

namespace ShopApp.Tests.Pages.Account;

public sealed class LockoutTests : ShopTest
{
    private static async Task<HttpResponseMessage> SignInFromAsync(ShopClient client, string address, string email, string password)
    {
        client.Http.DefaultRequestHeaders.Remove(ShopFactory.ClientAddressHeader);
        client.Http.DefaultRequestHeaders.Add(ShopFactory.ClientAddressHeader, address);
        return await client.SignInAsync(email, password);
    }

    [Fact]
    public async Task Five_wrong_passwords_stop_that_address_for_that_account_even_with_the_right_one()
    {
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await SignInFromAsync(Client, "203.0.113.7", AccountSeed.Customer.Email, "Wrong#123");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var right = await SignInFromAsync(Client, "203.0.113.7", AccountSeed.Customer.Email, AccountSeed.Customer.Password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(ShopApp.Pages.Account.LoginModel.Stopped, (await ShopClient.ParseAsync(right)).FormProblem());
        Assert.Null((await Client.GetPageAsync("/")).UserName());
    }

    [Fact]
    public async Task The_owner_signing_in_from_another_address_still_gets_in()
    {
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            await SignInFromAsync(Client, "203.0.113.7", AccountSeed.Customer.Email, "Wrong#123");
        }
        using var owner = Factory.CreateShopClient();

        var right = await SignInFromAsync(owner, "198.51.100.20", AccountSeed.Customer.Email, AccountSeed.Customer.Password);

        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
    }

    [Fact]
    public async Task A_stopped_address_gets_the_same_answer_for_a_known_and_an_unknown_email()
    {
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await SignInFromAsync(Client, "203.0.113.7", AccountSeed.Customer.Email, "Wrong#123");
            await SignInFromAsync(Client, "203.0.113.7", "nobody@example.com", "Wrong#123");
        }

        var known = await ShopClient.ParseAsync(await SignInFromAsync(Client, "203.0.113.7", AccountSeed.Customer.Email, "Wrong#123"));
        var unknown = await ShopClient.ParseAsync(await SignInFromAsync(Client, "203.0.113.7", "nobody@example.com", "Wrong#123"));

        Assert.Equal(ShopApp.Pages.Account.LoginModel.Stopped, known.FormProblem());
        Assert.Equal(LoginProblem(known), LoginProblem(unknown));
    }

    [Fact]
    public async Task Four_wrong_passwords_do_not_stop_the_address()
    {
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await Client.SignInAsync(AccountSeed.Customer.Email, "Wrong#123");
        }

        var right = await Client.SignInAsync(AccountSeed.Customer);

        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
    }

    [Fact]
    public async Task Wrong_passwords_never_lock_the_account_itself()
    {
        for (var attempt = 1; attempt <= 8; attempt++)
        {
            await Client.SignInAsync(AccountSeed.Customer.Email, "Wrong#123");
        }

        using var scope = Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ShopUser>>();
        Assert.False(await users.IsLockedOutAsync((await users.FindByEmailAsync(AccountSeed.Customer.Email))!));
    }

    [Fact]
    public async Task Sign_in_posts_from_one_address_are_rate_limited_across_accounts()
    {
        HttpResponseMessage? last = null;
        for (var attempt = 0; attempt <= ShopApp.Account.SignInRateLimit.PermitsPerMinute; attempt++)
        {
            last = await SignInFromAsync(Client, "203.0.113.9", $"guess{attempt}@example.com", "Wrong#123");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.Equal(429, (await ShopClient.ParseAsync(last)).StatusPageCode());
        using var other = Factory.CreateShopClient();
        Assert.Equal(HttpStatusCode.Redirect, (await SignInFromAsync(other, "198.51.100.20", AccountSeed.Customer.Email, AccountSeed.Customer.Password)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_email_and_a_wrong_password_get_the_same_answer()
    {
        var unknown = await Client.SignInAsync("nobody@example.com", "Wrong#123");
        var wrong = await Client.SignInAsync(AccountSeed.Customer.Email, "Wrong#123");

        Assert.Equal(unknown.StatusCode, wrong.StatusCode);
        var (unknownPage, wrongPage) = (await ShopClient.ParseAsync(unknown), await ShopClient.ParseAsync(wrong));
        Assert.Equal(LoginProblem(unknownPage), LoginProblem(wrongPage));
        Assert.Equal(ShopApp.Pages.Account.LoginModel.InvalidCredentials, unknownPage.FormProblem());
    }

    [Fact]
    public async Task A_login_without_email_or_password_says_which_is_missing()
    {
        var response = await Client.SignInAsync("", "");

        var page = await ShopClient.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.FieldError("Input.Email"));
        Assert.NotNull(page.FieldError("Input.Password"));
    }

    /// <summary>The page's main content without the antiforgery token, which differs on every response by design.</summary>
    private static string LoginProblem(IDocument page)
    {
        var main = page.QuerySelector("main")!;
        foreach (var token in main.QuerySelectorAll("input[name=__RequestVerificationToken]").ToList())
        {
            token.Remove();
        }
        return main.InnerHtml.Replace("nobody@example.com", "EMAIL").Replace(AccountSeed.Customer.Email, "EMAIL");
    }
}
