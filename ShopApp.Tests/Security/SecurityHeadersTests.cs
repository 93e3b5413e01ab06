using System.Net;

namespace ShopApp.Tests.Security;

public sealed class SecurityHeadersTests : ShopTest
{
    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/Cart", HttpStatusCode.OK)]
    [InlineData("/css/site.css", HttpStatusCode.OK)]
    [InlineData("/images/products/teapot.svg", HttpStatusCode.OK)]
    [InlineData("/Products/9999", HttpStatusCode.NotFound)]
    public async Task Every_response_carries_the_security_headers(string url, HttpStatusCode status)
    {
        using var response = await Client.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Single(response.Headers.GetValues("Referrer-Policy"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Products/1")]
    [InlineData("/Cart")]
    public async Task Pages_have_no_inline_script_or_style(string url)
    {
        var page = await Client.GetPageAsync(url);

        Assert.All(page.QuerySelectorAll("script"), script => Assert.True(script.HasAttribute("src")));
        Assert.Empty(page.QuerySelectorAll("style, [style]"));
        Assert.Empty(page.QuerySelectorAll("[onclick], [onload], [onsubmit], [onchange]"));
    }

    [Fact]
    public async Task Bootstrap_is_served_from_our_own_wwwroot()
    {
        var page = await Client.GetPageAsync("/");

        var assets = page.QuerySelectorAll("link[rel=stylesheet], script[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!)
            .ToList();
        Assert.All(assets, url => Assert.StartsWith("/", url));
        Assert.Contains(assets, url => url.Contains("bootstrap"));
        foreach (var url in assets)
        {
            using var response = await Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
