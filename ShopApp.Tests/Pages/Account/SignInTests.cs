using System.Net;
using ShopApp.Account;
using ShopApp.Sessions;

namespace ShopApp.Tests.Pages.Account;

/// <summary>Signing in and out, with the cookies captured, replayed and tampered with by hand.</summary>
public sealed class SignInTests : ShopTest
{
    [Fact]
    public async Task Signing_in_keeps_the_cart_under_a_new_session_id_and_the_old_id_opens_an_empty_session()
    {
        await Client.AddAsync(productId: 1, quantity: 2);
        var before = Client.Cookies[SessionKeys.SessionCookie];

        var signedIn = await Client.SignInAsync(AccountSeed.Customer);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var after = Client.Cookies[SessionKeys.SessionCookie];
        Assert.NotEqual(before, after);
        Assert.Equal(new Dictionary<int, int> { [1] = 2 }, await Client.CartAsync());

        using var attacker = Factory.CreateShopClient();
        attacker.Cookies[SessionKeys.SessionCookie] = before;
        Assert.Empty(await attacker.CartAsync());
    }

    [Fact]
    public async Task Signing_out_issues_a_new_session_id_and_empties_the_cart()
    {
        await Client.SignInAsync(AccountSeed.Customer);
        await Client.AddAsync(productId: 7, quantity: 3);
        var signedInSession = Client.Cookies[SessionKeys.SessionCookie];

        var signedOut = await Client.SignOutAsync();

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.NotEqual(signedInSession, Client.Cookies[SessionKeys.SessionCookie]);
        var home = await Client.GetPageAsync("/");
        Assert.Null(home.UserName());
        Assert.Equal(0, home.CartCount());

        using var replay = Factory.CreateShopClient();
        replay.Cookies[SessionKeys.SessionCookie] = signedInSession;
        Assert.Empty(await replay.CartAsync());
    }

    [Fact]
    public async Task A_sign_in_cookie_copied_before_sign_out_is_anonymous_after_it()
    {
        await Client.SignInAsync(AccountSeed.Customer);
        var copied = Client.Cookies[SessionKeys.SignInCookie];
        Assert.Equal(AccountSeed.Customer.DisplayName, (await Client.GetPageAsync("/")).UserName());

        await Client.SignOutAsync();

        using var replay = Factory.CreateShopClient();
        replay.Cookies[SessionKeys.SignInCookie] = copied;
        Assert.Null((await replay.GetPageAsync("/")).UserName());
        var manage = await replay.GetAsync("/Account/Manage");
        Assert.Equal(HttpStatusCode.Redirect, manage.StatusCode);
        Assert.StartsWith("/Account/Login", manage.RedirectTarget());
    }

    [Fact]
    public async Task The_sign_in_cookie_carries_a_key_not_the_users_claims()
    {
        await Client.SignInAsync(AccountSeed.Admin);

        // A cookie holding the ticket itself (name, e-mail, roles, stamp) is well over 1 KB once encrypted.
        Assert.True(Client.Cookies[SessionKeys.SignInCookie].Length < 500, $"{Client.Cookies[SessionKeys.SignInCookie].Length} characters");
        Assert.Equal(AccountSeed.Admin.DisplayName, (await Client.GetPageAsync("/")).UserName());
    }

    [Fact]
    public async Task A_tampered_sign_in_cookie_is_anonymous_and_no_error()
    {
        await Client.SignInAsync(AccountSeed.Customer);
        var cookie = Client.Cookies[SessionKeys.SignInCookie];
        Client.Cookies[SessionKeys.SignInCookie] = cookie[..20] + (cookie[20] == 'A' ? 'B' : 'A') + cookie[21..];

        var home = await Client.GetPageAsync("/");

        Assert.Null(home.UserName());
    }

    [Fact]
    public async Task A_session_recorded_for_another_user_is_replaced_by_a_fresh_one()
    {
        await Client.SignInAsync(AccountSeed.Customer);
        await Client.AddAsync(productId: 2);
        using var other = Factory.CreateShopClient();
        await other.SignInAsync(AccountSeed.Admin);

        // The admin's browser is handed the customer's session cookie.
        other.Cookies[SessionKeys.SessionCookie] = Client.Cookies[SessionKeys.SessionCookie];
        var cart = await other.GetPageAsync("/Cart");

        Assert.Equal(AccountSeed.Admin.DisplayName, cart.UserName());
        Assert.Empty(cart.CartLines());
        Assert.Equal(new Dictionary<int, int> { [2] = 1 }, await Client.CartAsync());
    }

    [Fact]
    public async Task A_local_return_url_is_followed_after_sign_in()
    {
        var response = await Client.SignInAsync(AccountSeed.Customer.Email, AccountSeed.Customer.Password, returnUrl: "/Cart");

        Assert.Equal("/Cart", response.RedirectTarget());
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example")]
    public async Task An_external_return_url_is_not_followed(string returnUrl)
    {
        var response = await Client.SignInAsync(AccountSeed.Customer.Email, AccountSeed.Customer.Password, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.RedirectTarget());
    }

    [Fact]
    public async Task A_protected_page_sends_an_anonymous_visitor_to_sign_in_and_back()
    {
        var response = await Client.GetAsync("/Account/Sessions");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login?returnUrl=%2FAccount%2FSessions", response.RedirectTarget());
    }

    [Fact]
    public async Task Signing_out_by_get_does_not_sign_out()
    {
        await Client.SignInAsync(AccountSeed.Customer);

        var page = await Client.GetPageAsync("/Account/Logout");

        Assert.NotNull(page.QuerySelector("[data-testid=confirm-sign-out]"));
        Assert.Equal(AccountSeed.Customer.DisplayName, (await Client.GetPageAsync("/")).UserName());
    }

    [Fact]
    public async Task Signing_out_without_an_antiforgery_token_is_refused()
    {
        await Client.SignInAsync(AccountSeed.Customer);

        var response = await Client.PostWithoutTokenAsync("/Account/Logout", []);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(AccountSeed.Customer.DisplayName, (await Client.GetPageAsync("/")).UserName());
    }

    [Fact]
    public async Task The_sign_in_cookie_is_http_only_same_site_lax_and_secure()
    {
        await using var production = new ShopFactory("Production");
        using var client = production.CreateShopClient();

        // Production seeds no demo accounts: register one and look at the cookie that answer sets.
        var response = await client.RegisterAsync("cookie@example.com");

        // Outside Development and Classroom the name carries the __Host- prefix, which requires Secure, Path=/ and no Domain.
        var cookie = SetCookie.From(response).Single(c => c.Name == SessionKeys.HostPrefix + SessionKeys.SignInCookie);
        Assert.Equal("/", cookie["path"]);
        Assert.False(cookie.Has("domain"));
        Assert.True(cookie.Has("httponly"));
        Assert.True(cookie.Has("secure"));
        Assert.Equal("lax", cookie["samesite"]);
        Assert.False(cookie.Has("expires"), "a sign-in cookie that outlives the browser");
    }
}
