using StackExchange.Redis;

namespace ShopApp.Catalog;

/// <summary>
/// With several instances (Session:Store = Redis), a change made on one must drop what the others keep too: each
/// instance publishes its <see cref="CatalogChanges.ChangedHere"/> on a Redis channel and treats the others' messages
/// as <see cref="CatalogChanges.ChangedElsewhere"/>. A message lost while Redis is away costs what the caches'
/// own expiry allows (the tuning wing's window), never a wrong order: placing one reads the database.
/// </summary>
public sealed class CatalogChangesAcrossInstances(IConnectionMultiplexer redis, CatalogChanges changes, ILogger<CatalogChangesAcrossInstances> logger) : IHostedService
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("shopapp:catalog-changed");

    /// <summary>Who sent a message: an instance ignores its own.</summary>
    private readonly string _self = Guid.NewGuid().ToString("N");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        changes.ChangedHere += Publish;
        try
        {
            // The library subscribes again by itself after every reconnection.
            await redis.GetSubscriber().SubscribeAsync(Channel, (_, sender) =>
            {
                if (sender != _self)
                {
                    changes.ChangedElsewhere();
                }
            });
        }
        catch (RedisException exception)
        {
            // The shop starts without Redis (its requests fail until Redis is back); so does this, without the news.
            logger.LogWarning(exception, "Not subscribed to catalog changes: Redis is not reachable.");
        }
    }

    private void Publish()
    {
        try
        {
            redis.GetSubscriber().Publish(Channel, _self, CommandFlags.FireAndForget);
        }
        catch (RedisException exception)
        {
            logger.LogWarning(exception, "The other instances were not told of a catalog change; their caches expire by themselves.");
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        changes.ChangedHere -= Publish;
        try
        {
            await redis.GetSubscriber().UnsubscribeAsync(Channel);
        }
        catch (RedisException)
        {
            // Stopping anyway.
        }
    }
}
