namespace ShopApp.Tuning;

/// <summary>Deletes expired sessions and sign-in tickets from the tuning wing's SQLite store every <see cref="Interval"/>.</summary>
public sealed class SessionCacheSweeper(SqliteSessionCache cache, TimeProvider time, ILogger<SessionCacheSweeper> logger) : BackgroundService
{
    /// <summary>Expired rows are never returned anyway; the sweep only keeps the file and the memory copy small.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var removed = await cache.SweepAsync(stoppingToken);
                    if (removed > 0)
                    {
                        logger.LogInformation("Removed {Count} expired sessions and sign-ins from the store.", removed);
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // A busy or briefly unreachable database is tried again at the next tick.
                    logger.LogWarning(exception, "Sweeping expired sessions failed; trying again later.");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
