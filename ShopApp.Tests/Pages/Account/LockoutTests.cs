using System.Net;
using AngleSharp.Dom;
using ShopApp.Account;

namespace ShopApp.Tests.Pages.Account;

public sealed class LockoutTests : ShopTest
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await Client.SignInAsync(AccountSeed.Customer.Email, "Wrong#123");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var right = await Client.SignInAsync(AccountSeed.Customer);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var page = await ShopClient.ParseAsync(right);
        Assert.Contains("locked", page.FormProblem());
        Assert.Null((await Client.GetPageAsync("/")).UserName());
    }

    [Fact]
    public async Task Four_wrong_passwords_do_not_lock_the_account()
    {
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await Client.SignInAsync(AccountSeed.Customer.Email, "Wrong#123");
        }

        var right = await Client.SignInAsync(AccountSeed.Customer);

        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
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
