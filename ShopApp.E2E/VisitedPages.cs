using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ShopApp.E2E;

/// <summary>
/// Every page a shopper's browser loads during a journey, kept as the server sent it, and checked with axe when the
/// journey has passed (<see cref="Shopper.RunAsync"/>): so a page no journey checks on purpose is still checked, in
/// the language, width and sign-in state the journey saw it in.
/// </summary>
/// <remarks>
/// <para>
/// The check runs after the journey, on a copy: the journey's own page has moved on by then, and running axe while
/// the journey waits would stop it at every page. The copy is the page's HTML written into a page at the same
/// address and width, which loads the same styles, scripts and images from the shop. That page is the browser's
/// own, in a context without cookies, so the copy's scripts cannot change the journey's session; the one page keeps
/// axe loaded from copy to copy. (A page whose body Chromium has already let go, replaced before it was read, is
/// not copied.)
/// </para>
/// <para>
/// A page the run has already checked at that width is not checked again, and pages are compared by how they are
/// built, not by what they say: the same elements with the same classes, in the same language.
/// </para>
/// </remarks>
public sealed partial class VisitedPages
{
    private readonly List<Task<Visit?>> _pending = [];
    private readonly object _lock = new();

    private static readonly ConcurrentDictionary<string, byte> CheckedInThisRun = new();
    private static readonly ConditionalWeakTable<IPage, VisitedPages> ByPage = new();

    public VisitedPages(IBrowserContext context)
    {
        foreach (var page in context.Pages)
        {
            ByPage.AddOrUpdate(page, this);
        }
        context.Page += (_, page) => ByPage.AddOrUpdate(page, this);
        context.Response += (_, response) =>
        {
            var request = response.Request;
            // Pages only: not styles, scripts or fetches, not redirects (no page to see).
            if (request.ResourceType != "document" || response.Status is >= 300 and < 400
                || !(response.Headers.GetValueOrDefault("content-type")?.StartsWith("text/html", StringComparison.Ordinal) ?? false))
            {
                return;
            }
            IFrame? frame;
            try
            {
                frame = response.Frame;
            }
            catch (PlaywrightException)
            {
                // A window a page opened: its first page was asked for before the window existed.
                frame = null;
            }
            // Not the framed page of the CSRF lesson (another site's stand-in, sandboxed without scripts).
            if (frame?.ParentFrame is not null)
            {
                return;
            }
            var viewport = frame?.Page.ViewportSize is { } size ? new ViewportSize { Width = size.Width, Height = size.Height } : null;
            lock (_lock)
            {
                _pending.Add(KeepAsync(response, viewport, frame?.Page));
            }
        };
    }

    private static async Task<Visit?> KeepAsync(IResponse response, ViewportSize? viewport, IPage? page)
    {
        try
        {
            // A new window has Playwright's default size.
            return new Visit(response.Url, await response.TextAsync().WaitAsync(TimeSpan.FromSeconds(10)), viewport ?? new ViewportSize { Width = 1280, Height = 720 }, page);
        }
        catch (Exception exception) when (exception is PlaywrightException or TimeoutException)
        {
            // Chromium keeps a page's body only while the page may still need it; one replaced at once (a form
            // sent again before the answer was read) can be gone, or never be finished.
            return null;
        }
    }

    /// <summary>
    /// Asks for <paramref name="url"/> with the browser's cookies, as the browser would, and keeps the page for the
    /// check after the journey as if the browser had shown it at <paramref name="width"/> by <paramref name="height"/>:
    /// for a journey that only wants the page checked, without drawing it twice.
    /// </summary>
    public async Task FetchAsync(IBrowserContext context, string url, int width, int height)
    {
        var response = await context.APIRequest.GetAsync(url, new APIRequestContextOptions { Headers = new Dictionary<string, string> { ["Accept"] = "text/html" } });
        var visit = new Visit(response.Url, await response.TextAsync(), new ViewportSize { Width = width, Height = height }, null);
        lock (_lock)
        {
            _pending.Add(Task.FromResult<Visit?>(visit));
        }
    }

