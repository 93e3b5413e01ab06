using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Session;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NeoSmart.Caching.Sqlite;
using StackExchange.Redis;

namespace ShopApp.Sessions;

public static class SessionSetup
{
    /// <summary>
    /// Server-side session as the ASP.NET Core docs teach it (<c>AddSession</c> over an <c>IDistributedCache</c> that a
    /// library provides), plus ShopApp's additions: a lock per session, a session's own idle timeout, and the store
    /// listed for the teacher's dashboard.
    /// </summary>
    public static IServiceCollection AddShopSession(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = configuration.GetSection(SessionSettings.Section).Get<SessionSettings>() ?? new SessionSettings();
        // The name as this environment sets it (with the __Host- prefix outside Development and Classroom): every
        // reader of the cookie asks these settings.
        settings.CookieName = SessionKeys.CookieName(settings.CookieName, environment);
        services.AddSingleton(settings);

        switch (settings.Store)
        {
            case SessionStore.Sqlite:
                // A file of its own, not shop.db: a page view never waits for an order's transaction.
                var path = SqlitePathOf(settings, environment);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                // NeoSmart asks which SQLite build to use; the one EF Core already brings (e_sqlite3).
                services.AddSqliteCache(options => options.CachePath = path, new SQLitePCL.SQLite3Provider_e_sqlite3());
                services.AddSingleton<ISessionDirectory>(provider => new SqliteSessionDirectory(path, provider.GetRequiredService<TimeProvider>()));
                services.AddSingleton<ISessionLocks, InProcessSessionLocks>();
                break;
            case SessionStore.Redis:
                var redis = configuration.GetConnectionString("Redis")
                    ?? throw new InvalidOperationException("ConnectionStrings:Redis is required when Session:Store is Redis.");
                // One connection for the cache, the locks, the directory and the Data Protection keys. It does not give
                // up when Redis is down at start: it keeps reconnecting, and requests fail only while Redis is away.
                var redisOptions = ConfigurationOptions.Parse(redis);
                redisOptions.AbortOnConnectFail = false;
                // While Redis is away a request fails at once (an error page), instead of waiting in a queue.
                redisOptions.BacklogPolicy = BacklogPolicy.FailFast;
                var connection = new Lazy<IConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(redisOptions));
                services.AddSingleton(_ => connection.Value);
                services.AddStackExchangeRedisCache(options =>
                {
                    options.InstanceName = RedisSessionDirectory.InstanceName;
                    options.ConnectionMultiplexerFactory = () => Task.FromResult(connection.Value);
                });
                services.AddSingleton<ISessionDirectory, RedisSessionDirectory>();
                services.AddSingleton<ISessionLocks, RedisSessionLocks>();
                // Not the session's business, but it needs the same Redis: catalog changes reach every instance.
                services.AddHostedService<Catalog.CatalogChangesAcrossInstances>();
                break;
            case SessionStore.Memory:
                // Nothing to install; every session and sign-in is lost when the app stops, and it cannot be listed.
                services.AddDistributedMemoryCache();
                services.AddSingleton<ISessionLocks, InProcessSessionLocks>();
                break;
        }

        services.AddSession(options =>
        {
            options.IdleTimeout = settings.IdleTimeout;
            ApplyCookiePolicy(options.Cookie, settings.CookieName, environment);
        });
        // In place of AddSession's own store: requests of one session that change it run one after another.
        services.AddTransient<ISessionStore, SerializedSessionStore>();

        services.AddSingleton<SessionCookie>();
        services.AddScoped<IdleTimeoutSession>();
        services.AddAntiforgery(options => ApplyCookiePolicy(options.Cookie, SessionKeys.AntiforgeryCookie, environment));
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        return services;
    }

    /// <summary>The SQLite store's file, made absolute under the content root.</summary>
    public static string SqlitePathOf(SessionSettings settings, IHostEnvironment environment) =>
        Path.GetFullPath(settings.SqlitePath, environment.ContentRootPath);

    /// <summary>The deliberate settings every cookie of ours shares.</summary>
    public static void ApplyCookiePolicy(CookieBuilder cookie, string name, IHostEnvironment environment)
    {
        cookie.Name = SessionKeys.CookieName(name, environment);
        // Script never needs to read these; HttpOnly keeps an injected script from stealing them.
        cookie.HttpOnly = true;
        // Lax: sent when a shopper follows a link to us, withheld from cross-site POSTs.
        cookie.SameSite = SameSiteMode.Lax;
        // Outside Development the cookies travel only over HTTPS (the framework's default is "as the request came").
        cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        cookie.Path = "/";
        // Strictly necessary (the cart, the sign-in, form protection): set before the consent banner has an answer.
        // The cart must work without one: it is the reason the visitor is here.
        cookie.IsEssential = true;
    }
}
