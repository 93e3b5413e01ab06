using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShopApp.Account;
using ShopApp.Data;
using ShopApp.Orders;
using ShopApp.Tests.Checkout;
using ShopApp.Tests.Localization;

namespace ShopApp.Tests.Pages.Checkout;

/// <summary>Review and Place order: exactly one order per checkout, never oversold, with the stock it took.</summary>
public sealed class PlacingAnOrderTests : ShopTest
{
    // Product 3 is the €49.90 Hand Coffee Grinder with 3 in stock; product 1 the €12.50 enamel mug.
    private const int Grinder = 3;
    private const int Mug = 1;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Client.SignInAsync(AccountSeed.Customer);
    }

    private async Task<T> DbAsync<T>(Func<ShopDbContext, Task<T>> query)
    {
        using var scope = Factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<ShopDbContext>());
    }

    private Task<int> StockAsync(int productId) => DbAsync(db => db.Products.Where(p => p.Id == productId).Select(p => p.Stock).SingleAsync());

    private Task<int> OrderCountAsync() => DbAsync(db => db.Orders.CountAsync());

    private Task SetAsync(int productId, int? stock = null, decimal? price = null) => DbAsync(async db =>
    {
        var product = await db.Products.SingleAsync(p => p.Id == productId);
        product.Stock = stock ?? product.Stock;
        product.Price = price ?? product.Price;
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task The_review_shows_lines_delivery_vat_and_total_with_links_back_to_each_step()
    {
        await Client.AddAsync(Grinder, 1);
        await Client.AddAsync(Mug, 2);
        await Client.CompleteStepsAsync(delivery: "Express");

        var review = await Client.GetPageAsync("/Checkout/Review");

        Assert.Equal([Grinder, Mug], review.QuerySelectorAll("[data-testid=review-line]").Select(l => int.Parse(l.GetAttribute("data-product-id")!)));
        Assert.Equal("€74.90", review.QuerySelector("[data-testid=review-subtotal]")!.TextContent.Trim());
        Assert.Equal("€9.90", review.QuerySelector("[data-testid=review-delivery-price]")!.TextContent.Trim());
        Assert.Equal("€84.80", review.QuerySelector("[data-testid=review-total]")!.TextContent.Trim());
        // France: 20 % VAT included in €84.80 is €14.13.
        Assert.Equal(ShopTexts.In("en", "Including {0} VAT ({1} %)", "€14.13", "20"), review.QuerySelector("[data-testid=review-vat]")!.TextContent.Trim());
        Assert.Contains("75002 Paris", review.QuerySelector("[data-testid=review-address]")!.TextContent);
        foreach (var (edit, target) in new[] { ("edit-shipping", "/Checkout/Shipping"), ("edit-delivery", "/Checkout/Delivery"), ("edit-payment", "/Checkout/Payment"), ("edit-cart", "/Cart") })
        {
            Assert.Equal(target, review.QuerySelector($"[data-testid={edit}]")!.GetAttribute("href"));
        }
    }

    [Fact]
    public async Task Changing_the_cart_mid_checkout_shows_on_the_review()
    {
        await Client.AddAsync(Mug, 1);
        await Client.CompleteStepsAsync();
        Assert.Equal("€17.40", (await Client.GetPageAsync("/Checkout/Review")).QuerySelector("[data-testid=review-total]")!.TextContent.Trim());

        await Client.AddAsync(Grinder, 1);

        var review = await Client.GetPageAsync("/Checkout/Review");
        Assert.Equal(2, review.QuerySelectorAll("[data-testid=review-line]").Length);
        // Above €50, standard delivery is free.
        Assert.Equal(ShopTexts.In("en", "Free"), review.QuerySelector("[data-testid=review-delivery-price]")!.TextContent.Trim());
        Assert.Equal("€62.40", review.QuerySelector("[data-testid=review-total]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Stock_an_order_took_can_no_longer_be_added_by_another_shopper()
    {
        using var other = Factory.CreateShopClient();
        // The other shopper's visits keep the grinder (3 in stock) in the catalog cache before the order.
        await other.GetPageAsync($"/Products/{Grinder}");
        await Client.AddAsync(Grinder, 2);
        await Client.CompleteStepsAsync();
        await Client.PlaceOrderAsync();

        var page = await other.FollowAsync(await other.AddAsync(Grinder, 2));

        Assert.True(page.NoticeIsProblem());
        Assert.Equal(ShopTexts.In("en", "Only {0} of {1} in stock (you have {2} in your cart).", "1", "Hand Coffee Grinder", "0"), page.Notice());
        Assert.Empty(page.CartLines());
        Assert.Equal(HttpStatusCode.Redirect, (await other.AddAsync(Grinder, 1)).StatusCode);
        Assert.Equal(new Dictionary<int, int> { [Grinder] = 1 }, await other.CartAsync());
    }

    [Fact]
    public async Task Placing_the_order_records_it_takes_the_stock_and_clears_cart_and_checkout()
    {
        await Client.AddAsync(Grinder, 2);
        await Client.CompleteStepsAsync();

        var placed = await Client.PlaceOrderAsync();

        var number = placed.OrderNumber();
        Assert.True(OrderNumbers.IsWellFormed(number), number);
        var confirmation = await Client.FollowAsync(placed);
        Assert.Equal(number, confirmation.QuerySelector("[data-testid=order-number]")!.TextContent);
        Assert.Equal(ShopTexts.In("en", "Thank you! Your order {0} is placed.", number), confirmation.Notice());
        Assert.Equal("€99.80", confirmation.QuerySelector("[data-testid=order-total]")!.TextContent.Trim());
        Assert.Equal(ShopTexts.In("en", "{0} ending in {1}", "Visa", "4242"), confirmation.QuerySelector("[data-testid=order-card]")!.TextContent.Trim());
        Assert.Equal(0, confirmation.CartCount());
        Assert.Equal(1, await StockAsync(Grinder));

        var order = await DbAsync(db => db.Orders.Include(o => o.Lines).SingleAsync());
        Assert.Equal(OrderStatus.Placed, order.Status);
        Assert.Equal(("Hand Coffee Grinder", 49.90m, 2), (order.Lines.Single().Name, order.Lines.Single().UnitPrice, order.Lines.Single().Quantity));
        Assert.Equal(("Visa", "4242"), (order.CardBrand, order.CardLast4));
        Assert.Equal("Paris", order.Shipping.City);
        Assert.Empty(await Client.CartAsync());
        await Client.AddAsync(Mug);
        Assert.Equal("/Checkout/Shipping", (await Client.GetAsync("/Checkout/Review")).RedirectTarget());
    }

    [Fact]
    public async Task The_order_keeps_the_price_it_was_placed_at()
    {
        await Client.AddAsync(Grinder, 1);
        await Client.CompleteStepsAsync();
        var number = (await Client.PlaceOrderAsync()).OrderNumber();

        await SetAsync(Grinder, price: 99m);

        var order = await Client.GetPageAsync($"/Orders/{number}");
        // €49.90 and €4.90 standard delivery, as it was.
        Assert.Equal("€54.80", order.QuerySelector("[data-testid=order-total]")!.TextContent.Trim());
        Assert.Contains("€49.90", order.QuerySelector("[data-testid=order-line]")!.TextContent);
    }

    [Fact]
    public async Task A_double_click_and_a_resubmit_make_one_order_and_show_it_each_time()
    {
        await Client.AddAsync(Grinder, 1);
        await Client.CompleteStepsAsync();
        var form = (await Client.GetPageAsync("/Checkout/Review")).PlaceOrderFields();

        var first = await Client.PostWithoutTokenAsync("/Checkout/Review", form);
        var second = await Client.PostWithoutTokenAsync("/Checkout/Review", form);
        var third = await Client.PostWithoutTokenAsync("/Checkout/Review", form);

        Assert.Equal(first.OrderNumber(), second.OrderNumber());
        Assert.Equal(first.OrderNumber(), third.OrderNumber());
        Assert.Equal(1, await OrderCountAsync());
        Assert.Equal(2, await StockAsync(Grinder));
    }

    [Fact]
    public async Task Back_and_resubmit_after_a_new_cart_shows_the_first_order_and_leaves_the_new_cart_alone()
    {
        await Client.AddAsync(Grinder, 1);
        await Client.CompleteStepsAsync();
        var oldForm = (await Client.GetPageAsync("/Checkout/Review")).PlaceOrderFields();
        var number = (await Client.PostWithoutTokenAsync("/Checkout/Review", oldForm)).OrderNumber();
        await Client.AddAsync(Mug, 2);

        var resubmitted = await Client.PostWithoutTokenAsync("/Checkout/Review", oldForm);

        Assert.Equal(number, resubmitted.OrderNumber());
        Assert.Equal(1, await OrderCountAsync());
        Assert.Equal(new Dictionary<int, int> { [Mug] = 2 }, await Client.CartAsync());
    }

    [Fact]
    public async Task Two_concurrent_posts_of_one_review_form_make_one_order_and_both_show_it()
    {
        await Client.AddAsync(Grinder, 1);
        await Client.CompleteStepsAsync();
        var form = (await Client.GetPageAsync("/Checkout/Review")).PlaceOrderFields();
        var cookies = string.Join("; ", Client.Cookies.Select(c => $"{c.Key}={c.Value}"));

        // Sent side by side on the raw client (the shop client's cookie jar is for one request at a time).
        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/Checkout/Review") { Content = new FormUrlEncodedContent(form) };
            request.Headers.Add("Cookie", cookies);
            return await Client.Http.SendAsync(request);
        }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(responses[0].OrderNumber(), responses[1].OrderNumber());
        Assert.Equal(1, await OrderCountAsync());
        Assert.Equal(2, await StockAsync(Grinder));
    }

    [Theory]
    [InlineData("not-the-token", "84.80")]
    [InlineData("", "84.80")]
    [InlineData(null, "abc")]
    public async Task A_stale_or_forged_review_form_places_nothing_and_says_so(string? token, string total)
    {
        await Client.AddAsync(Grinder, 1);
        await Client.CompleteStepsAsync();
        var form = (await Client.GetPageAsync("/Checkout/Review")).PlaceOrderFields();
        form["orderToken"] = token ?? form["orderToken"];
        form["expectedTotal"] = total;

        var response = await Client.PostWithoutTokenAsync("/Checkout/Review", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ShopTexts.In("en", "This page was out of date. Check your order and place it again."), (await ShopClient.ParseAsync(response)).FormProblem());
        Assert.Equal(0, await OrderCountAsync());
    }

    [Fact]
    public async Task A_price_change_after_the_review_places_nothing_until_the_new_total_is_seen()
    {
        await Client.AddAsync(Grinder, 1);
        await Client.CompleteStepsAsync();
        var form = (await Client.GetPageAsync("/Checkout/Review")).PlaceOrderFields();
        await SetAsync(Grinder, price: 59.90m);

        var response = await Client.PostWithoutTokenAsync("/Checkout/Review", form);

        var page = await ShopClient.ParseAsync(response);
        Assert.Equal(ShopTexts.In("en", "Prices changed since you opened this page. Check the new total and place the order again."), page.FormProblem());
        Assert.Equal("€59.90", page.QuerySelector("[data-testid=review-total]")!.TextContent.Trim());
        Assert.Equal(0, await OrderCountAsync());
        Assert.Equal(3, await StockAsync(Grinder));

        Assert.Equal(HttpStatusCode.Redirect, (await Client.PostWithoutTokenAsync("/Checkout/Review", page.PlaceOrderFields())).StatusCode);
        Assert.Equal(1, await OrderCountAsync());
    }

    [Fact]
    public async Task When_stock_ran_out_the_shopper_is_told_which_lines_keeps_the_cart_and_no_order_is_made()
    {
        await Client.AddAsync(Grinder, 3);
        await Client.AddAsync(Mug, 1);
        await Client.CompleteStepsAsync();
        var form = (await Client.GetPageAsync("/Checkout/Review")).PlaceOrderFields();
        await SetAsync(Grinder, stock: 1);
        var mugStock = await StockAsync(Mug);

        var response = await Client.PostWithoutTokenAsync("/Checkout/Review", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ShopClient.ParseAsync(response);
        var shortage = Assert.Single(page.QuerySelectorAll("[data-testid=shortage]"));
        Assert.Equal(Grinder.ToString(), shortage.GetAttribute("data-product-id"));
        Assert.Equal(ShopTexts.In("en", "{0}: only {1} left (you asked for {2}).", "Hand Coffee Grinder", 1, 3), shortage.TextContent.Trim());
        Assert.Equal(0, await OrderCountAsync());
        Assert.Equal(1, await StockAsync(Grinder));
        Assert.Equal(mugStock, await StockAsync(Mug));
        Assert.Equal(new Dictionary<int, int> { [Grinder] = 3, [Mug] = 1 }, await Client.CartAsync());
    }

    [Fact]
    public async Task Twenty_buyers_of_the_last_three_units_make_exactly_three_orders()
    {
        var buyers = new List<ShopClient>();
        for (var i = 0; i < 20; i++)
        {
            var buyer = Factory.CreateShopClient();
            buyers.Add(buyer);
            await buyer.RegisterAsync($"buyer{i}@example.com");
            await buyer.AddAsync(Grinder, 1);
            await buyer.CompleteStepsAsync();
        }
        var forms = new List<Dictionary<string, string>>();
        foreach (var buyer in buyers)
        {
            forms.Add((await buyer.GetPageAsync("/Checkout/Review")).PlaceOrderFields());
        }

        var responses = await Task.WhenAll(buyers.Select((buyer, i) => Task.Run(() => buyer.PostWithoutTokenAsync("/Checkout/Review", forms[i]))));

        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        Assert.Equal(17, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(3, await OrderCountAsync());
        Assert.Equal(0, await StockAsync(Grinder));
        for (var i = 0; i < buyers.Count; i++)
        {
            if (responses[i].StatusCode == HttpStatusCode.OK)
            {
                Assert.NotNull((await ShopClient.ParseAsync(responses[i])).QuerySelector($"[data-testid=shortage][data-product-id='{Grinder}']"));
                Assert.Equal(new Dictionary<int, int> { [Grinder] = 1 }, await buyers[i].CartAsync());
            }
            buyers[i].Dispose();
        }
    }
}
