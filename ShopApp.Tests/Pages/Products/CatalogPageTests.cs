using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net;

namespace ShopApp.Tests.Pages.Products;

public sealed class CatalogPageTests : ShopTest
{
    [Fact]
    public async Task A_search_highlights_no_category_and_the_header_search_keeps_the_category_being_viewed()
    {
        var search = await Client.GetPageAsync("/?q=mug");
        var kitchen = await Client.GetPageAsync("/?category=kitchen");

        Assert.Empty(search.QuerySelectorAll("nav .nav-link.active"));
        Assert.Equal("kitchen", kitchen.QuerySelector("form[role=search] input[name=category]")?.GetAttribute("value"));
        Assert.Null(search.QuerySelector("form[role=search] input[name=category]"));
    }

    [Fact]
    public async Task The_home_page_shows_the_first_twelve_products_and_pages_to_the_rest()
    {
        var first = await Client.GetPageAsync("/");
        var second = await Client.GetPageAsync("/?page=2");

        Assert.Equal(12, first.ProductIds().Count);
        Assert.Equal(12, second.ProductIds().Count);
        Assert.Empty(first.ProductIds().Intersect(second.ProductIds()));
        Assert.NotNull(first.QuerySelector("a.page-link[href='/?page=2']"));
    }

    [Fact]
    public async Task A_category_shows_only_its_own_products()
    {
        var page = await Client.GetPageAsync("/?category=games");

        Assert.Equal([13, 14, 15, 16, 17, 18], page.ProductIds().Order());
        Assert.Equal("page", page.QuerySelector("a.nav-link.active")?.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task Search_matches_names_and_descriptions_ignoring_case()
    {
        var byName = await Client.GetPageAsync("/?q=TEAPOT");
        var byDescription = await Client.GetPageAsync("/?q=ripstop");

        Assert.Equal([2], byName.ProductIds());
        Assert.Equal([16], byDescription.ProductIds());
    }

    [Fact]
    public async Task Search_combines_with_the_category()
    {
        var page = await Client.GetPageAsync("/?category=garden&q=steel");

        Assert.Empty(page.ProductIds());
        Assert.NotNull(page.QuerySelector("[data-testid=no-results]"));
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("' OR 1=1 --")]
    public async Task Search_text_is_taken_literally_and_never_rendered_as_markup(string text)
    {
        var page = await Client.GetPageAsync("/?q=" + Uri.EscapeDataString(text));

        Assert.Empty(page.ProductIds());
        Assert.Empty(page.QuerySelectorAll("main script"));
    }

    [Fact]
    public async Task Paging_keeps_the_search_in_its_links()
    {
        var page = await Client.GetPageAsync("/?q=a");

        Assert.Contains(page.QuerySelectorAll("a.page-link"), link => link.GetAttribute("href") == "/?q=a&page=2");
    }

    [Theory]
    [InlineData("/?category=shoes")]
    [InlineData("/?page=3")]
    [InlineData("/?category=games&page=2")]
    [InlineData("/Products/9999")]
    [InlineData("/Products/0")]
    [InlineData("/Products/abc")]
    [InlineData("/no-such-page")]
    [InlineData("/Status/200")]
    public async Task Unknown_products_categories_and_pages_are_a_friendly_404(string url)
    {
        using var response = await Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await ShopClient.ParseAsync(response);
        Assert.Equal(404, page.StatusPageCode());
        Assert.NotNull(page.QuerySelector("h1"));
    }

    [Theory]
    [InlineData("/?page=abc")]
    [InlineData("/?page=0")]
    [InlineData("/?page=-1")]
    public async Task A_malformed_page_number_is_a_400(string url)
    {
        using var response = await Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(400, (await ShopClient.ParseAsync(response)).StatusPageCode());
    }

    [Fact]
    public async Task The_product_page_shows_price_description_and_an_add_form()
    {
        var page = await Client.GetPageAsync("/Products/3");

        Assert.Equal("3", page.QuerySelector("[data-testid=product]")?.GetAttribute("data-product-id"));
        Assert.Equal("€49.90", page.QuerySelector("[data-testid=product-price]")?.TextContent.Trim());
        var form = page.QuerySelector("form[action='/Cart?handler=Add']");
        Assert.NotNull(form);
        Assert.Equal("3", form.QuerySelector("input[name=quantity]")?.GetAttribute("max"));
        Assert.NotNull(page.QuerySelector("label[for=quantity]"));
    }

    [Fact]
    public async Task An_out_of_stock_product_offers_no_add_form()
    {
        var page = await Client.GetPageAsync("/Products/6");

        Assert.Null(page.QuerySelector("form[action='/Cart?handler=Add']"));
    }

    [Fact]
    public async Task A_refused_add_from_the_product_page_is_shown_beside_its_quantity_field()
    {
        var response = await Client.PostAsync("/Cart?handler=Add", new { productId = 3, quantity = 9, returnUrl = "/Products/3" });

        var page = await Client.FollowAsync(response);
        Assert.Equal("/Products/3", response.Headers.Location!.OriginalString);
        Assert.NotNull(page.QuerySelector("#quantity.is-invalid"));
        Assert.Equal("quantity-error", page.QuerySelector("#quantity")?.GetAttribute("aria-describedby"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/?category=kitchen")]
    [InlineData("/Products/1")]
    [InlineData("/Cart")]
    [InlineData("/Products/9999")]
    public async Task Every_page_has_a_title_one_h1_and_labelled_fields(string url)
    {
        var page = await ShopClient.ParseAsync(await Client.GetAsync(url));

        Assert.False(string.IsNullOrWhiteSpace(page.Title));
        Assert.Single(page.QuerySelectorAll("h1"));
        foreach (var field in page.QuerySelectorAll("input:not([type=hidden]), select, textarea"))
        {
            Assert.True(page.QuerySelector($"label[for='{field.Id}']") is not null || field.HasAttribute("aria-label"),
                $"{url}: field {field.GetAttribute("name")} has no label");
        }
    }

    [Fact]
    public async Task The_cached_grid_holds_no_visitors_token_and_every_visitor_can_add_from_it()
    {
        var first = await Client.GetPageAsync("/?category=kitchen");
        using var second = Factory.CreateShopClient();

        var page = await second.GetPageAsync("/?category=kitchen");
        var token = page.QuerySelector("form#add-to-cart input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await second.PostWithoutTokenAsync("/Cart?handler=Add",
            [new("productId", "2"), new("quantity", "1"), new("returnUrl", "/?category=kitchen"), new("__RequestVerificationToken", token)]);

        Assert.Empty(first.QuerySelectorAll("[data-testid=product-card] input[name=__RequestVerificationToken]"));
        Assert.All(page.QuerySelectorAll("[data-testid=product-card] [data-testid=add-to-cart]"),
            button => Assert.Equal("add-to-cart", button.GetAttribute("form")));
        Assert.Equal("/?category=kitchen", response.RedirectTarget());
        Assert.Equal(new Dictionary<int, int> { [2] = 1 }, await second.CartAsync());
    }

    [Fact]
    public async Task A_catalog_change_shows_on_the_cached_grid_at_once()
    {
        Assert.NotNull((await Client.GetPageAsync("/?category=kitchen")).QuerySelector("[data-product-id='2'] [data-testid=add-to-cart]"));
        using (var scope = Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShopApp.Data.ShopDbContext>();
            (await db.Products.SingleAsync(p => p.Id == 2)).Stock = 0;
            await db.SaveChangesAsync();
        }

        Factory.Services.GetRequiredService<ShopApp.Catalog.CatalogChanges>().Changed();

        var page = await Client.GetPageAsync("/?category=kitchen");
        Assert.NotNull(page.QuerySelector("[data-product-id='2'] [data-testid=out-of-stock]"));
    }
}
