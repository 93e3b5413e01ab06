namespace ShopApp.Teaching;

/// <summary>The <c>Teaching</c> section of appsettings.json.</summary>
public sealed class TeachingSettings
{
    public const string Section = "Teaching";

    /// <summary>
    /// Turns on the session inspector, /Session, /Learn and /Teacher. Off in appsettings.json: a real shop never shows
    /// its visitors what the server holds; on in appsettings.Development.json, for the classroom.
    /// </summary>
    public bool Enabled { get; set; }
}
