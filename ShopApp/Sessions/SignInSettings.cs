namespace ShopApp.Sessions;

/// <summary>The <c>SignIn</c> section of appsettings.json.</summary>
public sealed class SignInSettings
{
    public const string Section = "SignIn";

    /// <summary>The absolute lifetime of a sign-in: a working day, after which the user signs in again.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// How often a signed-in request checks the account in the database (Identity's security stamp check): a changed
    /// stamp ends the sign-in, and otherwise the ticket's claims and roles are made again from the account. A role
    /// change also rewrites the user's live tickets at once (<c>UserRoles</c>); this interval bounds what that
    /// cannot reach, such as a request already under way that renews the old ticket. One minute: one query per active
    /// user a minute is nothing, and a removed role outlives its removal by a minute at most.
    /// </summary>
    public TimeSpan ValidationInterval { get; set; } = TimeSpan.FromMinutes(1);
}
