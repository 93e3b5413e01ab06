using Microsoft.Playwright;
using ShopApp.Tests;
using static Microsoft.Playwright.Assertions;

namespace ShopApp.E2E;

/// <summary>
/// One person at one browser. <see cref="RunAsync"/> wraps a journey: when it passes, every page the browser loaded
/// goes through axe (<see cref="VisitedPages"/>); when it fails, the page's screenshot and HTML are saved under
/// ShopApp.E2E/artifacts/ before the failure is reported.
/// </summary>
public sealed class Shopper(IBrowserContext context, IPage page, string testName) : IAsyncDisposable
{
    private readonly VisitedPages _visited = new(context);

    public IPage Page => page;

    public IBrowserContext Context => context;

    public static string ArtifactsFolder { get; } = Path.Combine(RepositoryRoot.Path, "ShopApp.E2E", "artifacts");

    public async Task RunAsync(Func<IPage, Task> journey)
    {
        try
        {
            await journey(page);
            await _visited.ExpectAccessibleAsync(context.Browser!, testName);
        }
        catch
        {
            await SaveArtifactsAsync();
            throw;
        }
    }

    /// <summary>
    /// Asks for a page as this browser would and keeps it to be checked with axe after the journey, at the page's
    /// width, without showing it: for a journey that passes through many pages only to have them checked.
    /// </summary>
    public Task FetchPageAsync(string url) =>
        _visited.FetchAsync(context, url, page.ViewportSize?.Width ?? 1280, page.ViewportSize?.Height ?? 720);

    public ILocator CartCount => page.GetByTestId("cart-count");

    public ILocator CartLine(int productId) => page.Locator($"[data-testid=cart-line][data-product-id='{productId}']");

    public ILocator ProductCard(int productId) => page.Locator($"[data-testid=product-card][data-product-id='{productId}']");

    /// <summary>Waits until the badge shows <paramref name="count"/> items, on a page that has finished loading.</summary>
    public async Task ExpectCartCountAsync(int count)
    {
        await Expect(CartCount).ToHaveTextAsync(count.ToString());
        // The badge is drawn before the page's last bytes arrive, and a GET that showed a notice removes it from the
        // session only after rendering, just before those bytes. A journey that moved on at the badge could reach the
        // next page before that write, and be shown the notice again (and, with the page cache on, not be served a
        // kept page): a visitor who follows a link while a page is still loading can see that too. The load event
        // comes after the whole answer, so after the write.
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    private Task SaveArtifactsAsync() => SaveArtifactsAsync(page, testName);

    /// <summary>Saves the screenshot and HTML of <paramref name="page"/> under the artifacts folder, named after the journey.</summary>
    public static async Task SaveArtifactsAsync(IPage page, string testName)
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
