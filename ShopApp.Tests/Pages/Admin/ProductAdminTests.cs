using System.Net;
using System.Text;
using ShopApp.Account;
using ShopApp.Tests.Checkout;

namespace ShopApp.Tests.Pages.Admin;

/// <summary>/Admin/Products: the list, creating and editing a product, its validation and its audit trail.</summary>
public sealed class ProductAdminTests : ShopTest
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Client.SignInAsync(AccountSeed.CatalogManager);
    }

    [Fact]
    public async Task The_list_pages_and_searches_by_name_in_any_language()
    {
        var first = await Client.GetPageAsync("/Admin/Products");
        var total = int.Parse(first.QuerySelector("[data-testid=product-total]")!.GetAttribute("data-total")!);
        var second = await Client.GetPageAsync(first.QuerySelectorAll("[data-testid=page-link]")[1].GetAttribute("href")!);
        var found = await Client.GetPageAsync("/Admin/Products?q=tasse");

        Assert.Equal(IndexPageSize(), first.QuerySelectorAll("[data-testid=admin-product]").Length);
        Assert.Equal(total - IndexPageSize(), second.QuerySelectorAll("[data-testid=admin-product]").Length);
        Assert.Contains("1", found.QuerySelectorAll("[data-testid=admin-product]").Select(row => row.GetAttribute("data-product-id")));
    }

    [Fact]
    public async Task A_new_product_is_in_the_catalog_in_every_language_with_its_image()
    {
        var response = await Client.SaveProductAsync(CatalogAdmin.NewProduct(), image: CatalogAdmin.PngFile());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(response.RedirectTarget().Split('/')[^1]);
        var product = await Client.GetPageAsync($"/Products/{id}");
        Assert.Contains("Garden Hose", product.QuerySelector("h1")!.TextContent);
        Assert.Contains(id, (await Client.GetPageAsync("/?category=garden")).ProductIds());
        await Client.PostAsync("/Language", new Dictionary<string, string> { ["culture"] = "fr", ["returnUrl"] = "/" });
        Assert.Contains("Tuyau d'arrosage", (await Client.GetPageAsync($"/Products/{id}")).QuerySelector("h1")!.TextContent);
        var image = product.QuerySelector("main img")!.GetAttribute("src")!;
        Assert.Matches("^/product-images/[0-9a-f]{64}\\.png$", image);
    }

    [Fact]
    public async Task An_uploaded_image_is_served_by_its_hash_with_a_year_of_caching()
    {
        var response = await Client.SaveProductAsync(CatalogAdmin.NewProduct(), image: CatalogAdmin.PngFile());
        var edit = await Client.FollowAsync(response);
        var url = edit.QuerySelector("[data-testid=current-image]")!.GetAttribute("src")!;

        using var image = await Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal(CatalogAdmin.Png, await image.Content.ReadAsByteArrayAsync());
        Assert.Contains("max-age=31536000", image.Headers.CacheControl!.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/product-images/" + new string('0', 64) + ".png")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/product-images/..%2Fshop.db")).StatusCode);
    }

    public static readonly TheoryData<string, string, string> BadFields = new()
    {
        { "Input.NameEn", "", "Input.NameEn" },
        { "Input.NameDe", new string('x', 121), "Input.NameDe" },
        { "Input.DescriptionFr", "   ", "Input.DescriptionFr" },
        { "Input.Price", "0", "Input.Price" },
        { "Input.Price", "0.00", "Input.Price" },
        { "Input.Price", "12.345", "Input.Price" },
        { "Input.Price", "-3", "Input.Price" },
        { "Input.Price", "abc", "Input.Price" },
        { "Input.Price", "１２", "Input.Price" },
        { "Input.Price", "1e3", "Input.Price" },
        { "Input.Stock", "-1", "Input.Stock" },
        { "Input.Stock", "100001", "Input.Stock" },
        { "Input.Stock", "1e3", "Input.Stock" },
        { "Input.Stock", "٣", "Input.Stock" },
        { "Input.Stock", "99999999999999999999", "Input.Stock" },
        { "Input.CategoryId", "999", "Input.CategoryId" },
        { "Input.CategoryId", "kitchen", "Input.CategoryId" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task A_bad_value_is_named_beside_its_field_and_in_the_summary_and_nothing_is_saved(string field, string value, string errorField)
    {
        var before = await CountAsync();
        var response = await Client.SaveProductAsync(CatalogAdmin.NewProduct().With(field, value), image: CatalogAdmin.PngFile());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ShopClient.ParseAsync(response);
        Assert.NotNull(page.FieldError(errorField));
        Assert.NotEmpty(page.QuerySelectorAll("[data-testid=error-summary] li"));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task An_empty_form_names_every_missing_field_as_a_browser_sends_it()
    {
        var before = await CountAsync();
        var empty = CatalogAdmin.NewProduct().ToDictionary(f => f.Key, f => f.Key switch { "Input.Version" => "0", "Input.Visible" => "false", _ => "" });

        var response = await Client.SaveProductAsync(empty, image: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ShopClient.ParseAsync(response);
        Assert.Equal(10, page.QuerySelectorAll("[data-testid=error-summary] li").Length);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_comma_price_reads_as_euros()
    {
        var response = await Client.SaveProductAsync(CatalogAdmin.NewProduct().With("Input.Price", "7,5"), image: CatalogAdmin.PngFile());

        var edit = await Client.FollowAsync(response);
        Assert.Equal("7.50", edit.FormFields()["Input.Price"]);
    }

    public static readonly TheoryData<string, string, byte[]> BadImages = new()
    {
        { "not-really.png", "image/png", Encoding.UTF8.GetBytes("hello, I am text") },
        { "script.svg", "image/svg+xml", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>") },
        { "handler.svg", "image/svg+xml", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><rect width=\"1\" height=\"1\"/></svg>") },
        { "html.svg", "image/svg+xml", Encoding.UTF8.GetBytes("<html><body>not an svg</body></html>") },
        { "entities.svg", "image/svg+xml", Encoding.UTF8.GetBytes("<!DOCTYPE svg [<!ENTITY a \"aaaa\">]><svg xmlns=\"http://www.w3.org/2000/svg\">&a;</svg>") },
        { "big.png", "image/png", [.. CatalogAdmin.Png, .. new byte[2 * 1024 * 1024]] },
    };

    [Theory]
    [MemberData(nameof(BadImages))]
    public async Task A_file_that_is_not_an_acceptable_image_is_refused_by_its_content(string fileName, string contentType, byte[] bytes)
    {
        var before = await CountAsync();
        var response = await Client.SaveProductAsync(CatalogAdmin.NewProduct(), image: new UploadedFile("Image", fileName, contentType, bytes));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await ShopClient.ParseAsync(response)).FieldError("Image"));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_new_product_needs_an_image()
    {
        var response = await Client.SaveProductAsync(CatalogAdmin.NewProduct());

        Assert.NotNull((await ShopClient.ParseAsync(response)).FieldError("Image"));
    }

    [Fact]
    public async Task A_plain_svg_is_accepted_and_served_with_a_policy_that_runs_nothing()
    {
        var svg = Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 4 3\"><rect width=\"4\" height=\"3\" fill=\"#2a6\"/></svg>");
        var edit = await Client.FollowAsync(await Client.SaveProductAsync(CatalogAdmin.NewProduct(), image: new UploadedFile("Image", "leaf.svg", "image/svg+xml", svg)));

        using var image = await Client.GetAsync(edit.QuerySelector("[data-testid=current-image]")!.GetAttribute("src")!);

        Assert.Equal("image/svg+xml", image.Content.Headers.ContentType!.MediaType);
        var policy = string.Join(";", image.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("sandbox", policy);
        Assert.Contains("default-src 'none'", policy);
    }

    [Fact]
    public async Task Editing_keeps_the_image_when_no_new_one_is_chosen_and_records_who_changed_what()
    {
        var response = await Client.EditProductAsync(1, ("Input.Price", "13.00"), ("Input.NameFr", "Tasse émaillée de camp"));

        var edit = await Client.FollowAsync(response);
        Assert.Equal("/images/products/enamel-mug.svg", edit.QuerySelector("[data-testid=current-image]")!.GetAttribute("src"));
        var price = edit.QuerySelector("[data-testid=audit-entry][data-field=Price]")!;
        Assert.Equal("12.50", price.QuerySelector("[data-testid=audit-old]")!.TextContent);
        Assert.Equal("13.00", price.QuerySelector("[data-testid=audit-new]")!.TextContent);
        Assert.Contains(AccountSeed.CatalogManager.Email, price.TextContent);
        Assert.NotNull(edit.QuerySelector("[data-testid=audit-entry][data-field='Name (fr)']"));
        Assert.Equal(2, edit.QuerySelectorAll("[data-testid=audit-entry]").Length);
    }

    [Fact]
    public async Task The_second_of_two_managers_saving_one_product_is_told_and_shown_the_first_ones_version()
    {
        using var other = Factory.CreateShopClient();
        await other.SignInAsync(AccountSeed.Admin);
        var mine = (await Client.GetPageAsync("/Admin/Products/Edit/1")).FormFields();
        var theirs = (await other.GetPageAsync("/Admin/Products/Edit/1")).FormFields();

        Assert.Equal(HttpStatusCode.Redirect, (await other.SaveProductAsync(theirs.With("Input.Price", "20.00"), 1)).StatusCode);
        var refused = await Client.SaveProductAsync(mine.With("Input.Price", "15.00"), 1);

        var page = await ShopClient.ParseAsync(refused);
        Assert.NotNull(page.QuerySelector("[data-testid=conflict]"));
        Assert.Contains("20.00", page.QuerySelector("[data-testid=conflict]")!.TextContent);
        Assert.Contains("20.00", (await Client.GetPageAsync("/Products/1")).QuerySelector("[data-testid=product-price]")!.TextContent);
        // Saving again, with their version in view, is a deliberate overwrite.
        Assert.Equal(HttpStatusCode.Redirect, (await Client.SaveProductAsync(page.FormFields(), 1)).StatusCode);
        Assert.Contains("15.00", (await Client.GetPageAsync("/Products/1")).QuerySelector("[data-testid=product-price]")!.TextContent);
    }

    [Fact]
    public async Task An_unknown_product_is_a_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/Admin/Products/Edit/999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/Admin/Products/Edit/abc")).StatusCode);
        var gone = await Client.PostMultipartAsync("/Admin/Products/Edit/999", CatalogAdmin.NewProduct(), null, tokenPage: "/Admin/Products/Edit");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    private static int IndexPageSize() => ShopApp.Pages.Admin.Products.IndexModel.PageSize;

    private async Task<int> CountAsync()
    {
        var page = await Client.GetPageAsync("/Admin/Products");
        return int.Parse(page.QuerySelector("[data-testid=product-total]")!.GetAttribute("data-total")!);
    }
}
