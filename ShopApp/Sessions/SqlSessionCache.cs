using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Extensions.Caching.Distributed;

namespace ShopApp.Sessions;

/// <summary>
/// <see cref="IDistributedCache"/> over one table, in SQLite or PostgreSQL: the sessions and the server-side
/// sign-in tickets. Each row keeps its value, when it expires, its sliding window and its absolute limit (times
/// in Unix milliseconds, so both engines store plain integers). An expired entry is never returned, even before
/// <see cref="SweepAsync"/> deletes its row.
/// </summary>
/// <remarks>
/// <para>The session middleware slides the expiry after every request that read a session. Written through, that
/// would be one database write per page view; the row's expiry is therefore written only when it has fallen more
/// than <see cref="RefreshResolution"/> behind, while this process keeps the exact expiry in memory. After a
/// restart a session may therefore end up to that much early.</para>
/// <para>With SQLite (one instance per file) every write goes through this process, so it also keeps the values
/// it has read or written in memory and answers reads from there: the file is the durable copy. With PostgreSQL
/// other instances write too, so every read goes to the database.</para>
/// <para>For the same reason, with SQLite a key the table did not have stays missing until this process writes it:
/// a browser still sending the cookie of a session that ended (or of one removed at sign-out) would otherwise cost
/// two queries on every request it makes, one to load the session and one to slide it.</para>
/// </remarks>
public sealed class SqlSessionCache(SessionDatabase database, TimeProvider time) : IDistributedCache
{
    public const string Table = "SessionCache";

    /// <summary>An entry without any expiry (the framework never makes one) still goes after a day.</summary>
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(1);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>SQLite only: keys known to have no live row. Forgotten at each sweep, so the set stays small.</summary>
    private readonly ConcurrentDictionary<string, byte> _missing = new(StringComparer.Ordinal);

    private long _tableReads;

    /// <summary>How many lookups went to the table (for tests and the benchmark).</summary>
    public long TableReads => Interlocked.Read(ref _tableReads);

    private bool KeepsValues => !database.IsPostgres;

    /// <summary>How far a sliding expiry may lag in the table: a tenth of the window, at most a minute.</summary>
    public static TimeSpan RefreshResolution(TimeSpan sliding) => TimeSpan.FromTicks(Math.Min(sliding.Ticks / 10, TimeSpan.FromMinutes(1).Ticks));

    private long Now => time.GetUtcNow().ToUnixTimeMilliseconds();

    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var entry = await FindAsync(key, token);
        if (entry?.Value is null)
        {
            return null;
        }
        await SlideAsync(key, entry, token);
        return entry.Value;
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
        var expires = Entry.Next(now.ToUnixTimeMilliseconds(), sliding, absolute) ?? (now + DefaultLifetime).ToUnixTimeMilliseconds();

