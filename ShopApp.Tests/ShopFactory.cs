using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ShopApp.Tests;

/// <summary>
/// ShopApp in memory, with a data folder of its own (shop.db, sessions.db, the Data Protection and API keys) that is
/// deleted afterwards. Create one per test: no test sees another's catalog, stock or sessions. A restart test
/// passes the folder of a stopped factory to a new one.
/// </summary>
public sealed class ShopFactory(string environment = "Development", string? dataFolder = null) : WebApplicationFactory<Program>
{
    private readonly bool _newFolder = dataFolder is null;

    public string DataFolder { get; } = dataFolder ?? Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"shopapp-test-{Guid.NewGuid():N}")).FullName;

    public string DatabasePath => Path.Combine(DataFolder, "shop.db");

    /// <summary>The SQLite session store's file: the library's, or with tuning on the tuning wing's own.</summary>
    public string SessionsPath => Path.Combine(DataFolder, _settings.GetValueOrDefault("Tuning:Enabled") == "true" ? "sessions.tuned.db" : "sessions.db");

    /// <summary>True to leave the data folder in place when this factory stops (to start another on it).</summary>
    public bool KeepData { get; set; }

    /// <summary>
    /// The tuning wing's switch for every test, unless a test sets it: off in ShopApp.Tests, on in ShopApp.Tests.Tuned
    /// (the same sources compiled with TUNED), so each behaviour is checked in both modes.
    /// </summary>
#if TUNED
    public const string Tuning = "true";
#else
    public const string Tuning = "false";
#endif

    private readonly Dictionary<string, string?> _settings = new() { ["Tuning:Enabled"] = Tuning };

    /// <summary>Overrides one configuration value, e.g. <c>Session:IdleTimeout</c>. Call before the first client.</summary>
    public ShopFactory With(string key, string value)
    {
        _settings[key] = value;
        return this;
    }

    private TimeProvider? _time;

    /// <summary>
    /// Replaces the app's clock (sign-in lifetimes, idle timeouts). Call before the first client. The session store
    /// becomes the framework's memory cache on the same clock: the SQLite and Redis stores count real time.
    /// </summary>
    public ShopFactory UseTime(TimeProvider time)
    {
        _time = time;
        _settings.TryAdd("Session:Store", "Memory");
        return this;
    }

    /// <summary>A client of its own; HTTPS by default, as the shop is reached outside Development.</summary>
    public ShopClient CreateShopClient(bool https = true) =>
        new(CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = false,
            BaseAddress = new Uri(https ? "https://localhost" : "http://localhost"),
        }));

    private LogCapture? _logs;
    private readonly List<Action<IServiceCollection>> _services = [];

    /// <summary>Changes the app's services after its own registrations. Call before the first client.</summary>
    public ShopFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    /// <summary>Captures every log line from now on, at every level (Trace included). Call before the first client.</summary>
    public LogCapture CaptureLogs()
    {
        _logs = new LogCapture();
        return _logs;
    }

    /// <summary>
    /// A request header that names the client's address (TestServer gives requests none). Only tests send it; it is
    /// read by a startup filter the test host adds, before anything of the app runs.
    /// </summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, ClientAddressFromHeader>());
        if (_logs is { } logs)
        {
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddFilter(_ => true).AddProvider(logs));
        }
        // The repository root, where the solution file is, is the app's content root (wwwroot, appsettings).
        builder.UseSolutionRelativeContentRoot(".", "ShopApp.sln");
        builder.UseEnvironment(environment);
        if (StartsFromTemplate)
        {
            File.Copy(DevelopmentTemplate.Value, DatabasePath);
        }
        builder.UseSetting("ConnectionStrings:Shop", $"Data Source={DatabasePath}");
        builder.UseSetting("Session:SqlitePath", Path.Combine(DataFolder, "sessions.db"));
        builder.UseSetting("DataProtection:KeysFolder", Path.Combine(DataFolder, "keys"));
        builder.UseSetting("Catalog:ImagesFolder", Path.Combine(DataFolder, "product-images"));
        builder.UseSetting("Api:SigningKeyPath", Path.Combine(DataFolder, "api-signing.key"));
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        if (_time is { } time)
        {
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton(time);
#pragma warning disable CS0618 // MemoryCacheOptions still takes its clock as an ISystemClock.
                services.Configure<MemoryDistributedCacheOptions>(options => options.Clock = new SystemClockOf(time));
            });
        }
        foreach (var configure in _services)
        {
            builder.ConfigureTestServices(configure);
        }
    }

    /// <summary>
    /// Migrating and seeding a new database (the demo accounts' passwords are hashed) is most of a shop's start. A
    /// Development shop in a new folder, with nothing set that changes what is seeded, starts instead on a copy of
    /// one made that way once per test run: the same rows a start of its own would have written. Tests of the start
    /// itself (another environment, an existing folder, <c>Seed:</c> or database settings) still make their own.
    /// </summary>
    private bool StartsFromTemplate =>
        !_isTemplate && _newFolder && environment == "Development" && !File.Exists(DatabasePath)
        && !_settings.Keys.Any(key => key.StartsWith("Seed:", StringComparison.OrdinalIgnoreCase)
            || key.StartsWith("Database:", StringComparison.OrdinalIgnoreCase)
            || key.StartsWith("ConnectionStrings:", StringComparison.OrdinalIgnoreCase));

    private bool _isTemplate;

    private static readonly Lazy<string> DevelopmentTemplate = new(() => Task.Run(MakeTemplateAsync).GetAwaiter().GetResult());

    private static async Task<string> MakeTemplateAsync()
    {
        var template = Path.Combine(Path.GetTempPath(), $"shopapp-test-template-{Guid.NewGuid():N}.db");
        var factory = new ShopFactory { _isTemplate = true, KeepData = true };
        try
        {
            using (factory.CreateClient())
            {
            }
            await factory.DisposeAsync();
            File.Copy(factory.DatabasePath, template);
        }
        finally
        {
            Directory.Delete(factory.DataFolder, recursive: true);
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(template);
        return template;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (!KeepData && Directory.Exists(DataFolder))
        {
            Directory.Delete(DataFolder, recursive: true);
        }
    }
}

#pragma warning disable CS0618
/// <summary>A <see cref="TimeProvider"/> as the memory cache's clock.</summary>
internal sealed class SystemClockOf(TimeProvider time) : Microsoft.Extensions.Internal.ISystemClock
{
    public DateTimeOffset UtcNow => time.GetUtcNow();
}

/// <summary>Sets the connection's remote address from <see cref="ShopFactory.ClientAddressHeader"/>, when a test sends it.</summary>
internal sealed class ClientAddressFromHeader : IStartupFilter
{
    public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, following) =>
        {
            if (System.Net.IPAddress.TryParse(context.Request.Headers[ShopFactory.ClientAddressHeader].ToString(), out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }
            await following();
        });
        next(app);
    };
}
