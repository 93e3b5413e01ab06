using Microsoft.Extensions.Caching.Distributed;
using ShopApp.Sessions;

namespace ShopApp.Tuning;

/// <summary>
/// The session store, except that a session whose key the session middleware made for this request is opened
/// over <see cref="NewSessionKeyCache"/>: loading it asks the store nothing.
/// </summary>
public sealed class NewKeySessionStore(IDistributedCache cache, ILoggerFactory loggerFactory, ISessionLocks locks, IHttpContextAccessor httpContextAccessor)
    : SerializedSessionStore(cache, loggerFactory, locks, httpContextAccessor)
{
    private readonly IDistributedCache _cache = cache;

    protected override IDistributedCache StoreFor(string sessionKey, bool isNewSessionKey) =>
        isNewSessionKey ? new NewSessionKeyCache(_cache, sessionKey) : _cache;
}

/// <summary>
/// The store as seen by a session whose key the session middleware has just made: a lookup of that key answers
/// "nothing" without asking the store, until the key is written. Every visit without a session cookie (a first
/// visit, a crawler, a browser that refuses cookies) would otherwise cost a query for a key no one has used.
/// </summary>
public sealed class NewSessionKeyCache(IDistributedCache store, string newKey) : IDistributedCache
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

