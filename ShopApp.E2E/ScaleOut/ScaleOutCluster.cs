using System.Diagnostics;
using Microsoft.Playwright;
using ShopApp.Tests;

namespace ShopApp.E2E.ScaleOut;

/// <summary>
/// A test that runs only against the cluster <c>scripts/scale-out.sh</c> starts (three instances behind nginx, on
/// PostgreSQL and Redis), reached at <c>SHOPAPP_SCALEOUT_URL</c>. Without the variable the test is reported as skipped, by name.
/// </summary>
public sealed class ScaleOutFactAttribute : FactAttribute
{
    public ScaleOutFactAttribute()
    {
        if (string.IsNullOrEmpty(ScaleOutCluster.Url))
        {
            Skip = "Did not run: SHOPAPP_SCALEOUT_URL is not set. Start the cluster with scripts/scale-out.sh and set it (as .ci/run does).";
        }
    }
}

/// <summary>The browser for the scale-out journeys, and a way to stop and start one instance, or Redis.</summary>
public sealed class ScaleOutCluster : IAsyncLifetime
{
    public static string? Url => Environment.GetEnvironmentVariable("SHOPAPP_SCALEOUT_URL");

    /// <summary>How many instances scripts/scale-out.sh starts behind nginx.</summary>
    public const int InstanceCount = 3;

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (string.IsNullOrEmpty(Url))
        {
            return;
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await ChromiumLocator.LaunchAsync(_playwright);
    }

    /// <summary>A shopper on the cluster. nginx's certificate is a throwaway one, so HTTPS errors are ignored.</summary>
    public async Task<Shopper> NewShopperAsync(string testName)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Url, Locale = "en-GB", IgnoreHTTPSErrors = true });
        context.SetDefaultTimeout(20_000);
        return new Shopper(context, await context.NewPageAsync(), testName);
    }

    /// <summary>Runs <c>scripts/scale-out.sh stop-instance N</c> or <c>start-instance N</c>.</summary>
    public static Task InstanceAsync(string action, int instance) => ScriptAsync(action, instance.ToString());

    /// <summary>Runs <c>scripts/scale-out.sh stop-redis</c> or <c>start-redis</c>.</summary>
    public static Task RedisAsync(string action) => ScriptAsync(action);

    private static async Task ScriptAsync(params string[] arguments)
    {
        var script = Path.Combine(RepositoryRoot.Path, "scripts", "scale-out.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", [script, .. arguments])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"scale-out.sh {string.Join(' ', arguments)} failed: {await errors}{await output}");
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
    }
}
