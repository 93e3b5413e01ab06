using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using ShopApp.Account;
using ShopApp.Data;
using ShopApp.Teaching;
using ShopApp.Tests.Checkout;
using ShopApp.Tests.Teaching;

namespace ShopApp.Tests.Pages.Session;

/// <summary>
/// The session inspector (teaching mode, on in Development): on every page and on /Session, each field checked
/// against what the browser sent and what the store holds.
/// </summary>
public sealed class SessionInspectorTests : ShopTest
{
    [Fact]
    public async Task A_new_visitor_is_shown_no_session_and_no_cookies()
    {
        var page = await Client.GetPageAsync("/");

        var inspector = InspectorView.Of(page)!;
        Assert.Null(inspector.SessionHash);
        Assert.NotNull(page.QuerySelector("[data-testid=no-session]"));
        Assert.Empty(inspector.Cookies);
        Assert.Empty(inspector.Entries);
        Assert.Equal(0, inspector.StoredBytes);
    }

    [Fact]
    public async Task The_inspector_is_on_every_page_and_the_session_page_shows_it_once()
    {
        foreach (var url in new[] { "/", "/Products/1", "/Cart", "/Account/Login", "/Learn", "/no-such-page" })
        {
            var page = await ShopClient.ParseAsync(await Client.GetAsync(url));
            Assert.True(page.QuerySelectorAll("[data-testid=session-inspector]").Length == 1, url);
        }
        var session = await Client.GetPageAsync("/Session");
        Assert.Empty(session.QuerySelectorAll("[data-testid=session-inspector]"));
        Assert.Single(session.QuerySelectorAll("[data-testid=session-snapshot]"));
    }

    [Fact]
    public async Task Cookies_are_listed_by_name_size_and_short_hash_never_by_value()
    {
        await Client.AddAsync(productId: 3, quantity: 2);
        var response = await Client.GetAsync("/Session");
        var html = await response.Content.ReadAsStringAsync();

        var inspector = InspectorView.Of(await ShopClient.ParseAsync(response))!;
        var sessionCookie = Client.Cookies[".ShopApp.Session"];
        Assert.Equal((sessionCookie.Length, ShortHash.Of(sessionCookie)), inspector.Cookies[".ShopApp.Session"]);
        Assert.Contains(".ShopApp.Antiforgery", inspector.Cookies.Keys);
        Assert.Equal(Client.Cookies.Keys.Order(), inspector.Cookies.Keys.Order());
        foreach (var value in Client.Cookies.Values)
        {
            Assert.DoesNotContain(value, html);
        }
    }

    [Fact]
    public async Task The_session_id_is_a_short_hash_of_the_store_key_never_the_key()
    {
        await Client.AddAsync(productId: 3);
        var response = await Client.GetAsync("/Session");
        var html = await response.Content.ReadAsStringAsync();

        var key = InspectorView.KeyOf(Factory, Client);
        Assert.Equal(ShortHash.Of(key), InspectorView.Of(await ShopClient.ParseAsync(response))!.SessionHash);
        Assert.DoesNotContain(key, html);
    }

    [Fact]
    public async Task Entries_show_their_json_and_size_and_the_total_is_the_size_in_the_store()
    {
        await Client.AddAsync(productId: 3, quantity: 2);
        await Client.PostAsync("/Language", new Dictionary<string, string> { ["culture"] = "fr" });

        var inspector = InspectorView.Of(await Client.GetPageAsync("/Session"))!;

        var (bytes, json) = inspector.Entries["Cart"];
        Assert.Equal("""{"lines":[{"productId":3,"quantity":2}]}""", System.Text.Json.Nodes.JsonNode.Parse(json)!.ToJsonString());
        Assert.Equal("""{"lines":[{"productId":3,"quantity":2}]}""".Length, bytes);
        Assert.Equal(("\"fr\"", 2), (inspector.Entries["Language"].Json, inspector.Entries["Language"].Bytes));
        var stored = await Factory.Services.GetRequiredService<IDistributedCache>().GetAsync(InspectorView.KeyOf(Factory, Client));
        Assert.Equal(stored!.Length, inspector.StoredBytes);
    }

    [Fact]
    public async Task The_cart_entry_grows_with_the_cart()
    {
        await Client.AddAsync(productId: 3);
        var before = InspectorView.Of(await Client.GetPageAsync("/"))!.Entries["Cart"].Bytes;

        await Client.AddAsync(productId: 5);
        var after = InspectorView.Of(await Client.GetPageAsync("/"))!.Entries["Cart"].Bytes;

        Assert.True(after > before, $"{after} > {before}");
    }

