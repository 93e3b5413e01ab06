using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Session;
using Microsoft.Extensions.Caching.Distributed;

namespace ShopApp.Sessions;

/// <summary>
/// ASP.NET Core's session is last-writer-wins: two requests of one session load it, each changes its copy, and the
/// later write-back erases the earlier change (two tabs adding to one cart lose an item). ShopApp closes that gap
/// in two ways:
/// <list type="bullet">
/// <item>A request that may change state (any method but GET, HEAD, OPTIONS and TRACE) holds its session's lock
/// from before the session is loaded until after it is written back: such requests of one session run one after
/// another, each seeing the last one's result.</item>
/// <item>A GET is not queued, so reads stay concurrent. When a GET does write (a notice shown and removed, the
/// review page's order token), <see cref="SerializedSession"/> takes the lock only for the write, reloads the
/// stored session and applies just the entries this GET changed.</item>
/// </list>
/// </summary>
public static class SessionWriteLock
{
    private const string HeldKey = "ShopApp.SessionLockHeld";

    /// <summary>Whether this request holds its session's lock for its whole length.</summary>
    public static bool IsHeld(HttpContext context) => context.Items.ContainsKey(HeldKey);

    public static bool ChangesState(HttpRequest request) =>
        !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method));

    /// <summary>Goes right before <c>UseSession()</c>.</summary>
    public static IApplicationBuilder UseSessionWriteLock(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // A status page re-executing a refused request must not queue for the lock a second time.
            if (!ChangesState(context.Request) || context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
            {
                await next(context);
                return;
            }
            var services = context.RequestServices;
            var key = services.GetRequiredService<SessionCookie>().KeyOf(context, services.GetRequiredService<SessionSettings>().CookieName);
            if (key is null)
            {
                // No session yet (or one we cannot read): this request starts a new one that no one else knows.
                await next(context);
                return;
            }

            IAsyncDisposable held;
            try
            {
                held = await services.GetRequiredService<ISessionLocks>().AcquireAsync(key, context.RequestAborted);
            }
            catch (SessionBusyException exception)
            {
                services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SessionWriteLock)).LogWarning("{Message}", exception.Message);
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = "2";
                return;
            }
            await using (held)
            {
                context.Items[HeldKey] = true;
                await next(context);
                // The session middleware writes the session back after the page and before returning here.
            }
        });
}

/// <summary>Hands out <see cref="SerializedSession"/>s over ASP.NET Core's own distributed session.</summary>
public sealed class SerializedSessionStore(DistributedSessionStore inner, IDistributedCache cache, ILoggerFactory loggerFactory, ISessionLocks locks, IHttpContextAccessor httpContextAccessor) : ISessionStore
{
    public ISession Create(string sessionKey, TimeSpan idleTimeout, TimeSpan ioTimeout, Func<bool> tryEstablishSession, bool isNewSessionKey)
    {
        Func<TimeSpan, bool, ISession> open = (idle, isNew) => inner.Create(sessionKey, idle, ioTimeout, tryEstablishSession, isNew);
        if (isNewSessionKey)
        {
            // Made for this request (no valid cookie came): nothing can be stored under it until this request writes.
            var fresh = new NewSessionKeyCache(cache, sessionKey);
            open = (idle, isNew) => new DistributedSession(fresh, sessionKey, idle, ioTimeout, tryEstablishSession, loggerFactory, isNew);
        }
        return new SerializedSession(open(idleTimeout, isNewSessionKey), open, sessionKey, idleTimeout, isNewSessionKey, locks, httpContextAccessor);
    }
}

/// <summary>
/// The store as seen by a session whose key the session middleware has just made: a lookup of that key answers
/// "nothing" without asking the store, until the key is written. Every visit without a session cookie (a first
/// visit, a crawler, a browser that refuses cookies) would otherwise cost a query for a key no one has used.
/// </summary>
internal sealed class NewSessionKeyCache(IDistributedCache store, string newKey) : IDistributedCache
{
    private volatile bool _written;

    private bool Unwritten(string key) => !_written && key == newKey;

    public byte[]? Get(string key) => Unwritten(key) ? null : store.Get(key);

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => Unwritten(key) ? Task.FromResult<byte[]?>(null) : store.GetAsync(key, token);

    public void Refresh(string key)
    {
        if (!Unwritten(key))
        {
            store.Refresh(key);
        }
    }

    public Task RefreshAsync(string key, CancellationToken token = default) => Unwritten(key) ? Task.CompletedTask : store.RefreshAsync(key, token);

    public void Remove(string key) => store.Remove(key);

    public Task RemoveAsync(string key, CancellationToken token = default) => store.RemoveAsync(key, token);

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options)
    {
        store.Set(key, value, options);
        _written |= key == newKey;
    }

    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        await store.SetAsync(key, value, options, token);
        _written |= key == newKey;
    }
}

/// <summary>
/// A session that remembers what this request changed. If the request holds its session's lock (see
/// <see cref="SessionWriteLock"/>) or the session is brand new, committing simply writes it. Otherwise the
/// commit takes the lock, loads what is stored now, replays only this request's changes on it and writes that.
/// A session with an idle timeout of its own (<see cref="IdleTimeoutSession"/>) is written the second way too,
/// so that the write carries its own window instead of the configured one.
/// </summary>
public sealed class SerializedSession(
    ISession inner,
    Func<TimeSpan, bool, ISession> reopen,
    string sessionKey,
    TimeSpan idleTimeout,
    bool isNew,
    ISessionLocks locks,
    IHttpContextAccessor httpContextAccessor) : ISession
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
