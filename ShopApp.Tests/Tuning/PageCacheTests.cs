using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShopApp.Account;
using ShopApp.Catalog;
using ShopApp.Data;
using ShopApp.Tuning;
using ShopApp.Sessions;

namespace ShopApp.Tests.Tuning;

/// <summary>Catalog and product pages served whole from the page cache, as in production (teaching mode off).</summary>
public sealed class PageCacheTests : IAsyncLifetime
{
    // A long catalog window: a 10-second boundary falling between two requests of a test would expire the page it
    // expects to be served (the window's own behaviour is CatalogCacheTests').
    private readonly ShopFactory _factory = new ShopFactory().With("Teaching:Enabled", "false").With("Tuning:Enabled", "true")
        .With("Tuning:CatalogSeconds", "600");

    private PageCache Pages => _factory.Services.GetRequiredService<PageCache>();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static string Token(IDocument page) =>
        page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;

    [Fact]
    public async Task A_second_visitor_is_served_the_kept_page_with_a_token_of_their_own()
    {
        using var first = _factory.CreateShopClient();
        using var second = _factory.CreateShopClient();

        var firstPage = await first.GetPageAsync("/Products/7");
        var servedBefore = Pages.Served;
        var secondPage = await second.GetPageAsync("/Products/7");

        Assert.Equal(servedBefore + 1, Pages.Served);
        Assert.NotEqual(Token(firstPage), Token(secondPage));
        Assert.All(secondPage.QuerySelectorAll<IHtmlInputElement>("input[name=__RequestVerificationToken]"), input => Assert.Equal(Token(secondPage), input.Value));
        Assert.DoesNotContain("token-hole", secondPage.DocumentElement.OuterHtml);
    }

