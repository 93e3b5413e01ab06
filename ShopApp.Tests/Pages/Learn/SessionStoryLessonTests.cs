using System.Net;
using System.Text.Json;
using ShopApp.Account;
using ShopApp.Sessions;

namespace ShopApp.Tests.Pages.Learn;

/// <summary>The lessons on CSRF, HttpOnly, hijacking, roles, cookie size, tokens and privacy: their demonstrations work.</summary>
public sealed class SessionStoryLessonTests : ShopTest
{
    [Fact]
    public async Task A_form_without_a_token_from_another_site_is_refused_and_the_status_page_says_why()
    {
        await Client.AddAsync(2);
        var session = Client.Cookies[SessionKeys.SessionCookie];
        // A cross-site post: the browser sends no SameSite=Lax cookie and the form has no token.
        Client.Cookies.Clear();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Cart?handler=Add") { Content = new FormUrlEncodedContent([new("productId", "1"), new("quantity", "1")]) };
        request.Headers.Add("Origin", "null");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        using var response = await Client.SendAsync(request);
        var page = await ShopClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var why = page.QuerySelector("[data-testid=csrf-refusal]")!;
        Assert.Equal("false", why.GetAttribute("data-token-sent"));
        Assert.Equal("false", why.GetAttribute("data-session-cookie-sent"));
        Assert.Contains("cross-site", why.TextContent);
        Client.Cookies.Clear();
        Client.Cookies[SessionKeys.SessionCookie] = session;
        Assert.Equal(new Dictionary<int, int> { [2] = 1 }, await Client.CartAsync());
    }

    [Fact]
    public async Task The_unprotected_demo_raises_only_the_counter_of_the_session_the_request_carried()
    {
        await Client.AddAsync(2);

        var same = await Client.PostWithoutTokenAsync("/Learn/Csrf?handler=Unprotected", []);
        var counter = (await Client.FollowAsync(same)).QuerySelector("[data-testid=csrf-counter]")!.GetAttribute("data-count");
        using var stranger = Factory.CreateShopClient();
        using var crossSite = await stranger.PostWithoutTokenAsync("/Learn/Csrf?handler=Unprotected", []);

        Assert.Equal("1", counter);
        Assert.Equal(HttpStatusCode.OK, crossSite.StatusCode);
        Assert.Contains("SameSite=Lax", await crossSite.Content.ReadAsStringAsync());
        Assert.Empty(SetCookie.From(crossSite));
        Assert.Equal(new Dictionary<int, int> { [2] = 1 }, await Client.CartAsync());
    }

