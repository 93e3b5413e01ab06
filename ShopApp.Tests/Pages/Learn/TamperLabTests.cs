using System.Net;
using AngleSharp.Dom;
using ShopApp.Tests.Teaching;

namespace ShopApp.Tests.Pages.Learn;

/// <summary>The tamper lab on /Learn: an edited copy of the learner's own session cookie, sent through the real session middleware.</summary>
public sealed class TamperLabTests : ShopTest
{
    private Task<HttpResponseMessage> SendAsync(string cookie) =>
        Client.PostAsync("/Learn?handler=Tamper", new Dictionary<string, string> { ["Cookie"] = cookie }, tokenPage: "/Learn");

    private static string? Result(IDocument page) => page.QuerySelector("[data-testid=tamper-result]")?.GetAttribute("data-result");

    private string OwnCookie => Uri.UnescapeDataString(Client.Cookies[".ShopApp.Session"]);

    [Fact]
    public async Task The_lab_offers_a_copy_of_the_learners_own_session_cookie()
    {
        await Client.AddAsync(productId: 3);

        var response = await Client.GetAsync("/Learn");

        var page = await ShopClient.ParseAsync(response);
        Assert.Equal(OwnCookie, page.QuerySelector("[data-testid=tamper-cookie]")!.TextContent.Trim());
        Assert.True(response.Headers.CacheControl?.NoStore == true, "a page that shows the cookie is never cached");
    }

    [Fact]
    public async Task An_edited_cookie_is_rejected_and_a_fresh_session_started_while_the_original_is_untouched()
    {
        await Client.AddAsync(productId: 3, quantity: 2);
        var original = Client.Cookies[".ShopApp.Session"];
        var ownHash = InspectorView.HashOf(Factory, Client);
        var edited = OwnCookie[..10] + (OwnCookie[10] == 'A' ? 'B' : 'A') + OwnCookie[11..];

        var response = await SendAsync(edited);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ShopClient.ParseAsync(response);
        Assert.Equal("Rejected", Result(page));
        var own = page.QuerySelector("[data-testid=tamper-own-session]")!;
        Assert.Equal(ownHash, own.GetAttribute("data-hash"));
        Assert.DoesNotContain(SetCookie.From(response), cookie => cookie.Name == ".ShopApp.Session");
        Assert.Equal(original, Client.Cookies[".ShopApp.Session"]);
        Assert.Equal(new Dictionary<int, int> { [3] = 2 }, await Client.CartAsync());
    }

    [Theory]
    [InlineData("AAAA")]
    [InlineData("CfDJ8not-really")]
    [InlineData("!!!!")]
    [InlineData("%%%%")]
    public async Task Garbage_is_rejected_without_an_error(string cookie)
    {
        await Client.AddAsync(productId: 3);

        var response = await SendAsync(cookie);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Rejected", Result(await ShopClient.ParseAsync(response)));
    }

    [Fact]
    public async Task The_unchanged_cookie_opens_the_learners_own_session()
    {
        await Client.AddAsync(productId: 3);

        var page = await ShopClient.ParseAsync(await SendAsync(OwnCookie));

        Assert.Equal("OwnSession", Result(page));
        Assert.Contains(InspectorView.HashOf(Factory, Client), page.QuerySelector("[data-testid=tamper-result]")!.TextContent);
    }

    [Fact]
    public async Task A_valid_cookie_of_another_session_is_named_but_nothing_of_it_is_shown()
    {
        using var other = Factory.CreateShopClient();
        await other.AddAsync(productId: 5, quantity: 4);
        await Client.AddAsync(productId: 3);

        var page = await ShopClient.ParseAsync(await SendAsync(Uri.UnescapeDataString(other.Cookies[".ShopApp.Session"])));

        Assert.Equal("AnotherSession", Result(page));
        Assert.DoesNotContain(InspectorView.HashOf(Factory, other), page.Body!.TextContent);
        Assert.Equal(new Dictionary<int, int> { [5] = 4 }, await other.CartAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc; .ShopApp.SignIn=x")]
    [InlineData("with space")]
    [InlineData("quote\"d")]
    public async Task A_value_no_browser_could_send_gets_a_message_beside_the_field(string cookie)
    {
        await Client.AddAsync(productId: 3);

        var response = await SendAsync(cookie);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ShopClient.ParseAsync(response);
        Assert.Null(Result(page));
        Assert.NotNull(page.FieldError("Cookie"));
    }

    [Fact]
    public async Task A_value_longer_than_a_cookie_can_be_gets_a_message()
    {
        await Client.AddAsync(productId: 3);

        var page = await ShopClient.ParseAsync(await SendAsync(new string('A', 4001)));

        Assert.Null(Result(page));
        Assert.NotNull(page.FieldError("Cookie"));
    }

    [Fact]
    public async Task Without_a_session_the_lab_says_so_and_still_answers()
    {
        var page = await Client.GetPageAsync("/Learn");

        Assert.NotNull(page.QuerySelector("[data-testid=tamper-no-session]"));
        Assert.Equal("Rejected", Result(await ShopClient.ParseAsync(await SendAsync("bogus"))));
    }
}
