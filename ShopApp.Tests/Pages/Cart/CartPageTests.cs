using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net;

namespace ShopApp.Tests.Pages.Cart;

/// <summary>The four cart handlers over real HTTP, each test with its own database.</summary>
public sealed class CartPageTests : ShopTest
{
    // Seeded products: 1 Enamel Camp Mug €12.50 (stock 40), 3 Hand Coffee Grinder €49.90 (stock 3),
    // 6 Linen Apron (stock 0), 7 Dotted Notebook A5 €9.90 (stock 100).

    [Fact]
    public async Task Adding_a_product_redirects_to_the_cart_and_shows_the_line()
    {
        var response = await Client.AddAsync(productId: 1, quantity: 2);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Cart", response.Headers.Location!.OriginalString);
        var cart = await Client.FollowAsync(response);
        Assert.Equal(new Dictionary<int, int> { [1] = 2 }, cart.CartLines());
        Assert.Equal("€25.00", cart.Subtotal());
        Assert.Equal(2, cart.CartCount());
        Assert.False(cart.NoticeIsProblem());
    }

    [Fact]
    public async Task Adding_the_same_product_twice_merges_the_lines()
    {
        await Client.AddAsync(1, 2);
        await Client.AddAsync(1, 3);

        Assert.Equal(new Dictionary<int, int> { [1] = 5 }, await Client.CartAsync());
    }

