using Microsoft.EntityFrameworkCore;
using ShopApp.Data;

namespace ShopApp.Analytics;

/// <summary>Deletes analytics events older than <c>Analytics:RetentionDays</c> (30 by default), at start and every hour.</summary>
public sealed class AnalyticsSweep(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider time, ILogger<AnalyticsSweep> logger) : BackgroundService
{
    public TimeSpan Retention { get; } = TimeSpan.FromDays(Math.Max(1, configuration.GetValue("Analytics:RetentionDays", 30)));

    /// <summary>One sweep; the number of events deleted.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
        var before = time.GetUtcNow().UtcDateTime - Retention;
        return await db.Set<AnalyticsEvent>().Where(e => e.AtUtc < before).ExecuteDeleteAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                var deleted = await SweepAsync(stoppingToken);
                if (deleted > 0)
                {
                    logger.LogInformation("Deleted {Count} analytics events older than {Days} days.", deleted, Retention.TotalDays);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The next sweep tries again; a failed one deletes nothing.
                logger.LogWarning(exception, "The analytics sweep failed.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
