using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ShopApp.Tests;

/// <summary>
/// ShopApp in memory, with a SQLite file of its own that is deleted afterwards. Create one per test: no test
/// sees another's catalog, stock or sessions.
/// </summary>
public sealed class ShopFactory(string environment = "Development") : WebApplicationFactory<Program>
{
    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), $"shopapp-test-{Guid.NewGuid():N}.db");

    private readonly Dictionary<string, string?> _settings = new();

    /// <summary>Overrides one configuration value, e.g. <c>Session:IdleTimeout</c>. Call before the first client.</summary>
    public ShopFactory With(string key, string value)
    {
        _settings[key] = value;
        return this;
    }

    private TimeProvider? _time;

    /// <summary>Replaces the app's clock (sign-in lifetimes, idle timeouts). Call before the first client.</summary>
    public ShopFactory UseTime(TimeProvider time)
    {
        _time = time;
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

    /// <summary>Captures every log line from now on, at every level (Trace included). Call before the first client.</summary>
    public LogCapture CaptureLogs()
    {
        _logs = new LogCapture();
        return _logs;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (_logs is { } logs)
        {
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddFilter(_ => true).AddProvider(logs));
        }
        // The repository root, where the solution file is, is the app's content root (wwwroot, appsettings).
        builder.UseSolutionRelativeContentRoot(".", "ShopApp.sln");
        builder.UseEnvironment(environment);
        builder.UseSetting("ConnectionStrings:Shop", $"Data Source={DatabasePath}");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        if (_time is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(_time));
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(DatabasePath + suffix);
        }
    }
}
