using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ShopApp.Account;
using ShopApp.Localization;
using ShopApp.Pages.Shared;

namespace ShopApp.Pages.Account;

/// <summary>
/// Signing out happens only on a POST with an antiforgery token: a GET (a link, an image on another site) just
/// shows a button, so nobody can sign a user out behind their back.
/// </summary>
public class LogoutModel(SignInManager<ShopUser> signInManager, SignInSession signInSession, IStringLocalizer<ShopText> t) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            // Deletes the server-side ticket: a copy of the sign-in cookie is worthless from now on.
            await signInManager.SignOutAsync();
        }
        await signInSession.SignedOutAsync(cancellationToken);
        Notice.Set(TempData, new Notice(NoticeKind.Success, t["You are signed out. Your cart was cleared with your session."]));
        return RedirectToPage("/Products/Index");
    }
}
