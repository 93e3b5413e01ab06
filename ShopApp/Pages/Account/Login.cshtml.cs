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
/// Signing in. Identity checks the password; <see cref="SignInThrottle"/> counts wrong ones per address and e-mail
/// (five stop that address for five minutes); then <see cref="SignInSession"/> moves the visitor's cart to a new
/// session id. Every refusal costs one password hash, known e-mail or not, so its timing tells nothing either.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(SignInRateLimit.Policy)]
public class LoginModel(SignInManager<ShopUser> signInManager, SignInSession signInSession, PasswordCheck passwordCheck, IStringLocalizer<ShopText> t) : PageModel
{
    /// <summary>One message for a stopped address and a locked account, known e-mail or not.</summary>
    public const string Stopped = "Too many wrong passwords from here: try again in 5 minutes.";

    /// <summary>One message for an unknown e-mail and a wrong password, so the form does not reveal who has an account.</summary>
    public const string InvalidCredentials = "The e-mail or password is not right.";

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

        var (outcome, user) = await passwordCheck.CheckAsync(HttpContext.Connection.RemoteIpAddress, Input.Email, Input.Password, cancellationToken);
        if (user is null)
        {
            Problem = t[outcome == PasswordOutcome.Stopped ? Stopped : InvalidCredentials];
            return Page();
        }
        await signInManager.SignInAsync(user, isPersistent: false);
        await signInSession.SignedInAsync(user, cancellationToken);
        Notice.Set(TempData, new Notice(NoticeKind.Success, t["Welcome back, {0}.", user.DisplayName]));
        // Only a path on this site: an address from a link must not send the user elsewhere after signing in.
        return LocalReturnUrl.Of(Url, ReturnUrl) is { } back ? LocalRedirect(back) : RedirectToPage("/Products/Index");
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
