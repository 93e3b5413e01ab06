using System.Net;
using ShopApp.Account;

namespace ShopApp.Tests.Pages.Learn;

/// <summary>One shop with teaching mode off and an admin signed in to it, shared by the tests that only read it.</summary>
public sealed class TeachingOffShop : IAsyncLifetime
{
    public ShopFactory Factory { get; } = new ShopFactory().With("Teaching:Enabled", "false");

    public ShopClient Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Admin = Factory.CreateShopClient();
        await Admin.SignInAsync(AccountSeed.Admin);
        await Admin.AddAsync(productId: 3);
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        await Factory.DisposeAsync();
    }
}

/// <summary>With Teaching:Enabled off (appsettings.json), nothing of teaching mode can be reached.</summary>
public sealed class TeachingOffTests(TeachingOffShop shop) : IClassFixture<TeachingOffShop>
{
    public static TheoryData<string> TeachingUrls =>
    [
        "/Session", "/Learn", "/Learn/Stateless", "/Learn/Stateless?handler=Echo", "/Learn/Cookies", "/Learn/Signing", "/Learn/Fixation",
        "/Learn/SignOut", "/Learn/Timeouts", "/Learn/Orders", "/Learn/Servers", "/Learn/CookieSize", "/Learn/Hijacking", "/Learn/Csrf",
        "/Learn/CsrfElsewhere", "/Learn/HttpOnly", "/Learn/Roles", "/Learn/Tokens", "/Learn/Privacy", "/Teacher", "/Teacher?handler=Live",
    ];

    [Theory]
    [MemberData(nameof(TeachingUrls))]
    public async Task Every_teaching_page_is_not_found_when_off_even_for_an_admin(string url)
    {
        using var anonymous = shop.Factory.CreateShopClient();

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await shop.Admin.GetAsync(url)).StatusCode);
    }

    [Theory]
    [InlineData("/Learn?handler=Tamper")]
    [InlineData("/Learn/Timeouts?handler=Shorten")]
    [InlineData("/Learn/Csrf?handler=Unprotected")]
    [InlineData("/Learn/Hijacking?handler=Adopt")]
    [InlineData("/Learn/CookieSize?handler=Grow")]
    [InlineData("/Learn/HttpOnly?handler=SetDemo")]
    [InlineData("/Teacher?handler=EndAll")]
    public async Task Teaching_forms_answer_like_a_url_that_does_not_exist_when_off(string action)
    {
        var admin = shop.Admin;
        var nowhere = await admin.PostWithTokenAsync("/no-such-form", tokenPage: "/Cart");

        var response = await admin.PostWithTokenAsync(action, tokenPage: "/Cart");

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode}");
        Assert.Equal(nowhere.StatusCode, response.StatusCode);
        Assert.Equal(AccountSeed.Admin.DisplayName, (await admin.GetPageAsync("/")).UserName());
    }

    [Fact]
    public async Task No_page_carries_the_inspector_or_teaching_links_when_off()
    {
        var admin = shop.Admin;
        foreach (var url in new[] { "/", "/Products/3", "/Cart", "/Account/Manage", "/Admin", "/no-such-page" })
        {
            var page = await ShopClient.ParseAsync(await admin.GetAsync(url));
            Assert.Null(page.QuerySelector("[data-testid=session-inspector]"));
            Assert.Null(page.QuerySelector("[data-testid=learn-link]"));
            Assert.Null(page.QuerySelector("[data-testid=teacher-link]"));
            Assert.Null(page.QuerySelector("script[src*='inspector.js']"));
        }
    }

    [Fact]
    public async Task Teaching_mode_is_off_outside_development_by_default()
    {
        await using var factory = new ShopFactory("Production");
        using var client = factory.CreateShopClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Learn")).StatusCode);
        Assert.Null((await client.GetPageAsync("/")).QuerySelector("[data-testid=session-inspector]"));
    }

    [Fact]
    public async Task Teaching_mode_is_on_in_development()
    {
        await using var factory = new ShopFactory();
        using var client = factory.CreateShopClient();

        Assert.NotNull((await client.GetPageAsync("/")).QuerySelector("[data-testid=session-inspector]"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Learn")).StatusCode);
    }
}
