using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Http.Features;
using ShopApp.Data;
using ShopApp.Localization;
using ShopApp.Sessions;

namespace ShopApp.Analytics;

/// <summary>
/// Records what a visitor does, only while they consent (ASP.NET Core's <see cref="ITrackingConsentFeature"/>).
/// Without consent every call returns at once and nothing is stored, not even a count.
/// </summary>
public sealed class SessionAnalytics(IHttpContextAccessor accessor, TimeProvider time)
{
    private HttpContext Context => accessor.HttpContext ?? throw new InvalidOperationException("Analytics are recorded within a request.");

    // The request's database context only once something is stored or deleted: most visits have not consented, and
    // every page and cart change passes through here.
    private ShopDbContext Db => Context.RequestServices.GetRequiredService<ShopDbContext>();

    public bool Consented => Context.Features.Get<ITrackingConsentFeature>()?.HasConsent == true;

    public async Task RecordAsync(AnalyticsKind kind, string? path = null, int? productId = null, string? step = null, CancellationToken cancellationToken = default)
    {
        if (!Consented)
        {
            return;
        }
        var db = Db;
        db.Add(new AnalyticsEvent
        {
            VisitId = await VisitIdAsync(cancellationToken), AtUtc = time.GetUtcNow().UtcDateTime, Kind = kind,
            Path = path, ProductId = productId, Step = step, Culture = Languages.Current,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Makes sure the visit has its id before a response starts (a new session's cookie goes with the headers).</summary>
    public async Task StartVisitAsync(CancellationToken cancellationToken = default)
    {
        if (Consented)
        {
            await VisitIdAsync(cancellationToken);
        }
    }

    /// <summary>After a withdrawal: this visit's events are deleted and its id forgotten.</summary>
    public async Task ForgetVisitAsync(CancellationToken cancellationToken = default)
    {
        var session = Context.Session;
        await session.LoadAsync(cancellationToken);
        if (session.GetString(SessionKeys.AnalyticsId) is { } visit)
        {
            await Db.Set<AnalyticsEvent>().Where(e => e.VisitId == visit).ExecuteDeleteAsync(cancellationToken);
            session.Remove(SessionKeys.AnalyticsId);
        }
    }

    private async Task<string> VisitIdAsync(CancellationToken cancellationToken)
    {
        var session = Context.Session;
        await session.LoadAsync(cancellationToken);
        if (session.GetString(SessionKeys.AnalyticsId) is { } visit)
        {
            return visit;
        }
        // Random, so it cannot be derived from the session id or the account.
        visit = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        session.SetString(SessionKeys.AnalyticsId, visit);
        return visit;
    }
}
