using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ShopApp.Account;
using ShopApp.Localization;
using ShopApp.Pages.Shared;
using ShopApp.Security;

namespace ShopApp.Pages.Language;

/// <summary>
/// <c>POST /Language</c> stores the chosen language in session (and, signed in, on the account) and goes back
/// where the visitor was. A GET shows
/// the same choice as a page of its own (the header's picker posts here from every page).
/// </summary>
public class IndexModel(LanguageSession languageSession, AccountLanguage accountLanguage, IStringLocalizer<ShopText> t) : PageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync(string? culture, string? returnUrl, CancellationToken cancellationToken)
    {
        if (Languages.IsSupported(culture))
        {
            await languageSession.SetAsync(culture, cancellationToken);
            // Signed in, the choice is also saved on the account, so it comes back at the next sign-in anywhere.
            await accountLanguage.SaveAsync(User, culture, cancellationToken);
        }
        else
        {
            // The value itself is never shown: it came from the request and could be anything.
            Notice.Set(TempData, new Notice(NoticeKind.Problem, t["That language is not available. Choose English, Français or Deutsch."]));
        }
        return LocalReturnUrl.Of(Url, returnUrl) is { } back ? LocalRedirect(back) : RedirectToPage("/Products/Index");
    }
}
