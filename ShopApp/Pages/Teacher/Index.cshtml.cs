using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ShopApp.Account;
using ShopApp.Localization;
using ShopApp.Pages.Shared;
using ShopApp.Teaching;

namespace ShopApp.Pages.Teacher;

/// <summary>
/// The classroom dashboard (admins only, teaching mode only): live counts and the list of sessions in the store,
/// refreshed by teacher.js from the Live handler, and the button that ends everyone's session and sign-in but
/// the teacher's.
/// </summary>
public class IndexModel(Classroom classroom, IStringLocalizer<ShopText> t) : PageModel
{
    /// <summary>How often the page asks for fresh figures.</summary>
    public const int RefreshSeconds = 5;

    public ClassroomView View { get; private set; } = null!;

    public bool CanListSessions => classroom.CanListSessions;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        View = await classroom.ReadAsync(SessionInspector.KeyOf(HttpContext), cancellationToken);

    /// <summary>Just the live part of the page, for the periodic refresh.</summary>
    public async Task<IActionResult> OnGetLiveAsync(CancellationToken cancellationToken)
    {
        View = await classroom.ReadAsync(SessionInspector.KeyOf(HttpContext), cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return Partial("_Classroom", this);
    }

    /// <summary>Ends one student's session (and their sign-in), named by the short hash the list shows.</summary>
    public async Task<IActionResult> OnPostEndAsync(string? session, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(session) || session.Length != 8)
        {
            return BadRequest();
        }
        var ended = await classroom.EndOneAsync(session, SessionInspector.KeyOf(HttpContext), User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, cancellationToken);
        Notice.Set(TempData, ended
            ? new Notice(NoticeKind.Success, t["Ended session {0}.", session])
            : new Notice(NoticeKind.Problem, t["Session {0} has already ended.", session]));
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEndAllAsync(CancellationToken cancellationToken)
    {
        var ended = await classroom.EndAllExceptAsync(SessionInspector.KeyOf(HttpContext), User.FindFirst(ShopClaims.SignInId)?.Value, cancellationToken);
        Notice.Set(TempData, new Notice(NoticeKind.Success, t["Ended {0} session(s) and {1} sign-in(s). Yours go on.", ended.Sessions, ended.SignIns]));
        return RedirectToPage();
    }
}