    /// <summary>
    /// Leaves out of the check after the journey the page <paramref name="page"/> shows now: the journey has just
    /// checked it as it is, which is the better check.
    /// </summary>
    public static async Task ForgetCurrentAsync(IPage page)
    {
        if (!ByPage.TryGetValue(page, out var visited))
        {
            return;
        }
        Task<Visit?>[] pending;
        lock (visited._lock)
        {
            pending = [.. visited._pending];
        }
        await Task.WhenAll(pending);
        var current = pending.Where(task => task.Result is { } visit && visit.Page == page && visit.Url == page.Url).ToList();
        lock (visited._lock)
        {
            foreach (var task in current)
            {
                visited._pending.Remove(task);
                CheckedInThisRun.TryAdd(task.Result!.Key, 0);
            }
        }
    }

    /// <summary>Checks every page recorded since the last call that this run has not checked yet.</summary>
    public async Task ExpectAccessibleAsync(IBrowser browser, string journey)
    {
        var visits = await TakeAllAsync();
        var fresh = visits.Where(visit => CheckedInThisRun.TryAdd(visit.Key, 0)).ToList();
        if (fresh.Count == 0)
        {
            return;
        }
        var (copy, one) = await CopyPages.GetOrAdd(browser, NewCopyPageAsync);
        await one.WaitAsync();
        try
        {
            foreach (var visit in fresh)
            {
                await CheckCopyAsync(copy, visit, journey);
            }
        }
        finally
        {
            one.Release();
        }
    }

    // One page per browser shows the copies, one at a time: axe is loaded into it once, and the shop's styles and
    // scripts come from its cache.
    private static readonly ConcurrentDictionary<IBrowser, Task<(IPage Copy, SemaphoreSlim One)>> CopyPages = new();

    private static async Task<(IPage, SemaphoreSlim)> NewCopyPageAsync(IBrowser browser)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB", IgnoreHTTPSErrors = true });
        return (await context.NewPageAsync(), new SemaphoreSlim(1));
    }

    private static async Task CheckCopyAsync(IPage copy, Visit visit, string journey)
    {
        var origin = new Uri(visit.Url).GetLeftPart(UriPartial.Authority);
        if (!copy.Url.StartsWith(origin + "/", StringComparison.Ordinal))
        {
            // An empty page of the shop's origin, so each copy's styles, scripts and images come from the shop.
            await copy.RouteAsync(url => url == origin + "/", route => route.FulfillAsync(new RouteFulfillOptions { ContentType = "text/html", Body = "<!doctype html><title>copy</title>" }));
            await copy.GotoAsync(origin + "/");
            await copy.UnrouteAllAsync();
        }
        await copy.SetViewportSizeAsync(visit.Viewport.Width, visit.Viewport.Height);
        // The copy replaces the document but keeps the window, so axe stays loaded. The window also keeps where the
        // last copy was scrolled to (a page that moves focus to a field scrolls down to it); each page starts at its
        // top, as a page the browser loads does, or the sticky header would cover the links under it. At once: the
        // shop's styles ask for smooth scrolling, and a smooth scroll still under way when the next page replaces
        // this one can leave it anywhere on the way up (on a busy machine it did).
        await copy.EvaluateAsync("url => { history.replaceState(null, '', url); window.scrollTo({ top: 0, left: 0, behavior: 'instant' }); }", visit.Url);
        await copy.SetContentAsync(visit.Html);
        try
        {
            await copy.ExpectAccessibleAsync($"as {journey} saw it at {visit.Viewport.Width}px");
        }
        catch
        {
            await Shopper.SaveArtifactsAsync(copy, journey + "_copy");
            throw;
        }
    }

    private async Task<List<Visit>> TakeAllAsync()
    {
        Task<Visit?>[] pending;
        lock (_lock)
        {
            pending = [.. _pending];
            _pending.Clear();
        }
        var visits = await Task.WhenAll(pending);
        return [.. visits.OfType<Visit>()];
    }

    private sealed record Visit(string Url, string Html, ViewportSize Viewport, IPage? Page)
    {
        public string Key { get; } = $"{Viewport.Width}:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Words().Replace(Html, "~"))))}";
    }

    // What a page says rather than how it is built: its text (kept only as "some text here"), its numbers, and the
    // values of the attributes that hold words, addresses or one-off values. Two pages that differ only there (one
    // product's page and another's, a cart of two mugs and one of a teapot) are one page to axe; the same page with
    // an error message, another element or another class is not.
    [GeneratedRegex(@"(?<=>)[^<]*[^\s<][^<]*(?=<)|(?<=\s(?:alt|title|aria-label|value|placeholder|href|src|srcset|content|action|nonce|data-[a-z-]+)="")[^""]*|\d+")]
    private static partial Regex Words();
}
