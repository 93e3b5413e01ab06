using System.Net;
using ShopApp.Account;
using ShopApp.Tests.Checkout;

namespace ShopApp.Tests.Pages.Admin;

/// <summary>
/// What a manager's change does to shoppers, at once and in both modes (the tuned project runs these with every
/// catalog cache on): prices, hidden products, stock, and category names.
/// </summary>
public sealed class CatalogChangeTests : ShopTest
{
    private ShopClient _manager = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _manager = Factory.CreateShopClient();
        await _manager.SignInAsync(AccountSeed.CatalogManager);
    }

    public override async Task DisposeAsync()
    {
        _manager.Dispose();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task A_new_price_reaches_a_cart_that_holds_the_product_and_the_order_is_charged_it()
    {
        await Client.SignInAsync(AccountSeed.Customer);
        await Client.AddAsync(7, 2);
        await Client.GetPageAsync("/Products/7");
        Assert.Contains("19.80", (await Client.GetPageAsync("/Cart")).Subtotal());

        await _manager.EditProductAsync(7, ("Input.Price", "11.00"));

        Assert.Contains("22.00", (await Client.GetPageAsync("/Cart")).Subtotal());
        Assert.Contains("11.00", (await Client.GetPageAsync("/Products/7")).QuerySelector("[data-testid=product-price]")!.TextContent);
        await Client.CompleteStepsAsync();
        var order = await Client.FollowAsync(await Client.PlaceOrderAsync());
        Assert.Contains("22.00", order.QuerySelector("[data-testid=order-subtotal]")!.TextContent);
    }

    [Fact]
    public async Task A_price_change_after_the_review_page_was_shown_is_caught_when_placing_the_order()
    {
        await Client.SignInAsync(AccountSeed.Customer);
        await Client.AddAsync(7);
        await Client.CompleteStepsAsync();
        var review = await Client.GetPageAsync("/Checkout/Review");

        await _manager.EditProductAsync(7, ("Input.Price", "11.00"));
        var response = await Client.PostWithoutTokenAsync("/Checkout/Review", review.PlaceOrderFields());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ShopClient.ParseAsync(response);
        Assert.NotNull(page.FormProblem());
        Assert.Contains("11.00", page.QuerySelector("[data-testid=review-line] [data-testid=line-total]")!.TextContent);
    }

    [Fact]
    public async Task A_hidden_product_leaves_the_catalog_and_cannot_be_added()
    {
        await _manager.EditProductAsync(7, ("Input.Visible", "false"));

        Assert.DoesNotContain(7, (await Client.GetPageAsync("/?category=stationery")).ProductIds());
        Assert.DoesNotContain(7, (await Client.GetPageAsync("/?q=notebook")).ProductIds());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/Products/7")).StatusCode);
        var page = await Client.FollowAsync(await Client.AddAsync(7));
        Assert.Empty(await Client.CartAsync());
        Assert.True(page.NoticeIsProblem());
    }

    [Fact]
    public async Task A_hidden_product_in_a_cart_is_marked_unavailable_counts_nowhere_and_is_left_out_of_the_order()
    {
        await Client.SignInAsync(AccountSeed.Customer);
        await Client.AddAsync(7, 2);
        await Client.AddAsync(9);

        await _manager.EditProductAsync(7, ("Input.Visible", "false"));

        var cart = await Client.GetPageAsync("/Cart");
        var hidden = cart.QuerySelector("[data-testid=cart-line][data-product-id='7']")!;
        Assert.Equal("false", hidden.GetAttribute("data-available"));
        Assert.NotNull(hidden.QuerySelector("[data-testid=unavailable]"));
        Assert.Contains("14.50", cart.Subtotal());
        Assert.True((await Client.FollowAsync(await Client.PostAsync("/Cart?handler=Update", new { productId = 7, quantity = 3 }, "/Cart"))).NoticeIsProblem());
        await Client.CompleteStepsAsync();
        var review = await Client.GetPageAsync("/Checkout/Review");
        Assert.NotNull(review.QuerySelector("[data-testid=unavailable-line][data-product-id='7']"));
        var order = await Client.FollowAsync(await Client.PlaceOrderAsync());
        Assert.Single(order.QuerySelectorAll("[data-testid=order-line]"));
    }

    [Fact]
    public async Task A_hidden_product_can_still_be_removed_from_a_cart()
    {
        await Client.AddAsync(7);
        await _manager.EditProductAsync(7, ("Input.Visible", "false"));

        await Client.PostAsync("/Cart?handler=Remove", new { productId = 7 }, "/Cart");

        Assert.Empty(await Client.CartAsync());
    }

    [Fact]
    public async Task Stock_set_below_what_a_cart_holds_is_checked_by_add_to_cart_and_never_oversold()
    {
        await Client.SignInAsync(AccountSeed.Customer);
        await Client.AddAsync(7, 5);
        await Client.CompleteStepsAsync();

        await _manager.EditProductAsync(7, ("Input.Stock", "3"));

        Assert.True((await Client.FollowAsync(await Client.AddAsync(7))).NoticeIsProblem());
        var response = await Client.PlaceOrderAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty((await ShopClient.ParseAsync(response)).QuerySelectorAll("[data-testid=shortage]"));
        Assert.Equal("3", (await _manager.GetPageAsync("/Admin/Products/Edit/7")).FormFields()["Input.Stock"]);
    }

    [Fact]
    public async Task A_new_category_and_a_renamed_one_show_in_the_menu_at_once()
    {
        // The menu was read (and kept) before the change.
        await Client.GetPageAsync("/");
        await _manager.PostAsync("/Admin/Products/Categories?handler=Create",
            new Dictionary<string, string> { ["slug"] = "tools", ["nameEn"] = "Tools", ["nameFr"] = "Outils", ["nameDe"] = "Werkzeug" }, "/Admin/Products/Categories");
        await _manager.PostAsync("/Admin/Products/Categories?handler=Rename",
            new Dictionary<string, string> { ["id"] = "2", ["nameEn"] = "Paper & Pens", ["nameFr"] = "Papeterie", ["nameDe"] = "Schreibwaren" }, "/Admin/Products/Categories");

        var menu = string.Join("|", (await Client.GetPageAsync("/")).QuerySelectorAll("[data-testid=category-link]").Select(link => link.TextContent.Trim()));
        Assert.Contains("Tools", menu);
        Assert.Contains("Paper & Pens", menu);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/?category=tools")).StatusCode);
    }

    public static readonly TheoryData<string, string> BadSlugs = new() { { "", "Tools" }, { "Tools Box", "Tools" }, { "kitchen", "Tools" }, { "tools", "" } };

    [Theory]
    [MemberData(nameof(BadSlugs))]
    public async Task A_category_with_a_bad_address_or_name_is_refused_with_a_message(string slug, string name)
    {
        var response = await _manager.PostAsync("/Admin/Products/Categories?handler=Create",
            new Dictionary<string, string> { ["slug"] = slug, ["nameEn"] = name, ["nameFr"] = "Outils", ["nameDe"] = "Werkzeug" }, "/Admin/Products/Categories");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await ShopClient.ParseAsync(response)).QuerySelector("[data-testid=error-summary]"));
        Assert.Equal(4, (await _manager.GetPageAsync("/Admin/Products/Categories")).QuerySelectorAll("[data-testid=category]").Length);
    }
}
