using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ShopApp.Account;
using ShopApp.Localization;
using ShopApp.Pages.Shared;

namespace ShopApp.Pages.Admin;

/// <summary>
/// The admin's home: every account, its staff roles (granted and removed here), whether it is locked out and how
/// many sign-ins it has right now.
/// </summary>
public class IndexModel(UserManager<ShopUser> users, UserRoles roles, SignIns signIns, TimeProvider time, IStringLocalizer<ShopText> t) : PageModel
{
    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var counts = await signIns.CountByUserAsync(cancellationToken);
        var now = time.GetUtcNow();
        var list = await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var rows = new List<UserRow>(list.Count);
        foreach (var user in list)
        {
            rows.Add(new UserRow(user.Id, user.Email ?? "", user.DisplayName, [.. await users.GetRolesAsync(user)],
                user.LockoutEnd > now, counts.GetValueOrDefault(user.Id)));
        }
        Users = rows;
    }

    public async Task<IActionResult> OnPostUnlockAsync(string? userId)
    {
        if (await FindAsync(userId) is not { } user)
        {
            return NotFound();
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        Notice.Set(TempData, new Notice(NoticeKind.Success, t["{0} is unlocked.", user.Email ?? ""]));
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSignOutEverywhereAsync(string? userId, CancellationToken cancellationToken)
    {
        if (await FindAsync(userId) is not { } user)
        {
            return NotFound();
        }
        var ended = await signIns.RevokeAllAsync(user.Id, keepSignInId: null, cancellationToken);
        // A new security stamp also stops any sign-in the index did not know of at Identity's next check.
        await users.UpdateSecurityStampAsync(user);
        Notice.Set(TempData, new Notice(NoticeKind.Success, t["{0}: {1} sign-in(s) ended.", user.Email ?? "", ended]));
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostGrantRoleAsync(string? userId, string? role, CancellationToken cancellationToken)
    {
        if (await FindAsync(userId) is not { } user || role is null || !UserRoles.Grantable.Contains(role))
        {
            return NotFound();
        }
        await roles.GrantAsync(user, role, cancellationToken);
        Notice.Set(TempData, new Notice(NoticeKind.Success, t["{0} is now {1}.", user.Email ?? "", t[role]]));
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveRoleAsync(string? userId, string? role, CancellationToken cancellationToken)
    {
        if (await FindAsync(userId) is not { } user || role is null || !UserRoles.Grantable.Contains(role))
        {
            return NotFound();
        }
        var result = await roles.RemoveAsync(user, role, users.GetUserId(User)!, cancellationToken);
        Notice.Set(TempData, result switch
        {
            RoleChange.LastAdmin => new Notice(NoticeKind.Problem, t["{0} is the last admin: make someone else an admin first.", user.Email ?? ""]),
            RoleChange.OwnAdminRole => new Notice(NoticeKind.Problem, t["You cannot remove your own Admin role. Another admin can."]),
            _ => new Notice(NoticeKind.Success, t["{0} is no longer {1}. It takes effect on their next request.", user.Email ?? "", t[role]]),
        });
        return RedirectToPage();
    }

    private async Task<ShopUser?> FindAsync(string? userId) =>
        string.IsNullOrEmpty(userId) ? null : await users.FindByIdAsync(userId);

    public sealed record UserRow(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool LockedOut, int ActiveSignIns);
}
