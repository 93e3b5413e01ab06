using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ShopApp.Account;
using ShopApp.Data;

namespace ShopApp.Tests.Pages.Account;

public sealed class SessionsPageTests : ShopTest
{
    [Fact]
    public async Task Every_sign_in_is_listed_with_this_one_marked()
    {
        await Client.SignInAsync(AccountSeed.Customer);
        using var other = Factory.CreateShopClient();
        other.Http.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0");
        await other.SignInAsync(AccountSeed.Customer);

        var page = await Client.GetPageAsync("/Account/Sessions");

        var signIns = page.QuerySelectorAll("[data-testid=sign-in]");
        Assert.Equal(2, signIns.Length);
        Assert.Single(signIns, s => s.GetAttribute("data-current") == "true");
        Assert.Contains(signIns, s => s.TextContent.Contains("Firefox on Linux"));
    }

    [Fact]
    public async Task Ending_another_sign_in_makes_that_browser_anonymous_on_its_next_request()
    {
        await Client.SignInAsync(AccountSeed.Customer);
        using var other = Factory.CreateShopClient();
        await other.SignInAsync(AccountSeed.Customer);
        await other.AddAsync(productId: 7);
        var page = await Client.GetPageAsync("/Account/Sessions");
        var otherId = page.QuerySelector("[data-testid=sign-in][data-current=false] input[name=signInId]")!.GetAttribute("value")!;

        var response = await Client.PostAsync("/Account/Sessions?handler=Revoke", new Dictionary<string, string> { ["signInId"] = otherId }, tokenPage: "/Account/Sessions");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var otherHome = await other.GetPageAsync("/");
        Assert.Null(otherHome.UserName());
        Assert.Equal(0, otherHome.CartCount());
        Assert.Equal(AccountSeed.Customer.DisplayName, (await Client.GetPageAsync("/")).UserName());
    }

    [Fact]
    public async Task Ending_all_other_sign_ins_keeps_this_one()
    {
        await Client.SignInAsync(AccountSeed.Customer);
        using var second = Factory.CreateShopClient();
        using var third = Factory.CreateShopClient();
        await second.SignInAsync(AccountSeed.Customer);
        await third.SignInAsync(AccountSeed.Customer);

        await Client.PostWithTokenAsync("/Account/Sessions?handler=RevokeOthers", tokenPage: "/Account/Sessions");

        Assert.Null((await second.GetPageAsync("/")).UserName());
        Assert.Null((await third.GetPageAsync("/")).UserName());
        var page = await Client.GetPageAsync("/Account/Sessions");
        Assert.Single(page.QuerySelectorAll("[data-testid=sign-in]"));
    }

    [Fact]
    public async Task Another_users_sign_in_cannot_be_ended()
    {
        using var admin = Factory.CreateShopClient();
        await admin.SignInAsync(AccountSeed.Admin);
        await Client.SignInAsync(AccountSeed.Customer);
        var adminId = Assert.Single(await SignInIdsAsync(AccountSeed.Admin.Email));

        var response = await Client.PostAsync("/Account/Sessions?handler=Revoke", new Dictionary<string, string> { ["signInId"] = adminId }, tokenPage: "/Account/Sessions");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(AccountSeed.Admin.DisplayName, (await admin.GetPageAsync("/")).UserName());
    }

    private async Task<List<string>> SignInIdsAsync(string email)
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
        var userId = db.Users.Single(u => u.Email == email).Id;
        return [.. db.SignIns.Where(s => s.UserId == userId).Select(s => s.Id)];
    }
}