    [Fact]
    public async Task The_page_from_another_site_is_sandboxed_and_framed_only_here()
    {
        using var response = await Client.GetAsync("/Learn/CsrfElsewhere");

        Assert.StartsWith("sandbox ", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("frame-ancestors 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("SAMEORIGIN", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("DENY", (await Client.GetAsync("/Learn/Csrf")).Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task The_httponly_lesson_names_which_cookies_scripts_cannot_read_and_sets_a_readable_one_on_request()
    {
        await Client.AddAsync(2);

        var response = await Client.PostWithTokenAsync("/Learn/HttpOnly?handler=SetDemo", "/Learn/HttpOnly");
        var demo = SetCookie.From(response).Single(c => c.Name == SessionKeys.ReadableDemoCookie);
        var page = await Client.GetPageAsync("/Learn/HttpOnly");

        Assert.False(demo.Has("httponly"));
        string? HttpOnly(string name) => page.QuerySelector($"[data-testid=httponly-cookie][data-name='{name}']")?.GetAttribute("data-http-only");
        Assert.Equal("true", HttpOnly(SessionKeys.SessionCookie));
        Assert.Equal("true", HttpOnly(SessionKeys.SignInCookie));
        Assert.Equal("true", HttpOnly(SessionKeys.AntiforgeryCookie));
        Assert.Equal("false", HttpOnly(SessionKeys.ConsentCookie));
        Assert.Equal("false", HttpOnly(SessionKeys.ReadableDemoCookie));
        Assert.Equal("true", page.QuerySelector($"[data-testid=httponly-cookie][data-name='{SessionKeys.ReadableDemoCookie}']")!.GetAttribute("data-sent"));
    }

    [Fact]
    public async Task Cookies_adopted_in_another_browser_open_the_same_cart_until_sign_out()
    {
        await Client.SignInAsync(AccountSeed.Customer);
        await Client.AddAsync(5, 2);
        var lesson = await Client.GetPageAsync("/Learn/Hijacking");
        var session = lesson.QuerySelector("[data-testid=hijack-session-cookie]")!.TextContent;
        var signIn = lesson.QuerySelector("[data-testid=hijack-sign-in-cookie]")!.TextContent;

        using var thief = Factory.CreateShopClient();
        var adopted = await thief.PostAsync("/Learn/Hijacking?handler=Adopt", new Dictionary<string, string> { ["CopiedSession"] = session, ["CopiedSignIn"] = signIn }, "/Learn/Hijacking");
        Assert.Equal("/Cart", adopted.RedirectTarget());
        Assert.Equal(new Dictionary<int, int> { [5] = 2 }, await thief.CartAsync());
        Assert.Equal(AccountSeed.Customer.DisplayName, (await thief.GetPageAsync("/")).UserName());

        await Client.SignOutAsync();

        Assert.Empty(await thief.CartAsync());
        Assert.Null((await thief.GetPageAsync("/")).UserName());
    }

    [Theory]
    [InlineData("")]
    [InlineData("a b;c")]
    public async Task A_missing_or_malformed_copied_cookie_gets_a_message_beside_the_field(string value)
    {
        var response = await Client.PostAsync("/Learn/Hijacking?handler=Adopt", new Dictionary<string, string> { ["CopiedSession"] = value }, "/Learn/Hijacking");
        var page = await ShopClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("[data-testid=hijack-error]")?.TextContent));
    }

    [Fact]
    public async Task The_roles_lesson_shows_the_roles_and_claims_of_the_learners_own_ticket_and_the_interval()
    {
        Assert.NotNull((await Client.GetPageAsync("/Learn/Roles")).QuerySelector("[data-testid=roles-signed-out]"));
        await Client.SignInAsync(AccountSeed.Admin);

        var page = await Client.GetPageAsync("/Learn/Roles");

        Assert.Equal("Admin,Customer", page.QuerySelector("[data-testid=roles-list]")!.GetAttribute("data-roles"));
        Assert.Contains(page.QuerySelectorAll("[data-testid=roles-claim]"), claim => claim.GetAttribute("data-type") == "e-mail" && claim.TextContent.Contains(AccountSeed.Admin.Email));
        Assert.DoesNotContain(page.QuerySelectorAll("[data-testid=roles-claim]"), claim => claim.TextContent.Contains("AspNet.Identity.SecurityStamp") && !claim.TextContent.Contains("not shown"));
        Assert.Equal("60", page.QuerySelector("[data-testid=roles-checked]")!.GetAttribute("data-interval"));
    }

    [Fact]
    public async Task Each_grow_makes_the_flask_cookie_one_line_longer_and_signed()
    {
        await Client.AddAsync(4);
        var sizes = new List<(int Lines, int Bytes)>();
        for (var i = 0; i < 3; i++)
        {
            var answer = JsonDocument.Parse(await (await Client.PostWithTokenAsync("/Learn/CookieSize?handler=Grow", "/Learn/CookieSize")).Content.ReadAsStringAsync()).RootElement;
            var written = answer.GetProperty("written");
            sizes.Add((written.GetProperty("lines").GetInt32(), written.GetProperty("bytes").GetInt32()));
            Assert.True(answer.GetProperty("ours").GetInt32() < 300);
        }

        Assert.Equal([1, 2, 3], sizes.Select(s => s.Lines));
        Assert.True(sizes[2].Bytes > sizes[1].Bytes && sizes[1].Bytes > sizes[0].Bytes);
        var readable = ShopApp.Teaching.FlaskStyleCookie.Read(Client.Cookies[SessionKeys.FlaskDemoCookie])!;
        Assert.Equal(4, JsonDocument.Parse(readable).RootElement.GetProperty("cart")[0].GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task The_privacy_lesson_lists_what_is_held_with_its_basis()
    {
        await Client.AddAsync(2);

        var page = await Client.GetPageAsync("/Learn/Privacy");

        Assert.Equal("StrictlyNecessary", page.QuerySelector($"[data-testid=privacy-entry][data-name={SessionKeys.Cart}]")!.GetAttribute("data-basis"));
        Assert.NotNull(page.QuerySelector($"[data-testid=privacy-cookie][data-name='{SessionKeys.SessionCookie}']"));
        Assert.NotNull(page.QuerySelector("[data-testid=privacy-lesson-policy]"));
    }
}
