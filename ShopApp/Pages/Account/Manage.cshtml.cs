using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Localization;
using ShopApp.Account;
using ShopApp.Localization;
using ShopApp.Pages.Shared;

namespace ShopApp.Pages.Account;

/// <summary>The signed-in user's display name and password. Each form posts to its own handler.</summary>
public class ManageModel(UserManager<ShopUser> users, SignInManager<ShopUser> signInManager, SignIns signIns, IOptions<IdentityOptions> identity, IStringLocalizer<ShopText> t) : PageModel
{
    public ProfileInput Profile { get; set; } = new();

    public PasswordInput Password { get; set; } = new();

    public string Email { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        Email = user.Email ?? "";
        Profile.DisplayName = user.DisplayName;
        return Page();
    }

    public async Task<IActionResult> OnPostProfileAsync(ProfileInput profile)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        Email = user.Email ?? "";
        Profile = profile;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        user.DisplayName = profile.DisplayName.Trim();
        await users.UpdateAsync(user);
        // The display name is a claim in the server-side ticket: refresh it so the header shows the new one.
        await signInManager.RefreshSignInAsync(user);
        Notice.Set(TempData, new Notice(NoticeKind.Success, t["Your display name is saved."]));
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPasswordAsync(PasswordInput password, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        Email = user.Email ?? "";
        Profile.DisplayName = user.DisplayName;
        Password = password;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var changed = await users.ChangePasswordAsync(user, password.CurrentPassword, password.NewPassword);
        if (!changed.Succeeded)
        {
            // All of Identity's objections at once, beside the field they are about, so one correction is enough.
            foreach (var field in changed.Errors.GroupBy(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(password.CurrentPassword) : nameof(password.NewPassword)))
            {
                ModelState.AddModelError($"{nameof(Password)}.{field.Key}", string.Join(" ", field.Select(e => e.Description)));
            }
            return Page();
        }

        // Changing the password renews the security stamp; this sign-in gets the new one at once.
        await signInManager.RefreshSignInAsync(user);
        var current = User.FindFirst(ShopClaims.SignInId)?.Value;
        if (password.SignOutOtherSignIns)
        {
            var ended = await signIns.RevokeAllAsync(user.Id, current, cancellationToken);
            Notice.Set(TempData, new Notice(NoticeKind.Success, t["Your password is changed and {0} other sign-in(s) ended.", ended]));
        }
        else
        {
            await signIns.ReplaceClaimAsync(user.Id, current, identity.Value.ClaimsIdentity.SecurityStampClaimType, user.SecurityStamp!, cancellationToken);
            Notice.Set(TempData, new Notice(NoticeKind.Success, t["Your password is changed. Your other sign-ins stay signed in."]));
        }
        return RedirectToPage();
    }
}

public sealed class ProfileInput
{
    [Required(ErrorMessage = "Enter the name we should greet you with.")]
    [StringLength(ShopUser.DisplayNameMaxLength, MinimumLength = 2, ErrorMessage = "The display name must be 2 to 60 characters.")]
    [Display(Name = "Display name")]
    public string DisplayName { get; set; } = "";
}

public sealed class PasswordInput
{
    [Required(ErrorMessage = "Enter your current password.")]
    [DataType(DataType.Password)]
    [Display(Name = "Current password")]
    public string CurrentPassword { get; set; } = "";

    [Required(ErrorMessage = "Choose a new password.")]
    [StringLength(100, ErrorMessage = "The password is too long.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string NewPassword { get; set; } = "";

    [Required(ErrorMessage = "Type the new password again.")]
    [Compare(nameof(NewPassword), ErrorMessage = "The two passwords do not match.")]
    [DataType(DataType.Password)]
    [Display(Name = "Confirm new password")]
    public string ConfirmNewPassword { get; set; } = "";

    [Display(Name = "Sign out of all my other sign-ins")]
    public bool SignOutOtherSignIns { get; set; } = true;
}
