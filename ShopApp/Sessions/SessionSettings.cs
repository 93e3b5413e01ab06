namespace ShopApp.Sessions;

/// <summary>Where sessions and server-side sign-ins are kept (<c>Session:Store</c>): each is a library's <c>IDistributedCache</c>.</summary>
public enum SessionStore
{
    /// <summary>NeoSmart.Caching.Sqlite, a file under App_Data (<c>Session:SqlitePath</c>): survives restarts, one instance.</summary>
    Sqlite,

    /// <summary>Microsoft.Extensions.Caching.StackExchangeRedis (<c>ConnectionStrings:Redis</c>): shared by every instance.</summary>
    Redis,

    /// <summary>The framework's memory cache: nothing to set up, and everything is lost when the app stops.</summary>
    Memory,
}

/// <summary>The <c>Session</c> section of appsettings.json.</summary>
public sealed class SessionSettings
{
    public const string Section = "Session";

    /// <summary>How long a session lives without a request. The store forgets it after that.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(20);

    public string CookieName { get; set; } = SessionKeys.SessionCookie;

    public SessionStore Store { get; set; } = SessionStore.Sqlite;

    /// <summary>The SQLite store's file, under the content root unless absolute.</summary>
    public string SqlitePath { get; set; } = "App_Data/sessions.db";

    /// <summary>How long a request waits for another request of the same session that changes it.</summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
