using System.Net;
using ShopApp.Account;

namespace ShopApp.Tests.Pages.Admin;

/// <summary>Who opens which part of /Admin: Admin everything, CatalogManager only /Admin/Products, a customer nothing.</summary>
public sealed class RoleGateTests : ShopTest
{
    public static readonly TheoryData<string> CatalogPages = new() { "/Admin/Products", "/Admin/Products/Edit", "/Admin/Products/Edit/1", "/Admin/Products/Categories" };

    public static readonly TheoryData<string> AdminOnlyPages = new() { "/Admin", "/Admin/Orders", "/Teacher" };

    [Theory]
    [MemberData(nameof(CatalogPages))]
    public async Task A_catalog_manager_opens_the_catalog_pages(string url)
    {
        await Client.SignInAsync(AccountSeed.CatalogManager);

        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync(url)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(AdminOnlyPages))]
    public async Task A_catalog_manager_gets_403_everywhere_else_in_admin(string url)
    {
        await Client.SignInAsync(AccountSeed.CatalogManager);

        Assert.Equal(HttpStatusCode.Forbidden, (await Client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task A_catalog_manager_cannot_post_admin_actions()
    {
        await Client.SignInAsync(AccountSeed.CatalogManager);

        var response = await Client.PostWithTokenAsync("/Admin?handler=GrantRole", tokenPage: "/Admin/Products");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(CatalogPages))]
    public async Task An_admin_opens_the_catalog_pages_too(string url)
    {
        await Client.SignInAsync(AccountSeed.Admin);

        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync(url)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(CatalogPages))]
    public async Task A_customer_gets_403_on_the_catalog_pages(string url)
    {
        await Client.SignInAsync(AccountSeed.Customer);

        Assert.Equal(HttpStatusCode.Forbidden, (await Client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in_from_the_catalog_pages()
    {
        var response = await Client.GetAsync("/Admin/Products");

        Assert.Equal("/Account/Login?returnUrl=%2FAdmin%2FProducts", response.RedirectTarget());
    }

    [Fact]
    public async Task The_header_leads_a_catalog_manager_to_the_catalog_and_an_admin_to_admin()
    {
        await Client.SignInAsync(AccountSeed.CatalogManager);
        var page = await Client.GetPageAsync("/");
        Assert.NotNull(page.QuerySelector("[data-testid=catalog-admin-link]"));
        Assert.Null(page.QuerySelector("[data-testid=admin-link]"));

        using var admin = Factory.CreateShopClient();
        await admin.SignInAsync(AccountSeed.Admin);
        Assert.NotNull((await admin.GetPageAsync("/")).QuerySelector("[data-testid=admin-link]"));
    }
}
