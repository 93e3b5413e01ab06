using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ShopApp.Account;
using ShopApp.Localization;
using ShopApp.Pages.Shared;
using ShopApp.Security;

namespace ShopApp.Pages.Account;

/// <summary>
/// Creating an account signs the new customer in straight away (no e-mail is sent to confirm it). Someone already
/// signed in is told to sign out first: creating the account would otherwise end their sign-in and their cart.
/// </summary>
public class RegisterModel(UserManager<ShopUser> users, SignInManager<ShopUser> signInManager, SignInSession signInSession, LanguageSession language, IStringLocalizer<ShopText> t) : PageModel
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "returnUrl")]
    public string? ReturnUrl { get; set; }

    /// <summary>Set when the visitor is signed in already: the page says so instead of offering the form.</summary>
    public string? SignedInProblem { get; private set; }

    public void OnGet() => SignedInProblem = SignedInAs();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        SignedInProblem = SignedInAs();
        if (SignedInProblem is not null || !ModelState.IsValid)
        {
            return Page();
        }

        var user = new ShopUser
        {
            UserName = Input.Email,
            Email = Input.Email,
            DisplayName = Input.DisplayName.Trim(),
            // A language chosen in this browser before registering becomes the new account's.
            PreferredCulture = await language.GetAsync(cancellationToken),
        };
        var created = await users.CreateAsync(user, Input.Password);
        if (!created.Succeeded)
        {
            // Identity's own messages, all at once, beside the field they are about.
            foreach (var field in created.Errors.GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(Input.Password) : nameof(Input.Email)))
            {
                ModelState.AddModelError($"{nameof(Input)}.{field.Key}", string.Join(" ", field.Select(e => e.Description)));
            }
            return Page();
        }
        await users.AddToRoleAsync(user, ShopRoles.Customer);

        await signInManager.SignInAsync(user, isPersistent: false);
        await signInSession.SignedInAsync(user, cancellationToken);
        Notice.Set(TempData, new Notice(NoticeKind.Success, t["Welcome to ShopApp, {0}. Your account is ready.", user.DisplayName]));
        return LocalReturnUrl.Of(Url, ReturnUrl) is { } back ? LocalRedirect(back) : RedirectToPage("/Products/Index");
    }

    private string? SignedInAs() => User.Identity?.IsAuthenticated == true
        ? t["You are signed in as {0}. Sign out first to create another account.", User.FindFirst(ShopClaims.DisplayName)?.Value ?? User.Identity.Name ?? ""].Value
        : null;
}

public sealed class RegisterInput
{
    [Required(ErrorMessage = "Enter your e-mail address.")]
    [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    [StringLength(256, ErrorMessage = "The e-mail address is too long.")]
    [Display(Name = "E-mail")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter the name we should greet you with.")]
    [StringLength(ShopUser.DisplayNameMaxLength, MinimumLength = 2, ErrorMessage = "The display name must be 2 to 60 characters.")]
    [Display(Name = "Display name")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "Choose a password.")]
    [StringLength(100, ErrorMessage = "The password is too long.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Type the password again.")]
    [Compare(nameof(Password), ErrorMessage = "The two passwords do not match.")]
    [DataType(DataType.Password)]
    [Display(Name = "Confirm password")]
    public string ConfirmPassword { get; set; } = "";
}
