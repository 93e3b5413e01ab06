using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using ShopApp.Localization;
using ShopApp.Pages.Shared;
using ShopApp.Sessions;

namespace ShopApp.Pages.Learn;

/// <summary>
/// Lesson: a form posted from another origin (<see cref="CsrfElsewhereModel"/>, framed on the page) is refused,
/// and the status page says why. <c>Unprotected</c> is the one handler in the shop without the antiforgery check,
/// and it touches nothing but a counter in the session the request carried.
/// </summary>
// The page's only POST handler is the unprotected demonstration (Razor Pages take this attribute per page).
[IgnoreAntiforgeryToken]
public class CsrfModel(IStringLocalizer<ShopText> t, SessionSettings settings) : LessonModel
{
    public int Counter { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await HttpContext.Session.LoadAsync(cancellationToken);
        Counter = HttpContext.Session.GetInt32(SessionKeys.CsrfDemoCounter) ?? 0;
    }

    public async Task<IActionResult> OnPostUnprotectedAsync(CancellationToken cancellationToken)
    {
        if (!Request.Cookies.ContainsKey(settings.CookieName))
        {
            // From another site the session cookie stays home (SameSite=Lax): no session is found, and none is made,
            // so the answer sets no cookie that could replace the learner's.
            return Content(t["The unprotected form arrived from {0} (Sec-Fetch-Site: {1}) without your session cookie: SameSite=Lax kept it home. No session was found, so nothing of yours changed. Close this tab.",
                Request.Headers.Origin.ToString() is { Length: > 0 } origin ? origin : "—", Request.Headers["Sec-Fetch-Site"].ToString()], "text/plain; charset=utf-8");
        }
        await HttpContext.Session.LoadAsync(cancellationToken);
        var counter = (HttpContext.Session.GetInt32(SessionKeys.CsrfDemoCounter) ?? 0) + 1;
        HttpContext.Session.SetInt32(SessionKeys.CsrfDemoCounter, counter);
        Notice.Set(TempData, new Notice(NoticeKind.Problem, t["The counter went up to {0}: the form carried your session cookie and no token, and this handler does not ask for one. A forged form would do the same wherever the cookie travels.", counter]));
        return RedirectToPage();
    }
}