    [Fact]
    public async Task The_token_in_a_kept_page_works_for_its_visitor_and_for_no_one_else()
    {
        using var first = _factory.CreateShopClient();
        using var second = _factory.CreateShopClient();
        await first.GetPageAsync("/Products/7");
        var secondToken = Token(await second.GetPageAsync("/Products/7"));

        var fields = new Dictionary<string, string> { ["productId"] = "7", ["quantity"] = "1", ["__RequestVerificationToken"] = secondToken };
        using var own = await second.PostWithoutTokenAsync("/Cart?handler=Add", fields);
        using var someoneElses = await first.PostWithoutTokenAsync("/Cart?handler=Add", fields);

        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, someoneElses.StatusCode);
    }

    [Fact]
    public async Task A_visitor_never_sees_another_visitors_cart_count_on_a_kept_page()
    {
        using var shopper = _factory.CreateShopClient();
        using var browser = _factory.CreateShopClient();
        await shopper.FollowAsync(await shopper.AddAsync(productId: 1, quantity: 2));
        var shoppersPage = await shopper.GetPageAsync("/Products/7");

        var browsersPage = await browser.GetPageAsync("/Products/7");
        var shoppersAgain = await shopper.GetPageAsync("/Products/7");

        Assert.Equal(2, shoppersPage.CartCount());
        Assert.Equal(0, browsersPage.CartCount());
        Assert.Equal(2, shoppersAgain.CartCount());
    }

    [Fact]
    public async Task The_quantity_in_the_cart_on_a_kept_product_page_is_the_visitors_own()
    {
        using var holder = _factory.CreateShopClient();
        using var other = _factory.CreateShopClient();
        await holder.FollowAsync(await holder.AddAsync(productId: 7, quantity: 2));
        await other.FollowAsync(await other.AddAsync(productId: 1, quantity: 2));

        var holdersPage = await holder.GetPageAsync("/Products/7");
        var othersPage = await other.GetPageAsync("/Products/7");

        Assert.NotNull(holdersPage.QuerySelector("[data-testid=in-cart]"));
        Assert.Null(othersPage.QuerySelector("[data-testid=in-cart]"));
        Assert.Equal(2, othersPage.CartCount());
    }

    [Fact]
    public async Task Two_visitors_with_the_same_cart_count_share_the_page_of_a_product_neither_holds()
    {
        using var one = _factory.CreateShopClient();
        using var other = _factory.CreateShopClient();
        // Following the redirect shows (and so clears) the "added" notice, as a browser would.
        await one.FollowAsync(await one.AddAsync(productId: 1));
        await other.FollowAsync(await other.AddAsync(productId: 2));
        await one.GetPageAsync("/Products/7");
        var servedBefore = Pages.Served;

        var page = await other.GetPageAsync("/Products/7");

        Assert.Equal(servedBefore + 1, Pages.Served);
        Assert.Equal(1, page.CartCount());
    }

    [Fact]
    public async Task Two_visitors_with_the_same_cart_share_the_cart_page_each_with_a_token_of_their_own()
    {
        using var one = _factory.CreateShopClient();
        using var other = _factory.CreateShopClient();
        await one.FollowAsync(await one.AddAsync(productId: 7, quantity: 2));
        await other.FollowAsync(await other.AddAsync(productId: 7, quantity: 2));
        var onesPage = await one.GetPageAsync("/Cart");
        var servedBefore = Pages.Served;

        var othersPage = await other.GetPageAsync("/Cart");

        Assert.Equal(servedBefore + 1, Pages.Served);
        Assert.Equal(new Dictionary<int, int> { [7] = 2 }, othersPage.CartLines());
        Assert.NotEqual(Token(onesPage), Token(othersPage));
        // The token in the kept page's forms is the other visitor's own: removing the line works.
        using var removed = await other.PostWithoutTokenAsync("/Cart?handler=Remove", new Dictionary<string, string> { ["productId"] = "7", ["__RequestVerificationToken"] = Token(othersPage) });
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
    }

    [Fact]
    public async Task The_cart_page_shows_each_visitor_their_own_lines_and_every_change_at_once()
    {
        using var shopper = _factory.CreateShopClient();
        using var other = _factory.CreateShopClient();
        await shopper.FollowAsync(await shopper.AddAsync(productId: 7, quantity: 1));
        await other.FollowAsync(await other.AddAsync(productId: 1, quantity: 1));
        // Seen twice: the second view is the kept page, which the change below must not bring back.
        await shopper.GetPageAsync("/Cart");
        await shopper.GetPageAsync("/Cart");

        await shopper.FollowAsync(await shopper.PostAsync("/Cart?handler=Update", new { productId = 7, quantity = 3 }, tokenPage: "/Cart"));
        var afterUpdate = await shopper.GetPageAsync("/Cart");
        var othersCart = await other.GetPageAsync("/Cart");

        Assert.Equal(new Dictionary<int, int> { [7] = 3 }, afterUpdate.CartLines());
        Assert.Equal(new Dictionary<int, int> { [1] = 1 }, othersCart.CartLines());
    }

    [Fact]
    public async Task The_notice_after_adding_is_shown_once_even_on_a_kept_page()
    {
        using var shopper = _factory.CreateShopClient();
        await shopper.GetPageAsync("/Products/7");

        using var added = await shopper.PostAsync("/Cart?handler=Add", new Dictionary<string, string> { ["productId"] = "7", ["quantity"] = "1", ["returnUrl"] = "/Products/7" }, tokenPage: "/Products/7");
        var withNotice = await shopper.FollowAsync(added);
        var reloaded = await shopper.GetPageAsync("/Products/7");

        Assert.NotNull(withNotice.Notice());
        Assert.Null(reloaded.Notice());
        Assert.Equal(1, reloaded.CartCount());
    }

    [Fact]
    public async Task A_signed_in_visitor_is_never_served_a_kept_page_and_never_leaves_one()
    {
        using var anonymous = _factory.CreateShopClient();
        using var customer = _factory.CreateShopClient();
        await anonymous.GetPageAsync("/Products/7");
        await customer.SignInAsync(AccountSeed.Customer);
        var servedBefore = Pages.Served;

        var customersPage = await customer.GetPageAsync("/Products/7");
        var anonymousPage = await anonymous.GetPageAsync("/Products/7");

        Assert.Equal(AccountSeed.Customer.DisplayName, customersPage.UserName());
        Assert.Null(anonymousPage.UserName());
        Assert.NotNull(anonymousPage.QuerySelector("[data-testid=sign-in-link]"));
        Assert.Equal(servedBefore + 1, Pages.Served);
    }

    [Fact]
    public async Task Each_language_has_its_own_kept_page()
    {
        using var english = _factory.CreateShopClient();
        using var french = _factory.CreateShopClient();
        await english.GetPageAsync("/?category=kitchen");
        await french.PostAsync("/Language", new Dictionary<string, string> { ["culture"] = "fr" });

        var frenchPage = await french.GetPageAsync("/?category=kitchen");
        var englishPage = await english.GetPageAsync("/?category=kitchen");

        Assert.Equal("fr", frenchPage.DocumentElement.GetAttribute("lang"));
        Assert.Equal("en", englishPage.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task A_search_is_rendered_for_the_visitor_and_never_kept()
    {
        using var client = _factory.CreateShopClient();
        var kept = Pages.Count;

        await client.GetPageAsync("/?q=teapot");
        await client.GetPageAsync("/?q=teapot");

        Assert.Equal(kept, Pages.Count);
        Assert.Equal(0, Pages.Served);
    }

    [Fact]
    public async Task An_unknown_product_is_a_404_page_and_is_not_kept()
    {
        using var client = _factory.CreateShopClient();

        using var first = await client.GetAsync("/Products/9999");
        var page = await ShopClient.ParseAsync(first);

        Assert.Equal(HttpStatusCode.NotFound, first.StatusCode);
        Assert.Equal(404, page.StatusPageCode());
        Assert.Equal(0, Pages.Count);
    }

    [Fact]
    public async Task A_change_to_the_catalog_shows_at_once_on_kept_pages()
    {
        using var client = _factory.CreateShopClient();
        await client.GetPageAsync("/Products/7");
        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
            await db.Products.Where(p => p.Id == 7).ExecuteUpdateAsync(p => p.SetProperty(x => x.Stock, 0));
        }

        _factory.Services.GetRequiredService<CatalogChanges>().Changed();
        var page = await client.GetPageAsync("/Products/7");

        Assert.Contains("text-danger", page.QuerySelector("[data-testid=stock]")!.ClassName);
        Assert.Null(page.QuerySelector("[data-testid=add-to-cart]"));
    }

    [Fact]
    public async Task A_page_view_without_a_session_cookie_asks_the_session_store_nothing()
    {
        using var client = _factory.CreateShopClient();
        var store = _factory.Services.GetRequiredService<SqliteSessionCache>();
        await client.GetPageAsync("/");
        var reads = store.TableReads;

        using var anonymous = _factory.CreateShopClient();
        await anonymous.GetPageAsync("/");
        await anonymous.GetPageAsync("/Products/7");

        Assert.Equal(reads, store.TableReads);
    }
}

/// <summary>With teaching mode on, the inspector shows each visitor's own session on every page: nothing is kept.</summary>
public sealed class PageCacheInTeachingModeTests
{
    [Fact]
    public async Task Teaching_mode_renders_every_page_for_its_visitor()
    {
        await using var factory = new ShopFactory().With("Teaching:Enabled", "true").With("Tuning:Enabled", "true");
        using var client = factory.CreateShopClient();
        using var other = factory.CreateShopClient();
        await client.GetPageAsync("/Products/7");

        await other.GetPageAsync("/Products/7");

        Assert.Equal(0, factory.Services.GetRequiredService<PageCache>().Served);
        Assert.Equal(0, factory.Services.GetRequiredService<PageCache>().Count);
    }
}
