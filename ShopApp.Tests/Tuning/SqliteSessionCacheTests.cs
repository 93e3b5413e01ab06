using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Caching.Distributed;
using ShopApp.Sessions;
using ShopApp.Tuning;

namespace ShopApp.Tests.Tuning;

/// <summary>The session store's table in SQLite, on a clock the test moves.</summary>
public sealed class SqlSessionCacheTests : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"shopapp-cache-{Guid.NewGuid():N}.db");
    private readonly ManualClock _clock = new();
    private SqliteSessionCache _cache = null!;

    private static readonly byte[] Value = [1, 2, 3];

    public async Task InitializeAsync()
    {
        var database = new SessionDatabase($"Data Source={_path}");
        await database.EnsureCreatedAsync();
        _cache = new SqliteSessionCache(database, _clock);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
        return Task.CompletedTask;
    }

    private static DistributedCacheEntryOptions Sliding(int seconds, int? absoluteSeconds = null) => new()
    {
        SlidingExpiration = TimeSpan.FromSeconds(seconds),
        AbsoluteExpirationRelativeToNow = absoluteSeconds is { } a ? TimeSpan.FromSeconds(a) : null,
    };

    [Fact]
    public async Task A_value_comes_back_until_it_expires_and_never_after_even_before_the_sweep()
    {
        await _cache.SetAsync("a", Value, Sliding(30));

        _clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(Value, await _cache.GetAsync("a"));
        // Reading slid the window: 30 s from now.
        _clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(Value, await _cache.GetAsync("a"));
        _clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Null(await _cache.GetAsync("a"));
        Assert.Equal(1, await _cache.CountAsync());
    }

    [Fact]
    public async Task The_absolute_limit_caps_the_sliding_window()
    {
        await _cache.SetAsync("a", Value, Sliding(30, absoluteSeconds: 50));

        _clock.Advance(TimeSpan.FromSeconds(25));
        await _cache.RefreshAsync("a");
        _clock.Advance(TimeSpan.FromSeconds(24));
        Assert.Equal(Value, await _cache.GetAsync("a"));
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Null(await _cache.GetAsync("a"));
    }

    [Fact]
    public async Task A_refresh_soon_after_a_write_slides_in_memory_only_and_a_later_one_reaches_the_table()
    {
        await _cache.SetAsync("early", Value, Sliding(30));
        await _cache.SetAsync("late", Value, Sliding(30));

        // One second is within the resolution (3 s for a 30 s window): the table keeps the first expiry.
        _clock.Advance(TimeSpan.FromSeconds(1));
        await _cache.RefreshAsync("early");
        _clock.Advance(TimeSpan.FromSeconds(9));
        await _cache.RefreshAsync("late");
        _clock.Advance(TimeSpan.FromSeconds(20.5));

        // A restarted process reads the table's expiry; this one knows the exact expiry of both.
        var restarted = new SqliteSessionCache(new SessionDatabase($"Data Source={_path}"), _clock);
        Assert.Null(await restarted.GetAsync("early"));
        Assert.Equal(Value, await restarted.GetAsync("late"));
        Assert.Equal(Value, await _cache.GetAsync("early"));
        Assert.Equal(Value, await _cache.GetAsync("late"));
    }

    [Fact]
    public async Task A_value_written_by_this_process_is_read_back_without_the_table_but_survives_in_it()
    {
        await _cache.SetAsync("a", Value, Sliding(30));

        var restarted = new SqliteSessionCache(new SessionDatabase($"Data Source={_path}"), _clock);

        Assert.Equal(Value, await restarted.GetAsync("a"));
        await _cache.RemoveAsync("a");
        Assert.Null(await _cache.GetAsync("a"));
    }

    [Fact]
    public async Task The_sweep_removes_expired_rows_and_only_those()
    {
        await _cache.SetAsync("short", Value, Sliding(10));
        await _cache.SetAsync("long", Value, Sliding(60));
        await _cache.SetAsync("fixed", Value, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(20) });

        _clock.Advance(TimeSpan.FromSeconds(30));
        var removed = await _cache.SweepAsync();

        Assert.Equal(2, removed);
        Assert.Equal(1, await _cache.CountAsync());
        Assert.Equal(Value, await _cache.GetAsync("long"));
    }

    [Fact]
    public async Task A_write_replaces_the_value_and_remove_deletes_it()
    {
        await _cache.SetAsync("a", Value, Sliding(30));
        await _cache.SetAsync("a", [9], Sliding(30));
        Assert.Equal([9], await _cache.GetAsync("a"));

        await _cache.RemoveAsync("a");

        Assert.Null(await _cache.GetAsync("a"));
        Assert.Equal(0, await _cache.CountAsync());
    }

    [Fact]
    public async Task A_key_the_table_does_not_have_is_looked_up_there_once_until_this_process_writes_it()
    {
        // A browser still sending the cookie of a session that is gone: load and slide on every request.
        for (var request = 0; request < 3; request++)
        {
            Assert.Null(await _cache.GetAsync("gone"));
            await _cache.RefreshAsync("gone");
        }
        Assert.Equal(1, _cache.TableReads);

        await _cache.SetAsync("gone", Value, Sliding(30));
        Assert.Equal(Value, await _cache.GetAsync("gone"));
        Assert.Equal(1, _cache.TableReads);
    }

    [Fact]
    public async Task A_session_that_expired_or_was_removed_costs_no_table_read_afterwards()
    {
        await _cache.SetAsync("expired", Value, Sliding(10));
        await _cache.SetAsync("removed", Value, Sliding(60));
        _clock.Advance(TimeSpan.FromSeconds(11));
        await _cache.RemoveAsync("removed");

        for (var request = 0; request < 3; request++)
        {
            Assert.Null(await _cache.GetAsync("expired"));
            Assert.Null(await _cache.GetAsync("removed"));
            await _cache.RefreshAsync("expired");
        }

        Assert.Equal(0, _cache.TableReads);
    }

    [Fact]
    public async Task After_a_restart_a_session_is_read_from_the_table_once_and_a_missing_one_once()
    {
        await _cache.SetAsync("kept", Value, Sliding(30));
        var restarted = new SqliteSessionCache(new SessionDatabase($"Data Source={_path}"), _clock);

        for (var request = 0; request < 3; request++)
        {
            Assert.Equal(Value, await restarted.GetAsync("kept"));
            Assert.Null(await restarted.GetAsync("never"));
        }

        Assert.Equal(2, restarted.TableReads);
    }

    [Fact]
    public async Task The_sweep_forgets_the_missing_keys_so_the_next_lookup_asks_the_table_again()
    {
        Assert.Null(await _cache.GetAsync("gone"));
        await _cache.SweepAsync();
        Assert.Null(await _cache.GetAsync("gone"));

        Assert.Equal(2, _cache.TableReads);
    }
}