    [Fact]
    public async Task Adding_returns_to_a_local_return_url()
    {
        var response = await Client.PostAsync("/Cart?handler=Add", new { productId = 1, quantity = 1, returnUrl = "/?category=kitchen" });

        Assert.Equal("/?category=kitchen", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task An_external_return_url_is_not_followed(string returnUrl)
    {
        var response = await Client.PostAsync("/Cart?handler=Add", new { productId = 1, quantity = 1, returnUrl });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Cart", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Updating_a_quantity_changes_the_line_total_and_subtotal()
    {
        await Client.AddAsync(1, 1);
        await Client.AddAsync(7, 1);

        var page = await Client.FollowAsync(await Client.PostAsync("/Cart?handler=Update", new { productId = 7, quantity = 4 }));

        Assert.Equal(new Dictionary<int, int> { [1] = 1, [7] = 4 }, page.CartLines());
        Assert.Equal("€52.10", page.Subtotal());
        Assert.Equal(5, page.CartCount());
    }

    [Fact]
    public async Task Removing_a_line_keeps_the_others()
    {
        await Client.AddAsync(1, 1);
        await Client.AddAsync(7, 2);

        var page = await Client.FollowAsync(await Client.PostAsync("/Cart?handler=Remove", new { productId = 1 }));

        Assert.Equal(new Dictionary<int, int> { [7] = 2 }, page.CartLines());
        Assert.Equal("€19.80", page.Subtotal());
    }

    [Fact]
    public async Task Clearing_empties_the_cart()
    {
        await Client.AddAsync(1, 1);
        await Client.AddAsync(7, 2);

        var page = await Client.FollowAsync(await Client.PostWithTokenAsync("/Cart?handler=Clear"));

        Assert.Empty(page.CartLines());
        Assert.Equal(0, page.CartCount());
        Assert.NotNull(page.QuerySelector("[data-testid=cart-empty]"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("100")]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("")]
    public async Task A_bad_quantity_on_add_is_explained_and_the_cart_stays_as_it_was(string quantity)
    {
        await Client.AddAsync(1, 2);

        var response = await Client.PostAsync("/Cart?handler=Add", [new("productId", "7"), new("quantity", quantity)]);

        var page = await Client.FollowAsync(response);
        Assert.True(page.NoticeIsProblem());
        Assert.Equal(new Dictionary<int, int> { [1] = 2 }, page.CartLines());
    }

    [Fact]
    public async Task A_missing_quantity_on_add_is_explained()
    {
        var response = await Client.PostAsync("/Cart?handler=Add", [new("productId", "7")]);

        var page = await Client.FollowAsync(response);
        Assert.True(page.NoticeIsProblem());
        Assert.Empty(page.CartLines());
    }

    [Fact]
    public async Task Adding_more_than_the_stock_is_explained_and_changes_nothing()
    {
        await Client.AddAsync(3, 2);

        var page = await Client.FollowAsync(await Client.AddAsync(3, 2));

        Assert.True(page.NoticeIsProblem());
        Assert.Contains("3", page.Notice());
        Assert.Equal(new Dictionary<int, int> { [3] = 2 }, page.CartLines());
    }

    [Fact]
    public async Task Adding_above_99_in_one_line_is_explained_and_changes_nothing()
    {
        await Client.AddAsync(7, 60);

        var page = await Client.FollowAsync(await Client.AddAsync(7, 40));

        Assert.True(page.NoticeIsProblem());
        Assert.Equal(new Dictionary<int, int> { [7] = 60 }, page.CartLines());
    }

    [Fact]
    public async Task An_out_of_stock_product_cannot_be_added()
    {
        var page = await Client.FollowAsync(await Client.AddAsync(6, 1));

        Assert.True(page.NoticeIsProblem());
        Assert.Empty(page.CartLines());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("100")]
    [InlineData("41")]
    [InlineData("x")]
    [InlineData("")]
    public async Task A_bad_quantity_on_update_is_shown_beside_the_line_and_keeps_the_old_one(string quantity)
    {
        await Client.AddAsync(1, 2);

        var page = await Client.FollowAsync(await Client.PostAsync("/Cart?handler=Update", [new("productId", "1"), new("quantity", quantity)]));

        Assert.True(page.NoticeIsProblem());
        Assert.NotNull(page.QuerySelector("#quantity-1.is-invalid"));
        Assert.NotNull(page.QuerySelector("#quantity-1-error"));
        Assert.Equal(new Dictionary<int, int> { [1] = 2 }, page.CartLines());
    }

    [Fact]
    public async Task Updating_a_product_not_in_the_cart_is_explained()
    {
        await Client.AddAsync(1, 2);

        var page = await Client.FollowAsync(await Client.PostAsync("/Cart?handler=Update", new { productId = 7, quantity = 1 }));

        Assert.True(page.NoticeIsProblem());
        Assert.Equal(new Dictionary<int, int> { [1] = 2 }, page.CartLines());
    }

    [Theory]
    [InlineData("Add")]
    [InlineData("Update")]
    [InlineData("Remove")]
    public async Task An_unknown_product_id_is_a_404_and_the_cart_stays_as_it_was(string handler)
    {
        await Client.AddAsync(1, 2);

        var response = await Client.PostAsync($"/Cart?handler={handler}", new { productId = 9999, quantity = 1 });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, (await ShopClient.ParseAsync(response)).StatusPageCode());
        Assert.Equal(new Dictionary<int, int> { [1] = 2 }, await Client.CartAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    public async Task A_missing_or_malformed_product_id_is_a_400(string productId)
    {
        var response = await Client.PostAsync("/Cart?handler=Add", [new("productId", productId), new("quantity", "1")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(400, (await ShopClient.ParseAsync(response)).StatusPageCode());
    }

    [Theory]
    [InlineData("Add")]
    [InlineData("Update")]
    [InlineData("Remove")]
    [InlineData("Clear")]
    public async Task A_post_without_antiforgery_token_is_a_400_and_changes_nothing(string handler)
    {
        await Client.AddAsync(1, 2);

        var response = await Client.PostWithoutTokenAsync($"/Cart?handler={handler}", [new("productId", "1"), new("quantity", "5")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(400, (await ShopClient.ParseAsync(response)).StatusPageCode());
        Assert.Equal(new Dictionary<int, int> { [1] = 2 }, await Client.CartAsync());
    }

    [Fact]
    public async Task A_price_change_in_the_catalog_shows_in_the_cart_once_the_catalog_cache_is_told()
    {
        await Client.AddAsync(productId: 1, quantity: 2);
        Assert.Equal("€25.00", (await Client.GetPageAsync("/Cart")).Subtotal());
        using (var scope = Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShopApp.Data.ShopDbContext>();
            (await db.Products.SingleAsync(p => p.Id == 1)).Price = 10.00m;
            await db.SaveChangesAsync();
        }

        Factory.Services.GetRequiredService<ShopApp.Catalog.CatalogChanges>().Changed();

        Assert.Equal("€20.00", (await Client.GetPageAsync("/Cart")).Subtotal());
    }

    [Fact]
    public async Task A_price_in_the_form_is_ignored()
    {
        await Client.PostAsync("/Cart?handler=Add", [new("productId", "1"), new("quantity", "2"), new("price", "0.01"), new("unitPrice", "0.01")]);

        Assert.Equal("€25.00", (await Client.GetPageAsync("/Cart")).Subtotal());
    }

    [Fact]
    public async Task The_cart_badge_counts_items_on_every_page()
    {
        await Client.AddAsync(1, 2);
        await Client.AddAsync(7, 3);

        foreach (var url in new[] { "/", "/?category=games", "/Products/4", "/Cart" })
        {
            Assert.Equal(5, (await Client.GetPageAsync(url)).CartCount());
        }
    }

    [Fact]
    public async Task TwoClients_never_see_each_others_cart()
    {
        using var other = Factory.CreateShopClient();

        await Client.AddAsync(1, 2);
        await other.AddAsync(7, 1);

        Assert.Equal(new Dictionary<int, int> { [1] = 2 }, await Client.CartAsync());
        Assert.Equal(new Dictionary<int, int> { [7] = 1 }, await other.CartAsync());
        Assert.NotEqual(Client.Cookies[".ShopApp.Session"], other.Cookies[".ShopApp.Session"]);
    }

    [Fact]
    public async Task AClient_without_the_session_cookie_has_an_empty_cart()
    {
        await Client.AddAsync(1, 2);

        Client.Cookies.Remove(".ShopApp.Session");

        Assert.Empty(await Client.CartAsync());
    }
}
