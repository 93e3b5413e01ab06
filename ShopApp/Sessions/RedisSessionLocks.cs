using StackExchange.Redis;

namespace ShopApp.Sessions;

/// <summary>
/// A session's lock that every instance agrees on: first this process's own lock (so one instance sends one waiter
/// per session to Redis), then a Redis lock (<c>LockTakeAsync</c>: a key set only if absent, with a token of ours
/// and an expiry) that is released only by the token that took it.
/// </summary>
/// <remarks>
/// The expiry is what frees the lock of an instance that died while holding it. It is set past the longest a
/// request may wait (<see cref="SessionSettings.LockTimeout"/>) twice over, so a slow but live request keeps it.
/// </remarks>
public sealed class RedisSessionLocks(IConnectionMultiplexer redis, SessionSettings settings, TimeProvider time) : ISessionLocks
{
    private readonly InProcessSessionLocks _local = new(settings);

    /// <summary>How long to wait before asking Redis again while another instance holds the lock.</summary>
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(5);

    public async Task<IAsyncDisposable> AcquireAsync(string sessionKey, CancellationToken cancellationToken)
    {
        var local = await _local.AcquireAsync(sessionKey, cancellationToken);
        try
        {
            var key = new RedisKey($"{RedisSessionDirectory.InstanceName}lock:{sessionKey}");
            var token = new RedisValue(Guid.NewGuid().ToString("N"));
            var database = redis.GetDatabase();
            var giveUpAt = time.GetUtcNow() + settings.LockTimeout;
            while (!await database.LockTakeAsync(key, token, settings.LockTimeout * 2))
            {
                if (time.GetUtcNow() >= giveUpAt)
                {
                    throw new SessionBusyException("Another request of this session is taking too long.");
                }
                await Task.Delay(RetryDelay, cancellationToken);
            }
            return new Release(async () =>
            {
                try
                {
                    await database.LockReleaseAsync(key, token);
                }
                finally
                {
                    await local.DisposeAsync();
                }
            });
        }
        catch
        {
            await local.DisposeAsync();
            throw;
        }
    }
}
