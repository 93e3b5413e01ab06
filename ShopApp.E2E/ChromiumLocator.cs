using Microsoft.Playwright;

namespace ShopApp.E2E;

/// <summary>
/// Finds a Chromium to drive without ever downloading one: <c>SHOPAPP_CHROMIUM</c>, else a browser that
/// Playwright has installed, else chromium / chromium-browser / google-chrome on PATH. No browser is a failure
/// that says how to install one, never a silent skip.
/// </summary>
public static class ChromiumLocator
{
    // Debian's chromium run as root needs --no-sandbox; the rest keep it from calling home on a closed network.
    private static readonly string[] Arguments =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome"];

    public const string HowToInstall =
        "No Chromium was found for the browser tests. Install one of:\n" +
        "  Debian/Ubuntu:  sudo apt-get install -y chromium\n" +
        "  Playwright:     pwsh ShopApp.E2E/bin/Debug/net10.0/playwright.ps1 install chromium\n" +
        "or set SHOPAPP_CHROMIUM to the path of a Chromium or Chrome executable.";

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("SHOPAPP_CHROMIUM");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            if (!File.Exists(fromEnvironment))
            {
                throw new InvalidOperationException($"SHOPAPP_CHROMIUM is set to '{fromEnvironment}', which does not exist.\n{HowToInstall}");
            }
            return await LaunchAsync(playwright, fromEnvironment);
        }

        try
        {
            return await LaunchAsync(playwright, executablePath: null);
        }
        catch (PlaywrightException)
        {
            // No Playwright-installed browser: look on PATH.
        }

        var onPath = FindOnPath() ?? throw new InvalidOperationException(HowToInstall);
        return await LaunchAsync(playwright, onPath);
    }

    public static string? FindOnPath() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin")
            .SelectMany(directory => Names.Select(name => Path.Combine(directory, name)))
            .FirstOrDefault(File.Exists);

    private static Task<IBrowser> LaunchAsync(IPlaywright playwright, string? executablePath) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executablePath,
            Headless = true,
            Args = Arguments,
        });
}
