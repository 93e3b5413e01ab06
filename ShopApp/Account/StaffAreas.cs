using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace ShopApp.Account;

/// <summary>Who may open which part of /Admin. Named policies, checked on every request against the ticket's roles.</summary>
public static class ShopPolicies
{
    /// <summary>Users, orders, the classroom: the Admin role only.</summary>
    public const string Admin = ShopRoles.Admin;

    /// <summary>/Admin/Products and its categories: a CatalogManager, or an Admin (who can do everything a CatalogManager can).</summary>
    public const string Catalog = "Catalog";

    public static AuthorizationBuilder AddShopPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Admin, policy => policy.RequireRole(ShopRoles.Admin))
        .AddPolicy(Catalog, policy => policy.RequireRole(ShopRoles.Admin, ShopRoles.CatalogManager));

    /// <summary>
    /// Every page under /Admin needs the Admin policy, except the catalog's own folder (/Admin/Products), which needs
    /// the Catalog policy. One rule for the whole folder: a page added to /Admin later is an admin's page unless it is
    /// put in the catalog's folder.
    /// </summary>
    public static void AuthorizeAdminArea(this PageConventionCollection conventions) =>
        conventions.AddFolderApplicationModelConvention("/Admin", page => page.EndpointMetadata.Add(new AuthorizeAttribute(
            page.ViewEnginePath.StartsWith("/Admin/Products/", StringComparison.Ordinal) ? Catalog : Admin)));

    /// <summary>Whether the user may open /Admin/Products, for the links that lead there.</summary>
    public static bool RunsCatalog(this System.Security.Claims.ClaimsPrincipal user) =>
        user.IsInRole(ShopRoles.Admin) || user.IsInRole(ShopRoles.CatalogManager);
}
