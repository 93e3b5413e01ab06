using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ShopApp.Account;

namespace ShopApp.Tests.Security;

/// <summary>Pages are compressed, and nothing secret repeats from one compressed response to the next (BREACH).</summary>
public sealed class CompressionTests : IAsyncLifetime
{
    // A real shop: teaching off (Development turns it on, and teaching mode's pages are never compressed).
    private readonly ShopFactory _factory = new ShopFactory().With("Teaching:Enabled", "false");

    private ShopClient _client = null!;

    public Task InitializeAsync()
    {
        _client = _factory.CreateShopClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task A_page_comes_compressed_when_the_browser_asks(string encoding)
    {
        using var response = await GetAsync(_client, "/", encoding);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        var html = await DecodeAsync(response, encoding);
        Assert.Contains("data-testid=\"cart-count\"", html);
    }

    [Fact]
    public async Task A_page_comes_plain_to_a_client_that_does_not_ask()
    {
        using var response = await _client.GetAsync("/");

        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains("data-testid=\"cart-count\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Teaching_mode_pages_are_never_compressed()
    {
        // The lessons and the inspector show the learner's own cookies.
        await using var teaching = new ShopFactory().With("Teaching:Enabled", "true");
        using var client = teaching.CreateShopClient();

        using var response = await GetAsync(client, "/", "br");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task The_token_api_answers_uncompressed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/token")
        {
            Content = JsonContent.Create(new { email = AccountSeed.Customer.Email, password = AccountSeed.Customer.Password }),
        };
        request.Headers.Add("Accept-Encoding", "br, gzip");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task The_antiforgery_token_differs_in_every_response_to_the_same_visitor()
    {
        await _client.GetAsync("/"); // the visitor's antiforgery cookie
        var tokens = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await GetAsync(_client, "/Products/1", "br");
            tokens.AddRange(TokensIn(await DecodeAsync(response, "br")).Distinct());
        }

        Assert.Equal(3, tokens.Count);
        Assert.Equal(3, tokens.Distinct().Count());
    }

    [Fact]
    public async Task A_token_from_an_earlier_response_still_works()
    {
        using var first = await GetAsync(_client, "/Products/1", "br");
        var token = TokensIn(await DecodeAsync(first, "br")).First();
        await _client.GetAsync("/Products/2"); // a later page, with a token of its own

        using var added = await _client.PostWithoutTokenAsync("/Cart?handler=Add",
            [new("productId", "1"), new("quantity", "2"), new("__RequestVerificationToken", token)]);

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var cart = await _client.GetPageAsync("/Cart");
        Assert.Equal("2", cart.QuerySelector("[data-testid=cart-line]")!.GetAttribute("data-quantity"));
    }

    [Fact]
    public async Task A_token_altered_by_one_character_is_refused()
    {
        var page = await _client.GetPageAsync("/Products/1");
        var token = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var at = token.Length / 3;
        var altered = token[..at] + (token[at] == 'A' ? 'B' : 'A') + token[(at + 1)..];

        using var added = await _client.PostWithoutTokenAsync("/Cart?handler=Add",
            [new("productId", "1"), new("quantity", "1"), new("__RequestVerificationToken", altered)]);

        Assert.Equal(HttpStatusCode.BadRequest, added.StatusCode);
        var cart = await _client.GetPageAsync("/Cart");
        Assert.NotNull(cart.QuerySelector("[data-testid=cart-empty]"));
    }

    private static async Task<HttpResponseMessage> GetAsync(ShopClient client, string url, string encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Accept-Encoding", encoding);
        return await client.SendAsync(request);
    }

    private static async Task<string> DecodeAsync(HttpResponseMessage response, string encoding)
    {
        await using var body = await response.Content.ReadAsStreamAsync();
        await using Stream decoded = encoding == "br" ? new BrotliStream(body, CompressionMode.Decompress) : new GZipStream(body, CompressionMode.Decompress);
        using var reader = new StreamReader(decoded);
        return await reader.ReadToEndAsync();
    }

    private static IEnumerable<string> TokensIn(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelectorAll<IHtmlInputElement>("input[name=__RequestVerificationToken]").Select(i => i.Value);
}
