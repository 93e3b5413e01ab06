using ShopApp.Account;
using ShopApp.Tests.Teaching;

namespace ShopApp.Tests.Pages.Learn;

/// <summary>The Timeouts lesson's button: this one session forgets its visitor after 30 idle seconds, on an injected clock.</summary>
public sealed class TimeoutLessonTests : IAsyncLifetime
{
    private readonly ManualClock _clock = new();
    private ShopFactory _factory = null!;
    private ShopClient _client = null!;

    public Task InitializeAsync()
    {
        _factory = new ShopFactory().UseTime(_clock);
        _client = _factory.CreateShopClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    private Task<HttpResponseMessage> ShortenAsync(ShopClient client) => client.PostWithTokenAsync("/Learn/Timeouts?handler=Shorten", tokenPage: "/Learn/Timeouts");

    [Fact]
    public async Task A_shortened_session_is_forgotten_after_30_idle_seconds()
    {
        await _client.AddAsync(productId: 3, quantity: 2);
        await ShortenAsync(_client);
        var inspector = InspectorView.Of(await _client.GetPageAsync("/Learn/Timeouts"))!;
        Assert.Equal(30, inspector.IdleSeconds);
        Assert.True(inspector.IdleShortened);

        _clock.Advance(TimeSpan.FromSeconds(31));

        Assert.Empty(await _client.CartAsync());
    }

    [Fact]
    public async Task Each_request_starts_the_30_seconds_again_including_writes()
    {
        await _client.AddAsync(productId: 3);
        await ShortenAsync(_client);

        _clock.Advance(TimeSpan.FromSeconds(20));
        await _client.AddAsync(productId: 5);
        _clock.Advance(TimeSpan.FromSeconds(20));
        await _client.GetPageAsync("/");
        _clock.Advance(TimeSpan.FromSeconds(20));

        Assert.Equal(new Dictionary<int, int> { [3] = 1, [5] = 1 }, await _client.CartAsync());
        _clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Empty(await _client.CartAsync());
    }

    [Fact]
    public async Task Other_visitors_keep_the_normal_timeout()
    {
        using var other = _factory.CreateShopClient();
        await other.AddAsync(productId: 5);
        await _client.AddAsync(productId: 3);
        await ShortenAsync(_client);

        _clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Empty(await _client.CartAsync());
        Assert.Equal(new Dictionary<int, int> { [5] = 1 }, await other.CartAsync());
    }

    [Fact]
    public async Task The_shortened_timeout_survives_signing_in_and_the_sign_in_outlives_the_session()
    {
        await _client.AddAsync(productId: 3);
        await ShortenAsync(_client);
        await _client.SignInAsync(AccountSeed.Customer);
        Assert.Equal(30, InspectorView.Of(await _client.GetPageAsync("/"))!.IdleSeconds);

        _clock.Advance(TimeSpan.FromSeconds(31));

        var page = await _client.GetPageAsync("/Cart");
        Assert.Empty(page.CartLines());
        Assert.Equal(AccountSeed.Customer.DisplayName, page.UserName());
    }

    [Fact]
    public async Task Restoring_gives_the_session_the_normal_timeout_again()
    {
        await _client.AddAsync(productId: 3);
        await ShortenAsync(_client);

        await _client.PostWithTokenAsync("/Learn/Timeouts?handler=Restore", tokenPage: "/Learn/Timeouts");
        _clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(1200, InspectorView.Of(await _client.GetPageAsync("/"))!.IdleSeconds);
        Assert.Equal(new Dictionary<int, int> { [3] = 1 }, await _client.CartAsync());
    }
}
