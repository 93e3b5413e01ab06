using Microsoft.Extensions.DependencyInjection;
using System.Net;
using ShopApp.Account;

namespace ShopApp.Tests.Pages.Admin;

public sealed class AdminPageTests : ShopTest
{
    [Fact]
    public async Task A_customer_gets_a_friendly_403_page()
    {
        await Client.SignInAsync(AccountSeed.Customer);

        var response = await Client.GetAsync("/Admin");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(403, (await ShopClient.ParseAsync(response)).StatusPageCode());
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in()
    {
        var response = await Client.GetAsync("/Admin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login?returnUrl=%2FAdmin", response.RedirectTarget());
    }

    [Fact]
    public async Task A_customer_cannot_post_admin_actions()
    {
        await Client.SignInAsync(AccountSeed.Customer);

        var response = await Client.PostWithTokenAsync("/Admin?handler=SignOutEverywhere");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_admin_sees_every_user_with_roles_lockout_and_active_sign_ins()
    {
        using var customer = Factory.CreateShopClient();
        using var customerElsewhere = Factory.CreateShopClient();
        await customer.SignInAsync(AccountSeed.Customer);
        await customerElsewhere.SignInAsync(AccountSeed.Customer);
        await Client.SignInAsync(AccountSeed.Admin);

        var page = await Client.GetPageAsync("/Admin");

        var row = page.QuerySelector($"[data-testid=user][data-email='{AccountSeed.Customer.Email}']")!;
        Assert.Equal("2", row.QuerySelector("[data-testid=active-sign-ins]")!.TextContent.Trim());
        Assert.Equal("false", row.QuerySelector("[data-testid=locked-out]")!.GetAttribute("data-locked"));
        Assert.Contains(ShopRoles.Customer, row.TextContent);
        var adminRow = page.QuerySelector($"[data-testid=user][data-email='{AccountSeed.Admin.Email}']")!;
        Assert.Contains(ShopRoles.Admin, adminRow.TextContent);
    }

    [Fact]
    public async Task Signing_a_user_out_everywhere_makes_each_of_their_browsers_anonymous()
    {
        using var customer = Factory.CreateShopClient();
        await customer.SignInAsync(AccountSeed.Customer);
        await Client.SignInAsync(AccountSeed.Admin);

        var response = await Client.PostAsync("/Admin?handler=SignOutEverywhere",
            new Dictionary<string, string> { ["userId"] = await UserIdAsync(AccountSeed.Customer.Email) }, tokenPage: "/Admin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null((await customer.GetPageAsync("/")).UserName());
        Assert.Equal(AccountSeed.Admin.DisplayName, (await Client.GetPageAsync("/")).UserName());
    }

    [Fact]
    public async Task The_admin_can_unlock_a_locked_out_account()
    {
        using var customer = Factory.CreateShopClient();
        // Wrong passwords stop an address, not the account (SignInThrottle); a lock comes from elsewhere, e.g. an
        // account locked by an earlier version's count.
        using (var scope = Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ShopUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(AccountSeed.Customer.Email))!, DateTimeOffset.UtcNow.AddMinutes(5));
        }
        await Client.SignInAsync(AccountSeed.Admin);
        var row = (await Client.GetPageAsync("/Admin")).QuerySelector($"[data-testid=user][data-email='{AccountSeed.Customer.Email}']")!;
        Assert.Equal("true", row.QuerySelector("[data-testid=locked-out]")!.GetAttribute("data-locked"));

        await Client.PostAsync("/Admin?handler=Unlock",
            new Dictionary<string, string> { ["userId"] = await UserIdAsync(AccountSeed.Customer.Email) }, tokenPage: "/Admin");

        Assert.Equal(HttpStatusCode.Redirect, (await customer.SignInAsync(AccountSeed.Customer)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_user_id_is_a_404()
    {
        await Client.SignInAsync(AccountSeed.Admin);

        var response = await Client.PostAsync("/Admin?handler=Unlock", new Dictionary<string, string> { ["userId"] = "no-such-user" }, tokenPage: "/Admin");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<string> UserIdAsync(string email)
    {
        var page = await Client.GetPageAsync("/Admin");
        return page.QuerySelector($"[data-testid=user][data-email='{email}'] input[name=userId]")!.GetAttribute("value")!;
    }
}
