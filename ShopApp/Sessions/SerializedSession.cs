using Microsoft.AspNetCore.Session;
using Microsoft.Extensions.Caching.Distributed;

namespace ShopApp.Sessions;

/// <summary>
/// Hands out <see cref="SerializedSession"/>s over ASP.NET Core's own <see cref="DistributedSession"/>: what
/// <c>AddSession</c>'s <c>DistributedSessionStore</c> does, with the lock added.
/// </summary>
public class SerializedSessionStore(IDistributedCache cache, ILoggerFactory loggerFactory, ISessionLocks locks, IHttpContextAccessor httpContextAccessor) : ISessionStore
{
    public ISession Create(string sessionKey, TimeSpan idleTimeout, TimeSpan ioTimeout, Func<bool> tryEstablishSession, bool isNewSessionKey)
    {
        var store = StoreFor(sessionKey, isNewSessionKey);
        ISession Open(TimeSpan idle, bool isNew) => new DistributedSession(store, sessionKey, idle, ioTimeout, tryEstablishSession, loggerFactory, isNew);
        return new SerializedSession(Open(idleTimeout, isNewSessionKey), Open, sessionKey, idleTimeout, isNewSessionKey, locks, httpContextAccessor);
    }

    /// <summary>The cache a session is kept in: the registered one (the tuning wing answers a brand-new key itself).</summary>
    protected virtual IDistributedCache StoreFor(string sessionKey, bool isNewSessionKey) => cache;
}

/// <summary>
/// A session that remembers what this request changed. If the request holds its session's lock (see
/// <see cref="SessionWriteLock"/>) or the session is brand new, committing simply writes it. Otherwise the
/// commit takes the lock, loads what is stored now, replays only this request's changes on it and writes that.
/// A session with an idle timeout of its own (<see cref="IdleTimeoutSession"/>) is written the second way too,
/// so that the write carries its own window instead of the configured one.
/// </summary>
public sealed class SerializedSession(ISession inner, Func<TimeSpan, bool, ISession> reopen, string sessionKey, TimeSpan idleTimeout,
    bool isNew, ISessionLocks locks, IHttpContextAccessor httpContextAccessor) : ISession
{
    private readonly List<(string Key, byte[]? Value)> _changes = [];
    private bool _cleared;
    // Committed in this request, and nothing changed since: the session middleware's commit at the end of the
    // request (after a page that committed itself, as the cart does) then has nothing to write or slide.
    private bool _committed;
    private ISession _inner = inner;

    public bool IsAvailable => _inner.IsAvailable;

    public string Id => _inner.Id;

    public IEnumerable<string> Keys => _inner.Keys;

    public Task LoadAsync(CancellationToken cancellationToken = default) => _inner.LoadAsync(cancellationToken);

    public bool TryGetValue(string key, out byte[] value) => _inner.TryGetValue(key, out value!);

    public void Set(string key, byte[] value)
    {
        // Writing back what is already there changes nothing, and must not cost a write to the store (TempData is
        // saved again at the end of every request that used it).
        if (_inner.TryGetValue(key, out var current) && current.AsSpan().SequenceEqual(value))
        {
            return;
        }
        _inner.Set(key, value);
        _changes.Add((key, value));
        _committed = false;
    }

    public void Remove(string key)
    {
        var had = _inner.TryGetValue(key, out _);
        _inner.Remove(key);
        if (had)
        {
            _changes.Add((key, null));
            _committed = false;
        }
    }

    public void Clear()
    {
        _inner.Clear();
        _changes.Clear();
        _cleared = true;
        _committed = false;
    }

    /// <summary>The store key this session is kept under (what the cookie carries, encrypted). Never shown or logged.</summary>
    internal string Key => sessionKey;

    /// <summary>True when the session middleware made this key for this request (no valid cookie came with it).</summary>
    internal bool IsNew => isNew;

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        if (_committed && _changes.Count == 0 && !_cleared)
        {
            return;
        }
        var context = httpContextAccessor.HttpContext;
        var holdsLock = isNew || context is null || SessionWriteLock.IsHeld(context);
        var ownTimeout = _changes.Count == 0 && !_cleared ? null : IdleTimeoutSession.Read(_inner, idleTimeout);
        if (_changes.Count == 0 && !_cleared || holdsLock && ownTimeout is null)
        {
            // Nothing changed (the store slides the expiry by the window the entry was written with), or nothing
            // can have changed under us.
            await _inner.CommitAsync(cancellationToken);
            _changes.Clear();
            _cleared = false;
            _committed = true;
            return;
        }

        if (holdsLock)
        {
            await ReplayAsync(ownTimeout ?? idleTimeout, cancellationToken);
            return;
        }
        await using (await locks.AcquireAsync(sessionKey, cancellationToken))
        {
            await ReplayAsync(ownTimeout ?? idleTimeout, cancellationToken);
        }
    }

    /// <summary>Loads what is stored now, applies this request's changes to it and writes it with <paramref name="window"/>.</summary>
    private async Task ReplayAsync(TimeSpan window, CancellationToken cancellationToken)
    {
        var current = reopen(window, isNew);
        await current.LoadAsync(cancellationToken);
        if (_cleared)
        {
            current.Clear();
        }
        foreach (var (key, value) in _changes)
        {
            if (value is null)
            {
                current.Remove(key);
            }
            else
            {
                current.Set(key, value);
            }
        }
        await current.CommitAsync(cancellationToken);
        _inner = current;
        _changes.Clear();
        _cleared = false;
        _committed = true;
    }
}
