using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Extensions.Caching.Distributed;
using ShopApp.Sessions;

namespace ShopApp.Tuning;

/// <summary>
/// The tuning wing's SQLite session store, registered in place of NeoSmart.Caching.Sqlite when <c>Tuning:Enabled</c>
/// is on: <see cref="IDistributedCache"/> over one table (sessions and sign-in tickets) in a file of its own. Each
/// row keeps its value, when it expires, its sliding window and its absolute limit (Unix milliseconds). An expired
/// entry is never returned, even before <see cref="SweepAsync"/> deletes its row.
/// </summary>
/// <remarks>
/// <para>Why it exists: the library writes every refresh of a sliding expiry to the file and opens a connection per
/// command, so each page view costs a SQLite write; docs/PERFORMANCE.md has the figures. This store differs in three
/// ways, each correct only because one process owns the file (which SQLite sessions assume anyway):</para>
/// <para>The row's expiry is written only when it has fallen more than <see cref="RefreshResolution"/> behind; this
/// process keeps the exact expiry in memory. After a restart a session may therefore end up to that much early.</para>
/// <para>Every write goes through this process, so it keeps the values it has read or written in memory and answers
/// reads from there: the file is the durable copy. A key the table did not have stays missing until this process
/// writes it, so a browser still sending the cookie of an ended session costs no query.</para>
/// <para>Writes are queued and committed in groups (<see cref="SessionDatabase"/>), each answered after its commit.</para>
/// </remarks>
public sealed class SqliteSessionCache(SessionDatabase database, TimeProvider time) : IDistributedCache, ISessionDirectory
{
    public const string Table = "SessionCache";

    /// <summary>An entry without any expiry (the framework never makes one) still goes after a day.</summary>
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(1);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Keys known to have no live row. Forgotten at each sweep, so the set stays small.</summary>
    private readonly ConcurrentDictionary<string, byte> _missing = new(StringComparer.Ordinal);

    private long _tableReads;

    /// <summary>How many lookups went to the table (for tests and the benchmark).</summary>
    public long TableReads => Interlocked.Read(ref _tableReads);

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
            _entries[key] = new Entry(value, expires, expires, sliding, absolute);
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
    /// as the session middleware makes them), not a sign-in ticket. Listing slides nothing; the expiry is this
    /// process's exact one.
    /// </summary>
    public async Task<IReadOnlyList<StoredSession>> ListAsync(CancellationToken token = default)
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
            // Expired here; the table's copy, which only this process writes, is expired too.
            MarkMissing(key);
            return null;
        }

        if (_missing.ContainsKey(key))
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
        // Remembered only if nothing newer was written meanwhile.
        _entries.TryAdd(key, found);
        return found;
    }

    /// <summary>
    /// Remembers that the table has no live row for the key. A write of the key clears the mark; a
    /// value in memory always wins over it, so a write racing a lookup that found nothing is never hidden.
    /// </summary>
    private void MarkMissing(string key) => _missing[key] = 0;

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
    private void Remember(string key, Entry slid, Entry startedFrom) => _entries.TryUpdate(key, slid, startedFrom);

    /// <summary>
    /// What this process knows of a key: its value, its exact expiry, the expiry the table holds, its
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
