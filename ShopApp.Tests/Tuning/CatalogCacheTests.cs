using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using ShopApp.Catalog;
using ShopApp.Tuning;

namespace ShopApp.Tests.Tuning;

public sealed class CatalogCacheTests
{
    private readonly CatalogChanges _changes = new();

    private readonly CatalogCache _cache;

    public CatalogCacheTests() => _cache = new(new MemoryCache(new MemoryCacheOptions()), _changes, new ConfigurationBuilder().Build());

    [Fact]
    public async Task A_page_is_loaded_once_and_then_served_from_memory()
    {
        var loads = 0;

        await _cache.GetOrCreateAsync("kitchen", () => Task.FromResult(++loads));
        var second = await _cache.GetOrCreateAsync("kitchen", () => Task.FromResult(++loads));

        Assert.Equal(1, second);
        Assert.Equal(1, loads);
    }

    [Fact]
    public async Task A_catalog_change_drops_every_cached_page()
    {
        var loads = 0;
        await _cache.GetOrCreateAsync("kitchen", () => Task.FromResult(++loads));

        _changes.Changed();
        var again = await _cache.GetOrCreateAsync("kitchen", () => Task.FromResult(++loads));

        Assert.Equal(2, again);
    }

    [Fact]
    public async Task A_load_that_a_change_overlapped_is_not_kept()
    {
        var loads = 0;

        // The change commits while the load is still reading: what it read may be from before the change.
        await _cache.GetOrCreateAsync("kitchen", () => { _changes.Changed(); return Task.FromResult(++loads); });
        var again = await _cache.GetOrCreateAsync("kitchen", () => Task.FromResult(++loads));

        Assert.Equal(2, again);
    }

    [Fact]
    public void What_is_kept_now_goes_at_the_end_of_the_current_window()
    {
        var before = DateTimeOffset.UtcNow;

        var end = _cache.WindowEnd;

        Assert.InRange(end - before, TimeSpan.Zero, _cache.Lifetime);
        Assert.Equal(0, end.UtcTicks % _cache.Lifetime.Ticks);
    }

    [Fact]
    public void The_window_is_the_configured_number_of_seconds()
    {
        var settings = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Tuning:CatalogSeconds"] = "60" }).Build();
        var cache = new CatalogCache(new MemoryCache(new MemoryCacheOptions()), _changes, settings);

        Assert.Equal(TimeSpan.FromSeconds(60), cache.Lifetime);
        Assert.Equal(0, cache.WindowEnd.UtcTicks % TimeSpan.FromSeconds(60).Ticks);
    }

    [Fact]
    public async Task Not_found_is_not_kept()
    {
        var loads = 0;

        await _cache.GetOrCreateAsync<string?>(99, () => { loads++; return Task.FromResult<string?>(null); });
        await _cache.GetOrCreateAsync<string?>(99, () => { loads++; return Task.FromResult<string?>(null); });

        Assert.Equal(2, loads);
    }
}
