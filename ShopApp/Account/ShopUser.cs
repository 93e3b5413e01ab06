using Microsoft.AspNetCore.Identity;

namespace ShopApp.Account;

/// <summary>An account: Identity's user (e-mail as user name, password hash, lockout) plus what the shop shows.</summary>
public class ShopUser : IdentityUser
{
    public const int DisplayNameMaxLength = 60;

    public string DisplayName { get; set; } = "";

    /// <summary>
    /// The language the user last chose while signed in ("en", "fr" or "de"; null until they choose one). It comes
    /// back into the session at their next sign-in, on any browser.
    /// </summary>
    public string? PreferredCulture { get; set; }
}

/// <summary>The two roles. Every registered account is a <see cref="Customer"/>.</summary>
public static class ShopRoles
{
    public const string Customer = "Customer";
    public const string Admin = "Admin";

    /// <summary>Runs the catalog (/Admin/Products) and nothing else of /Admin. An admin can do all it can.</summary>
    public const string CatalogManager = "CatalogManager";

    public static readonly string[] All = [Customer, CatalogManager, Admin];
}

/// <summary>Claim types the shop adds to a signed-in user.</summary>
public static class ShopClaims
{
    /// <summary>The name shown in the header, so a page need not read the database to greet the user.</summary>
    public const string DisplayName = "shop:display_name";

    /// <summary>Which server-side sign-in (a row in SignIns) this request belongs to.</summary>
    public const string SignInId = "shop:signin";

    /// <summary>The user's saved language, so the culture can fall back to it without a query.</summary>
    public const string Culture = "shop:culture";
}
