using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ShopApp.Tests;

namespace ShopApp.E2E;

/// <summary>
/// ShopApp on real Kestrel at a random 127.0.0.1 port with a throwaway SQLite file, and one headless Chromium.
/// Shared by every journey in the collection; each shopper gets a browser context of their own (own cookies).
/// </summary>
public class ShopServer : IAsyncLifetime
{
    private readonly ShopFactory _shop;
    private IPlaywright? _playwright;

    public ShopServer() : this(new ShopFactory("Development"))
    {
    }

    protected ShopServer(ShopFactory shop) => _shop = shop;

    /// <summary>The running app's services, for a journey that checks what the server did.</summary>
    public IServiceProvider Services => _shop.Services;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseUrl { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _shop.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _shop.StartServer();
        var addresses = _shop.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        BaseUrl = new Uri(addresses.Addresses.Single());

        _playwright = await Playwright.CreateAsync();
        Browser = await ChromiumLocator.LaunchAsync(_playwright);
    }

    /// <summary>A new shopper: a fresh browser context, as if on another computer.</summary>
    public async Task<Shopper> NewShopperAsync(string testName)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl.ToString(), Locale = "en-GB" });
        context.SetDefaultTimeout(15_000);
        return new Shopper(context, await context.NewPageAsync(), testName);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        await _shop.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ShopCollection : ICollectionFixture<ShopServer>
{
    public const string Name = "Shop in a browser";
}

/// <summary>
/// The shop as production runs it: teaching mode off and the tuning wing on, so catalog and product pages come from
/// the page cache. (The other journeys run the plain path, as <c>dotnet run</c> does.)
/// </summary>
// A long catalog window: a journey that asserts pages were shared must not see them expire at a 10-second boundary
// that a slow machine crosses between two shoppers.
public sealed class ProductionShopServer() : ShopServer(new ShopFactory("Development").With("Teaching:Enabled", "false")
    .With("Tuning:Enabled", "true").With("Tuning:CatalogSeconds", "600"));

[CollectionDefinition(Name)]
public sealed class ProductionShopCollection : ICollectionFixture<ProductionShopServer>
{
    public const string Name = "Shop in a browser, teaching mode off";
}

/// <summary>
/// A shop of its own for the journeys that change the catalog (prices, hidden and new products), so the other
/// journeys' counts and prices stay as seeded.
/// </summary>
public sealed class CatalogShopServer : ShopServer;

[CollectionDefinition(Name)]
public sealed class CatalogShopCollection : ICollectionFixture<CatalogShopServer>
{
    public const string Name = "Shop whose catalog is changed";
}

/// <summary>
/// A shop of its own for the accessibility journey, which goes through every page six times: it runs beside the
/// other journeys instead of after them.
/// </summary>
public sealed class AccessibilityShopServer : ShopServer;

[CollectionDefinition(Name)]
public sealed class AccessibilityShopCollection : ICollectionFixture<AccessibilityShopServer>
{
    public const string Name = "Shop checked with axe";
}
