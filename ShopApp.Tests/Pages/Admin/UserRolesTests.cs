using System.Net;
using ShopApp.Account;

namespace ShopApp.Tests.Pages.Admin;

/// <summary>Roles granted and removed on /Admin count from the user's next request: their tickets are rewritten.</summary>
public sealed class UserRolesTests : ShopTest
{
    [Fact]
    public async Task A_granted_role_opens_the_catalog_on_the_users_next_request_without_signing_in_again()
    {
        using var customer = Factory.CreateShopClient();
        await customer.SignInAsync(AccountSeed.Customer);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.GetAsync("/Admin/Products")).StatusCode);
        await Client.SignInAsync(AccountSeed.Admin);

        var response = await ChangeRoleAsync("GrantRole", AccountSeed.Customer.Email, ShopRoles.CatalogManager);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await customer.GetAsync("/Admin/Products")).StatusCode);
    }

    [Fact]
    public async Task A_removed_role_is_refused_on_the_users_next_request()
    {
        using var manager = Factory.CreateShopClient();
        await manager.SignInAsync(AccountSeed.CatalogManager);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/Admin/Products")).StatusCode);
        await Client.SignInAsync(AccountSeed.Admin);

        await ChangeRoleAsync("RemoveRole", AccountSeed.CatalogManager.Email, ShopRoles.CatalogManager);

        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/Admin/Products")).StatusCode);
        // Still signed in, as a customer.
        Assert.Equal(AccountSeed.CatalogManager.DisplayName, (await manager.GetPageAsync("/")).UserName());
    }

    [Fact]
    public async Task A_removed_role_stays_removed_after_signing_in_again()
    {
        await Client.SignInAsync(AccountSeed.Admin);
        await ChangeRoleAsync("RemoveRole", AccountSeed.CatalogManager.Email, ShopRoles.CatalogManager);

        using var manager = Factory.CreateShopClient();
        await manager.SignInAsync(AccountSeed.CatalogManager);

        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/Admin/Products")).StatusCode);
    }

    [Fact]
    public async Task An_admin_cannot_remove_their_own_admin_role()
    {
        await Client.SignInAsync(AccountSeed.Admin);

        var page = await Client.FollowAsync(await ChangeRoleAsync("RemoveRole", AccountSeed.Admin.Email, ShopRoles.Admin));

        Assert.True(page.NoticeIsProblem());
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/Admin")).StatusCode);
    }

    [Fact]
    public async Task An_admin_removes_another_admins_role_but_the_one_left_keeps_theirs()
    {
        await Client.SignInAsync(AccountSeed.Admin);
        await ChangeRoleAsync("GrantRole", AccountSeed.Customer.Email, ShopRoles.Admin);
        using var second = Factory.CreateShopClient();
        await second.SignInAsync(AccountSeed.Customer);

        // Two admins: one may remove the other; then the one left is the last.
        Assert.False((await Client.FollowAsync(await ChangeRoleAsync("RemoveRole", AccountSeed.Customer.Email, ShopRoles.Admin))).NoticeIsProblem());
        await ChangeRoleAsync("GrantRole", AccountSeed.Customer.Email, ShopRoles.Admin);
        var page = await second.FollowAsync(await ChangeRoleAsync("RemoveRole", AccountSeed.Admin.Email, ShopRoles.Admin, second));
        Assert.False(page.NoticeIsProblem());
        var refused = await Client.GetAsync("/Admin");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        // The one admin left cannot remove their own role, so the shop always keeps an admin.
        var last = await second.FollowAsync(await ChangeRoleAsync("RemoveRole", AccountSeed.Customer.Email, ShopRoles.Admin, second));
        Assert.True(last.NoticeIsProblem());
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/Admin")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_role_is_a_404()
    {
        await Client.SignInAsync(AccountSeed.Admin);

        Assert.Equal(HttpStatusCode.NotFound, (await ChangeRoleAsync("GrantRole", AccountSeed.Customer.Email, "Superuser")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ChangeRoleAsync("GrantRole", AccountSeed.Customer.Email, ShopRoles.Customer)).StatusCode);
    }

    [Fact]
    public async Task The_inspector_shows_the_roles_the_ticket_carries()
    {
        await Client.SignInAsync(AccountSeed.CatalogManager);

        var roles = (await Client.GetPageAsync("/Session")).QuerySelector("[data-testid=session-roles]")!.GetAttribute("data-roles")!.Split(',');

        Assert.Equal([ShopRoles.CatalogManager, ShopRoles.Customer], roles.Order());
    }

    private async Task<HttpResponseMessage> ChangeRoleAsync(string handler, string email, string role, ShopClient? admin = null)
    {
        admin ??= Client;
        var page = await admin.GetPageAsync("/Admin");
        var userId = page.QuerySelector($"[data-testid=user][data-email='{email}'] input[name=userId]")!.GetAttribute("value")!;
        return await admin.PostAsync($"/Admin?handler={handler}", new Dictionary<string, string> { ["userId"] = userId, ["role"] = role }, tokenPage: "/Admin");
    }
}
