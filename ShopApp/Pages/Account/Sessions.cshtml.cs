using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ShopApp.Account;
using ShopApp.Localization;
using ShopApp.Pages.Shared;

namespace ShopApp.Pages.Account;

/// <summary>
/// The user's active sign-ins, one per browser they signed in with. Ending one deletes its server-side ticket,
/// so that browser is anonymous on its very next request.
/// </summary>
public class SessionsModel(SignIns signIns, IStringLocalizer<ShopText> t) : PageModel
{
    public IReadOnlyList<SignIn> SignIns { get; private set; } = [];

    public string? CurrentSignInId => User.FindFirst(ShopClaims.SignInId)?.Value;

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        SignIns = await signIns.ForUserAsync(UserId, cancellationToken);

    public async Task<IActionResult> OnPostRevokeAsync(string? signInId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(signInId) || signInId == CurrentSignInId)
        {
            // This browser signs out with the Sign out button, which also clears its session.
            return BadRequest();
        }
        if (!await signIns.RevokeAsync(UserId, signInId, cancellationToken))
        {
            return NotFound();
        }
        Notice.Set(TempData, new Notice(NoticeKind.Success, t["That sign-in has ended: the browser is signed out on its next request."]));
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeOthersAsync(CancellationToken cancellationToken)
    {
        var ended = await signIns.RevokeAllAsync(UserId, CurrentSignInId, cancellationToken);
        Notice.Set(TempData, new Notice(NoticeKind.Success, t["{0} other sign-in(s) ended.", ended]));
        return RedirectToPage();
    }
}
