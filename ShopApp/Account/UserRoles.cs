using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ShopApp.Account;

public enum RoleChange
{
    Done,
    UnknownRole,
    /// <summary>Removing it would leave the shop without an admin.</summary>
    LastAdmin,
    /// <summary>An admin does not take their own Admin role away: another admin does, on purpose.</summary>
    OwnAdminRole,
}

/// <summary>
/// Grants and removes staff roles from /Admin. The roles a signed-in user has are the ones in their server-side
/// ticket, so a change rewrites every live ticket of that user: it counts from their next request on, not from
/// their next sign-in. (Identity's periodic check, <c>SignIn:ValidationInterval</c>, catches what that misses.)
/// </summary>
public sealed class UserRoles(UserManager<ShopUser> users, SignIns signIns, IOptions<IdentityOptions> identity)
{
    /// <summary>The roles /Admin grants and removes; everyone keeps Customer.</summary>
    public static readonly IReadOnlyList<string> Grantable = [ShopRoles.CatalogManager, ShopRoles.Admin];

    public async Task<RoleChange> GrantAsync(ShopUser user, string role, CancellationToken cancellationToken = default)
    {
        if (!Grantable.Contains(role))
        {
            return RoleChange.UnknownRole;
        }
        if (!await users.IsInRoleAsync(user, role))
        {
            Check(await users.AddToRoleAsync(user, role));
            await RewriteTicketsAsync(user, cancellationToken);
        }
        return RoleChange.Done;
    }

    public async Task<RoleChange> RemoveAsync(ShopUser user, string role, string actingUserId, CancellationToken cancellationToken = default)
    {
        if (!Grantable.Contains(role))
        {
            return RoleChange.UnknownRole;
        }
        if (role == ShopRoles.Admin)
        {
            if (user.Id == actingUserId)
            {
                return RoleChange.OwnAdminRole;
            }
            if ((await users.GetUsersInRoleAsync(ShopRoles.Admin)).Count <= 1)
            {
                return RoleChange.LastAdmin;
            }
        }
        if (await users.IsInRoleAsync(user, role))
        {
            Check(await users.RemoveFromRoleAsync(user, role));
            await RewriteTicketsAsync(user, cancellationToken);
        }
        return RoleChange.Done;
    }

    private async Task RewriteTicketsAsync(ShopUser user, CancellationToken cancellationToken)
    {
        var roles = await users.GetRolesAsync(user);
        await signIns.ReplaceClaimsAsync(user.Id, exceptSignInId: null, identity.Value.ClaimsIdentity.RoleClaimType, [.. roles], cancellationToken);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
