using System.Collections.Concurrent;

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

internal sealed class Release(Func<ValueTask> release) : IAsyncDisposable
{
    private int _released;

    public ValueTask DisposeAsync() => Interlocked.Exchange(ref _released, 1) == 0 ? release() : ValueTask.CompletedTask;
}
