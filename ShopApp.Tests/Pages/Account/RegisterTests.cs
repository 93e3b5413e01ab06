using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ShopApp.Account;

namespace ShopApp.Tests.Pages.Account;

public sealed class RegisterTests : ShopTest
{
    [Fact]
    public async Task Registering_signs_the_new_customer_in_with_the_cart_they_had()
    {
        await Client.AddAsync(productId: 13);

        var response = await Client.RegisterAsync("new@example.com", displayName: "Nora New");

        var home = await Client.FollowAsync(response);
        Assert.Equal("Nora New", home.UserName());
        Assert.Equal(1, home.CartCount());
        using var scope = Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ShopUser>>();
        var user = await users.FindByEmailAsync("new@example.com");
        Assert.Equal([ShopRoles.Customer], await users.GetRolesAsync(user!));
    }

    [Fact]
    public async Task Registering_while_signed_in_is_refused_with_a_message_and_keeps_the_sign_in_and_the_cart()
    {
        await Client.SignInAsync(AccountSeed.Customer);
        await Client.AddAsync(productId: 13);

        var form = await Client.GetPageAsync("/Account/Register");
        var response = await Client.RegisterAsync("second@example.com", displayName: "Second Self");

        Assert.NotNull(form.FormProblem());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await ShopClient.ParseAsync(response)).FormProblem());
        var home = await Client.GetPageAsync("/");
        Assert.Equal(AccountSeed.Customer.DisplayName, home.UserName());
        Assert.Equal(1, home.CartCount());
        using var scope = Factory.Services.CreateScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<ShopUser>>().FindByEmailAsync("second@example.com"));
    }

    [Fact]
    public async Task A_password_that_breaks_the_rules_is_refused_beside_the_field()
    {
        var response = await Client.RegisterAsync("weak@example.com", password: "weak");

        var page = await ShopClient.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.FieldError("Input.Password"));
        Assert.Null(page.UserName());
    }

    [Fact]
    public async Task Passwords_that_do_not_match_are_refused()
    {
        var response = await Client.RegisterAsync("typo@example.com", password: "Secret#123", confirm: "Secret#124");

        Assert.NotNull((await ShopClient.ParseAsync(response)).FieldError("Input.ConfirmPassword"));
    }

    [Fact]
    public async Task An_email_already_registered_is_refused_and_the_account_is_untouched()
    {
        var response = await Client.RegisterAsync(AccountSeed.Customer.Email, password: "Other#123", displayName: "Impostor");

        Assert.NotNull((await ShopClient.ParseAsync(response)).FieldError("Input.Email"));
        using var other = Factory.CreateShopClient();
        Assert.Equal(HttpStatusCode.Redirect, (await other.SignInAsync(AccountSeed.Customer)).StatusCode);
    }

    [Theory]
    [InlineData("", "Name")]
    [InlineData("not-an-email", "Name")]
    [InlineData("ok@example.com", "")]
    public async Task Missing_or_malformed_fields_are_refused_beside_the_field(string email, string displayName)
    {
        var response = await Client.RegisterAsync(email, displayName: displayName);

        var page = await ShopClient.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.FieldError(email.Contains('@') ? "Input.DisplayName" : "Input.Email"));
    }
}