    [Fact]
    public async Task The_idle_timeout_and_the_time_left_are_the_configured_ones()
    {
        await using var factory = new ShopFactory().With("Session:IdleTimeout", "00:05:00");
        using var client = factory.CreateShopClient();
        await client.AddAsync(productId: 3);

        var page = await client.GetPageAsync("/Session");

        Assert.Equal(300, InspectorView.Of(page)!.IdleSeconds);
        Assert.Equal("300", page.QuerySelector("[data-testid=session-time-left]")!.GetAttribute("data-seconds"));
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Memory")]
    public async Task The_store_in_use_is_named(string store)
    {
        await using var factory = new ShopFactory().With("Session:Store", store);
        using var client = factory.CreateShopClient();

        Assert.Equal(store, InspectorView.Of(await client.GetPageAsync("/"))!.Store);
    }

    [Fact]
    public async Task Signing_in_shows_the_server_side_sign_in_and_changes_the_session_hash()
    {
        await Client.AddAsync(productId: 3);
        var anonymous = InspectorView.Of(await Client.GetPageAsync("/"))!;
        Assert.False(anonymous.SignedIn);
        Assert.Null(anonymous.SignInHash);

        await Client.SignInAsync(AccountSeed.Customer);
        var signedIn = InspectorView.Of(await Client.GetPageAsync("/"))!;

        Assert.True(signedIn.SignedIn);
        Assert.NotEqual(anonymous.SessionHash, signedIn.SessionHash);
        Assert.Equal(InspectorView.HashOf(Factory, Client), signedIn.SessionHash);
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
        var signIn = await db.SignIns.SingleAsync();
        Assert.Equal(ShortHash.Of(signIn.Id), signedIn.SignInHash);
        Assert.Equal(signIn.SignedInAtUtc, DateTime.Parse(signedIn.SignInIssued!, null, System.Globalization.DateTimeStyles.RoundtripKind));
        Assert.Equal(signIn.ExpiresAtUtc, DateTime.Parse(signedIn.SignInExpires!, null, System.Globalization.DateTimeStyles.RoundtripKind));
    }

    [Fact]
    public async Task During_checkout_the_card_shows_only_as_brand_and_last_four_digits()
    {
        await Client.SignInAsync(AccountSeed.Customer);
        await Client.AddAsync(productId: 3);
        await Client.CompleteStepsAsync();

        var response = await Client.GetAsync("/Session");
        var html = await response.Content.ReadAsStringAsync();
        var checkout = InspectorView.Of(await ShopClient.ParseAsync(response))!.Entries["Checkout"].Json;

        var number = CheckoutSteps.GoodCard()["Payment.CardNumber"];
        Assert.Contains(number.Replace(" ", "")[^4..], checkout);
        Assert.DoesNotContain(number.Replace(" ", ""), html);
        Assert.DoesNotContain(number, html);
        Assert.DoesNotContain(CheckoutSteps.GoodCard()["Payment.Cvc"] + "\"", checkout);
    }

    [Fact]
    public async Task Each_visitor_sees_only_their_own_session()
    {
        using var other = Factory.CreateShopClient();
        await other.AddAsync(productId: 5, quantity: 4);
        await other.PostAsync("/Language", new Dictionary<string, string> { ["culture"] = "de" });
        await Client.AddAsync(productId: 3);

        var page = await Client.GetPageAsync("/Session");
        var mine = InspectorView.Of(page)!;

        Assert.Equal(InspectorView.HashOf(Factory, Client), mine.SessionHash);
        Assert.DoesNotContain(InspectorView.HashOf(Factory, other), page.Body!.TextContent);
        Assert.DoesNotContain("Language", mine.Entries.Keys);
        Assert.Contains("\"productId\": 3", mine.Entries["Cart"].Json);
        Assert.DoesNotContain("\"productId\": 5", mine.Entries["Cart"].Json);
    }

    [Fact]
    public async Task Reading_the_inspector_writes_nothing_to_the_session()
    {
        await Client.AddAsync(productId: 3);
        await Client.GetPageAsync("/");
        var cache = Factory.Services.GetRequiredService<IDistributedCache>();
        var before = await cache.GetAsync(InspectorView.KeyOf(Factory, Client));

        await Client.GetPageAsync("/Session");
        await Client.GetPageAsync("/");

        Assert.Equal(before, await cache.GetAsync(InspectorView.KeyOf(Factory, Client)));
    }
}
