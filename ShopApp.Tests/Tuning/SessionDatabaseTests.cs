using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Caching.Distributed;
using ShopApp.Sessions;
using ShopApp.Tuning;

namespace ShopApp.Tests.Tuning;

/// <summary>The SQLite session file's write queue: writes made at once commit together, and each is answered after its commit.</summary>
public sealed class SessionDatabaseTests : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"shopapp-writes-{Guid.NewGuid():N}.db");
    private SessionDatabase _database = null!;

    private static readonly DistributedCacheEntryOptions TwentyMinutes = new() { SlidingExpiration = TimeSpan.FromMinutes(20) };

    public async Task InitializeAsync()
    {
        _database = new SessionDatabase($"Data Source={_path}");
        await _database.EnsureCreatedAsync();
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }

    /// <summary>What a restarted process finds in the file.</summary>
    private async Task<byte[]?> AfterRestartAsync(string key)
    {
        await using var restarted = new SessionDatabase($"Data Source={_path}");
        return await new SqliteSessionCache(restarted, TimeProvider.System).GetAsync(key);
    }

    [Fact]
    public async Task Writes_made_at_once_share_commits_and_every_one_is_in_the_file()
    {
        var cache = new SqliteSessionCache(_database, TimeProvider.System);
        var gate = new TaskCompletionSource();
        // Holds the queue while 200 writes arrive, as they do from 200 shoppers at once.
        var holding = _database.WriteAsync(async _ => { await gate.Task; return 0; });
        var writes = Enumerable.Range(0, 200).Select(i => cache.SetAsync($"key-{i}", [(byte)i], TwentyMinutes)).ToList();

        gate.SetResult();
        await holding;
        await Task.WhenAll(writes);

        // 201 writes in batches of at most MaxWritesPerCommit (the held one alone, or with the first that arrived).
        Assert.InRange(_database.SqliteCommits, 2, 1 + (int)Math.Ceiling(200.0 / SessionDatabase.MaxWritesPerCommit));
        for (var i = 0; i < 200; i++)
        {
            Assert.Equal([(byte)i], (await AfterRestartAsync($"key-{i}"))!);
        }
    }

    [Fact]
    public async Task A_write_that_fails_fails_alone_and_the_writes_beside_it_are_kept()
    {
        var cache = new SqliteSessionCache(_database, TimeProvider.System);
        var gate = new TaskCompletionSource();
        // Holds the queue so that the writes below are taken together.
        var holding = _database.WriteAsync(async _ => { await gate.Task; return 0; });
        var good = Enumerable.Range(0, 10).Select(i => cache.SetAsync($"good-{i}", [1], TwentyMinutes)).ToList();
        var bad = _database.WriteAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO \"NoSuchTable\" VALUES (1)";
            return await command.ExecuteNonQueryAsync();
        });

        gate.SetResult();
        await holding;

        await Assert.ThrowsAsync<SqliteException>(() => bad);
        await Task.WhenAll(good);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal([1], await AfterRestartAsync($"good-{i}"));
        }
    }

    [Fact]
    public async Task What_a_write_remembers_happens_only_once_it_is_committed()
    {
        var remembered = false;
        var gate = new TaskCompletionSource();
        var holding = _database.WriteAsync(async _ => { await gate.Task; return 0; });
        var failing = _database.WriteAsync<int>(_ => throw new InvalidOperationException("refused"), committed: () => remembered = true);

        gate.SetResult();
        await holding;

        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.False(remembered);
    }
}