        await database.WriteAsync(async connection =>
        {
            await database.ExecuteAsync(connection,
            $"""
            INSERT INTO "{Table}" ("Id", "Value", "ExpiresAt", "SlidingMs", "AbsoluteExpiresAt") VALUES (@id, @value, @expires, @sliding, @absolute)
            ON CONFLICT ("Id") DO UPDATE SET "Value" = excluded."Value", "ExpiresAt" = excluded."ExpiresAt",
                "SlidingMs" = excluded."SlidingMs", "AbsoluteExpiresAt" = excluded."AbsoluteExpiresAt"
            """, token,
            ("@id", key), ("@value", value), ("@expires", expires), ("@sliding", sliding), ("@absolute", absolute));
            return 0;
        }, committed: () =>
        {
            // After the commit and in the writes' order, so two writes of one key leave memory as they leave the table.
            _entries[key] = new Entry(KeepsValues ? value : null, expires, expires, sliding, absolute);
            _missing.TryRemove(key, out _);
        }, token);
    }

    public void Refresh(string key) => RefreshAsync(key).GetAwaiter().GetResult();

    public async Task RefreshAsync(string key, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (await FindAsync(key, token, needValue: false) is { } entry)
        {
            await SlideAsync(key, entry, token);
        }
    }

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    public async Task RemoveAsync(string key, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await database.WriteAsync(async connection =>
        {
            await database.ExecuteAsync(connection, $"""DELETE FROM "{Table}" WHERE "Id" = @id""", token, ("@id", key));
            return 0;
        }, committed: () =>
        {
            _entries.TryRemove(key, out _);
            MarkMissing(key);
        }, token);
    }

    /// <summary>Deletes every expired row (and forgets it in memory). Returns how many rows went.</summary>
    public async Task<int> SweepAsync(CancellationToken token = default)
    {
        var now = Now;
        foreach (var (key, entry) in _entries)
        {
            if (entry.ExpiresAt <= now)
            {
                _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
            }
        }
        _missing.Clear();
        return await database.WriteAsync(async connection =>
        {
            return await database.ExecuteAsync(connection, $"""DELETE FROM "{Table}" WHERE "ExpiresAt" <= @now""", token, ("@now", now));
        }, cancellationToken: token);
    }

    /// <summary>How many rows the table holds, expired or not (for tests and the teaching dashboard).</summary>
    public async Task<int> CountAsync(CancellationToken token = default)
    {
        await using var connection = await database.OpenAsync(token);
        await using var command = database.Command(connection, $"""SELECT COUNT(*) FROM "{Table}" """);
        return Convert.ToInt32(await command.ExecuteScalarAsync(token));
    }

    /// <summary>
    /// Every live session in the table, for the teaching dashboard: the rows whose key is a session key (a GUID,
    /// as the session middleware makes them), not a sign-in ticket. Listing slides nothing. With SQLite the
    /// expiry is this process's exact one; with PostgreSQL it is the table's, up to <see cref="RefreshResolution"/>
    /// behind.
    /// </summary>
    public async Task<IReadOnlyList<StoredSession>> ListSessionsAsync(CancellationToken token = default)
    {
        var now = Now;
        var sessions = new List<StoredSession>();
        await using (var connection = await database.OpenAsync(token))
        await using (var command = database.Command(connection,
            $"""SELECT "Id", "Value", "ExpiresAt", "SlidingMs" FROM "{Table}" WHERE "ExpiresAt" > @now AND length("Id") = {SessionKeyLength}""",
            ("@now", now)))
        await using (var reader = await command.ExecuteReaderAsync(token))
        {
            while (await reader.ReadAsync(token))
            {
                var key = reader.GetString(0);
                var expires = _entries.TryGetValue(key, out var known) ? Math.Max(known.ExpiresAt, reader.GetInt64(2)) : reader.GetInt64(2);
                sessions.Add(new StoredSession(key, (byte[])reader.GetValue(1),
                    DateTimeOffset.FromUnixTimeMilliseconds(expires),
                    reader.IsDBNull(3) ? null : TimeSpan.FromMilliseconds(reader.GetInt64(3))));
            }
        }
        return sessions.Where(s => s.ExpiresAt.ToUnixTimeMilliseconds() > now).ToList();
    }

    /// <summary>The length of a session key: a GUID in its 36-character form.</summary>
    private const int SessionKeyLength = 36;

    /// <summary>The live entry for a key: from memory when this process knows it, otherwise from the table.</summary>
    private async Task<Entry?> FindAsync(string key, CancellationToken token, bool needValue = true)
    {
        var now = Now;
        if (_entries.TryGetValue(key, out var known) && (known.Value is not null || !needValue))
        {
            if (known.ExpiresAt > now)
            {
                return known;
            }
            _entries.TryRemove(new KeyValuePair<string, Entry>(key, known));
            if (KeepsValues)
            {
                // Expired here; the table's copy, which only this process writes, is expired too.
                MarkMissing(key);
                return null;
            }
            // With PostgreSQL another instance may have slid it since: the table decides.
        }

        if (KeepsValues && _missing.ContainsKey(key))
        {
            return null;
        }

        Interlocked.Increment(ref _tableReads);
        await using var connection = await database.OpenAsync(token);
        await using var command = database.Command(connection,
            $"""SELECT "Value", "ExpiresAt", "SlidingMs", "AbsoluteExpiresAt" FROM "{Table}" WHERE "Id" = @id AND "ExpiresAt" > @now""",
            ("@id", key), ("@now", now));
        await using var reader = await command.ExecuteReaderAsync(token);
        if (!await reader.ReadAsync(token))
        {
            MarkMissing(key);
            return null;
        }
        var value = (byte[])reader.GetValue(0);
        var expires = reader.GetInt64(1);
        var found = new Entry(value, expires, expires, reader.IsDBNull(2) ? null : reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetInt64(3));
        if (KeepsValues)
        {
            // Remembered only if nothing newer was written meanwhile.
            _entries.TryAdd(key, found);
        }
        else
        {
            // Only the expiry, and the table's is the latest word (other instances write it too).
            _entries[key] = found with { Value = null };
        }
        return found;
    }

    /// <summary>
    /// SQLite only: remembers that the table has no live row for the key. A write of the key clears the mark; a
    /// value in memory always wins over it, so a write racing a lookup that found nothing is never hidden.
    /// </summary>
    private void MarkMissing(string key)
    {
        if (KeepsValues)
        {
            _missing[key] = 0;
        }
    }

    /// <summary>Slides the expiry in memory, and in the table when the table's copy lags by more than the resolution.</summary>
    private async Task SlideAsync(string key, Entry entry, CancellationToken token)
    {
        if (entry.SlidingMs is not { } sliding)
        {
            return;
        }
        var next = Entry.Next(Now, sliding, entry.AbsoluteExpiresAt)!.Value;
        var slid = entry with { ExpiresAt = next };
        var due = next - entry.WrittenExpiresAt > (long)RefreshResolution(TimeSpan.FromMilliseconds(sliding)).TotalMilliseconds;
        if (!due)
        {
            Remember(key, slid, entry);
            return;
        }
        await database.WriteAsync(async connection =>
        {
            await database.ExecuteAsync(connection,
                $"""UPDATE "{Table}" SET "ExpiresAt" = @expires WHERE "Id" = @id AND "ExpiresAt" < @expires""", token,
                ("@id", key), ("@expires", next));
            return 0;
        }, committed: () => Remember(key, slid with { WrittenExpiresAt = next }, entry), token);
    }

    /// <summary>
    /// Records a slid entry. With values in memory, a concurrent write wins over the slide: only the entry the slide
    /// started from is replaced. Without values there is nothing to lose, and the latest expiry is what counts.
    /// </summary>
    private void Remember(string key, Entry slid, Entry startedFrom)
    {
        if (KeepsValues)
        {
            _entries.TryUpdate(key, slid, startedFrom);
        }
        else
        {
            _entries[key] = slid with { Value = null };
        }
    }

    /// <summary>One session row: its store key, its value in the session middleware's format, and when it ends if unused.</summary>
    public sealed record StoredSession(string Key, byte[] Value, DateTimeOffset ExpiresAt, TimeSpan? IdleTimeout);

    /// <summary>
    /// What this process knows of a key: its value (SQLite only), its exact expiry, the expiry the table holds, its
    /// sliding window and absolute limit.
    /// </summary>
    private sealed record Entry(byte[]? Value, long ExpiresAt, long WrittenExpiresAt, long? SlidingMs, long? AbsoluteExpiresAt)
    {
        /// <summary>The expiry a use at <paramref name="now"/> gives: the sliding window, capped by the absolute limit.</summary>
        public static long? Next(long now, long? sliding, long? absolute) => (sliding, absolute) switch
        {
            ({ } s, { } a) => Math.Min(now + s, a),
            ({ } s, null) => now + s,
            (null, { } a) => a,
            _ => null,
        };
    }
}
