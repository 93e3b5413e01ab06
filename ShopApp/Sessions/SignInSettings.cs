namespace ShopApp.Sessions;

/// <summary>The <c>SignIn</c> section of appsettings.json.</summary>
public sealed class SignInSettings
{
    public const string Section = "SignIn";

    /// <summary>The absolute lifetime of a sign-in: a working day, after which the user signs in again.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(8);
}
