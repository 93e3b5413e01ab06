using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Session;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ShopApp.Sessions;

public static class SessionSetup
{
    /// <summary>Server-side session over <see cref="Microsoft.Extensions.Caching.Distributed.IDistributedCache"/>, and the cookies that point at it.</summary>
    public static IServiceCollection AddShopSession(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = configuration.GetSection(SessionSettings.Section).Get<SessionSettings>() ?? new SessionSettings();
        services.AddSingleton(settings);

        services.AddSingleton<SessionCookie>();
        services.AddSingleton<InProcessSessionLocks>();
        switch (settings.Store)
        {
            case SessionStore.Memory:
                // In-process: the fastest, but every session and sign-in is lost when the app stops.
                services.AddDistributedMemoryCache();
                services.AddSingleton<ISessionLocks>(provider => provider.GetRequiredService<InProcessSessionLocks>());
                break;
            case SessionStore.Sqlite:
                services.AddSingleton(provider => SessionDatabase.Sqlite(ShopApp.Data.ShopDatabase.ResolveConnectionString(
                    provider.GetRequiredService<IConfiguration>().GetConnectionString("Sessions") ?? DefaultSqliteConnectionString,
                    provider.GetRequiredService<IHostEnvironment>().ContentRootPath)));
                AddSqlStore(services);
                services.AddSingleton<ISessionLocks>(provider => provider.GetRequiredService<InProcessSessionLocks>());
                break;
            case SessionStore.Postgres:
                services.AddSingleton(provider => SessionDatabase.Postgres(provider.GetRequiredService<Npgsql.NpgsqlDataSource>()));
                AddSqlStore(services);
                services.AddSingleton<ISessionLocks, PostgresSessionLocks>();
                break;
        }

        services.AddSession(options =>
        {
            options.IdleTimeout = settings.IdleTimeout;
            ApplyCookiePolicy(options.Cookie, settings.CookieName, environment);
            // The cart must work before any cookie-consent banner: it is the reason the visitor is here.
            options.Cookie.IsEssential = true;
        });

        // Requests of one session that change it run one after another (see SessionWriteLock).
        services.AddSingleton<DistributedSessionStore>();
        services.AddTransient<ISessionStore, SerializedSessionStore>();
        services.AddScoped<IdleTimeoutSession>();

        services.AddAntiforgery(options => ApplyCookiePolicy(options.Cookie, SessionKeys.AntiforgeryCookie, environment));
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpContextAccessor();
        return services;
    }

    public const string DefaultSqliteConnectionString = "Data Source=App_Data/sessions.db";

    private static void AddSqlStore(IServiceCollection services)
    {
        services.AddSingleton<SqlSessionCache>();
        services.AddSingleton<IDistributedCache>(provider => provider.GetRequiredService<SqlSessionCache>());
        services.AddHostedService<SessionCacheSweeper>();
    }

    /// <summary>Creates the store's table when the store is a database. Runs once at start-up.</summary>
    public static async Task PrepareSessionStoreAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        if (services.GetService<SessionDatabase>() is { } database)
        {
            await database.EnsureCreatedAsync(cancellationToken);
        }
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
