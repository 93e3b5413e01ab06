namespace ShopApp.Sessions;

/// <summary>Deletes expired sessions and sign-in tickets from the database store every <c>Session:SweepInterval</c>.</summary>
public sealed class SessionCacheSweeper(SqlSessionCache cache, SessionSettings settings, TimeProvider time, ILogger<SessionCacheSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.SweepInterval, time);
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
