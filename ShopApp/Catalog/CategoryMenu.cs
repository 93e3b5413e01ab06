using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using ShopApp.Data;

namespace ShopApp.Catalog;

/// <summary>
/// The categories, for the header of every page and for the <c>?category=</c> filter. They change far less often
/// than pages are served, so they are read from the database once every few minutes, not once per request, and
/// at once after a manager creates or renames one (<see cref="CatalogChanges"/>).
/// </summary>
public sealed class CategoryMenu(IMemoryCache cache, IServiceScopeFactory scopes, CatalogChanges changes)
{
    private static readonly object CacheKey = new();

    public async Task<IReadOnlyList<Category>> GetAsync(CancellationToken cancellationToken = default) =>
        await cache.GetOrCreateAsync(CacheKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5);
            entry.AddExpirationToken(new Microsoft.Extensions.Primitives.CancellationChangeToken(changes.Token));
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
            // With every language's name: one cached list serves visitors in all of them (Category.NameIn).
            return (IReadOnlyList<Category>)await db.Categories.AsNoTracking()
                .Include(c => c.Translations)
                .OrderBy(c => c.SortOrder)
                .ToListAsync(cancellationToken);
        }) ?? [];

    public async Task<Category?> FindAsync(string slug, CancellationToken cancellationToken = default) =>
        (await GetAsync(cancellationToken)).FirstOrDefault(c => string.Equals(c.Slug, slug, StringComparison.OrdinalIgnoreCase));
}
