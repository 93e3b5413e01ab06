using Microsoft.Playwright;
using ShopApp.Tests;
using static Microsoft.Playwright.Assertions;

namespace ShopApp.E2E;

/// <summary>
/// One person at one browser. <see cref="RunAsync"/> wraps a journey: when it fails, the page's screenshot and
/// HTML are saved under ShopApp.E2E/artifacts/ before the failure is reported.
/// </summary>
public sealed class Shopper(IBrowserContext context, IPage page, string testName) : IAsyncDisposable
{
    public IPage Page => page;

    public IBrowserContext Context => context;

    public static string ArtifactsFolder { get; } = Path.Combine(RepositoryRoot.Path, "ShopApp.E2E", "artifacts");

    public async Task RunAsync(Func<IPage, Task> journey)
    {
        try
        {
            await journey(page);
        }
        catch
        {
            await SaveArtifactsAsync();
            throw;
        }
    }

    public ILocator CartCount => page.GetByTestId("cart-count");

    public ILocator CartLine(int productId) => page.Locator($"[data-testid=cart-line][data-product-id='{productId}']");

    public ILocator ProductCard(int productId) => page.Locator($"[data-testid=product-card][data-product-id='{productId}']");

    /// <summary>Waits until the badge shows <paramref name="count"/> items.</summary>
    public Task ExpectCartCountAsync(int count) => Expect(CartCount).ToHaveTextAsync(count.ToString());

    private async Task SaveArtifactsAsync()
    {
        Directory.CreateDirectory(ArtifactsFolder);
        var name = string.Concat(testName.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
        try
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactsFolder, name + ".png"), FullPage = true });
            await File.WriteAllTextAsync(Path.Combine(ArtifactsFolder, name + ".html"), await page.ContentAsync());
        }
        catch (PlaywrightException)
        {
            // The page itself may be what broke; the test's own failure is the one to report.
        }
    }

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}
