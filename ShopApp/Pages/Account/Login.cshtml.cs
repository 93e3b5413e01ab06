using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ShopApp.Account;
using ShopApp.Localization;
using ShopApp.Pages.Shared;

namespace ShopApp.Pages.Account;

/// <summary>
/// Signing in. Identity checks the password and counts failures (five lock the account for five minutes); then
/// <see cref="SignInSession"/> moves the visitor's cart to a new session id.
/// </summary>
public class LoginModel(SignInManager<ShopUser> signInManager, SignInSession signInSession, IPasswordHasher<ShopUser> hasher, IStringLocalizer<ShopText> t) : PageModel
{
    /// <summary>One message for an unknown e-mail and a wrong password, so the form does not reveal who has an account.</summary>
    public const string InvalidCredentials = "The e-mail or password is not right.";

    // A real hash to check unknown e-mails against, so they take as long to refuse as wrong passwords do.
    private static readonly string UnknownUserHash = new PasswordHasher<ShopUser>().HashPassword(new ShopUser(), Guid.NewGuid().ToString());

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "returnUrl")]
    public string? ReturnUrl { get; set; }

    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            Problem = t["You are already signed in. Sign out first to use another account."];
            return Page();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await signInManager.UserManager.FindByEmailAsync(Input.Email);
        if (user is null)
        {
            hasher.VerifyHashedPassword(new ShopUser(), UnknownUserHash, Input.Password);
            Problem = t[InvalidCredentials];
            return Page();
        }

        var result = await signInManager.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            Problem = t["Too many wrong passwords: this account is locked for 5 minutes. Try again later."];
            return Page();
        }
        if (!result.Succeeded)
        {
            Problem = t[InvalidCredentials];
            return Page();
        }

        await signInSession.SignedInAsync(user, cancellationToken);
        Notice.Set(TempData, new Notice(NoticeKind.Success, t["Welcome back, {0}.", user.DisplayName]));
        // Only a path on this site: an address from a link must not send the user elsewhere after signing in.
        return Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl) : RedirectToPage("/Products/Index");
    }
}

public sealed class LoginInput
{
    [Required(ErrorMessage = "Enter your e-mail address.")]
    [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    [Display(Name = "E-mail")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter your password.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string Password { get; set; } = "";
}
