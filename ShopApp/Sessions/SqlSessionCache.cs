using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Extensions.Caching.Distributed;

namespace ShopApp.Sessions;

/// <summary>
/// <see cref="IDistributedCache"/> over one table, in SQLite or PostgreSQL: the sessions and the server-side
/// sign-in tickets. Each row keeps its value, when it expires, its sliding window and its absolute limit (times
/// in Unix milliseconds, so both engines store plain integers). An expired row is never returned, even before
/// <see cref="SweepAsync"/> deletes it.
/// </summary>
/// <remarks>
/// The session middleware refreshes the sliding expiry after every request that read a session. Written through,
/// that would be one database write per page view; a refresh is therefore written only when the row's expiry has
/// fallen more than <see cref="RefreshResolution"/> behind, which costs a session at most that much of its window.
/// </remarks>
public sealed class SqlSessionCache(SessionDatabase database, TimeProvider time) : IDistributedCache
{
    public const string Table = "SessionCache";

    /// <summary>An entry without any expiry (the framework never makes one) still goes after a day.</summary>
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(1);

    // Key → the expiry last written for it and its sliding window, so most refreshes need no database at all.
    private readonly ConcurrentDictionary<string, Expiry> _written = new(StringComparer.Ordinal);

    /// <summary>How far a sliding expiry may lag before a refresh writes it: a tenth of the window, at most a minute.</summary>
    public static TimeSpan RefreshResolution(TimeSpan sliding) => TimeSpan.FromTicks(Math.Min(sliding.Ticks / 10, TimeSpan.FromMinutes(1).Ticks));

    private long Now => time.GetUtcNow().ToUnixTimeMilliseconds();

    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await database.OpenAsync(token);
        await using var command = database.Command(connection,
            $"""SELECT "Value", "ExpiresAt", "SlidingMs", "AbsoluteExpiresAt" FROM "{Table}" WHERE "Id" = @id AND "ExpiresAt" > @now""",
            ("id", key), ("now", Now));
        await using var reader = await command.ExecuteReaderAsync(token);
        if (!await reader.ReadAsync(token))
        {
            return null;
        }
        var value = (byte[])reader.GetValue(0);
        var row = new Expiry(reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetInt64(3));
        await reader.DisposeAsync();
        await RefreshIfDueAsync(connection, key, row, token);
        return value;
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        var now = time.GetUtcNow();
        long? absolute = options.AbsoluteExpiration?.ToUnixTimeMilliseconds()
            ?? (options.AbsoluteExpirationRelativeToNow is { } relative ? (now + relative).ToUnixTimeMilliseconds() : null);
        long? sliding = options.SlidingExpiration is { } window ? (long)window.TotalMilliseconds : null;
        var expires = Expiry.Next(now.ToUnixTimeMilliseconds(), sliding, absolute) ?? (now + DefaultLifetime).ToUnixTimeMilliseconds();

        await using var connection = await database.OpenAsync(token);
        await using var command = database.Command(connection,
            $"""
            INSERT INTO "{Table}" ("Id", "Value", "ExpiresAt", "SlidingMs", "AbsoluteExpiresAt") VALUES (@id, @value, @expires, @sliding, @absolute)
            ON CONFLICT ("Id") DO UPDATE SET "Value" = excluded."Value", "ExpiresAt" = excluded."ExpiresAt",
                "SlidingMs" = excluded."SlidingMs", "AbsoluteExpiresAt" = excluded."AbsoluteExpiresAt"
            """,
            ("id", key), ("value", value), ("expires", expires), ("sliding", sliding), ("absolute", absolute));
        using (await database.WriterAsync(token))
        {
            await command.ExecuteNonQueryAsync(token);
        }
        _written[key] = new Expiry(expires, sliding, absolute);
    }

    public void Refresh(string key) => RefreshAsync(key).GetAwaiter().GetResult();

    public async Task RefreshAsync(string key, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_written.TryGetValue(key, out var written) && !IsDue(written))
        {
            return;
        }
        await using var connection = await database.OpenAsync(token);
        await using var command = database.Command(connection,
            $"""SELECT "ExpiresAt", "SlidingMs", "AbsoluteExpiresAt" FROM "{Table}" WHERE "Id" = @id AND "ExpiresAt" > @now""",
            ("id", key), ("now", Now));
        Expiry? row = null;
        await using (var reader = await command.ExecuteReaderAsync(token))
        {
            if (await reader.ReadAsync(token))
            {
                row = new Expiry(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt64(2));
            }
        }
        if (row is { } found)
        {
            await RefreshIfDueAsync(connection, key, found, token);
        }
    }

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    public async Task RemoveAsync(string key, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        _written.TryRemove(key, out _);
        await using var connection = await database.OpenAsync(token);
        await using var command = database.Command(connection, $"""DELETE FROM "{Table}" WHERE "Id" = @id""", ("id", key));
        using (await database.WriterAsync(token))
        {
            await command.ExecuteNonQueryAsync(token);
        }
    }

    /// <summary>Deletes every expired row. Returns how many went.</summary>
    public async Task<int> SweepAsync(CancellationToken token = default)
    {
        var now = Now;
        foreach (var (key, written) in _written)
        {
            if (written.ExpiresAt <= now)
            {
                _written.TryRemove(key, out _);
            }
        }
        await using var connection = await database.OpenAsync(token);
        await using var command = database.Command(connection, $"""DELETE FROM "{Table}" WHERE "ExpiresAt" <= @now""", ("now", now));
        using (await database.WriterAsync(token))
        {
            return await command.ExecuteNonQueryAsync(token);
        }
    }

    /// <summary>How many rows the table holds, expired or not (for tests and the teaching dashboard).</summary>
    public async Task<int> CountAsync(CancellationToken token = default)
    {
        await using var connection = await database.OpenAsync(token);
        await using var command = database.Command(connection, $"""SELECT COUNT(*) FROM "{Table}" """);
        return Convert.ToInt32(await command.ExecuteScalarAsync(token));
    }

    /// <summary>Whether a sliding expiry has lagged by more than the resolution since it was written.</summary>
    private bool IsDue(Expiry written)
    {
        if (written.SlidingMs is not { } sliding)
        {
            return false;
        }
        var next = Expiry.Next(Now, sliding, written.AbsoluteExpiresAt)!.Value;
        return next - written.ExpiresAt > (long)RefreshResolution(TimeSpan.FromMilliseconds(sliding)).TotalMilliseconds;
    }

    private async Task RefreshIfDueAsync(DbConnection connection, string key, Expiry row, CancellationToken token)
    {
        if (!IsDue(row))
        {
            _written[key] = row;
            return;
        }
        var next = row with { ExpiresAt = Expiry.Next(Now, row.SlidingMs, row.AbsoluteExpiresAt)!.Value };
        await using var command = database.Command(connection,
            $"""UPDATE "{Table}" SET "ExpiresAt" = @expires WHERE "Id" = @id AND "ExpiresAt" < @expires""",
            ("id", key), ("expires", next.ExpiresAt));
        using (await database.WriterAsync(token))
        {
            await command.ExecuteNonQueryAsync(token);
        }
        _written[key] = next;
    }

    private readonly record struct Expiry(long ExpiresAt, long? SlidingMs, long? AbsoluteExpiresAt)
    {
        /// <summary>The expiry a write at <paramref name="now"/> gives: the sliding window, capped by the absolute limit.</summary>
        public static long? Next(long now, long? sliding, long? absolute) => (sliding, absolute) switch
        {
            ({ } s, { } a) => Math.Min(now + s, a),
            ({ } s, null) => now + s,
            (null, { } a) => a,
            _ => null,
        };
    }
}
