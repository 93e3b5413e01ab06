using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShopApp.Account;
using ShopApp.Data;
using ShopApp.Orders;
using ShopApp.Tests.Checkout;
using ShopApp.Tests.Localization;

namespace ShopApp.Tests.Pages.Orders;

/// <summary>A customer's own orders, and an admin moving orders along (cancelling puts stock back once).</summary>
public sealed class OrdersPageTests : ShopTest
{
    private async Task<string> OrderAsync(ShopClient client, int productId, int quantity = 1)
    {
        await client.AddAsync(productId, quantity);
        await client.CompleteStepsAsync();
        return (await client.PlaceOrderAsync()).OrderNumber();
    }

    private async Task<int> StockAsync(int productId)
    {
        using var scope = Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ShopDbContext>().Products.Where(p => p.Id == productId).Select(p => p.Stock).SingleAsync();
    }

    private static Task<HttpResponseMessage> MoveAsync(ShopClient admin, string number, string to) =>
        admin.PostAsync("/Admin/Orders?handler=Move", new Dictionary<string, string> { ["number"] = number, ["to"] = to }, tokenPage: "/Admin/Orders");

    [Fact]
    public async Task The_orders_page_lists_the_users_orders_newest_first()
    {
        await Client.SignInAsync(AccountSeed.Customer);
        Assert.NotNull((await Client.GetPageAsync("/Orders")).QuerySelector("[data-testid=no-orders]"));
        var first = await OrderAsync(Client, 1);
        var second = await OrderAsync(Client, 2);

        var page = await Client.GetPageAsync("/Orders");

        Assert.Equal([second, first], page.QuerySelectorAll("[data-testid=order]").Select(o => o.GetAttribute("data-number")));
        Assert.Equal($"/Orders/{second}", page.QuerySelector($"[data-number='{second}'] a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Another_users_order_is_not_found_and_neither_is_a_made_up_number()
    {
        await Client.SignInAsync(AccountSeed.Customer);
        var number = await OrderAsync(Client, 1);
        using var other = Factory.CreateShopClient();
        await other.RegisterAsync("nosy@example.com");

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Orders/{number}")).StatusCode);
        Assert.Empty((await other.GetPageAsync("/Orders")).QuerySelectorAll("[data-testid=order]"));
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/Orders/SA-2222-2222")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/Orders/%3Cscript%3E")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/Orders/{number}")).StatusCode);
    }

    [Fact]
    public async Task Orders_need_a_sign_in()
    {
        Assert.StartsWith("/Account/Login", (await Client.GetAsync("/Orders")).RedirectTarget());
        Assert.StartsWith("/Account/Login", (await Client.GetAsync("/Orders/SA-2222-2222")).RedirectTarget());
    }

    [Fact]
    public async Task Only_an_admin_sees_all_orders()
    {
        await Client.SignInAsync(AccountSeed.Customer);

        Assert.Equal(HttpStatusCode.Forbidden, (await Client.GetAsync("/Admin/Orders")).StatusCode);
        var number = await OrderAsync(Client, 1);
        var refused = await Client.PostWithoutTokenAsync("/Admin/Orders?handler=Move", [new("number", number), new("to", "Cancelled")]);
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_admin_ships_then_delivers_an_order_and_filters_by_status()
    {
        await Client.SignInAsync(AccountSeed.Customer);
        var shipped = await OrderAsync(Client, 1);
        var placed = await OrderAsync(Client, 2);
        using var admin = Factory.CreateShopClient();
        await admin.SignInAsync(AccountSeed.Admin);

        var moved = await admin.FollowAsync(await MoveAsync(admin, shipped, "Shipped"));
        Assert.Equal(ShopTexts.In("en", "Order {0} is now {1}.", shipped, "Shipped"), moved.Notice());

        var filtered = await admin.GetPageAsync("/Admin/Orders?status=Placed");
        Assert.Equal([placed], filtered.QuerySelectorAll("[data-testid=order]").Select(o => o.GetAttribute("data-number")));
        Assert.Equal([shipped], (await admin.GetPageAsync("/Admin/Orders?status=Shipped")).QuerySelectorAll("[data-testid=order]").Select(o => o.GetAttribute("data-number")));

        await MoveAsync(admin, shipped, "Delivered");
        var customerView = await Client.GetPageAsync($"/Orders/{shipped}");
        Assert.Equal("Delivered", customerView.QuerySelector("[data-testid=order-status]")!.GetAttribute("data-status"));
    }

    [Theory]
    [InlineData("Delivered")]
    [InlineData("Placed")]
    [InlineData("Lost")]
    public async Task A_move_the_status_does_not_allow_is_refused_with_a_message(string to)
    {
        await Client.SignInAsync(AccountSeed.Customer);
        var number = await OrderAsync(Client, 1);
        using var admin = Factory.CreateShopClient();
        await admin.SignInAsync(AccountSeed.Admin);

        var page = await admin.FollowAsync(await MoveAsync(admin, number, to));

        Assert.True(page.NoticeIsProblem());
        Assert.Equal("Placed", page.QuerySelector($"[data-testid=order][data-number='{number}']")!.GetAttribute("data-status"));
    }

    [Fact]
    public async Task An_unknown_status_filter_says_so_and_shows_every_order()
    {
        using var admin = Factory.CreateShopClient();
        await admin.SignInAsync(AccountSeed.Admin);

        var page = await admin.GetPageAsync("/Admin/Orders?status=Lost");

        Assert.Equal(ShopTexts.In("en", "There is no such status. Showing all orders."), page.FormProblem());
    }

    [Fact]
    public async Task Cancelling_puts_the_stock_back_exactly_once()
    {
        await Client.SignInAsync(AccountSeed.Customer);
        var number = await OrderAsync(Client, productId: 3, quantity: 2);
        Assert.Equal(1, await StockAsync(3));
        using var admin = Factory.CreateShopClient();
        await admin.SignInAsync(AccountSeed.Admin);

        var results = await Task.WhenAll(MoveAsync(admin, number, "Cancelled"), MoveAsync(admin, number, "Cancelled"));
        await MoveAsync(admin, number, "Cancelled");

        Assert.All(results, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(3, await StockAsync(3));
        var page = await admin.GetPageAsync("/Admin/Orders?status=Cancelled");
        Assert.Single(page.QuerySelectorAll("[data-testid=order]"));
        Assert.Empty(page.QuerySelectorAll("[data-testid=move-order]"));
    }

    [Fact]
    public async Task Stock_a_cancellation_gave_back_can_be_added_again()
    {
        await Client.SignInAsync(AccountSeed.Customer);
        var number = await OrderAsync(Client, productId: 3, quantity: 3);
        using var shopper = Factory.CreateShopClient();
        Assert.True((await shopper.FollowAsync(await shopper.AddAsync(3, 1))).NoticeIsProblem());
        using var admin = Factory.CreateShopClient();
        await admin.SignInAsync(AccountSeed.Admin);

        await MoveAsync(admin, number, "Cancelled");
        var page = await shopper.FollowAsync(await shopper.AddAsync(3, 3));

        Assert.False(page.NoticeIsProblem());
        Assert.Equal(new Dictionary<int, int> { [3] = 3 }, page.CartLines());
    }
}
