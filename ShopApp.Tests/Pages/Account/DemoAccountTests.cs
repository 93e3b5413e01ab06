using System.Net;
using ShopApp.Account;

namespace ShopApp.Tests.Pages.Account;

public sealed class DemoAccountTests
{
    [Fact]
    public async Task Demo_accounts_from_a_development_start_cannot_sign_in_once_demo_users_are_off()
    {
        string folder;
        await using (var development = new ShopFactory { KeepData = true })
        {
            folder = development.DataFolder;
            using var before = development.CreateShopClient();
            Assert.Equal(HttpStatusCode.Redirect, (await before.SignInAsync(AccountSeed.Admin)).StatusCode);
        }

        await using var production = new ShopFactory(dataFolder: folder).With("Seed:DemoUsers", "false");
        using var client = production.CreateShopClient();
        var admin = await client.SignInAsync(AccountSeed.Admin);
        var customer = await client.SignInAsync(AccountSeed.Customer);

        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.NotNull((await ShopClient.ParseAsync(admin)).FormProblem());
        Assert.Equal(HttpStatusCode.OK, customer.StatusCode);
    }

    [Fact]
    public async Task An_account_a_customer_registered_signs_in_with_demo_users_off()
    {
        await using var factory = new ShopFactory().With("Seed:DemoUsers", "false");
        using var client = factory.CreateShopClient();
        await client.RegisterAsync("real@example.com");
        await client.SignOutAsync();

        var response = await client.SignInAsync("real@example.com", "Secret#123");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}

public sealed class DemoAccountListTests
{
    [Fact]
    public async Task The_sign_in_page_lists_the_demo_accounts_in_development_and_not_without_them()
    {
        await using var development = new ShopFactory();
        await using var production = new ShopFactory().With("Seed:DemoUsers", "false");
        using var learner = development.CreateShopClient();
        using var visitor = production.CreateShopClient();

        var listed = (await learner.GetPageAsync("/Account/Login")).QuerySelectorAll("[data-testid=demo-account]").Select(a => a.GetAttribute("data-email"));
        var none = (await visitor.GetPageAsync("/Account/Login")).QuerySelector("[data-testid=demo-accounts]");

        Assert.Equal([AccountSeed.Admin.Email, AccountSeed.CatalogManager.Email, AccountSeed.Customer.Email], listed);
        Assert.Null(none);
    }
}
