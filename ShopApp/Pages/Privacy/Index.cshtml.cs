using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ShopApp.Localization;
using ShopApp.Pages.Shared;
using ShopApp.Privacy;
using ShopApp.Security;

namespace ShopApp.Pages.Privacy;

/// <summary>
/// <c>/Privacy</c>: every cookie and session key the shop can set (from <see cref="PrivacyInventory"/>), and the
/// analytics answer, which <c>POST /Privacy?handler=Consent</c> changes at any time (also from the banner).
/// </summary>
public class IndexModel(PrivacyChoice choice, IStringLocalizer<ShopText> t) : PageModel
{
    public bool Accepted { get; private set; }

    public void OnGet() => Accepted = choice.Accepted;

    public async Task<IActionResult> OnPostConsentAsync(string? analytics, string? returnUrl, CancellationToken cancellationToken)
    {
        switch (analytics)
        {
            case "true":
                await choice.AcceptAsync(cancellationToken);
                Notice.Set(TempData, new Notice(NoticeKind.Success, t["Thank you: analytics are on for this browser. You can withdraw at any time on the privacy page."]));
                break;
            case "false":
                await choice.DeclineAsync(cancellationToken);
                Notice.Set(TempData, new Notice(NoticeKind.Success, t["Analytics are off. Nothing about this visit is recorded, and what was recorded is deleted."]));
                break;
            default:
                return BadRequest();
        }
        return LocalReturnUrl.Of(Url, returnUrl) is { } back ? LocalRedirect(back) : RedirectToPage();
    }
}
