using System.Collections.Concurrent;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace ShopApp.Sessions;

/// <summary>
/// One lock per session: the requests of a session that change it take it in turn (see
/// <see cref="SessionWriteLock"/>), so no change is lost to another request's write-back.
/// </summary>
public interface ISessionLocks
{
    /// <summary>Waits for the session's lock; disposing the result releases it.</summary>
    Task<IAsyncDisposable> AcquireAsync(string sessionKey, CancellationToken cancellationToken);
}

/// <summary>The requests were too long in the queue for one session.</summary>
public sealed class SessionBusyException(string message) : Exception(message);

/// <summary>Locks inside this process: enough when only one instance serves the sessions.</summary>
public sealed class InProcessSessionLocks(SessionSettings settings) : ISessionLocks
{
    private readonly ConcurrentDictionary<string, Entry> _locks = new(StringComparer.Ordinal);

    public async Task<IAsyncDisposable> AcquireAsync(string sessionKey, CancellationToken cancellationToken)
    {
        var entry = Rent(sessionKey);
        try
        {
            if (!await entry.Semaphore.WaitAsync(settings.LockTimeout, cancellationToken))
            {
                throw new SessionBusyException("Another request of this session is taking too long.");
            }
        }
        catch
        {
            Return(sessionKey, entry);
            throw;
        }
        return new Release(() =>
        {
            entry.Semaphore.Release();
            Return(sessionKey, entry);
            return ValueTask.CompletedTask;
        });
    }

    /// <summary>Sessions whose lock is held or awaited right now (the dictionary never keeps idle ones).</summary>
    public int Held => _locks.Count;

    private Entry Rent(string key)
    {
        while (true)
        {
            var entry = _locks.GetOrAdd(key, _ => new Entry());
            lock (entry)
            {
                if (entry.Users >= 0)
                {
                    entry.Users++;
                    return entry;
                }
            }
            // Retired by its last user a moment ago: take a new one.
        }
    }

    private void Return(string key, Entry entry)
    {
        lock (entry)
        {
            if (--entry.Users == 0)
            {
                entry.Users = -1;
                _locks.TryRemove(new KeyValuePair<string, Entry>(key, entry));
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }
}

/// <summary>
/// Locks every instance agrees on: first this process's own lock (so one instance sends one waiter per session to
/// the database), then a PostgreSQL advisory lock on a hash of the session key, held on one pooled connection until
/// released.
/// </summary>
public sealed class PostgresSessionLocks(NpgsqlDataSource dataSource, InProcessSessionLocks local, SessionSettings settings) : ISessionLocks
{
    public async Task<IAsyncDisposable> AcquireAsync(string sessionKey, CancellationToken cancellationToken)
    {
        var localLock = await local.AcquireAsync(sessionKey, cancellationToken);
        DbConnection? connection = null;
        try
        {
            var id = LockId(sessionKey);
            connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using (var command = connection.CreateCommand())
            {
                // A statement timeout turns a lock never granted into an error instead of a request that hangs.
                command.CommandText = $"SET statement_timeout = {(int)settings.LockTimeout.TotalMilliseconds}; SELECT pg_advisory_lock(@id)";
                command.Parameters.Add(new NpgsqlParameter("id", id));
                try
                {
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }
                catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.QueryCanceled)
                {
                    throw new SessionBusyException("Another request of this session is taking too long.");
                }
            }
            var held = connection;
            connection = null;
            return new Release(async () =>
            {
                try
                {
                    await using var unlock = held.CreateCommand();
                    unlock.CommandText = "SELECT pg_advisory_unlock(@id); SET statement_timeout = 0";
                    unlock.Parameters.Add(new NpgsqlParameter("id", id));
                    await unlock.ExecuteNonQueryAsync(CancellationToken.None);
                }
                finally
                {
                    // Back to the pool. Should the unlock have failed, Npgsql resets a pooled connection with
                    // DISCARD ALL before its next use, which releases advisory locks too.
                    await held.DisposeAsync();
                    await localLock.DisposeAsync();
                }
            });
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
            await localLock.DisposeAsync();
            throw;
        }
    }

    /// <summary>A 64-bit advisory lock id from the session key.</summary>
    public static long LockId(string sessionKey) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(sessionKey)), 0);
}

internal sealed class Release(Func<ValueTask> release) : IAsyncDisposable
{
    private int _released;

    public ValueTask DisposeAsync() => Interlocked.Exchange(ref _released, 1) == 0 ? release() : ValueTask.CompletedTask;
}
