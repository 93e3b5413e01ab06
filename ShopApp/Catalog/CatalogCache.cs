using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace ShopApp.Catalog;

/// <summary>
/// Catalog pages and product texts, kept for a few seconds. Every visitor browsing the same category sees the same
/// grid; reading it from SQLite for each of them was most of a page's cost (docs/PERFORMANCE.md). Stock shown on a
/// card may be up to <see cref="Lifetime"/> old; adding to the cart and placing an order always read it fresh.
/// Code that changes the catalog calls <see cref="Changed"/> to drop everything at once.
/// </summary>
public sealed class CatalogCache(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private CancellationTokenSource _changed = new();

    public async Task<T> GetOrCreateAsync<T>(object key, Func<Task<T>> load)
    {
        if (cache.TryGetValue(key, out T? cached))
        {
            return cached!;
        }
        var value = await load();
        if (value is null)
        {
            // "Not found" is not kept: unknown ids would otherwise fill the cache.
            return value;
        }
        using var entry = cache.CreateEntry(key);
        entry.Value = value;
        entry.AbsoluteExpirationRelativeToNow = Lifetime;
        entry.AddExpirationToken(new CancellationChangeToken(_changed.Token));
        return value;
    }

    public void Changed()
    {
        var old = Interlocked.Exchange(ref _changed, new CancellationTokenSource());
        old.Cancel();
        old.Dispose();
    }
}
