using Microsoft.AspNetCore.Http.Features;
using ShopApp.Analytics;
using ShopApp.Sessions;

namespace ShopApp.Privacy;

/// <summary>
/// The visitor's answer about analytics. A yes is the cookie policy's consent cookie (the framework writes it); a no
/// is remembered in the session for this visit only, so the banner asks again next time rather than never.
/// </summary>
public sealed class PrivacyChoice(IHttpContextAccessor accessor, SessionAnalytics analytics)
{
    private HttpContext Context => accessor.HttpContext ?? throw new InvalidOperationException("A choice is made within a request.");

    private ITrackingConsentFeature? Consent => Context.Features.Get<ITrackingConsentFeature>();

    public bool Accepted => Consent?.HasConsent == true;

    /// <summary>Whether the banner asks: no answer yet in this visit.</summary>
    public async Task<bool> IsOpenAsync(CancellationToken cancellationToken = default)
    {
        if (Accepted)
        {
            return false;
        }
        await Context.Session.LoadAsync(cancellationToken);
        return Context.Session.GetString(SessionKeys.AnalyticsDeclined) is null;
    }

    public async Task AcceptAsync(CancellationToken cancellationToken = default)
    {
        Consent?.GrantConsent();
        await Context.Session.LoadAsync(cancellationToken);
        Context.Session.Remove(SessionKeys.AnalyticsDeclined);
    }

    /// <summary>Declining, or withdrawing a yes: the grant goes, and so does what this visit recorded.</summary>
    public async Task DeclineAsync(CancellationToken cancellationToken = default)
    {
        await analytics.ForgetVisitAsync(cancellationToken);
        Consent?.WithdrawConsent();
        Context.Session.SetString(SessionKeys.AnalyticsDeclined, "true");
    }
}
