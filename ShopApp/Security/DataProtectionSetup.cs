using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using ShopApp.Sessions;
using StackExchange.Redis;

namespace ShopApp.Security;

/// <summary>
/// The keys that encrypt the session and sign-in cookies (and antiforgery tokens). Kept in memory only, as by
/// default on a machine without a user profile, every restart would make every cookie unreadable: carts and
/// sign-ins would be lost even with a durable session store. So they are persisted, through the library, under a
/// fixed application name: in a folder (<c>DataProtection:KeysFolder</c>, default App_Data/keys) for one instance,
/// or in Redis beside the sessions when <c>Session:Store</c> is Redis, so every instance reads the others' cookies.
/// </summary>
public static class DataProtectionSetup
{
    public const string ApplicationName = "ShopApp";

    public static IServiceCollection AddShopDataProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var builder = services.AddDataProtection().SetApplicationName(ApplicationName);
        var store = configuration.GetSection(SessionSettings.Section).Get<SessionSettings>()?.Store ?? SessionStore.Sqlite;
        if (store == SessionStore.Redis)
        {
            // What PersistKeysToStackExchangeRedis does, over the connection AddShopSession registers.
            services.AddOptions<KeyManagementOptions>().Configure<IConnectionMultiplexer>((options, redis) =>
                options.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), $"{RedisSessionDirectory.InstanceName}data-protection-keys"));
        }
        else
        {
            var folder = Path.GetFullPath(configuration["DataProtection:KeysFolder"] ?? "App_Data/keys", environment.ContentRootPath);
            builder.PersistKeysToFileSystem(Directory.CreateDirectory(folder));
        }
        return services;
    }
}
