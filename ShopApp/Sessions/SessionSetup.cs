using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ShopApp.Sessions;

public static class SessionSetup
{
    /// <summary>Server-side session over <see cref="Microsoft.Extensions.Caching.Distributed.IDistributedCache"/>, and the cookies that point at it.</summary>
    public static IServiceCollection AddShopSession(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = configuration.GetSection(SessionSettings.Section).Get<SessionSettings>() ?? new SessionSettings();
        services.AddSingleton(settings);

        // In-process store for now: fast, but every session is lost when the app stops.
        services.AddDistributedMemoryCache();

        services.AddSession(options =>
        {
            options.IdleTimeout = settings.IdleTimeout;
            ApplyCookiePolicy(options.Cookie, settings.CookieName, environment);
            // The cart must work before any cookie-consent banner: it is the reason the visitor is here.
            options.Cookie.IsEssential = true;
        });

        services.AddAntiforgery(options => ApplyCookiePolicy(options.Cookie, SessionKeys.AntiforgeryCookie, environment));
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpContextAccessor();
        return services;
    }

    /// <summary>The deliberate settings every cookie of ours shares.</summary>
    public static void ApplyCookiePolicy(CookieBuilder cookie, string name, IHostEnvironment environment)
    {
        cookie.Name = name;
        // Script never needs to read these; HttpOnly keeps an injected script from stealing them.
        cookie.HttpOnly = true;
        // Lax: sent when a shopper follows a link to us, withheld from cross-site POSTs.
        cookie.SameSite = SameSiteMode.Lax;
        // Outside Development the cookies travel only over HTTPS (the framework's default is "as the request came").
        cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        cookie.Path = "/";
    }
}
