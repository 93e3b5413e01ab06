namespace ShopApp.Sessions;

/// <summary>Where sessions and server-side sign-ins are kept (<c>Session:Store</c>).</summary>
public enum SessionStore
{
    /// <summary>A table in its own SQLite file (<c>ConnectionStrings:Sessions</c>): survives restarts, one instance.</summary>
    Sqlite,

    /// <summary>The process's memory: the fastest, and everything is lost when the app stops.</summary>
    Memory,

    /// <summary>A table in PostgreSQL (<c>ConnectionStrings:Postgres</c>): survives restarts, shared by every instance.</summary>
    Postgres,
}

/// <summary>The <c>Session</c> section of appsettings.json.</summary>
public sealed class SessionSettings
{
    public const string Section = "Session";

    /// <summary>How long a session lives without a request. The store forgets it after that.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(20);

    public string CookieName { get; set; } = SessionKeys.SessionCookie;

    public SessionStore Store { get; set; } = SessionStore.Sqlite;

    /// <summary>How often expired rows are deleted from a database store.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a request waits for another request of the same session that changes it.</summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
