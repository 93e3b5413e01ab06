namespace ShopApp.Sessions;

/// <summary>The <c>Session</c> section of appsettings.json.</summary>
public sealed class SessionSettings
{
    public const string Section = "Session";

    /// <summary>How long a session lives without a request. The store forgets it after that.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(20);

    public string CookieName { get; set; } = SessionKeys.SessionCookie;
}
