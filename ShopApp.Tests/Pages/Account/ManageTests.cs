using System.Net;
using ShopApp.Account;

namespace ShopApp.Tests.Pages.Account;

public sealed class ManageTests : ShopTest
{
    private const string NewPassword = "Changed#2026";

    private Task<HttpResponseMessage> ChangePasswordAsync(ShopClient client, string current, bool signOutOthers) =>
        client.PostAsync("/Account/Manage?handler=Password", new Dictionary<string, string>
        {
            ["Password.CurrentPassword"] = current,
            ["Password.NewPassword"] = NewPassword,
            ["Password.ConfirmNewPassword"] = NewPassword,
            ["Password.SignOutOtherSignIns"] = signOutOthers ? "true" : "false",
        }, tokenPage: "/Account/Manage");

    [Fact]
    public async Task A_new_display_name_shows_in_the_header_at_once()
    {
        await Client.SignInAsync(AccountSeed.Customer);

        var response = await Client.PostAsync("/Account/Manage?handler=Profile",
            new Dictionary<string, string> { ["Profile.DisplayName"] = "Carla C." }, tokenPage: "/Account/Manage");

        Assert.Equal("Carla C.", (await Client.FollowAsync(response)).UserName());
    }

    [Fact]
    public async Task An_empty_display_name_is_refused_beside_the_field()
    {
        await Client.SignInAsync(AccountSeed.Customer);

        var response = await Client.PostAsync("/Account/Manage?handler=Profile",
            new Dictionary<string, string> { ["Profile.DisplayName"] = "" }, tokenPage: "/Account/Manage");

        Assert.NotNull((await ShopClient.ParseAsync(response)).FieldError("Profile.DisplayName"));
        Assert.Equal(AccountSeed.Customer.DisplayName, (await Client.GetPageAsync("/")).UserName());
    }

    [Fact]
    public async Task Changing_the_password_can_sign_out_every_other_sign_in()
    {
        await Client.SignInAsync(AccountSeed.Customer);
        using var other = Factory.CreateShopClient();
        await other.SignInAsync(AccountSeed.Customer);

        var response = await ChangePasswordAsync(Client, AccountSeed.Customer.Password, signOutOthers: true);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(AccountSeed.Customer.DisplayName, (await Client.GetPageAsync("/")).UserName());
        Assert.Null((await other.GetPageAsync("/")).UserName());
        using var fresh = Factory.CreateShopClient();
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.SignInAsync(AccountSeed.Customer.Email, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_can_keep_the_other_sign_ins()
    {
        await Client.SignInAsync(AccountSeed.Customer);
        using var other = Factory.CreateShopClient();
        await other.SignInAsync(AccountSeed.Customer);

        await ChangePasswordAsync(Client, AccountSeed.Customer.Password, signOutOthers: false);

        Assert.Equal(AccountSeed.Customer.DisplayName, (await other.GetPageAsync("/")).UserName());
    }

    [Fact]
    public async Task A_wrong_current_password_changes_nothing()
    {
        await Client.SignInAsync(AccountSeed.Customer);

        var response = await ChangePasswordAsync(Client, "Wrong#123", signOutOthers: true);

        Assert.NotNull((await ShopClient.ParseAsync(response)).FieldError("Password.CurrentPassword"));
        using var fresh = Factory.CreateShopClient();
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.SignInAsync(AccountSeed.Customer)).StatusCode);
    }
}
