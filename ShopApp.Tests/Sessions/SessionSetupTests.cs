using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ShopApp.Tests.Sessions;

public sealed class SessionSetupTests
{
    [Fact]
    public async Task The_session_cookie_is_named_httponly_lax_and_not_secure_in_development()
    {
        await using var factory = new ShopFactory("Development");
        using var client = factory.CreateShopClient(https: false);

        var response = await client.AddAsync(1, 1);

        var cookie = Assert.Single(SetCookie.From(response), c => c.Name == ".ShopApp.Session");
        Assert.True(cookie.Has("httponly"));
        Assert.Equal("lax", cookie["samesite"]);
        Assert.Equal("/", cookie["path"]);
        Assert.False(cookie.Has("secure"));
    }

    [Fact]
    public async Task Outside_development_every_cookie_of_ours_is_secure()
    {
        await using var factory = new ShopFactory("Production");
        using var client = factory.CreateShopClient();

        var antiforgery = Assert.Single(SetCookie.From(await client.GetAsync("/")), c => c.Name == "__Host-.ShopApp.Antiforgery");
        var session = Assert.Single(SetCookie.From(await client.AddAsync(1, 1)), c => c.Name == "__Host-.ShopApp.Session");

        Assert.All([antiforgery, session], cookie =>
        {
            Assert.True(cookie.Has("secure"), cookie.Name);
            Assert.True(cookie.Has("httponly"), cookie.Name);
            Assert.Equal("lax", cookie["samesite"]);
        });
    }

    [Fact]
    public async Task Outside_development_plain_http_gets_a_clear_400_not_an_error()
    {
        await using var factory = new ShopFactory("Production");
        using var client = factory.CreateShopClient(https: false);

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("HTTPS", await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task Outside_development_a_loopback_proxy_that_terminated_tls_is_believed()
    {
        await using var factory = new ShopFactory("Production");
        using var client = factory.CreateShopClient(https: false);
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Browsing_without_changing_anything_sets_no_session_cookie()
    {
        await using var factory = new ShopFactory();
        using var client = factory.CreateShopClient();

        var response = await client.GetAsync("/Cart");

        Assert.DoesNotContain(SetCookie.From(response), c => c.Name == ".ShopApp.Session");
    }

    [Fact]
    public async Task The_idle_timeout_comes_from_configuration_and_defaults_to_20_minutes()
    {
        await using var defaults = new ShopFactory();
        await using var configured = new ShopFactory().With("Session:IdleTimeout", "00:05:00");

        Assert.Equal(TimeSpan.FromMinutes(20), defaults.Services.GetRequiredService<IOptions<SessionOptions>>().Value.IdleTimeout);
        Assert.Equal(TimeSpan.FromMinutes(5), configured.Services.GetRequiredService<IOptions<SessionOptions>>().Value.IdleTimeout);
    }

    [Fact]
    public async Task The_session_middleware_does_not_log_session_keys_at_information()
    {
        // DistributedSession logs the raw session key at Information ("Session started; Key:...").
        foreach (var environment in new[] { "Development", "Production" })
        {
            await using var factory = new ShopFactory(environment);
            var logger = factory.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Microsoft.AspNetCore.Session.DistributedSession");

            Assert.False(logger.IsEnabled(LogLevel.Information), environment);
        }
    }

    [Fact]
    public async Task A_tampered_session_cookie_gets_an_empty_cart_not_an_error()
    {
        await using var factory = new ShopFactory();
        using var client = factory.CreateShopClient();
        await client.AddAsync(1, 2);

        client.Cookies[".ShopApp.Session"] = "CfDJ8" + new string('A', 80);
        using var response = await client.GetAsync("/Cart");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty((await ShopClient.ParseAsync(response)).CartLines());
    }
}
