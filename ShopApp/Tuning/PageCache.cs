using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;
using ShopApp.Cart;
using ShopApp.Catalog;
using ShopApp.Privacy;
using ShopApp.Teaching;

namespace ShopApp.Tuning;

/// <summary>
/// Catalog, product and cart pages, kept whole as rendered HTML until the catalog data they show expires
/// (<see cref="CatalogCache.WindowEnd"/>: never longer than <see cref="CatalogCache.Lifetime"/>), and served to
/// every visitor who would be shown exactly the same page, without running Razor again (rendering was most of
/// a page's cost: docs/PERFORMANCE.md has the figures).
/// <para>
/// A page is the same for two visitors when everything it shows is: so the key holds the address (path and query),
/// the language, the cart's item count (the header's badge), the quantity of the page's product in the cart where
/// the page shows it (<see cref="CachedPageAttribute.CartQuantityOfRouteValue"/>), the cart's lines where the page
/// lists them (<see cref="CachedPageAttribute.ShowsCartLines"/>), the catalog's version and whether
/// the consent banner asks. The
/// one thing of the visitor's own left in such a page is the antiforgery token in its forms: it is cut out when the
/// page is recorded and each visitor's own token is written in its place (<see cref="PageTemplate"/>).
/// </para>
/// <para>
/// Everything else that would make a page the visitor's own means the page is rendered as usual: a signed-in
/// visitor (the account menu names them), a one-time notice waiting in the session, teaching mode (the inspector
/// shows the visitor's session), a search, any method but GET, and status pages.
/// </para>
/// </summary>
public sealed class PageCache : IDisposable
{
    /// <summary>The HTML kept at most; past it the oldest pages go first. Unknown query strings cannot grow it beyond this.</summary>
    public const long SizeLimitBytes = 32 * 1024 * 1024;

    private readonly MemoryCache _pages = new(new MemoryCacheOptions { SizeLimit = SizeLimitBytes });

    /// <summary>How many pages are kept now.</summary>
    public int Count => _pages.Count;

    /// <summary>How many requests were served from a kept page; for tests and the benchmark.</summary>
    public long Served => Interlocked.Read(ref _served);

    private long _served;

    public bool TryGet(string key, out PageTemplate? page) => _pages.TryGetValue(key, out page);

    public void Keep(string key, PageTemplate page, DateTimeOffset expires) =>
        _pages.Set(key, page, new MemoryCacheEntryOptions { Size = page.Size, AbsoluteExpiration = expires });

    internal void CountServed() => Interlocked.Increment(ref _served);

    public void Dispose() => _pages.Dispose();

    /// <summary>Everything a cacheable page shows that may differ between two requests for it (see the class).</summary>
    public static string KeyOf(HttpRequest request, CachedPageAttribute page, ShopApp.Cart.Cart cart, int catalogVersion, bool asksConsent)
    {
        var quantity = page.CartQuantityOfRouteValue is { } name
            && int.TryParse(request.RouteValues[name] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var productId)
                ? cart.QuantityOf(productId)
                : 0;
        var lines = page.ShowsCartLines ? string.Join(',', cart.Lines.Select(line => $"{line.ProductId}x{line.Quantity}")) : "";
        // The address goes last: it is the visitor's text, and nothing after it can be read as another field.
        return string.Create(CultureInfo.InvariantCulture,
            $"{CultureInfo.CurrentUICulture.Name}|{cart.ItemCount}|{quantity}|{lines}|{catalogVersion}|{(asksConsent ? 1 : 0)}|{request.PathBase}{request.Path}{request.QueryString}");
    }
}

/// <summary>Serves <see cref="CachedPageAttribute"/> pages from <see cref="PageCache"/>, recording them on a miss.</summary>
public sealed class PageCacheMiddleware(RequestDelegate next, PageCache pages, CatalogCache catalog, TeachingSettings teaching, IAntiforgery antiforgery)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<CachedPageAttribute>() is not { } page || !MayBeShared(context, page))
        {
            await next(context);
            return;
        }

        var session = context.Session;
        await session.LoadAsync(context.RequestAborted);
        if (ShopApp.Pages.Shared.Notice.IsWaiting(session))
        {
            // A one-time notice is the visitor's own, and showing it is what removes it: the page does that.
            await next(context);
            return;
        }
        var cart = await context.RequestServices.GetRequiredService<CartSession>().GetAsync(context.RequestAborted);
        // The consent banner shows until the visit has an answer: a page with it is not the page without it.
        var asksConsent = await context.RequestServices.GetRequiredService<PrivacyChoice>().IsOpenAsync(context.RequestAborted);
        var key = PageCache.KeyOf(context.Request, page, cart, catalog.Version, asksConsent);
        if (pages.TryGet(key, out var kept))
        {
            // The visitor's own token, with the cookie and no-store headers the form would have set.
            var token = kept!.Holes > 0 ? antiforgery.GetAndStoreTokens(context).RequestToken : null;
            await kept.WriteToAsync(context.Response, token, context.RequestAborted);
            pages.CountServed();
            return;
        }
        await RecordAsync(context, key);
    }

    private bool MayBeShared(HttpContext context, CachedPageAttribute page) =>
        // The session inspector on every page shows the visitor's own session.
        !teaching.Enabled
        && HttpMethods.IsGet(context.Request.Method)
        // The account menu names the signed-in user.
        && context.User.Identity?.IsAuthenticated != true
        && context.Features.Get<IStatusCodeReExecuteFeature>() is null
        && (page.NotWithQuery is null || StringValues.IsNullOrEmpty(context.Request.Query[page.NotWithQuery]));

    /// <summary>Renders the page as usual into memory with a hole for the token, keeps it if it is a page, and sends it.</summary>
    private async Task RecordAsync(HttpContext context, string key)
    {
        var response = context.Response;
        var body = context.Features.Get<IHttpResponseBodyFeature>()!;
        using var buffer = new MemoryStream();
        var capture = new StreamResponseBodyFeature(buffer);
        var recording = PageRecording.Start(context);
        context.Features.Set<IHttpResponseBodyFeature>(capture);
        try
        {
            await next(context);
            await capture.CompleteAsync();
        }
        finally
        {
            context.Features.Set(body);
            PageRecording.Stop(context);
        }

        var recorded = PageTemplate.Cut(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), response.ContentType);
        if (response.StatusCode == StatusCodes.Status200OK && response.ContentType?.StartsWith("text/html", StringComparison.Ordinal) == true)
        {
            pages.Keep(key, recorded, catalog.WindowEnd);
        }
        // An empty answer (a 404 or 400 the status pages fill in) stays empty, so that they still can.
        if (buffer.Length > 0)
        {
            await recorded.WriteToAsync(response, recording.RequestToken, context.RequestAborted);
        }
    }
}
