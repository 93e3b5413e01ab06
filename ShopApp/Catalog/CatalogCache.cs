using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using ShopApp.Data;
using Microsoft.Extensions.Primitives;

namespace ShopApp.Catalog;

/// <summary>
/// Catalog pages and products, kept for a few seconds. Every visitor browsing the same category sees the same grid;
/// reading it from SQLite for each of them was most of a page's cost (docs/PERFORMANCE.md). Stock and prices shown
/// on the catalog, product and cart pages may be up to <see cref="Lifetime"/> old; adding to the cart checks the stock
/// as <see cref="Stock"/> knows it, and placing an order always reads it fresh.
/// Everything kept here, and everything rendered from it (the grid fragment, whole pages in the page cache), expires
/// together at the end of the current <see cref="Lifetime"/> window (<see cref="WindowEnd"/>): a page kept from data
/// that was already 9 seconds old therefore goes with that data, so no visitor sees anything older than Lifetime.
/// Code that changes the catalog calls <see cref="Changed"/> to drop everything at once.
/// </summary>
public sealed class CatalogCache(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private CancellationTokenSource _changed = new();

    private int _version;

    /// <summary>When what is kept now expires: the end of the current <see cref="Lifetime"/> window.</summary>
    public DateTimeOffset WindowEnd
    {
        get
        {
            // The memory cache's own clock, which is the one its expiries are checked against.
            var now = DateTimeOffset.UtcNow;
            return now.AddTicks(Lifetime.Ticks - now.UtcTicks % Lifetime.Ticks);
        }
    }

    /// <summary>Goes up with every <see cref="Changed"/>: rendered fragments that vary by it are rendered again.</summary>
    public int Version => Volatile.Read(ref _version);

    public async Task<T> GetOrCreateAsync<T>(object key, Func<Task<T>> load)
    {
        if (cache.TryGetValue(key, out T? cached))
        {
            return cached!;
        }
        // Taken before the query: a change committed while it runs then drops this entry at once, instead of the
        // entry outliving the change with what the query read before it.
        var changed = Volatile.Read(ref _changed).Token;
        var value = await load();
        if (value is null)
        {
            // "Not found" is not kept: unknown ids would otherwise fill the cache.
            return value;
        }
        using var entry = cache.CreateEntry(key);
        entry.Value = value;
        entry.AbsoluteExpiration = WindowEnd;
        entry.AddExpirationToken(new CancellationChangeToken(changed));
        return value;
    }

    /// <summary>
    /// One product with its texts in <paramref name="culture"/>: the product page and the cart page share these. The
    /// request's <see cref="ShopDbContext"/> is asked of <paramref name="requestServices"/> only on a miss: renting a
    /// pooled context for a request that needs none cost every cart change about 2% of its time.
    /// </summary>
    public Task<LocalizedProduct?> FindProductAsync(IServiceProvider requestServices, int id, string culture, CancellationToken cancellationToken = default) =>
        GetOrCreateAsync((nameof(LocalizedProduct), id, culture), () =>
            requestServices.GetRequiredService<ShopDbContext>().Products.AsNoTracking().Where(p => p.Id == id).InLanguage(culture)
                .FirstOrDefaultAsync(cancellationToken));

    public void Changed()
    {
        Interlocked.Increment(ref _version);
        // Not disposed: a request may have taken its token a moment ago (a disposed source's token cannot be taken).
        Interlocked.Exchange(ref _changed, new CancellationTokenSource()).Cancel();
    }
}
