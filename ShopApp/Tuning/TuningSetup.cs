using Microsoft.AspNetCore.Session;
using Microsoft.Extensions.Caching.Distributed;
using ShopApp.Catalog;
using ShopApp.Sessions;

namespace ShopApp.Tuning;

/// <summary>The <c>Tuning</c> section of appsettings.json.</summary>
public sealed class TuningSettings
{
    public const string Section = "Tuning";

    /// <summary>
    /// Turns on the speed work in this folder. Off in appsettings.Development.json, so <c>dotnet run</c> shows the plain
    /// path a learner reads; on in appsettings.json. The shop is correct either way: the tests run in both modes.
    /// </summary>
    public bool Enabled { get; set; }
}

/// <summary>
/// The tuning wing, in one place. Each line below replaces or wraps a registration of the plain path; delete a line
/// and the plain piece works alone. docs/PERFORMANCE.md says what each buys.
/// </summary>
public static class TuningSetup
{
    public static bool IsEnabled(IConfiguration configuration) =>
        configuration.GetSection(TuningSettings.Section).Get<TuningSettings>()?.Enabled == true;

    /// <summary>Call last, after every plain registration it wraps.</summary>
    public static IServiceCollection AddShopTuning(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        if (!IsEnabled(configuration))
        {
            return services;
        }

        // Products and grid pages kept for a few seconds, in place of a query per page.
        services.AddSingleton<CatalogCache>();
        services.AddScoped<ProductCatalog>();
        services.AddScoped<IProductCatalog, CachedProductCatalog>();

        // Session and antiforgery cookies decrypted once, not on every request. A visitor's encrypted token then repeats
        // from page to page, so it is masked in each response that may be compressed (such pages must not repeat a secret: BREACH).
        RememberingDataProtectionProvider.Decorate(services);
        MaskedAntiforgery.Decorate(services);

        // Whole catalog and product pages kept and shared, each visitor's antiforgery token written into the holes.
        // Around the masking, so that a hole is never masked and each response's masked token fills it.
        services.AddSingleton<PageCache>();
        TokenHoleAntiforgery.Decorate(services);

        // A session key made for this request asks the store nothing.
        services.AddTransient<ISessionStore, NewKeySessionStore>();

        var sessions = configuration.GetSection(SessionSettings.Section).Get<SessionSettings>() ?? new SessionSettings();
        if (sessions.Store == SessionStore.Sqlite)
        {
            // In place of NeoSmart.Caching.Sqlite: a memory copy in front of a table written in groups (see the class).
            // A file of its own: the two stores' tables differ, so sessions do not move between the modes.
            var path = Path.ChangeExtension(SessionSetup.SqlitePathOf(sessions, environment), ".tuned.db");
            services.AddSingleton(_ => new SessionDatabase($"Data Source={path}"));
            services.AddSingleton<SqliteSessionCache>();
            services.AddSingleton<IDistributedCache>(provider => provider.GetRequiredService<SqliteSessionCache>());
            services.AddSingleton<ISessionDirectory>(provider => provider.GetRequiredService<SqliteSessionCache>());
            services.AddHostedService<SessionCacheSweeper>();
            // That store answers loads from memory and queues writes to a local file: there is no network wait for
            // the session's I/O timeout to cut short, and with one, every load and commit starts a timer for it.
            services.Configure<SessionOptions>(options => options.IOTimeout = Timeout.InfiniteTimeSpan);
        }
        return services;
    }

    /// <summary>Creates the tuned SQLite store's table. Runs once at start-up.</summary>
    public static async Task PrepareAsync(IServiceProvider services)
    {
        if (services.GetService<SessionDatabase>() is { } database)
        {
            await database.EnsureCreatedAsync();
        }
    }

    /// <summary>Goes after session, sign-in and localization: a kept page's key needs the cart, the user and the language.</summary>
    public static IApplicationBuilder UseShopTuning(this IApplicationBuilder app, IConfiguration configuration) =>
        IsEnabled(configuration) ? app.UseMiddleware<PageCacheMiddleware>() : app;
}
