using ShopApp.Account;
using ShopApp.Sessions;

namespace ShopApp.Tests.Sessions;

/// <summary>The sign-in's lifetimes, enforced on the server, with a clock the test moves.</summary>
public sealed class ServerTicketStoreTests : IAsyncLifetime
{
    private readonly ManualClock _clock = new();
    private ShopFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new ShopFactory().UseTime(_clock).With("SignIn:Lifetime", "00:50:00");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_sign_in_idle_for_longer_than_the_session_timeout_is_anonymous()
    {
        using var client = _factory.CreateShopClient();
        await client.SignInAsync(AccountSeed.Customer);

        _clock.Advance(TimeSpan.FromMinutes(21));

        Assert.Null((await client.GetPageAsync("/")).UserName());
    }

    [Fact]
    public async Task An_active_sign_in_ends_at_its_absolute_lifetime()
    {
        using var client = _factory.CreateShopClient();
        await client.SignInAsync(AccountSeed.Customer);

        for (var minutes = 15; minutes <= 45; minutes += 15)
        {
            _clock.Advance(TimeSpan.FromMinutes(15));
            Assert.Equal(AccountSeed.Customer.DisplayName, (await client.GetPageAsync("/")).UserName());
        }
        _clock.Advance(TimeSpan.FromMinutes(6));

        Assert.Null((await client.GetPageAsync("/")).UserName());
    }

    [Fact]
    public void The_sign_in_id_is_a_hash_of_the_key_not_the_key()
    {
        var id = ServerTicketStore.SignInIdOf("the-key");

        Assert.Equal(64, id.Length);
        Assert.DoesNotContain("the-key", id);
        Assert.Equal(id, ServerTicketStore.SignInIdOf("the-key"));
    }
}
