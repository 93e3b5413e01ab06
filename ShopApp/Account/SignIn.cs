namespace ShopApp.Account;

/// <summary>
/// One active sign-in, as the user and the admin see it. The ticket itself (who the user is, their claims)
/// lives in the distributed cache beside the sessions; this row is the index that lets a user list and revoke
/// their sign-ins, which a cache cannot enumerate. <see cref="Id"/> is a hash of the key in the sign-in cookie,
/// so a copy of this table is no use for forging a cookie.
/// </summary>
public sealed class SignIn
{
    public const int UserAgentMaxLength = 512;

    public string Id { get; set; } = "";

    public string UserId { get; set; } = "";

    public DateTime SignedInAtUtc { get; set; }

    /// <summary>Updated at most once a minute (see <see cref="SignInIndex"/>), not on every request.</summary>
    public DateTime LastSeenAtUtc { get; set; }

    /// <summary>The absolute end of this sign-in, whatever the activity.</summary>
    public DateTime ExpiresAtUtc { get; set; }

    public string UserAgent { get; set; } = "";

    public string IpAddress { get; set; } = "";
}
