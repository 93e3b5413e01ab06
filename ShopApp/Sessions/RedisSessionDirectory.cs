using StackExchange.Redis;

namespace ShopApp.Sessions;

/// <summary>
/// Lists the sessions that Microsoft.Extensions.Caching.StackExchangeRedis keeps: each is a hash under
/// <see cref="InstanceName"/> + key, with the fields <c>data</c>, <c>sldexp</c> (the sliding window in ticks, -1 for
/// none) and <c>absexp</c>, and a time to live that Redis counts down. Read with SCAN and HMGET, which slide nothing.
/// </summary>
public sealed class RedisSessionDirectory(IConnectionMultiplexer redis, TimeProvider time) : ISessionDirectory
{
    /// <summary>The prefix of every key ShopApp keeps in Redis, so a Redis shared with other apps stays readable.</summary>
    public const string InstanceName = "shopapp:";

    private static readonly RedisValue[] Fields = ["data", "sldexp"];

    public async Task<IReadOnlyList<StoredSession>> ListAsync(CancellationToken cancellationToken = default)
    {
        var sessions = new List<StoredSession>();
        var database = redis.GetDatabase();
        var now = time.GetUtcNow();
        foreach (var endpoint in redis.GetEndPoints())
        {
            var server = redis.GetServer(endpoint);
            if (server.IsReplica)
            {
                continue;
            }
            await foreach (var key in server.KeysAsync(database.Database, $"{InstanceName}*").WithCancellation(cancellationToken))
            {
                var sessionKey = key.ToString()[InstanceName.Length..];
                if (!StoredSession.IsSessionKey(sessionKey))
                {
                    continue;
                }
                var values = await database.HashGetAsync(key, Fields);
                var ttl = await database.KeyTimeToLiveAsync(key);
                if (values[0].IsNull)
                {
                    continue;
                }
                TimeSpan? sliding = (long)values[1] is > 0 and var ticks ? TimeSpan.FromTicks(ticks) : null;
                sessions.Add(new StoredSession(sessionKey, (byte[])values[0]!, ttl is { } left ? now + left : DateTimeOffset.MaxValue, sliding));
            }
        }
        return sessions;
    }
}
