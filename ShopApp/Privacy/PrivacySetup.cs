using ShopApp.Analytics;
using ShopApp.Sessions;

namespace ShopApp.Privacy;

public static class PrivacySetup
{
    /// <summary>
    /// Consent through ASP.NET Core's cookie policy: every cookie that is not marked essential waits for a yes. The
    /// session, sign-in and antiforgery cookies are essential (the cart works without an answer); analytics are
    /// recorded only with consent (<see cref="SessionAnalytics"/>).
    /// </summary>
    public static IServiceCollection AddShopPrivacy(this IServiceCollection services, IHostEnvironment environment)
    {
        services.Configure<CookiePolicyOptions>(options =>
        {
            options.CheckConsentNeeded = _ => true;
            options.MinimumSameSitePolicy = SameSiteMode.Lax;
            options.ConsentCookie.Name = SessionKeys.CookieName(SessionKeys.ConsentCookie, environment);
            options.ConsentCookie.SameSite = SameSiteMode.Lax;
            options.ConsentCookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            options.ConsentCookie.Path = "/";
            options.ConsentCookie.MaxAge = TimeSpan.FromDays(365);
        });
        services.AddScoped<SessionAnalytics>();
        services.AddScoped<AnalyticsReport>();
        services.AddScoped<PrivacyChoice>();
        services.AddScoped<AccountData>();
        services.AddSingleton<AnalyticsSweep>();
        services.AddHostedService(provider => provider.GetRequiredService<AnalyticsSweep>());
        return services;
    }
}
