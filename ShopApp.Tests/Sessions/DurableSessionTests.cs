using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using ShopApp.Account;
using ShopApp.Data;
using ShopApp.Sessions;
using ShopApp.Tests.Checkout;

namespace ShopApp.Tests.Sessions;

/// <summary>The SQLite store (the default): what a browser had survives a restart, expires on time, and no change is lost.</summary>
public sealed class DurableSessionTests
{
    [Fact]
    public async Task After_a_restart_the_old_cookies_still_carry_cart_language_sign_in_and_checkout()
    {
        Dictionary<string, string> cookies;
        string dataFolder;
        await using (var before = new ShopFactory { KeepData = true })
        {
            dataFolder = before.DataFolder;
            using var browser = before.CreateShopClient();
            await browser.SignInAsync(AccountSeed.Customer);
            await browser.AddAsync(productId: 3, quantity: 2);
            await browser.PostAsync("/Language", new Dictionary<string, string> { ["culture"] = "de" });
            await browser.PostShippingAsync();
            cookies = new Dictionary<string, string>(browser.Cookies);
        }

        await using var after = new ShopFactory(dataFolder: dataFolder);
        using var same = after.CreateShopClient();
        foreach (var (name, value) in cookies)
        {
            same.Cookies[name] = value;
        }

        var cart = await same.GetPageAsync("/Cart");
        Assert.Equal(new Dictionary<int, int> { [3] = 2 }, cart.CartLines());
        Assert.Equal("de", cart.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Carl Customer", cart.UserName());
        Assert.Equal(HttpStatusCode.OK, (await same.GetAsync("/Checkout/Delivery")).StatusCode);
    }

    [Fact]
    public async Task The_memory_store_serves_sessions_and_loses_them_with_the_process()
    {
        Dictionary<string, string> cookies;
        string dataFolder;
        await using (var before = new ShopFactory { KeepData = true }.With("Session:Store", "Memory"))
        {
            dataFolder = before.DataFolder;
            using var browser = before.CreateShopClient();
            await browser.SignInAsync(AccountSeed.Customer);
            await browser.AddAsync(productId: 3, quantity: 2);
            Assert.Equal(new Dictionary<int, int> { [3] = 2 }, await browser.CartAsync());
            Assert.False(File.Exists(before.SessionsPath));
            cookies = new Dictionary<string, string>(browser.Cookies);
        }

        await using var after = new ShopFactory(dataFolder: dataFolder).With("Session:Store", "Memory");
        using var same = after.CreateShopClient();
        foreach (var (name, value) in cookies)
        {
            same.Cookies[name] = value;
        }
        var cart = await same.GetPageAsync("/Cart");
        Assert.Empty(cart.CartLines());
        Assert.Null(cart.UserName());
    }

    [Fact]
    public async Task A_session_ends_after_its_idle_timeout_and_lives_on_while_used()
    {
        var clock = new ManualClock();
        await using var factory = new ShopFactory().With("Session:IdleTimeout", "00:00:30").UseTime(clock);
        using var browser = factory.CreateShopClient();
        await browser.AddAsync(productId: 1, quantity: 2);

        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(new Dictionary<int, int> { [1] = 2 }, await browser.CartAsync());
        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(new Dictionary<int, int> { [1] = 2 }, await browser.CartAsync());

        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Empty(await browser.CartAsync());
    }

    [Fact]
    public async Task Fifty_concurrent_adds_in_one_session_all_land()
    {
        await using var factory = new ShopFactory();
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
            await db.Products.Where(p => p.Id == 1).ExecuteUpdateAsync(set => set.SetProperty(p => p.Stock, 500));
        }
        using var browser = factory.CreateShopClient();
        await browser.AddAsync(productId: 2);
        var token = (await browser.GetPageAsync("/Cart")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var cookies = string.Join("; ", browser.Cookies.Select(c => $"{c.Key}={c.Value}"));

        // Fifty posts at once with the same cookies, as fifty tabs would send them.
        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/Cart?handler=Add")
            {
                Content = new FormUrlEncodedContent([new("productId", "1"), new("quantity", "1"), new("__RequestVerificationToken", token)]),
            };
            request.Headers.Add("Cookie", cookies);
            return await browser.Http.SendAsync(request);
        })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(new Dictionary<int, int> { [1] = 50, [2] = 1 }, await browser.CartAsync());
    }

    [Fact]
    public async Task A_change_that_waits_too_long_behind_its_session_gets_a_busy_page_and_changes_nothing()
    {
        await using var factory = new ShopFactory().With("Session:LockTimeout", "00:00:00.200");
        using var browser = factory.CreateShopClient();
        await browser.AddAsync(productId: 1);
        var key = factory.Services.GetRequiredService<SessionCookie>().KeyOf(Uri.UnescapeDataString(browser.Cookies[SessionKeys.SessionCookie]))!;

        // Another request of this session is busy changing it.
        await using (await factory.Services.GetRequiredService<ISessionLocks>().AcquireAsync(key, CancellationToken.None))
        {
            var response = await browser.PostAsync("/Cart?handler=Add", new Dictionary<string, string> { ["productId"] = "2", ["quantity"] = "1" });

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("2", response.Headers.RetryAfter?.ToString());
            var page = await ShopClient.ParseAsync(response);
            Assert.Equal("503", page.QuerySelector("[data-testid=status-page]")!.GetAttribute("data-status"));
        }

        Assert.Equal(new Dictionary<int, int> { [1] = 1 }, await browser.CartAsync());
    }

    [Fact]
    public async Task An_add_to_cart_writes_the_session_once_and_a_page_view_not_at_all()
    {
        var writes = new CountingCache();
        // The plain path's store (the tuning wing has its own write counts: SqliteSessionCacheTests).
        await using var factory = new ShopFactory().With("Tuning:Enabled", "false").WithServices(services => services.AddSingleton<IDistributedCache>(provider =>
            writes.Over(provider.GetRequiredService<NeoSmart.Caching.Sqlite.SqliteCache>())));
        using var browser = factory.CreateShopClient();
        await browser.AddAsync(productId: 1);
        await browser.GetPageAsync("/Cart");
        var token = (await browser.GetPageAsync("/Products/2")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var before = writes.Sets;
        await browser.PostWithoutTokenAsync("/Cart?handler=Add", [new("productId", "2"), new("quantity", "1"), new("__RequestVerificationToken", token)]);
        Assert.Equal(1, writes.Sets - before);

        // Showing the notice removes it: one write. Then plain page views: none.
        await browser.GetPageAsync("/Cart");
        before = writes.Sets;
        await browser.GetPageAsync("/Cart");
        await browser.GetPageAsync("/Products/3");
        Assert.Equal(0, writes.Sets - before);
    }

    /// <summary>Counts the writes that reach the session store.</summary>
    private sealed class CountingCache : IDistributedCache
    {
        private IDistributedCache _inner = null!;
        private int _sets;

        public int Sets => Volatile.Read(ref _sets);

        public IDistributedCache Over(IDistributedCache inner)
        {
            _inner = inner;
            return this;
        }

        public byte[]? Get(string key) => _inner.Get(key);

        public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => _inner.GetAsync(key, token);

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options)
        {
            Interlocked.Increment(ref _sets);
            _inner.Set(key, value, options);
        }

        public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
        {
            // Sign-in tickets share the store; this test has none, so every write is a session's.
            Interlocked.Increment(ref _sets);
            return _inner.SetAsync(key, value, options, token);
        }

        public void Refresh(string key) => _inner.Refresh(key);

        public Task RefreshAsync(string key, CancellationToken token = default) => _inner.RefreshAsync(key, token);

        public void Remove(string key) => _inner.Remove(key);

        public Task RemoveAsync(string key, CancellationToken token = default) => _inner.RemoveAsync(key, token);
    }

    [Fact]
    public async Task The_keys_that_protect_the_cookies_are_kept_in_the_data_folder()
    {
        await using var factory = new ShopFactory();
        using var browser = factory.CreateShopClient();
        await browser.AddAsync(productId: 1);

        Assert.NotEmpty(Directory.GetFiles(Path.Combine(factory.DataFolder, "keys"), "key-*.xml"));
        Assert.True(File.Exists(factory.SessionsPath));
    }
}
