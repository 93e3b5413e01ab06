namespace ShopApp.Tests;

/// <summary>A test with a shop (and database) of its own and one shopper's client, both disposed afterwards.</summary>
public abstract class ShopTest : IAsyncLifetime
{
    protected ShopFactory Factory { get; } = new();

    protected ShopClient Client { get; private set; } = null!;

    public virtual Task InitializeAsync()
    {
        Client = Factory.CreateShopClient();
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
    }
}
