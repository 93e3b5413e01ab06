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
public class LoginModel(SignInManager<ShopUser> signInManager, SignInSession signInSession, SignInThrottle throttle, IPasswordHasher<ShopUser> hasher, IStringLocalizer<ShopText> t) : PageModel
{
    /// <summary>One message for a stopped address and a locked account, known e-mail or not.</summary>
    public const string Stopped = "Too many wrong passwords from here: try again in 5 minutes.";

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

        var address = HttpContext.Connection.RemoteIpAddress;
        if (await throttle.IsStoppedAsync(address, Input.Email, cancellationToken))
        {
            hasher.VerifyHashedPassword(new ShopUser(), UnknownUserHash, Input.Password);
            Problem = t[Stopped];
            return Page();
        }

        var user = await signInManager.UserManager.FindByEmailAsync(Input.Email);
        if (user is null)
        {
            hasher.VerifyHashedPassword(new ShopUser(), UnknownUserHash, Input.Password);
            await throttle.FailedAsync(address, Input.Email, cancellationToken);
            Problem = t[InvalidCredentials];
            return Page();
        }

        // Identity's per-account lockout stays off here: it would let anyone lock the owner out (SignInThrottle).
        var result = await signInManager.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: false);
        if (result.IsLockedOut)
        {
            // Locked by an earlier version's count: the same answer as a stopped address.
            Problem = t[Stopped];
            return Page();
        }
        if (!result.Succeeded)
        {
            await throttle.FailedAsync(address, Input.Email, cancellationToken);
            Problem = t[InvalidCredentials];
            return Page();
        }
        await throttle.SucceededAsync(address, Input.Email, cancellationToken);

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
